/**
 * The vault service over its SQLite database: the side that a remote vault runs behind HTTPS.
 * It is handed only public material (a presented certificate, a signature), never a credentials
 * file, so it cannot see a private key even in-process. Every change runs in one IMMEDIATE
 * transaction: rules are checked against the rows read inside it, and a refusal rolls it all back.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  DEFAULT_STORAGE_REDUNDANCY,
  VAULT_CREDENTIALS_VERSION,
  VAULT_PROVIDER_NAMESPACE,
  VAULT_RESOURCE_TYPE,
  assertOperationAllowed,
  assertRedundancyChangeAllowed,
  cloudOperations,
  assertVaultNameAvailable,
  checkCredential,
  credentialFileName,
  credentialValidity,
  invalidCredentialsError,
  normalizeRegion,
  notRegisteredError,
  parseStorageRedundancy,
  parseSubscriptionState,
  serializeVaultCredentials,
  validateVaultName,
  type CloudOperation,
  type StorageRedundancy,
  type SubscriptionState,
} from '@dpmsh/core';
import type {
  CompleteRegistrationRequest,
  CreateVaultRequest,
  IssuedCredentials,
  PingResult,
  RegistrationChallenge,
  RegistrationRecord,
  SubscriptionRecord,
  VaultPropertiesChange,
  VaultRecord,
  VaultRecoveryPoint,
  VaultRecoveryPointInput,
} from '../client.js';
import { certificateThumbprint, createCredentialCertificate } from '../credentials/certificate.js';
import { verifyPossession, type CredentialPresentation } from '../credentials/possession.js';
import {
  DEFAULT_RESOURCE_GROUP,
  REGISTRATION_CHALLENGE_LIFETIME_MS,
  possessionNotProvenError,
  registrationChallengeError,
  validateResourceGroupName,
  validateServerId,
  validateServerName,
  vaultHasRegisteredServersError,
  vaultNotFoundError,
  vaultResourceId,
} from '@dpmsh/core';
import type { VaultDatabase } from './database.js';
import type { ObjectStore } from './object-store.js';

interface SubscriptionRow {
  subscription_id: string;
  display_name: string;
  state: SubscriptionState;
  state_changed_at: string;
  vault_data_deleted_at: string | null;
  created_at: string;
}

interface VaultRow {
  vault_id: string;
  subscription_id: string;
  name: string;
  resource_group_name: string;
  location: string;
  storage_redundancy: StorageRedundancy;
  has_backup: 0 | 1;
  newest_credential: string | null;
  created_at: string;
  registered_server_count: number;
}

interface CredentialRow {
  thumbprint: string;
  vault_id: string;
  certificate: Buffer;
  not_before: string;
  not_after: string;
}

interface ChallengeRow {
  vault_id: string;
  cert_thumbprint: string;
  expires_at: string;
  used_at: string | null;
  certificate: Buffer;
  not_before: string;
  not_after: string;
}

interface RegistrationRow {
  registration_id: string;
  server_id: string;
  server_name: string;
  vault_id: string;
  vault_name: string;
  subscription_id: string;
  location: string;
  cert_thumbprint: string;
  registered_at: string;
  last_contact_at: string | null;
}

interface RecoveryPointRow {
  vault_id: string;
  server_id: string;
  recovery_point_id: string;
  datasource_id: string;
  datasource_name: string;
  created_at: string;
  size_bytes: number;
  recorded_at: string;
}

const CHALLENGE_RETENTION_MS = 24 * 60 * 60 * 1000;

const VAULT_COLUMNS = `v.*, (SELECT count(*) FROM registrations r WHERE r.vault_id = v.vault_id) AS registered_server_count`;
const REGISTRATION_COLUMNS = `r.*, v.name AS vault_name, v.subscription_id, v.location`;

/** The embedded vault service: synchronous, over one open database. */
export class VaultService {
  private readonly subscriptionId: string;

  constructor(
    private readonly db: VaultDatabase,
    private readonly objects: ObjectStore,
    private readonly clock: () => Date,
  ) {
    this.subscriptionId = this.ensureDefaultSubscription();
  }

