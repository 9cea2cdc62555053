/** This server's identity row and its registration to a vault. */
import type { CatalogDatabase } from './database.js';

/** Who this server is; made once, when its catalog is first opened. */
export interface ServerIdentity {
  readonly serverId: string;
  readonly serverName: string;
}

/** The stored registration to a vault. */
export interface RegistrationRow {
  readonly registrationId: string;
  readonly vaultId: string;
  readonly vaultName: string;
  readonly subscriptionId: string;
  readonly region: string;
  readonly certThumbprint: string;
  readonly registeredAt: Date;
}

interface Row {
  registration_id: string;
  vault_id: string;
  vault_name: string;
  subscription_id: string;
  region: string;
  cert_thumbprint: string;
  registered_at: string;
}

/** This server's identity, or undefined before its catalog was first opened. */
export function serverIdentity(db: CatalogDatabase): ServerIdentity | undefined {
  const row = db.prepare('SELECT server_id, name FROM server WHERE id = 1').get() as { server_id: string; name: string } | undefined;
  return row ? { serverId: row.server_id, serverName: row.name } : undefined;
}

/** Records this server's identity. */
export function insertServerIdentity(db: CatalogDatabase, identity: ServerIdentity, createdAt: Date): void {
  db.prepare('INSERT INTO server (id, server_id, name, created_at) VALUES (1, ?, ?, ?)').run(identity.serverId, identity.serverName, createdAt.toISOString());
}

/** The registration, or undefined when this server is not registered. */
export function registrationRow(db: CatalogDatabase): RegistrationRow | undefined {
  const row = db.prepare('SELECT * FROM registration WHERE id = 1').get() as Row | undefined;
  if (!row) return undefined;
  return {
    registrationId: row.registration_id,
    vaultId: row.vault_id,
    vaultName: row.vault_name,
    subscriptionId: row.subscription_id,
    region: row.region,
    certThumbprint: row.cert_thumbprint,
    registeredAt: new Date(row.registered_at),
  };
}

/** The vault this server is registered to, or null. */
export function registeredVaultName(db: CatalogDatabase): string | null {
  return registrationRow(db)?.vaultName ?? null;
}

/** Records the registration, replacing any earlier one; the caller holds the transaction. */
export function putRegistration(db: CatalogDatabase, registration: Omit<RegistrationRow, 'registeredAt'> & { readonly registeredAt: string }): void {
  db.prepare(
    `INSERT OR REPLACE INTO registration (id, registration_id, vault_id, vault_name, subscription_id, region, cert_thumbprint, registered_at)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(registration.registrationId, registration.vaultId, registration.vaultName, registration.subscriptionId, registration.region, registration.certThumbprint, registration.registeredAt);
}
