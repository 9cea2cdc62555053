/** Protection limits: data-source size, synchronization frequency, retention range. */
import { createHash } from 'node:crypto';
import { DomainError } from './errors.js';
import { GB, assertByteCount, formatBytes } from './bytes.js';

/** The largest data source the vault accepts: 54,400 GB (of 1024^3 bytes). */
export const MAX_DATASOURCE_BYTES = 54_400 * GB;

/** Refuses a data source larger than 54,400 GB. */
export function assertDatasourceSize(bytes: number, datasourceName?: string): void {
  assertByteCount('DatasourceSize', bytes);
  if (bytes > MAX_DATASOURCE_BYTES) {
    const which = datasourceName === undefined ? 'The data source' : `The data source '${datasourceName}'`;
    throw new DomainError({
      id: 'DatasourceTooLarge',
      category: 'LimitsExceeded',
      message: `${which} is ${formatBytes(bytes)}; a data source may be at most 54,400 GB.`,
      recommendedAction: 'Split the data into smaller data sources (for example separate folders or volumes) and protect each one.',
      target: datasourceName ?? bytes,
    });
  }
}

/** The synchronization frequencies DPM offers, in minutes. */
export const SYNC_FREQUENCIES_MINUTES: readonly number[] = [15, 30, 45, 60, 120, 240, 360, 720, 1440];

/** Accepts one of the offered synchronization frequencies (minutes) and returns it. */
export function validateSyncFrequency(minutes: number): number {
  if (!SYNC_FREQUENCIES_MINUTES.includes(minutes)) {
    throw new DomainError({
      id: 'InvalidSyncFrequency',
      category: 'InvalidArgument',
      message: `SynchronizationFrequencyMinutes ${String(minutes)} is not offered: use ${SYNC_FREQUENCIES_MINUTES.join(', ')} minutes.`,
      recommendedAction: 'Choose one of the listed frequencies, for example 15 to synchronize every 15 minutes.',
      target: minutes,
    });
  }
  return minutes;
}

/** Where recovery points are kept: local disk (short term) or the vault (long term). */
export type RetentionTarget = 'Disk' | 'Online';

/**
 * Retention ranges in days: DPM keeps disk recovery points 1 to 448 days; the vault keeps a
 * daily point up to 9999 days, its limit of 9999 recovery points per protected item.
 */
export const RETENTION_DAYS: Readonly<Record<RetentionTarget, { readonly min: number; readonly max: number }>> = {
  Disk: { min: 1, max: 448 },
  Online: { min: 1, max: 9999 },
};

/** Accepts a whole number of retention days within the range of `target` and returns it. */
export function validateRetentionDays(days: number, target: RetentionTarget): number {
  const { min, max } = RETENTION_DAYS[target];
  if (!Number.isInteger(days) || days < min || days > max) {
    const where = target === 'Disk' ? 'on disk' : 'in the vault';
    throw new DomainError({
      id: 'RetentionOutOfRange',
      category: 'InvalidArgument',
      message: `A retention range of ${String(days)} days ${where} is out of range: it must be a whole number of days from ${min} to ${max}.`,
      recommendedAction: `Give a retention range from ${min} to ${max} days${target === 'Disk' ? ', and keep longer-term copies in the vault' : ''}.`,
      target: days,
    });
  }
  return days;
}

/** The stable id of a data source: a UUID-shaped hash of its plugin and the plugin's id of it. */
export function datasourceIdOf(plugin: string, sourceId: string): string {
  const h = createHash('sha256').update(plugin).update('\0').update(sourceId).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
