/**
 * The one context every use case runs over: the server's catalog, vault, clock, home, identity,
 * keys, plugins and repositories. It holds data and adapters only; what a use case needs from
 * settings or registration it reads from the catalog itself, so it always sees what is stored now.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedVault, type VaultClient } from '@dpmsh/vault';
import { openCatalog, type CatalogDatabase } from './catalog/database.js';
import { failInterruptedJobs } from './catalog/jobs.js';
import { insertServerIdentity, serverIdentity } from './catalog/registration.js';
import { KeyStore } from './keys/key-store.js';
import { PluginHost } from './plugins/plugin-host.js';
import { RepositoryPool } from './storage/repositories.js';

/** How a server opens. */
export interface ServerOptions {
  /** The dpmsh home ($DPMSH_HOME): catalog.db, and the embedded vault under vault/. */
  readonly home: string;
  /** The vault to use; the embedded vault under `home/vault` when absent. */
  readonly vault?: VaultClient;
  readonly clock?: () => Date;
  /** This server's name; the host name when absent. */
  readonly serverName?: string;
  /** Workload plugins to load: package names or paths of plugin modules; @dpmsh/plugin-files when absent. */
  readonly plugins?: readonly string[];
}

/** The server as every use case sees it. */
export interface ServerContext {
  readonly db: CatalogDatabase;
  readonly vault: VaultClient;
  readonly clock: () => Date;
  readonly home: string;
  readonly serverId: string;
  readonly serverName: string;
  readonly keys: KeyStore;
  readonly plugins: PluginHost;
  readonly repositories: RepositoryPool;
}

/** Opens the catalog and vault of a dpmsh home; jobs a crash left running are marked failed. */
export async function openServerContext(options: ServerOptions): Promise<ServerContext> {
  const db = openCatalog(options.home);
  let vault: VaultClient;
  try {
    vault = options.vault ?? (await createEmbeddedVault(join(options.home, 'vault'), { clock: options.clock }));
  } catch (error) {
    db.close();
    throw error;
  }
  const clock = options.clock ?? (() => new Date());
  const keys = new KeyStore(options.home);
  failInterruptedJobs(db, clock());
  let identity = serverIdentity(db);
  if (!identity) {
    identity = { serverId: randomUUID(), serverName: options.serverName ?? hostname() };
    insertServerIdentity(db, identity, clock());
  }
  return { db, vault, clock, home: options.home, ...identity, keys, plugins: new PluginHost(options.plugins), repositories: new RepositoryPool(keys) };
}
