/**
 * The 'config' object: the repository's id, format version and chunker sizes, sealed under the
 * data key. Its presence is what makes a location a repository, so init writes it last; that it
 * opens under a master key is what proves the key is this repository's.
 */
import type { ObjectBackend } from '../api.js';
import type { ChunkerParams } from '../chunking/fastcdc.js';
import type { RepositoryKeys } from '../crypto/keys.js';
import { label, open, seal } from '../crypto/sealed.js';

/** What the config holds. */
export interface RepositoryConfig {
  readonly version: 1;
  /** Hex, random at init. */
  readonly id: string;
  readonly chunker: ChunkerParams;
}

/** The config's object name. */
export const CONFIG_OBJECT = 'config';

const CONFIG_AAD = label('dpmsh config v1');

/** Writes the config. */
export async function writeConfig(backend: ObjectBackend, keys: RepositoryKeys, config: RepositoryConfig): Promise<void> {
  await backend.write(CONFIG_OBJECT, seal(keys.dataKey, CONFIG_AAD, Buffer.from(JSON.stringify(config), 'utf8')));
}

/** The config, or null when it does not open under these keys. */
export function openConfig(keys: RepositoryKeys, sealed: Uint8Array): RepositoryConfig | null {
  const json = open(keys.dataKey, CONFIG_AAD, sealed);
  return json === null ? null : (JSON.parse(json.toString('utf8')) as RepositoryConfig);
}