  getSubscription(): SubscriptionRecord {
    return toSubscriptionRecord(this.subscriptionRow());
  }

  setSubscriptionState(requested: string): SubscriptionRecord {
    const state = parseSubscriptionState(requested);
    const now = this.now();
    const record = this.write(() => {
      const current = this.subscriptionRow();
      if (current.state !== state) {
        this.db
          .prepare(
            `UPDATE subscriptions SET state = ?, state_changed_at = ?,
               vault_data_deleted_at = CASE WHEN ? = 'Deprovisioned' THEN ? ELSE vault_data_deleted_at END
             WHERE subscription_id = ?`,
          )
          .run(state, now, state, now, this.subscriptionId);
        this.db
          .prepare(
            'INSERT INTO subscription_state_changes (subscription_id, from_state, to_state, changed_at) VALUES (?, ?, ?, ?)',
          )
          .run(this.subscriptionId, current.state, state, now);
        if (state === 'Deprovisioned') this.db.prepare('DELETE FROM vault_recovery_points').run();
      }
      return toSubscriptionRecord(this.subscriptionRow());
    });
    // The seed's table: a deprovisioned subscription's recovery points are deleted for good. The
    // rows went in the transaction; the data follows it, so a crash in between leaves only
    // unreachable files that the next deprovisioning removes.
    if (record.state === 'Deprovisioned') this.objects.deleteAll();
    return record;
  }

