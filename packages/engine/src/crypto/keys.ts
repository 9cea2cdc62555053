/**
 * The master key and what is derived from it. Every key has its own HKDF label, so knowing one
 * (say the chunk-id key, were it to leak) says nothing about the others.
 */
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { MasterKey } from '../api.js';

/** Bytes of a master key and of every derived key. */
export const KEY_BYTES = 32;

const HKDF_SALT = Buffer.from('dpmsh repository keys', 'utf8');
const KEY_ID_LABEL = 'dpmsh key id v1';

/** The keys one repository works with. */
export interface RepositoryKeys {
  /** HMAC-SHA256 key of blob and snapshot ids: equal content, equal id, but only for key holders. */
  readonly idKey: Uint8Array;
  /** AES-256-GCM key of every blob and object. */
  readonly dataKey: Uint8Array;
  /** Seed of the chunker's gear table (see chunking/gear.ts for why it is keyed). */
  readonly gearSeed: Uint8Array;
}

/** 32 random bytes. */
export function createMasterKey(): MasterKey {
  return new Uint8Array(randomBytes(KEY_BYTES));
}

/** Hex HMAC-SHA256 of a fixed label under the master key: names the key without revealing it. */
export function keyIdOf(masterKey: MasterKey): string {
  return createHmac('sha256', masterKey).update(KEY_ID_LABEL).digest('hex');
}

/** Derives the repository keys from the master key (HKDF-SHA256, one label per key). */
export function deriveKeys(masterKey: MasterKey): RepositoryKeys {
  if (masterKey.length !== KEY_BYTES) throw new RangeError(`A master key has ${KEY_BYTES} bytes, not ${masterKey.length}.`);
  const derive = (info: string): Uint8Array => new Uint8Array(hkdfSync('sha256', masterKey, HKDF_SALT, info, KEY_BYTES));
  return {
    idKey: derive('dpmsh chunk id v1'),
    dataKey: derive('dpmsh data v1'),
    gearSeed: derive('dpmsh gear v1'),
  };
}
