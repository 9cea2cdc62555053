/**
 * The protection server: the facade the DPM cmdlets use. Each method is one use case, called
 * directly over the server's one context; the use cases check the rules of @dpmsh/core, do the
 * I/O (catalog, vault, files) and return plain data. A change either completes or leaves the
 * catalog as it was.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { StorageRedundancy, SubscriptionState } from '@dpmsh/core';
import type { WorkloadPlugin } from '@dpmsh/sdk';
import { createEmbeddedVault, type CreateVaultRequest, type SubscriptionRecord, type VaultClient, type VaultRecord } from '@dpmsh/vault';
import { openCatalog } from './catalog/database.js';
import { failInterruptedJobs } from './catalog/jobs.js';
import { insertServerIdentity, serverIdentity } from './catalog/registration.js';
import { register, registration, type Registration, type RegisterRequest } from './cloud/registration.js';
import type { SettingsChange } from './cloud/settings-change.js';
import { changeSettings, passphraseMatches, recoveryFolder, serverSettings, type ServerSettings } from './cloud/settings.js';
import { checkConnection, cloudStatus, type CloudStatus } from './cloud/status.js';
import { issueCredentials, type CredentialFile } from './cloud/vaults.js';
import type { ServerContext } from './context/server-context.js';
import { KeyStore, type KeyProtection } from './keys/key-store.js';
import { proxyPassword, sealPlainProxyPassword } from './cloud/proxy-password.js';
import type { OperationOutput } from './plugins/plugin-context.js';
import { PluginHost, type PluginLoadFailure } from './plugins/plugin-host.js';
import { backupNow, type BackupRequest, type BackupResult } from './protection/backup.js';
import { DatasourceDirectory } from './protection/datasources.js';
import { ProtectionGroups } from './protection/groups.js';
import { listJobs } from './protection/jobs.js';
import type { ProgressListener } from './protection/progress.js';
import { recoverableItems } from './protection/recoverable-items.js';
import { findRecoveryPoint, listRecoveryPoints, type RecoveryPointFilter } from './protection/recovery-points.js';
import { restoreRecoveryPoint, type RestoreOutcome, type RestoreRequest } from './protection/restore.js';
import { runDueBackups, type ScheduledRun } from './protection/scheduler.js';
import type { DiskStorage, Job, JobFilter, RecoverableItem, RecoveryPoint, VerifyResult } from './model/types.js';
import { verifyRecoveryPoint } from './protection/verify.js';
import { repairStorage, type RepairRequest, type RepairResult } from './protection/repair.js';
import { addDisk } from './protection/disks.js';
import { listDisks } from './storage/disk-storage.js';
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
  /** A file holding the encryption passphrase (DPMSH_PASSPHRASE_FILE), which opens a master key kept wrapped. */
  readonly passphraseFile?: string;
  /** The engine's codec worker threads per operation: one per core when absent; 0 does the work on the calling thread. */
  readonly engineWorkers?: number;
}

/** The protection server. */
export class ProtectionServer {
  readonly #ctx: ServerContext;
  readonly serverId: string;
  readonly serverName: string;
  /** Data sources: what the plugins find now, what a path is, and what the saved groups protect. */
  readonly datasources: DatasourceDirectory;
  /** Protection groups: the saved ones, and the modifiable copies the DPM cmdlets change and save. */
  readonly groups: ProtectionGroups;

  private constructor(ctx: ServerContext) {
    this.#ctx = ctx;
    this.serverId = ctx.serverId;
    this.serverName = ctx.serverName;
    this.datasources = new DatasourceDirectory(ctx);
    this.groups = new ProtectionGroups(ctx);
  }

  /** Opens the server of a dpmsh home, creating its catalog on first use. */
  static async open(options: ServerOptions): Promise<ProtectionServer> {
    return new ProtectionServer(await openServerContext(options));
  }

  /** The vault service this server talks to. */
  get vault(): VaultClient {
    return this.#ctx.vault;
  }

  /** Closes the vault client and the catalog. */
  async close(): Promise<void> {
    await this.#ctx.vault.close();
    this.#ctx.db.close();
  }

  // ---- vaults and credentials ---------------------------------------------------------------

