/**
 * The protection server: its catalog and settings, and the use cases the cmdlets call. Each use
 * case checks the rules of @dpmsh/core, does the I/O (catalog, vault, files) and returns plain
 * data. A change either completes or leaves the catalog as it was.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import {
  assertNotRegisteredElsewhere,
  cloudOperations,
  connectivityFrom,
  DomainError,
  notRegisteredError,
  parseVaultCredentials,
  unreadableCredentialsError,
  validatePassphrase,
  validateProxy,
  validateScratchSpace,
  validateThrottling,
  NO_THROTTLING,
  type CloudOperations,
  type Connectivity,
  type ProxyInput,
  type ProxySettings,
  type StorageRedundancy,
  type SubscriptionState,
  type ThrottlingSchedule,
} from '@dpmsh/core';
import type { Repository } from '@dpmsh/engine';
import { createEmbeddedVault, proveCredentialPossession, saveVaultCredentialsFile, type CreateVaultRequest, type SubscriptionRecord, type VaultClient, type VaultRecord } from '@dpmsh/vault';
import { openCatalog, type CatalogDatabase } from './catalog/database.js';
import { diskRows } from './catalog/disks.js';
import { failInterruptedJobs } from './catalog/jobs.js';
import { KeyStore } from './keys/key-store.js';
import { applyPassphrase, presentDisks } from './keys/rekey.js';
import { PluginHost } from './plugins/plugin-host.js';
import type { ProtectionContext } from './protection/context.js';
import { Protection } from './protection/protection.js';
import type { BackupRequest, BackupResult } from './protection/backup.js';
import type { ScheduledRun } from './protection/scheduler.js';
import { RepositoryPool } from './storage/repositories.js';
import { vaultBackend } from './storage/vault-backend.js';
import { freeBytes, prepareFolder, undoFolders, type PreparedFolder } from './folders.js';
import { passphraseCheck, passphraseMatches, type PassphraseCheck } from './passphrase.js';

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

/** This server's registration to a vault. */
export interface Registration {
  readonly serverId: string;
  readonly serverName: string;
  readonly vaultId: string;
  readonly vaultName: string;
  readonly subscriptionId: string;
  readonly region: string;
  readonly certThumbprint: string;
  readonly registeredAt: Date;
}

/** The server's settings as the cmdlets show them. */
export interface ServerSettings {
  readonly registration: Registration | null;
  readonly passphraseSet: boolean;
  readonly recoveryFolder: string | null;
  readonly scratchPath: string | null;
  readonly proxy: ProxySettings | null;
  readonly throttling: ThrottlingSchedule;
  readonly lastContactAt: Date | null;
}

/** Settings to change together, all or none. */
export interface SettingsChange {
  readonly passphrase?: string;
  readonly recoveryFolder?: string;
  readonly scratchPath?: string;
  /** null: no proxy. */
  readonly proxy?: ProxyInput | null;
  readonly throttling?: ThrottlingSchedule;
  /** Data planned for online protection, to check the scratch space against (5%). */
  readonly plannedOnlineBytes?: number;
}

/** A registration request: the credentials file and, optionally, the settings registration also sets. */
export interface RegisterRequest extends SettingsChange {
  readonly credentialsPath: string;
}

/** Credentials written to a file. */
export interface CredentialFile {
  readonly filePath: string;
  readonly vault: VaultRecord;
  readonly thumbprint: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** What Get-DPMCloudStatus reports. */
export interface CloudStatus {
  readonly registered: boolean;
  readonly vault: string | null;
  readonly connected: boolean;
  readonly connectivity: Connectivity;
  readonly lastContact: Date | null;
  readonly subscriptionState: SubscriptionState;
  readonly operations: CloudOperations;
}

type SettingKey = 'passphraseCheck' | 'recoveryFolder' | 'scratchPath' | 'proxy' | 'throttling' | 'lastContactAt';

/** The protection server. */
export class ProtectionServer {
  readonly #db: CatalogDatabase;
  readonly #vault: VaultClient;
  readonly #clock: () => Date;
  readonly #home: string;
  readonly #keys: KeyStore;
  readonly #repositories: RepositoryPool;
  readonly #plugins: PluginHost;
  readonly #protection: Protection;
  readonly serverId: string;
  readonly serverName: string;

