/**
 * The check verify makes of one pack: its bytes hash to its name, its header authenticates, and
 * every blob authenticates (GCM) and hashes back to its id once decrypted and decompressed. Pure
 * CPU work on bytes already read, so a worker can run it.
 */
import { createHash } from 'node:crypto';
import type { RepositoryKeys } from '../crypto/keys.js';
import { blobId, decodeBlob } from './blob.js';
import { packObjectName, readPackHeader, type PackBlob } from './pack-format.js';

/** What checking a pack found. */
export interface PackCheck {
  /** The header's blobs, or null when the header cannot be read. */
  readonly blobs: readonly PackBlob[] | null;
  /** One line per problem, each naming the pack. */
  readonly problems: readonly string[];
}

/** Checks every byte of a pack. */
export function checkPack(keys: Pick<RepositoryKeys, 'idKey' | 'dataKey'>, name: string, pack: Uint8Array): PackCheck {
  const objectName = packObjectName(name);
  const problems: string[] = [];
  if (createHash('sha256').update(pack).digest('hex') !== name) problems.push(`pack ${objectName}: its bytes do not hash to its name (the pack is damaged)`);
  const header = readPackHeader(keys.dataKey, pack);
  if (typeof header === 'string') {
    problems.push(`pack ${objectName}: ${header}`);
    return { blobs: null, problems };
  }
  for (const blob of header) {
    const id = Buffer.from(blob.id, 'hex');
    const plaintext = decodeBlob(keys.dataKey, blob.type, id, pack.subarray(blob.offset, blob.offset + blob.length));
    if (plaintext === null) problems.push(`pack ${objectName}: ${blob.type} blob ${blob.id} does not authenticate`);
    else if (!blobId(keys.idKey, blob.type, plaintext).equals(id)) problems.push(`pack ${objectName}: ${blob.type} blob ${blob.id} does not hash to its id`);
  }
  return { blobs: header, problems };
}
