import { isDomainError } from '@dpmsh/core';
import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { localBackend } from '../backend/local-backend.js';
import { createMasterKey, deriveKeys } from '../crypto/keys.js';
import { useTempDirs } from '../test-support/repositories.js';
import { label, open } from '../crypto/sealed.js';
import { bootId, processStartTicks } from './process-identity.js';
import { acquireLock, LOCK_OBJECT, STALE_AFTER_MS, writeLock, type LockRecord } from './lock.js';

const tempDir = useTempDirs();

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid as number;
}

const holder = (overrides: Partial<LockRecord>): LockRecord => ({ token: 'other', pid: 1, host: hostname(), acquiredAt: Date.now(), refreshedAt: Date.now(), ...overrides });

describe('the writers lock', () => {
  it('is exclusive while held and free again once released', async () => {
    const backend = localBackend(await tempDir());
    const keys = deriveKeys(createMasterKey());
    const lock = await acquireLock(backend, keys);
    await expect(acquireLock(backend, keys)).rejects.toSatisfy((error: unknown) => isDomainError(error, 'RepositoryLocked'));
    await lock.release();
    await lock.release();
    await expect(backend.read(LOCK_OBJECT)).rejects.toMatchObject({ code: 'ENOENT' });
    await (await acquireLock(backend, keys)).release();
  });

  it('refuses while a live process holds it, here or on a host whose lock is fresh', async () => {
    const backend = localBackend(await tempDir());
    const keys = deriveKeys(createMasterKey());
    await writeLock(backend, keys, holder({ pid: process.ppid }));
    const refused = await acquireLock(backend, keys).catch((error: unknown) => error);
    expect(isDomainError(refused, 'RepositoryLocked')).toBe(true);
    expect((refused as Error).message).toContain(`process ${process.ppid} on ${hostname()}`);
    await writeLock(backend, keys, holder({ host: 'elsewhere.example', pid: 12345 }));
    await expect(acquireLock(backend, keys)).rejects.toSatisfy((error: unknown) => isDomainError(error, 'RepositoryLocked'));
  });

  it('takes over a stale lock: its process is gone, or it was not refreshed for 30 minutes', async () => {
    const backend = localBackend(await tempDir());
    const keys = deriveKeys(createMasterKey());
    await writeLock(backend, keys, holder({ pid: await deadPid() }));
    await (await acquireLock(backend, keys)).release();
    const old = Date.now() - STALE_AFTER_MS - 1000;
    await writeLock(backend, keys, holder({ host: 'elsewhere.example', pid: 12345, acquiredAt: old, refreshedAt: old }));
    await (await acquireLock(backend, keys)).release();
  });

  it('leaves a lock it no longer owns in place on release', async () => {
    const backend = localBackend(await tempDir());
    const keys = deriveKeys(createMasterKey());
    const lock = await acquireLock(backend, keys);
    await writeLock(backend, keys, holder({ host: 'elsewhere.example', pid: 12345 }));
    await lock.release();
    expect((await backend.read(LOCK_OBJECT)).length).toBeGreaterThan(0);
  });

  it('takes over at once a lock whose pid was reused: another boot, or a live process that started at another moment', async () => {
    const backend = localBackend(await tempDir());
    const keys = deriveKeys(createMasterKey());
    // A live, unrelated process stands in for a holder whose pid the kernel handed out again.
    const sleeper = spawn('sleep', ['600']);
    try {
      const pid = sleeper.pid as number;
      const started = processStartTicks(pid);
      const boot = bootId();
      if (started === undefined || boot === undefined) {
        // No /proc: the pid alone decides, as before.
        await writeLock(backend, keys, holder({ pid, bootId: 'another boot', startTicks: 1 }));
        await expect(acquireLock(backend, keys)).rejects.toSatisfy((error: unknown) => isDomainError(error, 'RepositoryLocked'));
        return;
      }
      // The real holder is still refused.
      await writeLock(backend, keys, holder({ pid, bootId: boot, startTicks: started }));
      await expect(acquireLock(backend, keys)).rejects.toSatisfy((error: unknown) => isDomainError(error, 'RepositoryLocked'));
      // Same pid, live, but it started at another moment: the holder is gone.
      await writeLock(backend, keys, holder({ pid, bootId: boot, startTicks: started + 1 }));
      await (await acquireLock(backend, keys)).release();
      // Same pid and start time, but written in another boot.
      await writeLock(backend, keys, holder({ pid: 1, bootId: 'f1741763-0000-4000-8000-000000000000', startTicks: processStartTicks(1) }));
      await (await acquireLock(backend, keys)).release();
      // A record of an older writer (no boot id, no start time) is judged by its pid alone.
      await writeLock(backend, keys, holder({ pid }));
      await expect(acquireLock(backend, keys)).rejects.toSatisfy((error: unknown) => isDomainError(error, 'RepositoryLocked'));
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it('names this process by its boot and start time when it takes the lock', async () => {
    const backend = localBackend(await tempDir());
    const keys = deriveKeys(createMasterKey());
    const lock = await acquireLock(backend, keys);
    try {
      const record = JSON.parse(open(keys.dataKey, label('dpmsh lock v1'), await backend.read(LOCK_OBJECT))?.toString('utf8') ?? '{}') as LockRecord;
      expect(record.pid).toBe(process.pid);
      expect(record.bootId).toBe(bootId());
      expect(record.startTicks).toBe(processStartTicks(process.pid));
    } finally {
      await lock.release();
    }
  });
});
