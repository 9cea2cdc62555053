/**
 * A snapshot's manifest: its entries as JSON lines, in the order the backup received them, cut
 * into tree blobs. Cuts fall where a hash of the entry's path says, between 64 KiB and 1 MiB, so
 * an unchanged stretch of a data source yields the same tree blobs again and they deduplicate
 * like content does. A file's chunk ids are in its line; a very long list (a file of many GiB)
 * goes into list blobs of its own so that no line, and no memory, grows with file size.
 */
import type { EntryMetadata } from '../api.js';

/** A file's or stream's content: its chunk ids inline, or the ids of list blobs holding them. */
export type ContentRefs = { readonly c: readonly string[] } | { readonly l: readonly string[] };

/** Metadata as stored: mode, uid, gid, size, mtimeMs, atimeMs, ctimeMs, inode. */
export type MetadataTuple = readonly [number, number, number, number, number, number, number, number];

/** One line of a manifest. */
export type ManifestRecord =
  | { readonly t: 'd'; readonly p: string; readonly m: MetadataTuple }
  | ({ readonly t: 'f'; readonly p: string; readonly m: MetadataTuple; readonly s: boolean } & ContentRefs)
  | ({ readonly t: 's'; readonly p: string; readonly n: string; readonly m: MetadataTuple } & ContentRefs);

/** Chunk ids a list blob holds at most; longer content starts another list blob. */
export const LIST_BLOB_CHUNKS = 4096;

const TREE_MIN_BYTES = 64 * 1024;
const TREE_MAX_BYTES = 1024 * 1024;
const TREE_CUT_MASK = 0x3f;

/** Metadata to its stored tuple. */
export function toTuple(m: EntryMetadata): MetadataTuple {
  return [m.mode, m.uid, m.gid, m.size, m.mtimeMs, m.atimeMs, m.ctimeMs, m.inode];
}

/** A stored tuple back to metadata. */
export function fromTuple(m: MetadataTuple): EntryMetadata {
  return { mode: m[0], uid: m[1], gid: m[2], size: m[3], mtimeMs: m[4], atimeMs: m[5], ctimeMs: m[6], inode: m[7] };
}

/** The key of a record in a snapshot's index: the path, streams as 'path:streamName'. */
export function recordKey(record: ManifestRecord): string {
  return record.t === 's' ? `${record.p}:${record.n}` : record.p;
}

function pathHash(path: string): number {
  // FNV-1a: cheap, and all a cut position needs.
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Stores a blob and returns its id. */
export type StoreTree = (bytes: Uint8Array) => Promise<string>;

/** Collects records into tree blobs. */
export class ManifestWriter {
  private lines: string[] = [];
  private bytes = 0;
  private readonly trees: string[] = [];

  constructor(private readonly store: StoreTree) {}

  /** Appends a record. */
  async add(record: ManifestRecord): Promise<void> {
    const line = `${JSON.stringify(record)}\n`;
    this.lines.push(line);
    this.bytes += line.length;
    if (this.bytes >= TREE_MAX_BYTES || (this.bytes >= TREE_MIN_BYTES && (pathHash(record.p) & TREE_CUT_MASK) === 0)) await this.flush();
  }

  /** Stores what is left; the tree ids, in order. */
  async finish(): Promise<string[]> {
    await this.flush();
    return this.trees;
  }

  private async flush(): Promise<void> {
    if (this.lines.length === 0) return;
    const bytes = Buffer.from(this.lines.join(''), 'utf8');
    this.lines = [];
    this.bytes = 0;
    this.trees.push(await this.store(bytes));
  }
}

/** The records of one tree blob. */
export function parseTree(bytes: Uint8Array): ManifestRecord[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as ManifestRecord);
}

/** A list blob's bytes. */
export function encodeList(ids: readonly string[]): Buffer {
  return Buffer.from(JSON.stringify(ids), 'utf8');
}

/** A list blob's chunk ids. */
export function parseList(bytes: Uint8Array): string[] {
  return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as string[];
}
