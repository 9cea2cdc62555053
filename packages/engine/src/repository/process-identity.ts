/**
 * Who a process is, beyond its id: process ids are reused (after a reboot above all, and on a
 * busy host within hours), so a lock names its holder by the boot it ran in and the moment the
 * process started. Linux tells both through /proc; elsewhere both are undefined, and the lock
 * falls back to the process id alone.
 */
import { readFileSync } from 'node:fs';

/** This boot's random id (/proc/sys/kernel/random/boot_id), or undefined where there is none. */
export function bootId(): string | undefined {
  try {
    const id = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return id === '' ? undefined : id;
  } catch {
    return undefined;
  }
}

/**
 * When the process started, in clock ticks since boot (field 22 of /proc/<pid>/stat), or
 * undefined when it is gone or /proc cannot tell.
 */
export function processStartTicks(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces or parentheses itself.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[22 - 3]);
  return Number.isSafeInteger(ticks) ? ticks : undefined;
}

/** True while a process of this host has the id (EPERM: it exists, it is just not ours to signal). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return typeof error === 'object' && error !== null && 'code' in error && error.code === 'EPERM';
  }
}
