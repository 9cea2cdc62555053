/**
 * Where each blob is: the index objects under 'index/' loaded into one map. An entry is only
 * trusted while its pack is there (a pack deleted behind the index, or lost, is never taken as
 * holding a chunk a backup could skip storing). Index objects are named by the SHA-256 of their
 * sealed bytes and written only after the packs they list.
 */
import { createHash } from 'node:crypto';
import type { ObjectBackend } from '../api.js';
import { readIfExists } from '../backend/not-found.js';
import type { BlobType } from '../format/blob.js';
import { decodeIndex, encodeIndex, packNameOf, type PackRecord } from '../format/pack-format.js';

/** Where one blob is. */
export interface BlobLocation {
  readonly pack: string;
  readonly type: BlobType;
  readonly offset: number;
  readonly length: number;
}

/** Every index object, decoded, for verify and prune. */
export interface IndexContents {
  /** Object name → the packs it lists. */
  readonly objects: ReadonlyMap<string, readonly PackRecord[]>;
  /** Index objects that do not authenticate or decode. */
  readonly unreadable: readonly string[];
}

/** The names of the packs under data/. */
export async function listPacks(backend: ObjectBackend): Promise<Set<string>> {
  const packs = new Set<string>();
  for (const objectName of await backend.list('data/')) {
    const name = packNameOf(objectName);
    if (name !== undefined) packs.add(name);
  }
  return packs;
}

/** Reads and decodes the named index objects (all of them when absent). */
export async function readIndexContents(backend: ObjectBackend, dataKey: Uint8Array, names?: readonly string[]): Promise<IndexContents> {
  const objects = new Map<string, PackRecord[]>();
  const unreadable: string[] = [];
  for (const name of names ?? (await backend.list('index/'))) {
    const sealed = await readIfExists(backend, name);
    // Gone since the listing (a concurrent prune): nothing to load.
    if (sealed === undefined) continue;
    const packs = decodeIndex(dataKey, sealed);
    if (packs === null) unreadable.push(name);
    else objects.set(name, packs);
  }
  return { objects, unreadable };
}

/** Writes an index object listing the packs; returns its name and size. */
export async function writeIndexObject(backend: ObjectBackend, dataKey: Uint8Array, packs: readonly PackRecord[]): Promise<{ name: string; bytes: number }> {
  const sealed = encodeIndex(dataKey, packs);
  const name = `index/${createHash('sha256').update(sealed).digest('hex')}`;
  await backend.write(name, sealed);
  return { name, bytes: sealed.length };
}

/** The blob map of a repository, refreshed from the backend when a writer starts. */
export class IndexStore {
  private readonly locations = new Map<string, BlobLocation>();
  private readonly loaded = new Set<string>();
  private damaged: readonly string[] = [];

  /** Index objects the last refresh could not read: their blobs are not trusted (stored again by a backup that needs them). */
  get unreadable(): readonly string[] {
    return this.damaged;
  }

  /**
   * What a writer says of the unreadable index objects rather than skip them silently: the data
   * they list is stored again, and the points that need it stay unrestorable until a repair.
   */
  unreadableWarnings(location: string): string[] {
    return this.damaged.map(
      (name) => `index ${name} of ${location} does not authenticate: the data it lists was stored again, and recovery points that need it cannot be restored until the index is repaired`,
    );
  }

  /** Loads index objects written since the last refresh and drops entries whose pack is gone. */
  async refresh(backend: ObjectBackend, dataKey: Uint8Array): Promise<void> {
    const names = await backend.list('index/');
    const present = new Set(names);
    if ([...this.loaded].some((name) => !present.has(name))) {
      // A prune replaced index objects: start over rather than guess which entries went.
      this.locations.clear();
      this.loaded.clear();
    }
    const packs = await listPacks(backend);
    const contents = await readIndexContents(backend, dataKey, names.filter((name) => !this.loaded.has(name)));
    // Not marked loaded: the next refresh reads it again, and after a repair it is gone.
    this.damaged = contents.unreadable;
    for (const [name, records] of contents.objects) {
      this.loaded.add(name);
      for (const record of records) if (packs.has(record.name)) this.addPack(record);
    }
    for (const [id, location] of this.locations) if (!packs.has(location.pack)) this.locations.delete(id);
  }

  /** Records an index object this process wrote, so that the next refresh does not read it back. */
  addIndexObject(name: string, records: readonly PackRecord[]): void {
    this.loaded.add(name);
    for (const record of records) this.addPack(record);
  }

  /** Records the blobs of a pack that is now stored. */
  addPack(record: PackRecord): void {
    for (const blob of record.blobs) {
      if (!this.locations.has(blob.id)) this.locations.set(blob.id, { pack: record.name, type: blob.type, offset: blob.offset, length: blob.length });
    }
  }

  /** Where a blob is, or undefined. */
  get(id: string): BlobLocation | undefined {
    return this.locations.get(id);
  }

  /** True when the blob is stored. */
  has(id: string): boolean {
    return this.locations.has(id);
  }
}
