/** What every repository operation works with. */
import type { ObjectBackend } from '../api.js';
import type { RepositoryKeys } from '../crypto/keys.js';
import type { RepositoryConfig } from './config.js';
import type { IndexStore } from './index-store.js';

/** An open repository's state, shared by its operations. */
export interface RepositoryContext {
  readonly backend: ObjectBackend;
  readonly keys: RepositoryKeys;
  readonly keyId: string;
  readonly config: RepositoryConfig;
  /** The chunker's gear table, keyed from the master key. */
  readonly gear: Int32Array;
  readonly index: IndexStore;
  /** Codec worker threads; undefined for one per core, 0 to work inline. */
  readonly workers: number | undefined;
}
