/**
 * Reads blobs back. A backend reads whole objects, so the last few packs read are kept (a file's
 * chunks sit together in a few packs, a manifest's trees in one): memory stays bounded at
 * CACHED_PACKS packs however much is restored.
 */
import type { ObjectBackend } from '../api.js';
import { isNotFound } from '../backend/not-found.js';
import { repositoryCorrupt } from '../errors.js';
import { decodeBlob, type BlobType } from '../format/blob.js';
import type { BlobLocation } from './index-store.js';
import { packObjectName } from '../format/pack-format.js';

const CACHED_PACKS = 4;

/** Finds blobs: an IndexStore, or verify's own map. */
export interface BlobLocator {
  get(id: string): BlobLocation | undefined;
}

/** Reads and opens blobs through a small pack cache. */
export class BlobReader {
  private readonly packs = new Map<string, Promise<Uint8Array>>();

  constructor(
    private readonly backend: ObjectBackend,
    private readonly dataKey: Uint8Array,
    private readonly locator: BlobLocator,
    /** Called once before giving up on a blob the locator lacks (another process may have indexed it). */
    private readonly refresh?: () => Promise<void>,
  ) {}

  /** The blob's plaintext; 'RepositoryCorrupt' when it is missing or does not authenticate. */
  async read(type: BlobType, id: string): Promise<Buffer> {
    const { location, sealed } = await this.sealed(id);
    const plaintext = location.type === type ? decodeBlob(this.dataKey, type, Buffer.from(id, 'hex'), sealed) : null;
    if (plaintext === null) throw repositoryCorrupt(this.backend.location, `${type} blob ${id} in pack ${packObjectName(location.pack)} does not authenticate`);
    return plaintext;
  }

  /** The blob's sealed bytes (a view into the cached pack) and where they are. */
  async sealed(id: string): Promise<{ location: BlobLocation; sealed: Uint8Array }> {
    let location = this.locator.get(id);
    if (location === undefined && this.refresh !== undefined) {
      await this.refresh();
      location = this.locator.get(id);
    }
    if (location === undefined) throw repositoryCorrupt(this.backend.location, `blob ${id} is in no index`);
    const pack = await this.pack(location.pack);
    if (location.offset + location.length > pack.length) throw repositoryCorrupt(this.backend.location, `pack ${packObjectName(location.pack)} is shorter than its index says`);
    return { location, sealed: pack.subarray(location.offset, location.offset + location.length) };
  }

  private pack(name: string): Promise<Uint8Array> {
    let pack = this.packs.get(name);
    if (pack !== undefined) {
      this.packs.delete(name);
    } else {
      pack = this.backend.read(packObjectName(name)).catch((error: unknown) => {
        this.packs.delete(name);
        if (isNotFound(error)) throw repositoryCorrupt(this.backend.location, `pack ${packObjectName(name)} is missing`);
        throw error;
      });
      while (this.packs.size >= CACHED_PACKS) this.packs.delete(this.packs.keys().next().value as string);
    }
    this.packs.set(name, pack);
    return pack;
  }
}
