/** Helpers the engine's tests share: temp directories, repositories, entries in and out. */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { BackupEntry, ContentSource, EntryMetadata, MasterKey, Repository } from '../api.js';
import { localBackend } from '../backend/local-backend.js';
import { createMasterKey } from '../crypto/keys.js';
import { initRepository } from '../repository/repository.js';
import type { KeyEnvelope } from '../api.js';
import { keyIdOf } from '../crypto/keys.js';

/** A temp directory removed after the test. */
export function useTempDirs(): (prefix?: string) => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async (prefix = 'dpmsh-engine-') => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}

/** An envelope for a master key without paying for argon2id (tests that do not unwrap). */
export function fakeEnvelope(masterKey: MasterKey): KeyEnvelope {
  // Well formed (verify checks that), but it opens under no passphrase.
  return { kdf: 'argon2id', memoryKiB: 8, iterations: 1, parallelism: 1, salt: randomBytes(16).toString('base64'), wrapped: randomBytes(60).toString('base64'), keyId: keyIdOf(masterKey) };
}

/** A new repository in `dir`, inline (the codec workers are tested through the built engine). */
export async function newRepository(dir: string, masterKey: MasterKey = createMasterKey()): Promise<{ repository: Repository; masterKey: MasterKey }> {
  const repository = await initRepository(localBackend(dir), { masterKey, envelope: fakeEnvelope(masterKey) });
  return { repository, masterKey };
}

/** Metadata with the given size and some distinctive values. */
export function metadata(size: number, overrides: Partial<EntryMetadata> = {}): EntryMetadata {
  return { mode: 0o100644, uid: 1000, gid: 1000, size, mtimeMs: 1_700_000_000_123.5, atimeMs: 1_700_000_100_000, ctimeMs: 1_700_000_050_000, inode: 4242, ...overrides };
}

/** Content yielded in blocks of `blockSize` (odd sizes test the chunker's buffering). */
export function contentOf(data: Uint8Array, blockSize = 1024 * 1024): ContentSource {
  return async function* () {
    for (let offset = 0; offset < data.length; offset += blockSize) yield data.subarray(offset, Math.min(data.length, offset + blockSize));
  };
}

/** Entries as an async iterable. */
export async function* entriesOf(entries: readonly BackupEntry[]): AsyncGenerator<BackupEntry> {
  yield* entries;
}

/** A source tree of a test: a file is its bytes, a directory null. */
export type SourceTree = ReadonlyMap<string, Uint8Array | null>;

/** The backup entries of a source tree, every file read. */
export function fileEntries(tree: SourceTree, blockSize?: number): BackupEntry[] {
  return [...tree].map(([path, data]) =>
    data === null
      ? { type: 'directory', path, metadata: metadata(0, { mode: 0o40755 }) }
      : { type: 'file', path, metadata: metadata(data.length), sparse: false, content: contentOf(data, blockSize) },
  );
}

/** What a restore gives back, by path (streams as 'path:name'). */
export interface Restored {
  readonly type: 'directory' | 'file' | 'stream';
  readonly metadata: EntryMetadata;
  readonly sparse?: boolean;
  readonly data?: Buffer;
}

/** Reads a snapshot back in full. */
export async function restore(repository: Repository, snapshotId: string, items?: readonly string[]): Promise<Map<string, Restored>> {
  const restored = new Map<string, Restored>();
  for await (const entry of repository.entries(snapshotId, items)) {
    if (entry.type === 'directory') {
      restored.set(entry.path, { type: 'directory', metadata: entry.metadata });
      continue;
    }
    const parts: Uint8Array[] = [];
    for await (const part of entry.content()) parts.push(part);
    const data = Buffer.concat(parts);
    if (entry.type === 'file') restored.set(entry.path, { type: 'file', metadata: entry.metadata, sparse: entry.sparse, data });
    else restored.set(`${entry.path}:${entry.streamName}`, { type: 'stream', metadata: entry.metadata, data });
  }
  return restored;
}

/** Every file under a directory, as paths relative to it. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Random bytes. */
export function random(bytes: number): Buffer {
  return randomBytes(bytes);
}

/** Compressible text of about `bytes` bytes. */
export function logText(bytes: number, seed = 0): Buffer {
  const lines: string[] = [];
  let length = 0;
  for (let line = seed; length < bytes; line++) {
    const text = `2026-12-04T10:${String(line % 60).padStart(2, '0')}Z INFO job=${line % 977} datasource=SQL${line % 13} bytes=${(line * 7919) % 100000}\n`;
    lines.push(text);
    length += text.length;
  }
  return Buffer.from(lines.join('').slice(0, bytes));
}