  createVault(request: CreateVaultRequest): VaultRecord {
    const name = validateVaultName(request.name);
    const location = normalizeRegion(request.location);
    const storageRedundancy =
      request.storageRedundancy === undefined ? DEFAULT_STORAGE_REDUNDANCY : parseStorageRedundancy(request.storageRedundancy);
    const resourceGroupName = validateResourceGroupName(request.resourceGroupName ?? DEFAULT_RESOURCE_GROUP);
    const now = this.now();
    return this.write(() => {
      const names = this.db
        .prepare('SELECT name FROM vaults WHERE subscription_id = ?')
        .pluck()
        .all(this.subscriptionId) as string[];
      assertVaultNameAvailable(name, names);
      const vaultId = randomUUID();
      this.db
        .prepare(
          `INSERT INTO vaults (vault_id, subscription_id, name, resource_group_name, location, storage_redundancy, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(vaultId, this.subscriptionId, name, resourceGroupName, location, storageRedundancy, now);
      return toVaultRecord(this.vaultRow(name));
    });
  }

  getVault(name: string): VaultRecord {
    return toVaultRecord(this.vaultRow(name));
  }

  listVaults(): VaultRecord[] {
    const rows = this.db
      .prepare(`SELECT ${VAULT_COLUMNS} FROM vaults v WHERE v.subscription_id = ? ORDER BY v.name`)
      .all(this.subscriptionId) as VaultRow[];
    return rows.map(toVaultRecord);
  }

  setVaultProperties(name: string, change: VaultPropertiesChange): VaultRecord {
    const requested = change.storageRedundancy === undefined ? undefined : parseStorageRedundancy(change.storageRedundancy);
    return this.write(() => {
      const vault = this.vaultRow(name);
      if (requested === undefined || requested === vault.storage_redundancy) return toVaultRecord(vault);
      assertRedundancyChangeAllowed(
        { name: vault.name, hasBackup: vault.has_backup === 1, storageRedundancy: vault.storage_redundancy },
        requested,
      );
      this.db.prepare('UPDATE vaults SET storage_redundancy = ? WHERE vault_id = ?').run(requested, vault.vault_id);
      return toVaultRecord(this.vaultRow(name));
    });
  }

  removeVault(name: string): void {
    const vaultId = this.write(() => {
      const vault = this.vaultRow(name);
      if (vault.registered_server_count > 0) throw vaultHasRegisteredServersError(vault.name, vault.registered_server_count);
      // The vault points at its newest credential and the credentials at the vault; unlink first
      // so the cascade from the vault removes credentials and challenges without a dangling pointer.
      this.db.prepare('UPDATE vaults SET newest_credential = NULL WHERE vault_id = ?').run(vault.vault_id);
      this.db.prepare('DELETE FROM vaults WHERE vault_id = ?').run(vault.vault_id);
      return vault.vault_id;
    });
    this.objects.deleteVault(vaultId);
  }

  markBackupStored(vaultName: string): VaultRecord {
    const now = this.now();
    return this.write(() => {
      const vault = this.vaultRow(vaultName);
      this.db
        .prepare('UPDATE vaults SET has_backup = 1, first_backup_at = coalesce(first_backup_at, ?) WHERE vault_id = ?')
        .run(now, vault.vault_id);
      return toVaultRecord(this.vaultRow(vaultName));
    });
  }

  async issueCredentials(vaultName: string): Promise<IssuedCredentials> {
    // X.509 validity has whole seconds; issuing on a whole second keeps the certificate and the
    // vault's record of its validity identical.
    const issuedAt = new Date(Math.floor(this.clock().getTime() / 1000) * 1000);
    const vault = this.vaultRow(vaultName);
    const validity = credentialValidity(issuedAt);
    // Generated before the transaction: key generation is slow and asynchronous, and a
    // SQLite transaction must not stay open across an await.
    const made = await createCredentialCertificate({
      vaultName: vault.name,
      subscriptionId: vault.subscription_id,
      notBefore: validity.notBefore,
      notAfter: validity.notAfter,
    });
    const record = this.write(() => {
      const current = this.vaultRowById(vault.vault_id);
      if (current === undefined) throw vaultNotFoundError(vault.name);
      this.db
        .prepare(
          `INSERT INTO credentials (thumbprint, vault_id, serial_number, certificate, issued_at, not_before, not_after)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          made.thumbprint,
          vault.vault_id,
          made.serialNumber,
          made.certificateDer,
          issuedAt.toISOString(),
          validity.notBefore.toISOString(),
          validity.notAfter.toISOString(),
        );
      // Pending challenges of earlier credentials are kept: completing one is refused with 34513
      // (not the newest), which tells the user more than an unknown challenge would.
      this.db.prepare('UPDATE vaults SET newest_credential = ? WHERE vault_id = ?').run(made.thumbprint, vault.vault_id);
      return toVaultRecord(current);
    });
    const content = serializeVaultCredentials({
      version: VAULT_CREDENTIALS_VERSION,
      subscriptionId: record.subscriptionId,
      resourceType: VAULT_RESOURCE_TYPE,
      resourceName: record.name,
      managementCert: made.pkcs12Der.toString('base64'),
      resourceId: credentialResourceNumber(record.vaultId),
      resourceGroup: record.resourceGroupName,
      location: record.location,
      providerNamespace: VAULT_PROVIDER_NAMESPACE,
      vaultId: record.vaultId,
    });
    return {
      fileName: credentialFileName(record.name, issuedAt),
      content,
      thumbprint: made.thumbprint,
      notBefore: validity.notBefore.toISOString(),
      notAfter: validity.notAfter.toISOString(),
      vault: record,
    };
  }

  beginRegistration(presented: CredentialPresentation): RegistrationChallenge {
    const now = this.clock();
    const certificateDer = Buffer.from(presented.certificate, 'base64');
    const thumbprint = certificateThumbprint(certificateDer);
    const challenge = randomBytes(32).toString('base64');
    const expiresAt = new Date(now.getTime() + REGISTRATION_CHALLENGE_LIFETIME_MS).toISOString();
    return this.write(() => {
      // Old challenges are swept a day after they expire, not at once, so that answering one
      // late is still reported as expired rather than unknown.
      this.db
        .prepare('DELETE FROM registration_challenges WHERE expires_at < ?')
        .run(new Date(now.getTime() - CHALLENGE_RETENTION_MS).toISOString());
      const stored = this.db.prepare('SELECT * FROM credentials WHERE thumbprint = ?').get(thumbprint) as
        | CredentialRow
        | undefined;
      const vault = stored === undefined ? undefined : this.vaultRowById(stored.vault_id);
      // The file's text is not signed, so the certificate decides which vault it is for; the
      // file must agree with it, or it was edited or damaged.
      if (stored === undefined || vault === undefined || !stored.certificate.equals(certificateDer)) {
        throw invalidCredentialsError('this vault service did not issue the certificate in the file');
      }
      if (
        vault.vault_id !== presented.vaultId ||
        vault.subscription_id !== presented.subscriptionId ||
        vault.name.toLowerCase() !== presented.vaultName.toLowerCase()
      ) {
        throw invalidCredentialsError('the vault named in the file is not the vault its certificate was issued for');
      }
      checkCredential(
        { vaultId: vault.vault_id, thumbprint, notBefore: new Date(stored.not_before), notAfter: new Date(stored.not_after) },
        { newestThumbprint: vault.newest_credential ?? undefined, now },
      );
      this.db
        .prepare(
          `INSERT INTO registration_challenges (challenge_hash, vault_id, cert_thumbprint, issued_at, expires_at)
           VALUES (?, ?, ?, ?, ?)`,
        )
        .run(challengeHash(challenge), vault.vault_id, thumbprint, now.toISOString(), expiresAt);
      return {
        challenge,
        expiresAt,
        vaultId: vault.vault_id,
        vaultName: vault.name,
        subscriptionId: vault.subscription_id,
        region: vault.location,
        certThumbprint: thumbprint,
      };
    });
  }

