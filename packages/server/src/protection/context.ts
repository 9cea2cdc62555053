/** What the protection use cases need from the server: its catalog, vault, clock, keys, plugins and repositories. */
import type { CloudOperations, ThrottlingSchedule } from '@dpmsh/core';
import type { VaultClient } from '@dpmsh/vault';
import type { CatalogDatabase } from '../catalog/database.js';
import type { KeyStore } from '../keys/key-store.js';
import type { PluginHost } from '../plugins/plugin-host.js';
import type { RepositoryPool } from '../storage/repositories.js';

/** The server as the protection use cases see it. */
export interface ProtectionContext {
  readonly db: CatalogDatabase;
  readonly vault: VaultClient;
  readonly clock: () => Date;
  readonly home: string;
  readonly serverId: string;
  readonly keys: KeyStore;
  readonly plugins: PluginHost;
  readonly repositories: RepositoryPool;
  /** The vault this server is registered to, or null. */
  registeredVault(): string | null;
  readonly passphraseSet: () => boolean;
  readonly throttling: () => ThrottlingSchedule;
  /** The scratch location, or null when none is set. */
  readonly scratchPath: () => string | null;
  /** Where recovered data from the vault is staged. */
  readonly recoveryFolder: () => string;
  /** The row of the connectivity x subscription table in force now (contacting the vault). */
  cloudOperations(): Promise<CloudOperations>;
}