  private constructor(db: CatalogDatabase, vault: VaultClient, options: ServerOptions) {
    this.#db = db;
    this.#vault = vault;
    this.#clock = options.clock ?? (() => new Date());
    this.#home = options.home;
    this.#keys = new KeyStore(options.home);
    this.#repositories = new RepositoryPool(this.#keys);
    this.#plugins = new PluginHost(options.plugins);
    failInterruptedJobs(db, this.#clock());
    const row = db.prepare('SELECT server_id, name FROM server WHERE id = 1').get() as { server_id: string; name: string } | undefined;
    if (row) {
      this.serverId = row.server_id;
      this.serverName = row.name;
    } else {
      this.serverId = randomUUID();
      this.serverName = options.serverName ?? hostname();
      db.prepare('INSERT INTO server (id, server_id, name, created_at) VALUES (1, ?, ?, ?)').run(this.serverId, this.serverName, this.#clock().toISOString());
    }
    this.#protection = new Protection(this.#protectionContext());
  }

  #protectionContext(): ProtectionContext {
    return {
      db: this.#db,
      vault: this.#vault,
      clock: this.#clock,
      home: this.#home,
      serverId: this.serverId,
      keys: this.#keys,
      plugins: this.#plugins,
      repositories: this.#repositories,
      registeredVault: () => this.registration()?.vaultName ?? null,
      passphraseSet: () => this.#setting('passphraseCheck') !== undefined,
      throttling: () => this.settings().throttling,
      scratchPath: () => this.settings().scratchPath,
      recoveryFolder: () => this.recoveryFolder,
      cloudOperations: async () => (await this.cloudStatus()).operations,
    };
  }

  /** Opens the server of a dpmsh home, creating its catalog on first use. */
  static async open(options: ServerOptions): Promise<ProtectionServer> {
    const db = openCatalog(options.home);
    try {
      const vault = options.vault ?? (await createEmbeddedVault(join(options.home, 'vault'), { clock: options.clock }));
      return new ProtectionServer(db, vault, options);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** The vault service this server talks to. */
  get vault(): VaultClient {
    return this.#vault;
  }

  async close(): Promise<void> {
    await this.#vault.close();
    this.#db.close();
  }

  // ---- vaults -------------------------------------------------------------------------------

  createVault(request: CreateVaultRequest): Promise<VaultRecord> {
    return this.#vault.createVault(request);
  }
  getVault(name: string): Promise<VaultRecord> {
    return this.#vault.getVault(name);
  }
  listVaults(): Promise<VaultRecord[]> {
    return this.#vault.listVaults();
  }
  setVaultRedundancy(name: string, storageRedundancy: StorageRedundancy): Promise<VaultRecord> {
    return this.#vault.setVaultProperties(name, { storageRedundancy });
  }
  removeVault(name: string): Promise<void> {
    return this.#vault.removeVault(name);
  }
  getSubscription(): Promise<SubscriptionRecord> {
    return this.#vault.getSubscription();
  }
  setSubscriptionState(state: SubscriptionState): Promise<SubscriptionRecord> {
    return this.#vault.setSubscriptionState(state);
  }

  /** Issues vault credentials into a folder, as a file only its owner can read. */
  async issueCredentials(vaultName: string, folder: string): Promise<CredentialFile> {
    const issued = await this.#vault.issueCredentials(vaultName);
    const filePath = await saveVaultCredentialsFile(resolve(folder), issued);
    return { filePath, vault: issued.vault, thumbprint: issued.thumbprint, notBefore: new Date(issued.notBefore), notAfter: new Date(issued.notAfter) };
  }

  // ---- registration -------------------------------------------------------------------------

  /** This server's registration, or null. */
  registration(): Registration | null {
    const row = this.#db.prepare('SELECT * FROM registration WHERE id = 1').get() as
      | { vault_id: string; vault_name: string; subscription_id: string; region: string; cert_thumbprint: string; registered_at: string }
      | undefined;
    if (!row) return null;
    return {
      serverId: this.serverId,
      serverName: this.serverName,
      vaultId: row.vault_id,
      vaultName: row.vault_name,
      subscriptionId: row.subscription_id,
      region: row.region,
      certThumbprint: row.cert_thumbprint,
      registeredAt: new Date(row.registered_at),
    };
  }

  /**
   * Registers this server with the vault of a credentials file: the vault checks the credentials
   * are its newest and still valid, the server proves it holds their private key, and the
   * settings given with the registration are stored with it, all or none.
   */
  async register(request: RegisterRequest): Promise<Registration> {
    if (request.passphrase !== undefined) validatePassphrase(request.passphrase);
    let xml: string;
    try {
      xml = await readFile(request.credentialsPath, 'utf8');
    } catch (error) {
      throw unreadableCredentialsError((error as NodeJS.ErrnoException).code ?? (error as Error).message);
    }
    const fields = parseVaultCredentials(xml);
    const current = this.registration();
    if (current) assertNotRegisteredElsewhere({ vaultId: current.vaultId }, fields.vaultId);
    return this.#withSettings(request, async (apply) => {
      const challenge = await this.#vault.beginRegistration(xml);
      const signature = proveCredentialPossession(xml, challenge.challenge);
      const record = await this.#vault.completeRegistration({ challenge: challenge.challenge, signature, serverName: this.serverName, serverId: this.serverId });
      this.#db.transaction(() => {
        this.#db
          .prepare(
            `INSERT OR REPLACE INTO registration (id, registration_id, vault_id, vault_name, subscription_id, region, cert_thumbprint, registered_at)
             VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(record.registrationId, record.vaultId, record.vaultName, record.subscriptionId, record.region, record.certThumbprint, record.registeredAt);
        apply();
      })();
      return this.registration() as Registration;
    });
  }

  /** Changes settings together (Set-OBMachineSetting, a committed Set-DPMCloudSubscriptionSetting). */
  async changeSettings(change: SettingsChange): Promise<ServerSettings> {
    if (change.passphrase !== undefined && !this.registration()) throw notRegisteredError();
    await this.#withSettings(change, async (apply) => {
      this.#db.transaction(apply)();
    });
    return this.settings();
  }

  /** True when a passphrase is the one this server's data is encrypted with. */
  async passphraseMatches(passphrase: string): Promise<boolean> {
    const stored = this.#setting<PassphraseCheck>('passphraseCheck');
    return stored !== undefined && passphraseMatches(passphrase, stored);
  }

  /**
   * Validates a settings change and prepares what it needs (folders, the passphrase check),
   * then lets `commit` write it inside its transaction; folders it created are removed if the
   * commit fails.
   */
  async #withSettings<T>(change: SettingsChange, commit: (apply: () => void) => Promise<T>): Promise<T> {
    if (change.passphrase !== undefined) validatePassphrase(change.passphrase);
    const proxy = change.proxy === undefined ? undefined : change.proxy === null ? null : validateProxy(change.proxy);
    const throttling = change.throttling === undefined ? undefined : validateThrottling(change.throttling);
    const prepared: PreparedFolder[] = [];
    let undoKeys: (() => Promise<void>) | undefined;
    try {
      if (change.recoveryFolder !== undefined) prepared.push(await prepareFolder('RecoveryFolder', resolve(change.recoveryFolder)));
      if (change.scratchPath !== undefined) {
        const scratch = await prepareFolder('ScratchLocation', resolve(change.scratchPath));
        prepared.push(scratch);
        if (change.plannedOnlineBytes !== undefined) validateScratchSpace({ freeBytes: await freeBytes(scratch.path), plannedOnlineBytes: change.plannedOnlineBytes });
      }
      const check = change.passphrase === undefined ? undefined : await passphraseCheck(change.passphrase);
      if (change.passphrase !== undefined) undoKeys = await applyPassphrase({ keys: this.#keys, repositories: () => this.#existingRepositories() }, change.passphrase);
      const apply = (): void => {
        if (check) this.#put('passphraseCheck', check);
        if (change.recoveryFolder !== undefined) this.#put('recoveryFolder', resolve(change.recoveryFolder));
        if (change.scratchPath !== undefined) this.#put('scratchPath', resolve(change.scratchPath));
        if (proxy !== undefined) this.#put('proxy', proxy);
        if (throttling !== undefined) this.#put('throttling', throttling);
      };
      return await commit(apply);
    } catch (error) {
      await undoKeys?.();
      await undoFolders(prepared);
      throw error;
    }
  }

  /** The server's settings. */
  settings(): ServerSettings {
    const lastContact = this.#setting<string>('lastContactAt');
    return {
      registration: this.registration(),
      passphraseSet: this.#setting('passphraseCheck') !== undefined,
      recoveryFolder: this.#setting<string>('recoveryFolder') ?? null,
      scratchPath: this.#setting<string>('scratchPath') ?? null,
      proxy: this.#setting<ProxySettings | null>('proxy') ?? null,
      throttling: this.#setting<ThrottlingSchedule>('throttling') ?? NO_THROTTLING,
      lastContactAt: lastContact ? new Date(lastContact) : null,
    };
  }

  // ---- the cloud ----------------------------------------------------------------------------

  /** Whether the vault answers now; a registered server records the contact. */
  async checkConnection(): Promise<boolean> {
    try {
      await this.#vault.ping();
    } catch {
      return false;
    }
    const registration = this.registration();
    if (registration) {
      try {
        await this.#vault.recordContact(this.serverId);
      } catch (error) {
        // A vault that no longer knows this server still answered: connected, but say nothing of contact.
        if (!(error instanceof DomainError)) throw error;
        return true;
      }
      this.#db.transaction(() => this.#put('lastContactAt', this.#clock().toISOString()))();
    }
    return true;
  }

  /** Registration, connectivity and subscription state, and what the seeds' table allows with them. */
  async cloudStatus(): Promise<CloudStatus> {
    const connected = await this.checkConnection();
    const settings = this.settings();
    const subscription = connected ? (await this.#vault.getSubscription()).state : 'Active';
    const connectivity = connectivityFrom(settings.lastContactAt ?? undefined, connected, this.#clock());
    return {
      registered: settings.registration !== null,
      vault: settings.registration?.vaultName ?? null,
      connected,
      connectivity,
      lastContact: settings.lastContactAt,
      subscriptionState: subscription,
      operations: cloudOperations(connectivity, subscription),
    };
  }

  // ---- protection ---------------------------------------------------------------------------

  /** The protection use cases: disk storage, data sources, protection groups, backups, restores, jobs. */
  get protection(): Protection {
    return this.#protection;
  }

  /** Backs up a protected data source now, to disk or to the vault (New-DPMRecoveryPoint). */
  backupNow(datasourceId: string, request: BackupRequest): Promise<BackupResult> {
    return this.#protection.backupNow(datasourceId, request);
  }

  /** Runs every backup due at `now` (the scheduler's tick). */
  runDueBackups(now: Date, signal?: AbortSignal): Promise<ScheduledRun[]> {
    return this.#protection.runDueBackups(now, signal);
  }

  /** Every repository of this server that exists, for a passphrase change. */
  async #existingRepositories(): Promise<Repository[]> {
    const repositories: Repository[] = [];
    for (const disk of presentDisks(diskRows(this.#db))) repositories.push(await this.#repositories.disk(disk.id, disk.path));
    const registration = this.registration();
    if (registration) {
      const vaultRepository = await this.#repositories.vault(vaultBackend(this.#vault, this.serverId, registration.vaultName), this.settings().throttling, true);
      if (vaultRepository) repositories.push(vaultRepository);
    }
    return repositories;
  }

  /** Where recovered data is staged; the recovery folder setting or `home/recovery`. */
  get recoveryFolder(): string {
    return this.#setting<string>('recoveryFolder') ?? join(this.#home, 'recovery');
  }

  #setting<T>(key: SettingKey): T | undefined {
    const row = this.#db.prepare('SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  #put(key: SettingKey, value: unknown): void {
    this.#db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
  }
}