  /** Creates a backup vault (New-BackupVault). */
  createVault(request: CreateVaultRequest): Promise<VaultRecord> {
    return this.#ctx.vault.createVault(request);
  }
  /** One vault by name. */
  getVault(name: string): Promise<VaultRecord> {
    return this.#ctx.vault.getVault(name);
  }
  /** Every vault of the subscription. */
  listVaults(): Promise<VaultRecord[]> {
    return this.#ctx.vault.listVaults();
  }
  /** Changes a vault's storage redundancy; refused once it holds a backup. */
  setVaultRedundancy(name: string, storageRedundancy: StorageRedundancy): Promise<VaultRecord> {
    return this.#ctx.vault.setVaultProperties(name, { storageRedundancy });
  }
  /** Removes a vault. */
  removeVault(name: string): Promise<void> {
    return this.#ctx.vault.removeVault(name);
  }
  /** The subscription the vaults belong to. */
  getSubscription(): Promise<SubscriptionRecord> {
    return this.#ctx.vault.getSubscription();
  }
  /** Sets the subscription's state. */
  setSubscriptionState(state: SubscriptionState): Promise<SubscriptionRecord> {
    return this.#ctx.vault.setSubscriptionState(state);
  }
  /** Issues vault credentials into a folder, as a file only its owner can read. */
  issueCredentials(vaultName: string, folder: string): Promise<CredentialFile> {
    return issueCredentials(this.#ctx, vaultName, folder);
  }

  // ---- registration and settings ------------------------------------------------------------

  /** This server's registration, or null. */
  registration(): Registration | null {
    return registration(this.#ctx);
  }
  /** Registers this server with the vault of a credentials file, with the settings given, all or none (Register-DPMServer). */
  register(request: RegisterRequest): Promise<Registration> {
    return register(this.#ctx, request);
  }
  /** Changes settings together (Set-OBMachineSetting, a committed Set-DPMCloudSubscriptionSetting). */
  changeSettings(change: SettingsChange): Promise<ServerSettings> {
    return changeSettings(this.#ctx, change);
  }
  /** True when a passphrase is the one this server's data is encrypted with. */
  passphraseMatches(passphrase: string): Promise<boolean> {
    return passphraseMatches(this.#ctx, passphrase);
  }
  /** How the master key is kept at rest: in keys/master.key, or only wrapped under the passphrase. */
  keyProtection(): Promise<KeyProtection> {
    return this.#ctx.keys.protection();
  }
  /** Keeps the master key only wrapped, after checking the passphrase opens it (Protect-DPMMasterKey). */
  async protectMasterKey(passphrase: string): Promise<void> {
    await this.#ctx.keys.unlock(passphrase);
    await this.#ctx.keys.protect();
  }
  /** Keeps the master key in keys/master.key again; opens it with `passphrase` first when given (Unprotect-DPMMasterKey). */
  async unprotectMasterKey(passphrase?: string): Promise<void> {
    if (passphrase !== undefined) await this.#ctx.keys.unlock(passphrase);
    await this.#ctx.keys.unprotect();
  }
  /** Opens a wrapped master key for the rest of this session (Unlock-DPMMasterKey). */
  async unlockMasterKey(passphrase: string): Promise<void> {
    await this.#ctx.keys.unlock(passphrase);
  }
  /** The proxy password, opened with the master key; undefined when the proxy has none. */
  proxyPassword(): Promise<string | undefined> {
    return proxyPassword(this.#ctx);
  }
  /** The server's settings. */
  settings(): ServerSettings {
    return serverSettings(this.#ctx);
  }
  /** Where recovered data is staged; the recovery folder setting or `home/recovery`. */
  get recoveryFolder(): string {
    return recoveryFolder(this.#ctx);
  }

  // ---- the cloud ----------------------------------------------------------------------------

  /** Whether the vault answers now; a registered server records the contact. */
  checkConnection(): Promise<boolean> {
    return checkConnection(this.#ctx);
  }
  /** Registration, connectivity and subscription state, and what the seeds' table allows with them (Get-DPMCloudStatus). */
  cloudStatus(): Promise<CloudStatus> {
    return cloudStatus(this.#ctx);
  }

  // ---- plugins and disk storage -------------------------------------------------------------

  /** The workload plugins that loaded. */
  pluginsLoaded(): Promise<WorkloadPlugin[]> {
    return this.#ctx.plugins.plugins();
  }
  /** The workload plugins that did not load, and why. */
  pluginFailures(): Promise<readonly PluginLoadFailure[]> {
    return this.#ctx.plugins.failures();
  }
  /** Adds disk storage (Add-DPMDisk). */
  addDisk(path: string): Promise<DiskStorage> {
    return addDisk(this.#ctx, path);
  }
  /** The disk storage (Get-DPMDisk). */
  disks(): Promise<DiskStorage[]> {
    return listDisks(this.#ctx.db);
  }

  // ---- backups, recovery points, restores, jobs ---------------------------------------------

  /** Backs up a protected data source now, to disk or to the vault (New-DPMRecoveryPoint). */
  backupNow(datasourceId: string, request: BackupRequest): Promise<BackupResult> {
    return backupNow(this.#ctx, datasourceId, request);
  }
  /** Runs every backup due at `now` (the scheduler's tick). */
  runDueBackups(now: Date, signal?: AbortSignal): Promise<ScheduledRun[]> {
    return runDueBackups(this.#ctx, now, signal);
  }
  /** Recovery points, oldest first (Get-DPMRecoveryPoint). */
  recoveryPoints(filter: RecoveryPointFilter = {}): RecoveryPoint[] {
    return listRecoveryPoints(this.#ctx, filter);
  }
  /** One recovery point. */
  recoveryPoint(id: string): RecoveryPoint {
    return findRecoveryPoint(this.#ctx, id);
  }
  /** The entries under a folder of a recovery point (Get-DPMRecoverableItem). */
  recoverableItems(recoveryPointId: string, folder?: string): Promise<RecoverableItem[]> {
    return recoverableItems(this.#ctx, recoveryPointId, folder);
  }
  /** Restores a recovery point (Restore-DPMRecoverableItem). */
  restore(recoveryPointId: string, request: RestoreRequest): Promise<RestoreOutcome> {
    return restoreRecoveryPoint(this.#ctx, recoveryPointId, request);
  }
  /** Verifies a recovery point (Test-DPMRecoveryPoint). */
  verify(recoveryPointId: string, request: OperationOutput & { onProgress?: ProgressListener } = {}): Promise<VerifyResult> {
    return verifyRecoveryPoint(this.#ctx, recoveryPointId, request);
  }
  /** Rebuilds the index of a disk storage or the online copy and reclaims leftovers there, as a Repair job (Repair-DPMStorage). */
  repair(request: RepairRequest = {}): Promise<RepairResult> {
    return repairStorage(this.#ctx, request);
  }
  /** Jobs, oldest first (Get-DPMJob). */
  jobs(filter: JobFilter = {}): Job[] {
    return listJobs(this.#ctx, filter);
  }
}

/** Opens the catalog and vault of a dpmsh home; jobs a crash left running are marked failed. */
async function openServerContext(options: ServerOptions): Promise<ServerContext> {
  const db = openCatalog(options.home);
  let vault: VaultClient;
  try {
    vault = options.vault ?? (await createEmbeddedVault(join(options.home, 'vault'), { clock: options.clock }));
  } catch (error) {
    db.close();
    throw error;
  }
  const clock = options.clock ?? (() => new Date());
  const keys = new KeyStore(options.home, options.passphraseFile === undefined ? {} : { passphraseFile: options.passphraseFile });
  failInterruptedJobs(db, clock());
  let identity = serverIdentity(db);
  if (!identity) {
    identity = { serverId: randomUUID(), serverName: options.serverName ?? hostname() };
    insertServerIdentity(db, identity, clock());
  }
  const ctx: ServerContext = { db, vault, embeddedVault: options.vault === undefined, clock, home: options.home, ...identity, keys, plugins: new PluginHost(options.plugins), repositories: new RepositoryPool(keys, options.engineWorkers === undefined ? {} : { workers: options.engineWorkers }) };
  try {
    await sealPlainProxyPassword(ctx);
  } catch (error) {
    await vault.close();
    db.close();
    throw error;
  }
  return ctx;
}
