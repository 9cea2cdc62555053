/**
 * The settings object of Get-DPMCloudSubscriptionSetting and the changes Set-DPMCloudSubscriptionSetting
 * stages on it until -Commit applies them all at once.
 */
import type { ServerSettings, SettingsChange } from '@dpmsh/server';
import { PSObject, CUSTOM_OBJECT_TYPE_NAMES } from '@dpmsh/runtime';
import { DPM_TYPES, throttlingObject } from './preparation.js';

/** Settings changes staged on one object, writable until they are committed. */
export type StagedChanges = { -readonly [K in keyof SettingsChange]: SettingsChange[K] };

/** Changes staged on a subscription-setting object, kept off the object so a passphrase never shows. */
export const stagedChanges = new WeakMap<PSObject, StagedChanges>();

/** The settings as an object with nothing staged on it yet. */
export function settingObject(s: ServerSettings): PSObject {
  const o = new PSObject([DPM_TYPES.subscriptionSetting, ...CUSTOM_OBJECT_TYPE_NAMES]);
  o.addNote('Registered', s.registration !== null);
  o.addNote('VaultName', s.registration?.vaultName ?? null);
  o.addNote('StagingAreaPath', s.scratchPath);
  o.addNote('RecoveryFolder', s.recoveryFolder);
  o.addNote('ProxyServer', s.proxy?.server ?? null);
  o.addNote('ProxyPort', s.proxy?.port ?? null);
  o.addNote('Throttling', throttlingObject(s.throttling));
  o.addNote('EncryptionPassphraseSet', s.passphraseSet);
  stagedChanges.set(o, {});
  return o;
}