  completeRegistration(request: CompleteRegistrationRequest): RegistrationRecord {
    const serverName = validateServerName(request.serverName);
    if (request.serverId !== undefined) validateServerId(request.serverId);
    const now = this.clock();
    const nowText = now.toISOString();
    return this.write(() => {
      const hash = challengeHash(request.challenge);
      const challenge = this.db
        .prepare(
          `SELECT c.vault_id, c.cert_thumbprint, c.expires_at, c.used_at, cr.certificate, cr.not_before, cr.not_after
           FROM registration_challenges c JOIN credentials cr ON cr.thumbprint = c.cert_thumbprint
           WHERE c.challenge_hash = ?`,
        )
        .get(hash) as ChallengeRow | undefined;
      if (challenge === undefined) throw registrationChallengeError('unknown');
      if (challenge.used_at !== null) throw registrationChallengeError('used');
      if (now.getTime() > Date.parse(challenge.expires_at)) throw registrationChallengeError('expired');
      // A wrong signature rolls back like any refusal, leaving the challenge usable: guessing an
      // RSA signature is hopeless, and the challenge still expires within minutes.
      if (!verifyPossession(challenge.certificate, request.challenge, request.signature)) {
        throw possessionNotProvenError();
      }

      const vault = this.vaultRowById(challenge.vault_id);
      if (vault === undefined) throw invalidCredentialsError('the vault of these credentials no longer exists');
      const existing =
        request.serverId === undefined
          ? undefined
          : (this.db.prepare('SELECT * FROM registrations WHERE server_id = ?').get(request.serverId) as
              | RegistrationRow
              | undefined);
      // Checked again at completion: newer credentials may have been issued, or this one may
      // have expired, since the challenge was handed out.
      checkCredential(
        {
          vaultId: vault.vault_id,
          thumbprint: challenge.cert_thumbprint,
          notBefore: new Date(challenge.not_before),
          notAfter: new Date(challenge.not_after),
        },
        {
          newestThumbprint: vault.newest_credential ?? undefined,
          now,
          ...(existing === undefined ? {} : { registeredVaultId: existing.vault_id }),
        },
      );

      this.db.prepare('UPDATE registration_challenges SET used_at = ? WHERE challenge_hash = ?').run(nowText, hash);
      const serverId = request.serverId ?? randomUUID();
      if (existing === undefined) {
        this.db
          .prepare(
            `INSERT INTO registrations (registration_id, server_id, server_name, vault_id, cert_thumbprint, registered_at)
             VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(randomUUID(), serverId, serverName, vault.vault_id, challenge.cert_thumbprint, nowText);
      } else {
        // Registering again to the same vault renews the certificate; the registration keeps its id.
        this.db
          .prepare(
            'UPDATE registrations SET server_name = ?, cert_thumbprint = ?, registered_at = ? WHERE server_id = ?',
          )
          .run(serverName, challenge.cert_thumbprint, nowText, serverId);
      }
      return toRegistrationRecord(this.registrationRow(serverId) as RegistrationRow);
    });
  }

  getRegistration(serverId: string): RegistrationRecord | null {
    const row = this.registrationRow(serverId);
    return row === undefined ? null : toRegistrationRecord(row);
  }

  unregister(serverId: string): boolean {
    return this.write(() => this.db.prepare('DELETE FROM registrations WHERE server_id = ?').run(serverId).changes > 0);
  }

  ping(): PingResult {
    // Touches the database so that a ping proves the vault can answer, not only that it is loaded.
    this.db.prepare('SELECT 1').get();
    return { ok: true, serverTime: this.now() };
  }

  recordContact(serverId: string): RegistrationRecord {
    const now = this.now();
    return this.write(() => {
      const changed = this.db
        .prepare('UPDATE registrations SET last_contact_at = ? WHERE server_id = ?')
        .run(now, serverId).changes;
      if (changed === 0) throw notRegisteredError();
      return toRegistrationRecord(this.registrationRow(serverId) as RegistrationRow);
    });
  }

  async putObject(serverId: string, name: string, data: Uint8Array | AsyncIterable<Uint8Array>): Promise<void> {
    const vaultId = this.vaultOfServer(serverId, 'backupToVault');
    await this.objects.put(vaultId, serverId, name, data);
  }

  async getObject(serverId: string, name: string): Promise<Uint8Array> {
    return this.objects.get(this.vaultOfServer(serverId, 'restoreFromVault'), serverId, name);
  }

  async listObjects(serverId: string, prefix: string): Promise<string[]> {
    return this.objects.list(this.vaultOfServer(serverId, 'restoreFromVault'), serverId, prefix);
  }

  async deleteObject(serverId: string, name: string): Promise<void> {
    await this.objects.delete(this.vaultOfServer(serverId, 'backupToVault'), serverId, name);
  }

  recordRecoveryPoint(serverId: string, rp: VaultRecoveryPointInput): void {
    const now = this.now();
    this.write(() => {
      const vaultId = this.vaultOfServer(serverId, 'backupToVault');
      this.db
        .prepare(
          `INSERT OR REPLACE INTO vault_recovery_points
             (vault_id, server_id, recovery_point_id, datasource_id, datasource_name, created_at, size_bytes, recorded_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(vaultId, serverId, rp.recoveryPointId, rp.datasourceId, rp.datasourceName, rp.createdAt, rp.sizeBytes, now);
      // The first backup held by a vault locks its storage redundancy, as the seed says.
      this.db
        .prepare('UPDATE vaults SET has_backup = 1, first_backup_at = coalesce(first_backup_at, ?) WHERE vault_id = ?')
        .run(now, vaultId);
    });
  }

  deleteRecoveryPoint(serverId: string, recoveryPointId: string): void {
    this.write(() => {
      const vaultId = this.vaultOfServer(serverId, 'backupToVault');
      this.db
        .prepare('DELETE FROM vault_recovery_points WHERE vault_id = ? AND server_id = ? AND recovery_point_id = ?')
        .run(vaultId, serverId, recoveryPointId);
    });
  }

  listRecoveryPoints(serverId: string): VaultRecoveryPoint[] {
    const vaultId = this.vaultOfServer(serverId, 'restoreFromVault');
    const rows = this.db
      .prepare(
        'SELECT * FROM vault_recovery_points WHERE vault_id = ? AND server_id = ? ORDER BY created_at, recovery_point_id',
      )
      .all(vaultId, serverId) as RecoveryPointRow[];
    return rows.map(toVaultRecoveryPoint);
  }

  close(): void {
    this.db.close();
  }

  /**
   * The vault a registered server stores into, once the subscription's state allows the
   * operation: the vault is reached, so only the subscription's column of the table applies.
   */
  private vaultOfServer(serverId: string, operation: CloudOperation): string {
    const registration = this.registrationRow(serverId);
    if (registration === undefined) throw notRegisteredError();
    assertOperationAllowed(operation, cloudOperations('Connected', this.subscriptionRow().state));
    return registration.vault_id;
  }

  private now(): string {
    return this.clock().toISOString();
  }

  private write<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  private ensureDefaultSubscription(): string {
    const now = this.now();
    return this.write(() => {
      const existing = this.db.prepare('SELECT subscription_id FROM subscriptions WHERE is_default = 1').pluck().get() as
        | string
        | undefined;
      if (existing !== undefined) return existing;
      const subscriptionId = randomUUID();
      this.db
        .prepare(
          `INSERT INTO subscriptions (subscription_id, display_name, is_default, state, state_changed_at, created_at)
           VALUES (?, ?, 1, 'Active', ?, ?)`,
        )
        .run(subscriptionId, 'dpmsh', now, now);
      return subscriptionId;
    });
  }

  private subscriptionRow(): SubscriptionRow {
    return this.db.prepare('SELECT * FROM subscriptions WHERE subscription_id = ?').get(this.subscriptionId) as SubscriptionRow;
  }

  private vaultRow(name: string): VaultRow {
    // The name column is COLLATE NOCASE, so this equality ignores letter case.
    const row = this.db
      .prepare(`SELECT ${VAULT_COLUMNS} FROM vaults v WHERE v.subscription_id = ? AND v.name = ?`)
      .get(this.subscriptionId, name) as VaultRow | undefined;
    if (row === undefined) throw vaultNotFoundError(name);
    return row;
  }

  private vaultRowById(vaultId: string): VaultRow | undefined {
    return this.db.prepare(`SELECT ${VAULT_COLUMNS} FROM vaults v WHERE v.vault_id = ?`).get(vaultId) as VaultRow | undefined;
  }

  private registrationRow(serverId: string): RegistrationRow | undefined {
    return this.db
      .prepare(`SELECT ${REGISTRATION_COLUMNS} FROM registrations r JOIN vaults v ON v.vault_id = r.vault_id WHERE r.server_id = ?`)
      .get(serverId) as RegistrationRow | undefined;
  }
}

/**
 * The decimal ResourceId of a credentials file, from the vault's GUID: Azure's files carry a
 * 64-bit number there; 63 bits keep it positive for tools that read it as a signed integer.
 */
export function credentialResourceNumber(vaultId: string): string {
  return (BigInt(`0x${vaultId.replace(/-/g, '').slice(0, 16)}`) & 0x7fffffffffffffffn).toString();
}

function challengeHash(challenge: string): string {
  return createHash('sha256').update(challenge, 'utf8').digest('hex');
}

function toSubscriptionRecord(row: SubscriptionRow): SubscriptionRecord {
  return {
    subscriptionId: row.subscription_id,
    displayName: row.display_name,
    state: row.state,
    stateChangedAt: row.state_changed_at,
    vaultDataDeletedAt: row.vault_data_deleted_at,
    createdAt: row.created_at,
  };
}

function toVaultRecord(row: VaultRow): VaultRecord {
  return {
    vaultId: row.vault_id,
    name: row.name,
    subscriptionId: row.subscription_id,
    resourceGroupName: row.resource_group_name,
    resourceId: vaultResourceId({
      subscriptionId: row.subscription_id,
      resourceGroupName: row.resource_group_name,
      name: row.name,
    }),
    location: row.location,
    storageRedundancy: row.storage_redundancy,
    hasBackup: row.has_backup === 1,
    registeredServerCount: row.registered_server_count,
    createdAt: row.created_at,
  };
}

function toVaultRecoveryPoint(row: RecoveryPointRow): VaultRecoveryPoint {
  return {
    recoveryPointId: row.recovery_point_id,
    datasourceId: row.datasource_id,
    datasourceName: row.datasource_name,
    createdAt: row.created_at,
    sizeBytes: row.size_bytes,
    serverId: row.server_id,
    vaultId: row.vault_id,
    recordedAt: row.recorded_at,
  };
}

function toRegistrationRecord(row: RegistrationRow): RegistrationRecord {
  return {
    registrationId: row.registration_id,
    serverId: row.server_id,
    serverName: row.server_name,
    vaultId: row.vault_id,
    vaultName: row.vault_name,
    subscriptionId: row.subscription_id,
    region: row.location,
    certThumbprint: row.cert_thumbprint,
    registeredAt: row.registered_at,
    lastContactAt: row.last_contact_at,
  };
}
