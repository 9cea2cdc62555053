/**
 * A settings change is checked and prepared before anything is written: folders made, the
 * passphrase's check value derived and the master key wrapped under it everywhere. The caller
 * writes the settings inside its own transaction; if that fails, the preparation is undone.
 */
import { resolve } from 'node:path';
import { validatePassphrase, validateProxy, validateScratchSpace, validateThrottling, type ProxyInput, type ThrottlingSchedule } from '@dpmsh/core';
import type { Repository } from '@dpmsh/engine';
import { diskRows } from '../catalog/disks.js';
import { registrationRow } from '../catalog/registration.js';
import { putSetting, readSettings, type StoredProxy } from '../catalog/settings.js';
import type { ServerContext } from '../context/server-context.js';
import { freeBytes, prepareFolder, undoFolders, type PreparedFolder } from '../storage/folders.js';
import { applyPassphrase, presentDisks } from '../keys/rekey.js';
import { passphraseCheck } from '../keys/passphrase.js';
import { vaultBackend } from '../storage/vault-backend.js';
import { proxyToStore } from './proxy-password.js';

/** Settings to change together, all or none. */
export interface SettingsChange {
  readonly passphrase?: string;
  readonly recoveryFolder?: string;
  readonly scratchPath?: string;
  /** null: no proxy. */
  readonly proxy?: ProxyInput | null;
  readonly throttling?: ThrottlingSchedule;
  /** Data planned for online protection, to check the scratch space against (5%). */
  readonly plannedOnlineBytes?: number;
}

/**
 * Validates a settings change and prepares what it needs, then lets `commit` write it inside its
 * transaction by calling `apply`; folders it created and keys it rewrapped are restored if the
 * commit fails.
 */
export async function withSettings<T>(ctx: ServerContext, change: SettingsChange, commit: (apply: () => void) => Promise<T>): Promise<T> {
  if (change.passphrase !== undefined) validatePassphrase(change.passphrase);
  const proxy = change.proxy === undefined ? undefined : change.proxy === null ? null : validateProxy(change.proxy);
  const throttling = change.throttling === undefined ? undefined : validateThrottling(change.throttling);
  const prepared: PreparedFolder[] = [];
  let undoKeys: (() => Promise<void>) | undefined;
  try {
    if (change.recoveryFolder !== undefined) prepared.push(await prepareFolder('RecoveryFolder', resolve(change.recoveryFolder)));
    if (change.scratchPath !== undefined) {
      const scratch = await prepareFolder('ScratchLocation', resolve(change.scratchPath));
      prepared.push(scratch);
      if (change.plannedOnlineBytes !== undefined) validateScratchSpace({ freeBytes: await freeBytes(scratch.path), plannedOnlineBytes: change.plannedOnlineBytes });
    }
    const check = change.passphrase === undefined ? undefined : await passphraseCheck(change.passphrase);
    if (change.passphrase !== undefined) undoKeys = await applyPassphrase({ keys: ctx.keys, repositories: () => existingRepositories(ctx) }, change.passphrase);
    // Sealed after the passphrase is applied, so a first passphrase given with the proxy makes the key it is sealed under.
    const storedProxy: StoredProxy | null | undefined = proxy ? await proxyToStore(ctx, proxy) : proxy;
    const apply = (): void => {
      if (check) putSetting(ctx.db, 'passphraseCheck', check);
      if (change.recoveryFolder !== undefined) putSetting(ctx.db, 'recoveryFolder', resolve(change.recoveryFolder));
      if (change.scratchPath !== undefined) putSetting(ctx.db, 'scratchPath', resolve(change.scratchPath));
      if (storedProxy !== undefined) putSetting(ctx.db, 'proxy', storedProxy);
      if (throttling !== undefined) putSetting(ctx.db, 'throttling', throttling);
    };
    return await commit(apply);
  } catch (error) {
    await undoKeys?.();
    await undoFolders(prepared);
    throw error;
  }
}

/** Every repository of this server that exists, for a passphrase change. */
async function existingRepositories(ctx: ServerContext): Promise<Repository[]> {
  const repositories: Repository[] = [];
  for (const disk of presentDisks(diskRows(ctx.db))) repositories.push(await ctx.repositories.disk(disk.id, disk.path));
  const registration = registrationRow(ctx.db);
  if (registration) {
    const vaultRepository = await ctx.repositories.vault(vaultBackend(ctx.vault, ctx.serverId, registration.vaultName), readSettings(ctx.db).throttling, true);
    if (vaultRepository) repositories.push(vaultRepository);
  }
  return repositories;
}
