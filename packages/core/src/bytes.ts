/** Byte counts as the seeds write them (GB of 1024^3 bytes, as Windows counts). */
import { DomainError } from './errors.js';

/** One GB as DPM counts it: 1024^3 bytes. */
export const GB = 1024 ** 3;

/** '5 GB', '512 MB', '1.5 TB': a byte count in 1024-based units. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number(value.toFixed(2))} ${units[unit]}`;
}

/** Checks that a byte count is a whole number from 0 up (safe-integer range). */
export function assertByteCount(parameter: string, bytes: number): void {
  if (!Number.isSafeInteger(bytes) || bytes < 0) {
    throw new DomainError({
      id: 'InvalidByteCount',
      category: 'InvalidArgument',
      message: `${parameter} must be a whole number of bytes, 0 or more; got ${String(bytes)}.`,
      recommendedAction: `Give ${parameter} in bytes, for example 100GB.`,
      target: bytes,
    });
  }
}
