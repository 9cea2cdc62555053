/**
 * The writers' lock, 'locks/exclusive': who holds it (pid, host, boot id, process start time) and
 * when it was last refreshed, sealed like everything else. A lock is stale, and taken over, when
 * its holder is a process of this host that is gone — another boot, no such pid, or a pid now
 * worn by a process that started at another moment (pid reuse) — or when it has not been
 * refreshed for STALE_AFTER_MS (a holder refreshes it every REFRESH_EVERY_MS). Records without a
 * boot id or start time (older writers, or hosts without /proc) are judged by the pid alone. A
 * backend has no create-if-absent, so a taker writes its lock, lets concurrent takers settle, and
 * reads it back: the last writer wins, the others fail.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { ObjectBackend, RepositoryLock } from '../api.js';
import { readIfExists } from '../backend/not-found.js';
import type { RepositoryKeys } from '../crypto/keys.js';
import { label, open, seal } from '../crypto/sealed.js';
import { repositoryLocked } from '../errors.js';
import { bootId, processAlive, processStartTicks } from './process-identity.js';

/** The lock's object name. */
export const LOCK_OBJECT = 'locks/exclusive';

/** A lock not refreshed for this long is stale. */
export const STALE_AFTER_MS = 30 * 60 * 1000;
/** How often a holder refreshes its lock. */
export const REFRESH_EVERY_MS = 5 * 60 * 1000;
/** How long a taker waits before reading its lock back. */
const SETTLE_MS = 50;

/** What the lock object holds. */
export interface LockRecord {
  readonly token: string;
  readonly pid: number;
  readonly host: string;
  readonly acquiredAt: number;
  readonly refreshedAt: number;
  /** The holder's boot (/proc/sys/kernel/random/boot_id), when known. */
  readonly bootId?: string;
  /** The holder's start, in clock ticks since boot (/proc/<pid>/stat), when known. */
  readonly startTicks?: number;
}

const LOCK_AAD = label('dpmsh lock v1');

/** Locks this process holds, by location: a second taker here is refused without a round trip. */
const heldHere = new Map<string, string>();

function describe(record: LockRecord): string {
  return `process ${record.pid} on ${record.host} (since ${new Date(record.acquiredAt).toISOString()})`;
}

function isStale(record: LockRecord, now: number, location: string): boolean {
  if (now - record.refreshedAt > STALE_AFTER_MS) return true;
  if (record.host !== hostname()) return false;
  if (record.pid === process.pid) return heldHere.get(location) !== record.token;
  const boot = bootId();
  if (record.bootId !== undefined && boot !== undefined && record.bootId !== boot) return true;
  if (!processAlive(record.pid)) return true;
  const started = processStartTicks(record.pid);
  return record.startTicks !== undefined && started !== undefined && started !== record.startTicks;
}

/** This process as a lock names it. */
function thisHolder(): Pick<LockRecord, 'pid' | 'host' | 'bootId' | 'startTicks'> {
  const boot = bootId();
  const started = processStartTicks(process.pid);
  return { pid: process.pid, host: hostname(), ...(boot === undefined ? {} : { bootId: boot }), ...(started === undefined ? {} : { startTicks: started }) };
}

async function readLock(backend: ObjectBackend, keys: RepositoryKeys): Promise<LockRecord | null | undefined> {
  const sealed = await readIfExists(backend, LOCK_OBJECT);
  if (sealed === undefined) return undefined;
  const json = open(keys.dataKey, LOCK_AAD, sealed);
  // An unreadable lock can only be damage: null lets a taker replace it.
  return json === null ? null : (JSON.parse(json.toString('utf8')) as LockRecord);
}

/** Writes a lock record (exported for tests that fake other holders). */
export const writeLock = (backend: ObjectBackend, keys: RepositoryKeys, record: LockRecord): Promise<void> =>
  backend.write(LOCK_OBJECT, seal(keys.dataKey, LOCK_AAD, Buffer.from(JSON.stringify(record), 'utf8')));

/** Takes the exclusive lock; 'RepositoryLocked' while another live writer holds it. */
export async function acquireLock(backend: ObjectBackend, keys: RepositoryKeys): Promise<RepositoryLock> {
  const location = backend.location;
  if (heldHere.has(location)) throw repositoryLocked(location, `this process (${process.pid})`);
  const existing = await readLock(backend, keys);
  if (existing && !isStale(existing, Date.now(), location)) throw repositoryLocked(location, describe(existing));

  const now = Date.now();
  let record: LockRecord = { token: randomBytes(16).toString('hex'), ...thisHolder(), acquiredAt: now, refreshedAt: now };
  heldHere.set(location, record.token);
  try {
    await writeLock(backend, keys, record);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const winner = await readLock(backend, keys);
    if (winner?.token !== record.token) throw repositoryLocked(location, winner ? describe(winner) : 'another process');
  } catch (error) {
    heldHere.delete(location);
    throw error;
  }

  let refreshing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    record = { ...record, refreshedAt: Date.now() };
    // A failed refresh is retried at the next tick; the lock only goes stale after several.
    refreshing = writeLock(backend, keys, record).catch(() => undefined);
  }, REFRESH_EVERY_MS);
  timer.unref();

  let released = false;
  return {
    async release(): Promise<void> {
      if (released) return;
      released = true;
      clearInterval(timer);
      await refreshing;
      try {
        const current = await readLock(backend, keys);
        if (current?.token === record.token) await backend.delete(LOCK_OBJECT);
      } finally {
        heldHere.delete(location);
      }
    },
  };
}
