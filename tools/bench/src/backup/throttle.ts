/**
 * The throttle bench: an upload through the throttled backend at a configured bandwidth, with the
 * rate it achieved beside the rate it was given.
 */
import { randomFillSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DAYS_OF_WEEK, MS_PER_DAY } from '@dpmsh/core';
import { createThrottle, localBackend, throttledBackend } from '@dpmsh/engine';

/** Uploads `mib` MiB in 4 MiB objects at `bps` bits per second; returns the achieved bits per second. */
export async function throttledUploadRate(bps: number, mib: number): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), 'dpmsh-bench-throttle-'));
  try {
    // Work hours all day, every day: the whole upload runs at the one configured rate.
    const throttle = createThrottle({
      schedule: {
        enabled: true,
        workDays: DAYS_OF_WEEK,
        startWorkHour: 0,
        endWorkHour: MS_PER_DAY,
        workHourBandwidth: bps,
        nonWorkHourBandwidth: bps,
      },
    });
    const backend = throttledBackend(localBackend(work), throttle);
    const object = randomFillSync(new Uint8Array(4 * 1024 * 1024));
    const start = performance.now();
    for (let i = 0; i < mib / 4; i++) await backend.write(`data/${i}`, object);
    const seconds = (performance.now() - start) / 1000;
    return (mib * 1024 * 1024 * 8) / seconds;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
