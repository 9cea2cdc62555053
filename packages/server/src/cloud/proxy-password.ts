/**
 * The proxy password is kept in catalog.db sealed under the master key (keys/catalog-secret.ts);
 * it is opened only when it is needed, and a password a catalog kept in clear from before is
 * sealed the first time the catalog is opened with the key available.
 */
import { DomainError, type ProxySettings } from '@dpmsh/core';
import { PROXY_PASSWORD_SECRET, putSetting, setting, type StoredProxy } from '../catalog/settings.js';
import type { ServerContext } from '../context/server-context.js';
import { openSecret, sealSecret } from '../keys/catalog-secret.js';
import type { KeyMaterial } from '../keys/key-store.js';
import { catalogSecretDamagedError, catalogSecretNeedsKeyError } from '../model/errors.js';

const WHAT = 'proxy password';

/** A checked proxy as the catalog stores it; the key must be there when it has a password. */
export async function proxyToStore(ctx: ServerContext, proxy: ProxySettings): Promise<StoredProxy> {
  const { password, ...rest } = proxy;
  if (password === undefined) return rest;
  const keys = await ctx.keys.read();
  if (!keys) throw catalogSecretNeedsKeyError(WHAT);
  return { ...rest, sealedPassword: sealSecret(keys.masterKey, PROXY_PASSWORD_SECRET, password) };
}

/** The proxy password, or undefined when the proxy has none; EncryptionKeyMissing or MasterKeyLocked when the key is not available. */
export async function proxyPassword(ctx: ServerContext): Promise<string | undefined> {
  const stored = setting(ctx.db, 'proxy');
  if (!stored) return undefined;
  if (stored.password !== undefined) return stored.password;
  if (!stored.sealedPassword) return undefined;
  const keys = await ctx.keys.read();
  if (!keys) throw catalogSecretNeedsKeyError(WHAT);
  const password = openSecret(keys.masterKey, PROXY_PASSWORD_SECRET, stored.sealedPassword);
  if (password === undefined) throw catalogSecretDamagedError(WHAT);
  return password;
}

/** Seals a proxy password a catalog still keeps in clear, when the key is available; true when it did. */
export async function sealPlainProxyPassword(ctx: ServerContext, keys?: KeyMaterial): Promise<boolean> {
  const stored = setting(ctx.db, 'proxy');
  if (!stored || stored.password === undefined) return false;
  let material = keys;
  if (!material) {
    try {
      material = await ctx.keys.read();
    } catch (error) {
      // A locked key is not an error of opening the server; the password is sealed on a later open.
      if (error instanceof DomainError) return false;
      throw error;
    }
  }
  if (!material) return false;
  const { password, ...rest } = stored;
  const sealed: StoredProxy = { ...rest, sealedPassword: sealSecret(material.masterKey, PROXY_PASSWORD_SECRET, password) };
  ctx.db.transaction(() => putSetting(ctx.db, 'proxy', sealed))();
  // The clear text would stay in the page SQLite freed and in the write-ahead log: the file is
  // rewritten without free pages and the log emptied, so no byte of catalog.db holds it after.
  ctx.db.exec('VACUUM');
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  return true;
}
