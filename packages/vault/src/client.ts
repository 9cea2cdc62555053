/**
 * The vault as the protection server sees it. The embedded vault implements it in-process today;
 * `connectVault(url)` will implement it over HTTPS unchanged, so everything here is asynchronous
 * and every value in or out is plain JSON data: timestamps are ISO 8601 strings in UTC, absent
 * values are null, and failures are DomainErrors from @dpmsh/core (which a remote client rebuilds
 * from their JSON: id, code, category, message, recommendedAction).
 */
import type { StorageRedundancy, SubscriptionState } from '@dpmsh/core';

/** An instant as an ISO 8601 string in UTC ('2024-12-24T10:00:00.000Z'). */
export type IsoTimestamp = string;

/** The subscription the vaults belong to, with the state an operator sets. */
export interface SubscriptionRecord {
  /** A GUID. */
  subscriptionId: string;
  displayName: string;
  state: SubscriptionState;
  stateChangedAt: IsoTimestamp;
  /** When the subscription last became Deprovisioned, which deletes the vault recovery points' data; null if never. */
  vaultDataDeletedAt: IsoTimestamp | null;
  createdAt: IsoTimestamp;
}

/** A backup vault. */
export interface VaultRecord {
  /** A GUID. */
  vaultId: string;
  /** As the user spelled it when creating the vault; looked up case-insensitively. */
  name: string;
  subscriptionId: string;
  resourceGroupName: string;
  /** Azure-shaped: /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.RecoveryServices/vaults/<name>. */
  resourceId: string;
  /** The region, in the spelling it was created with. */
  location: string;
  storageRedundancy: StorageRedundancy;
  /** True once a backup has been stored; the storage redundancy is locked from then on. */
  hasBackup: boolean;
  registeredServerCount: number;
  createdAt: IsoTimestamp;
}

/** What createVault needs. */
export interface CreateVaultRequest {
  name: string;
  location: string;
  /** GeoRedundant when omitted. */
  storageRedundancy?: StorageRedundancy;
  /** Only shapes the ResourceId; 'dpmsh' when omitted. */
  resourceGroupName?: string;
}

/** What setVaultProperties may change. */
export interface VaultPropertiesChange {
  storageRedundancy?: StorageRedundancy;
}

/** A freshly issued vault credentials file; it holds the private key, which the vault did not keep. */
export interface IssuedCredentials {
  /** `<vault>_<ddd MMM dd yyyy>.VaultCredentials`. */
  fileName: string;
  /** The XML text of the file. */
  content: string;
  /** SHA-1 of the certificate, upper-case hex, as Windows shows it. */
  thumbprint: string;
  notBefore: IsoTimestamp;
  notAfter: IsoTimestamp;
  vault: VaultRecord;
}

/** The vault's answer to a presented credential: a challenge to sign with the credential's private key. */
export interface RegistrationChallenge {
  /** Random, base64; sign its UTF-8 text (see proveCredentialPossession). Single use. */
  challenge: string;
  expiresAt: IsoTimestamp;
  vaultId: string;
  vaultName: string;
  subscriptionId: string;
  region: string;
  certThumbprint: string;
}

/** The proof that completes a registration. */
export interface CompleteRegistrationRequest {
  challenge: string;
  /** Base64 RSA PKCS#1 v1.5 SHA-256 signature of the challenge text by the credential's private key. */
  signature: string;
  serverName: string;
  /** The server's own id when it has one (registering again); a new GUID is assigned otherwise. */
  serverId?: string;
}

/** A server registered to a vault. */
export interface RegistrationRecord {
  registrationId: string;
  serverId: string;
  serverName: string;
  vaultId: string;
  vaultName: string;
  subscriptionId: string;
  region: string;
  certThumbprint: string;
  registeredAt: IsoTimestamp;
  /** The last time the server reached the vault; null until it does after registering. */
  lastContactAt: IsoTimestamp | null;
}

/** The vault answered. */
export interface PingResult {
  ok: true;
  serverTime: IsoTimestamp;
}

/** What a server tells the vault about a recovery point it has copied there. */
export interface VaultRecoveryPointInput {
  recoveryPointId: string;
  datasourceId: string;
  datasourceName: string;
  createdAt: IsoTimestamp;
  sizeBytes: number;
}

