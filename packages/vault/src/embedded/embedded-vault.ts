import type { SubscriptionState } from '@dpmsh/core';
import type {
  CompleteRegistrationRequest,
  CreateVaultRequest,
  IssuedCredentials,
  PingResult,
  RegistrationChallenge,
  RegistrationRecord,
  SubscriptionRecord,
  VaultClient,
  VaultPropertiesChange,
  VaultRecord,
  VaultRecoveryPoint,
  VaultRecoveryPointInput,
} from '../client.js';
import { presentCredential } from '../credentials/possession.js';
import { openVaultDatabase } from './database.js';
import { ObjectStore } from './object-store.js';
import { VaultService } from './vault-service.js';

/** Options of the embedded vault. */
export interface EmbeddedVaultOptions {
  /** The vault's clock; tests move it to expire credentials and challenges. */
  clock?: () => Date;
}

/**
 * Opens the vault kept in `dir` (created owner-only if missing; state in `dir/vault.db`) as an
 * in-process client, reclaiming what a crash left: the temporary files of writes it cut short, and
 * the data of a deprovisioned subscription it kept from being deleted.
 */
export async function createEmbeddedVault(dir: string, options: EmbeddedVaultOptions = {}): Promise<VaultClient> {
  const clock = options.clock ?? (() => new Date());
  const db = openVaultDatabase(dir, () => clock().toISOString());
  try {
    const objects = new ObjectStore(dir);
    await objects.reclaimTemporaryFiles();
    const service = new VaultService(db, objects, clock);
    // Deprovisioning deletes the data after its transaction; a crash between the two left data
    // that must not outlive the subscription's state.
    if (service.getSubscription().state === 'Deprovisioned') objects.deleteAll();
    return new EmbeddedVaultClient(service);
  } catch (error) {
    db.close();
    throw error;
  }
}

class EmbeddedVaultClient implements VaultClient {
  private service: VaultService | undefined;

  constructor(service: VaultService) {
    this.service = service;
  }

  async getSubscription(): Promise<SubscriptionRecord> {
    return this.open().getSubscription();
  }

  async setSubscriptionState(state: SubscriptionState): Promise<SubscriptionRecord> {
    return this.open().setSubscriptionState(state);
  }

  async createVault(request: CreateVaultRequest): Promise<VaultRecord> {
    return this.open().createVault(request);
  }

  async getVault(name: string): Promise<VaultRecord> {
    return this.open().getVault(name);
  }

  async listVaults(): Promise<VaultRecord[]> {
    return this.open().listVaults();
  }

  async setVaultProperties(name: string, change: VaultPropertiesChange): Promise<VaultRecord> {
    return this.open().setVaultProperties(name, change);
  }

  async removeVault(name: string): Promise<void> {
    this.open().removeVault(name);
  }

  async markBackupStored(vaultName: string): Promise<VaultRecord> {
    return this.open().markBackupStored(vaultName);
  }

  async issueCredentials(vaultName: string): Promise<IssuedCredentials> {
    return this.open().issueCredentials(vaultName);
  }

  async beginRegistration(credentialXml: string): Promise<RegistrationChallenge> {
    // The file is opened on the client's side of the interface, as a remote client will do
    // before its HTTPS call: the service is shown the public certificate and nothing else.
    const presented = presentCredential(credentialXml);
    return this.open().beginRegistration(presented);
  }

  async completeRegistration(request: CompleteRegistrationRequest): Promise<RegistrationRecord> {
    return this.open().completeRegistration(request);
  }

  async getRegistration(serverId: string): Promise<RegistrationRecord | null> {
    return this.open().getRegistration(serverId);
  }

  async unregister(serverId: string): Promise<boolean> {
    return this.open().unregister(serverId);
  }

  async ping(): Promise<PingResult> {
    return this.open().ping();
  }

  async recordContact(serverId: string): Promise<RegistrationRecord> {
    return this.open().recordContact(serverId);
  }

  async putObject(serverId: string, name: string, data: Uint8Array | AsyncIterable<Uint8Array>): Promise<void> {
    return this.open().putObject(serverId, name, data);
  }

  async getObject(serverId: string, name: string): Promise<Uint8Array> {
    return this.open().getObject(serverId, name);
  }

  async listObjects(serverId: string, prefix: string): Promise<string[]> {
    return this.open().listObjects(serverId, prefix);
  }

  async deleteObject(serverId: string, name: string): Promise<void> {
    return this.open().deleteObject(serverId, name);
  }

  async recordRecoveryPoint(serverId: string, rp: VaultRecoveryPointInput): Promise<void> {
    this.open().recordRecoveryPoint(serverId, rp);
  }

  async deleteRecoveryPoint(serverId: string, recoveryPointId: string): Promise<void> {
    this.open().deleteRecoveryPoint(serverId, recoveryPointId);
  }

  async listRecoveryPoints(serverId: string): Promise<VaultRecoveryPoint[]> {
    return this.open().listRecoveryPoints(serverId);
  }

  async close(): Promise<void> {
    const service = this.service;
    this.service = undefined;
    service?.close();
  }

  private open(): VaultService {
    if (this.service === undefined) throw new Error('This vault client has been closed; open the vault again to use it.');
    return this.service;
  }
}
