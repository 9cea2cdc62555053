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
  VaultRecoveryPoint,
  VaultRecoveryPointInput,
} from './client.js';
export { MAX_OBJECT_NAME_LENGTH, validateObjectName } from './object-names.js';
export { createEmbeddedVault, type EmbeddedVaultOptions } from './embedded/embedded-vault.js';
export { DATABASE_FILE } from './embedded/database.js';
export { proveCredentialPossession } from './credentials/possession.js';
export { saveVaultCredentialsFile } from './credentials/file.js';
export { certificateThumbprint } from './credentials/certificate.js';
