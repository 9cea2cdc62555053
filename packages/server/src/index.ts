export { ProtectionServer } from './server.js';
export type { CloudStatus, CredentialFile, Registration, RegisterRequest, ServerOptions, ServerSettings, SettingsChange } from './server.js';
export type { SubscriptionRecord, VaultRecord } from '@dpmsh/vault';
