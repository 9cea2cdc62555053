/**
 * @dpmsh/vault: the vault service (subscriptions, vaults, credentials, registrations) behind one
 * client interface, embedded in-process today and over HTTPS later.
 */
export type {
  CompleteRegistrationRequest,
  CreateVaultRequest,
  IsoTimestamp,
  IssuedCredentials,
  PingResult,
  RegistrationChallenge,
  RegistrationRecord,
  SubscriptionRecord,
  VaultClient,
  VaultPropertiesChange,
  VaultRecord,
} from './client.js';
export { createEmbeddedVault, type EmbeddedVaultOptions } from './embedded/embedded-vault.js';
export { DATABASE_FILE } from './embedded/database.js';
export { proveCredentialPossession } from './credentials/possession.js';
export { saveVaultCredentialsFile } from './credentials/file.js';
export { certificateThumbprint } from './credentials/certificate.js';