/** A recovery point the vault holds for a server. */
export interface VaultRecoveryPoint extends VaultRecoveryPointInput {
  serverId: string;
  vaultId: string;
  /** When the vault recorded it. */
  recordedAt: IsoTimestamp;
}

/** The vault service as a client sees it, embedded or remote. */
export interface VaultClient {
  /** The subscription the vaults belong to (created with the vault service). */
  getSubscription(): Promise<SubscriptionRecord>;
  /** Operator action: Active, Expired or Deprovisioned; Deprovisioned deletes the vault recovery points' data. */
  setSubscriptionState(state: SubscriptionState): Promise<SubscriptionRecord>;

  /** Creates a vault; names are unique per subscription, compared case-insensitively. */
  createVault(request: CreateVaultRequest): Promise<VaultRecord>;
  /** The vault of that name (any letter case); ObjectNotFound when there is none. */
  getVault(name: string): Promise<VaultRecord>;
  /** Every vault of the subscription, by name. */
  listVaults(): Promise<VaultRecord[]>;
  /** Changes a vault's storage redundancy, refused once the vault holds a backup. */
  setVaultProperties(name: string, change: VaultPropertiesChange): Promise<VaultRecord>;
  /** Deletes a vault and its credentials, refused while servers are registered to it. */
  removeVault(name: string): Promise<void>;
  /** Records that the vault now holds a backup, which locks its storage redundancy. */
  markBackupStored(vaultName: string): Promise<VaultRecord>;

  /** Issues new vault credentials; every earlier credential of the vault stops being valid. */
  issueCredentials(vaultName: string): Promise<IssuedCredentials>;

  /** Presents a vault credentials file (only its public certificate reaches the vault) and gets a challenge. */
  beginRegistration(credentialXml: string): Promise<RegistrationChallenge>;
  /** Registers a server once it has signed the challenge with the credential's private key. */
  completeRegistration(request: CompleteRegistrationRequest): Promise<RegistrationRecord>;
  /** The server's registration, or null when the vault does not know it. */
  getRegistration(serverId: string): Promise<RegistrationRecord | null>;
  /** Removes a server's registration; false when it was not registered. */
  unregister(serverId: string): Promise<boolean>;

  /** Answers when the vault is reachable. */
  ping(): Promise<PingResult>;
  /** Records that a registered server reached the vault now. */
  recordContact(serverId: string): Promise<RegistrationRecord>;

  /**
   * Stores an object of a server (names: '/'-separated, [A-Za-z0-9/_.-], no '.' or '..' part),
   * atomically, replacing one of the same name. Refused unless the server is registered and the
   * subscription is Active (backup to the vault stops while it is Expired or Deprovisioned).
   */
  putObject(serverId: string, name: string, data: Uint8Array | AsyncIterable<Uint8Array>): Promise<void>;
  /** An object's bytes; an error whose `code` is 'ENOENT' when absent. Allowed while Expired, refused when Deprovisioned. */
  getObject(serverId: string, name: string): Promise<Uint8Array>;
  /** The server's object names that start with `prefix`, sorted. Allowed while Expired, refused when Deprovisioned. */
  listObjects(serverId: string, prefix: string): Promise<string[]>;
  /** Removes an object (no error when absent); refused unless the subscription is Active. */
  deleteObject(serverId: string, name: string): Promise<void>;
  /**
   * Records a recovery point copied to the vault (again with the same id replaces it) and marks the
   * vault as holding a backup, which locks its storage redundancy. Refused unless the subscription is Active.
   */
  recordRecoveryPoint(serverId: string, rp: VaultRecoveryPointInput): Promise<void>;
  /** Forgets a recovery point that retention removed from the vault (no error when it is already gone); refused unless the subscription is Active. */
  deleteRecoveryPoint(serverId: string, recoveryPointId: string): Promise<void>;
  /** The server's recovery points in the vault, oldest first; none once the subscription was deprovisioned. */
  listRecoveryPoints(serverId: string): Promise<VaultRecoveryPoint[]>;

  /** Releases the client; any later call fails. */
  close(): Promise<void>;
}
