/**
 * Snapshot objects, 'snapshots/<id>': a sealed JSON record of the summary and the manifest's tree
 * ids. The id is the keyed hash of that record, and the object is the last thing a backup
 * writes, so a snapshot exists only when everything it refers to does.
 */
import { createHmac } from 'node:crypto';
import type { ObjectBackend, SnapshotSummary } from '../api.js';
import type { RepositoryKeys } from '../crypto/keys.js';
import { label, open, seal } from '../crypto/sealed.js';
import { repositoryCorrupt } from '../errors.js';
import { readIfExists } from '../backend/not-found.js';

/** What a snapshot object holds. */
export interface SnapshotRecord {
  readonly v: 1;
  readonly createdAt: string;
  readonly parent: string | null;
  readonly tags: Readonly<Record<string, string>>;
  readonly files: number;
  readonly directories: number;
  readonly totalBytes: number;
  readonly addedBytes: number;
  readonly trees: readonly string[];
}

const SNAPSHOT_PREFIX = 'snapshots/';
const ID_PATTERN = /^[0-9a-f]{64}$/;

const aadOf = (id: string): Buffer => label('dpmsh snapshot v1 ', Buffer.from(id, 'hex'));

/** The object name of a snapshot. */
export function snapshotObjectName(id: string): string {
  return `${SNAPSHOT_PREFIX}${id}`;
}

/** True when the text is a well-formed snapshot id. */
export function isSnapshotId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/** The sealed object of a snapshot record, and its id. */
export function sealSnapshot(keys: RepositoryKeys, record: SnapshotRecord): { id: string; sealed: Buffer } {
  const json = Buffer.from(JSON.stringify(record), 'utf8');
  const id = createHmac('sha256', keys.idKey).update('dpmsh snapshot v1\0').update(json).digest('hex');
  return { id, sealed: seal(keys.dataKey, aadOf(id), json) };
}

/** The ids of the committed snapshots. */
export async function listSnapshotIds(backend: ObjectBackend): Promise<string[]> {
  return (await backend.list(SNAPSHOT_PREFIX)).map((name) => name.slice(SNAPSHOT_PREFIX.length)).filter(isSnapshotId);
}

/** A snapshot's record; undefined when there is none; 'RepositoryCorrupt' when it does not authenticate. */
export async function readSnapshot(backend: ObjectBackend, keys: RepositoryKeys, id: string): Promise<SnapshotRecord | undefined> {
  if (!isSnapshotId(id)) return undefined;
  const sealed = await readIfExists(backend, snapshotObjectName(id));
  if (sealed === undefined) return undefined;
  const json = open(keys.dataKey, aadOf(id), sealed);
  if (json === null) throw repositoryCorrupt(backend.location, `snapshot ${snapshotObjectName(id)} does not authenticate`);
  return JSON.parse(json.toString('utf8')) as SnapshotRecord;
}

/** The public summary of a record. */
export function summaryOf(id: string, record: SnapshotRecord): SnapshotSummary {
  return {
    id,
    createdAt: new Date(record.createdAt),
    parent: record.parent,
    tags: record.tags,
    files: record.files,
    directories: record.directories,
    totalBytes: record.totalBytes,
    addedBytes: record.addedBytes,
  };
}
