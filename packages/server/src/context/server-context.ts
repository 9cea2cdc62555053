/**
 * The one context every use case runs over: the server's catalog, vault, clock, home, identity,
 * keys, plugins and repositories. It holds data and adapters only; what a use case needs from
 * settings or registration it reads from the catalog itself, so it always sees what is stored now.
 */
import type { VaultClient } from '@dpmsh/vault';
import type { CatalogDatabase } from '../catalog/database.js';
import type { KeyStore } from '../keys/key-store.js';
import type { PluginHost } from '../plugins/plugin-host.js';
import type { RepositoryPool } from '../storage/repositories.js';

/** The server as every use case sees it. */
export interface ServerContext {
  readonly db: CatalogDatabase;
  readonly vault: VaultClient;
  /** True when `vault` is the embedded vault under `home/vault`, which issues credentials files without a ServiceEndpoint. */
  readonly embeddedVault: boolean;
  readonly clock: () => Date;
  readonly home: string;
  readonly serverId: string;
  readonly serverName: string;
  readonly keys: KeyStore;
  readonly plugins: PluginHost;
  readonly repositories: RepositoryPool;
}
