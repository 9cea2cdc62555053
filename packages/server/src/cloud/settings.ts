/** The server's settings as the cmdlets show and change them (Set-OBMachineSetting, Set-DPMCloudSubscriptionSetting). */
import { join } from 'node:path';
import { notRegisteredError } from '@dpmsh/core';
import { registrationRow } from '../catalog/registration.js';
import { readSettings, setting, type StoredSettings } from '../catalog/settings.js';
import type { ServerContext } from '../context/server-context.js';
import { passphraseMatches as matches } from '../keys/passphrase.js';
import { sealPlainProxyPassword } from './proxy-password.js';
import { registration, type Registration } from './registration.js';
import { withSettings, type SettingsChange } from './settings-change.js';

/** The server's settings as the cmdlets show them. */
export interface ServerSettings extends StoredSettings {
  readonly registration: Registration | null;
}

/** The server's settings. */
export function serverSettings(ctx: ServerContext): ServerSettings {
  return { registration: registration(ctx), ...readSettings(ctx.db) };
}

/** Changes settings together; a passphrase only once registered. */
export async function changeSettings(ctx: ServerContext, change: SettingsChange): Promise<ServerSettings> {
  if (change.passphrase !== undefined && !registrationRow(ctx.db)) throw notRegisteredError();
  await withSettings(ctx, change, async (apply) => {
    ctx.db.transaction(apply)();
  });
  // A first passphrase makes the key that a proxy password kept in clear from before can be sealed under.
  if (change.passphrase !== undefined) await sealPlainProxyPassword(ctx);
  return serverSettings(ctx);
}

/** True when a passphrase is the one this server's data is encrypted with. */
export async function passphraseMatches(ctx: ServerContext, passphrase: string): Promise<boolean> {
  const stored = setting(ctx.db, 'passphraseCheck');
  return stored !== undefined && matches(passphrase, stored);
}

/** Where recovered data is staged; the recovery folder setting or `home/recovery`. */
export function recoveryFolder(ctx: ServerContext): string {
  return setting(ctx.db, 'recoveryFolder') ?? join(ctx.home, 'recovery');
}
