/** The server's settings rows: one JSON value per key. */
import { NO_THROTTLING, type ProxySettings, type ThrottlingSchedule } from '@dpmsh/core';
import type { SealedSecret } from '../keys/catalog-secret.js';
import type { PassphraseCheck } from '../keys/passphrase.js';
import type { CatalogDatabase } from './database.js';

/**
 * A proxy as stored: its password sealed under the master key. `password` is only ever found in
 * a catalog written before passwords were sealed; it is sealed when the catalog is next opened
 * with the key available.
 */
export interface StoredProxy extends Omit<ProxySettings, 'password'> {
  readonly sealedPassword?: SealedSecret;
  readonly password?: string;
}

/** The name a sealed proxy password is bound to. */
export const PROXY_PASSWORD_SECRET = 'setting:proxy.password';

/** What each setting holds. */
export interface SettingValues {
  readonly passphraseCheck: PassphraseCheck;
  readonly recoveryFolder: string;
  readonly scratchPath: string;
  /** null: no proxy. */
  readonly proxy: StoredProxy | null;
  readonly throttling: ThrottlingSchedule;
  /** ISO time of the last answer from the vault. */
  readonly lastContactAt: string;
}

/** The stored settings, with the defaults of those never set. */
export interface StoredSettings {
  readonly passphraseSet: boolean;
  readonly recoveryFolder: string | null;
  readonly scratchPath: string | null;
  /** The proxy without its password, which only `proxyPassword` opens. */
  readonly proxy: (Omit<ProxySettings, 'password'> & { readonly hasPassword: boolean }) | null;
  readonly throttling: ThrottlingSchedule;
  readonly lastContactAt: Date | null;
}

/** One setting, or undefined when it was never set. */
export function setting<K extends keyof SettingValues>(db: CatalogDatabase, key: K): SettingValues[K] | undefined {
  const row = db.prepare('SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as SettingValues[K]) : undefined;
}

/** Writes one setting; the caller holds the transaction. */
export function putSetting<K extends keyof SettingValues>(db: CatalogDatabase, key: K, value: SettingValues[K]): void {
  db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

/** Every setting. */
export function readSettings(db: CatalogDatabase): StoredSettings {
  const lastContact = setting(db, 'lastContactAt');
  return {
    passphraseSet: setting(db, 'passphraseCheck') !== undefined,
    recoveryFolder: setting(db, 'recoveryFolder') ?? null,
    scratchPath: setting(db, 'scratchPath') ?? null,
    proxy: shownProxy(setting(db, 'proxy') ?? null),
    throttling: setting(db, 'throttling') ?? NO_THROTTLING,
    lastContactAt: lastContact ? new Date(lastContact) : null,
  };
}

function shownProxy(stored: StoredProxy | null): StoredSettings['proxy'] {
  if (!stored) return null;
  const { sealedPassword, password, ...shown } = stored;
  return { ...shown, hasPassword: sealedPassword !== undefined || password !== undefined };
}
