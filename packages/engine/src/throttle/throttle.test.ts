import { NO_THROTTLING, type DayOfWeek, type ThrottlingSchedule } from '@dpmsh/core';
import { describe, expect, it } from 'vitest';
import type { ObjectBackend } from '../api.js';
import { createThrottle, BURST_SECONDS } from './throttle.js';
import { THROTTLE_SLICE_BYTES, throttledBackend } from './throttled-backend.js';

const H = 3_600_000;
const KBPS = 1024;
const MBPS = 1024 * 1024;
const weekdays: DayOfWeek[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const schedule: ThrottlingSchedule = {
  enabled: true,
  workDays: weekdays,
  startWorkHour: 9 * H,
  endWorkHour: 18 * H,
  workHourBandwidth: 512 * KBPS,
  nonWorkHourBandwidth: 2 * MBPS,
};

/** A clock that only moves when the throttle sleeps; records every sleep. */
function fakeTime(start: string) {
  let now = Date.parse(start);
  const sleeps: { ms: number; wokeAt: string }[] = [];
  return {
    clock: () => new Date(now),
    sleep: async (ms: number, signal?: AbortSignal): Promise<void> => {
      signal?.throwIfAborted();
      now += ms;
      sleeps.push({ ms, wokeAt: new Date(now).toISOString() });
    },
    sleeps,
    elapsedMs: () => now - Date.parse(start),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('createThrottle', () => {
  it('achieves the configured rate within a few percent over 64 KiB slices', async () => {
    // Saturday: the non-work-hour rate all day.
    const time = fakeTime('2024-01-06T10:00:00.000Z');
    const throttle = createThrottle({ schedule, clock: time.clock, sleep: time.sleep, timeZone: 'UTC' });
    const total = 8 * 1024 * 1024;
    for (let sent = 0; sent < total; sent += THROTTLE_SLICE_BYTES) await throttle.take(THROTTLE_SLICE_BYTES);
    const achieved = (total * 8) / (time.elapsedMs() / 1000);
    expect(achieved / (2 * MBPS)).toBeGreaterThan(0.97);
    expect(achieved / (2 * MBPS)).toBeLessThan(1.03);
    // The only head start is the small burst: an eighth of a second of the rate.
    const ideal = ((total * 8 - 2 * MBPS * BURST_SECONDS) / (2 * MBPS)) * 1000;
    expect(Math.abs(time.elapsedMs() - ideal)).toBeLessThan(200);
  });

  it('switches rate exactly at the 09:00 work-hour boundary, in the middle of one long wait', async () => {
    const time = fakeTime('2024-01-08T08:59:00.000Z'); // a Monday
    const throttle = createThrottle({ schedule, clock: time.clock, sleep: time.sleep, timeZone: 'UTC' });
    expect(throttle.rateAt(new Date('2024-01-08T08:59:59.999Z'))).toBe(2 * MBPS);
    expect(throttle.rateAt(new Date('2024-01-08T09:00:00.000Z'))).toBe(512 * KBPS);
    expect(throttle.rateAt(new Date('2024-01-08T18:00:00.000Z'))).toBe(2 * MBPS);

    // Two minutes' worth at 2 Mbps in a single take: one minute at 2 Mbps, the rest at 512 Kbps.
    const bits = 2 * MBPS * 120;
    await throttle.take(bits / 8);
    expect(time.sleeps[0]).toEqual({ ms: 60_000, wokeAt: '2024-01-08T09:00:00.000Z' });
    const leftAtNine = bits - 2 * MBPS * BURST_SECONDS - 2 * MBPS * 60;
    const expectedMs = 60_000 + (leftAtNine / (512 * KBPS)) * 1000;
    expect(Math.abs(time.elapsedMs() - expectedMs)).toBeLessThanOrEqual(2);
  });

  it('reads the schedule in the given time zone and across a DST change', async () => {
    const ny = { schedule, timeZone: 'America/New_York' };
    // 09:00 in New York is 14:00 UTC in winter and 13:00 UTC in summer.
    const winter = createThrottle(ny);
    expect(winter.rateAt(new Date('2024-01-08T13:59:59.000Z'))).toBe(2 * MBPS);
    expect(winter.rateAt(new Date('2024-01-08T14:00:00.000Z'))).toBe(512 * KBPS);

    // Clocks spring forward at 02:00 on Sunday 2026-03-08; work hours on Sunday here start at 09:00 EDT.
    const sundays: ThrottlingSchedule = { ...schedule, workDays: ['Sunday'] } as ThrottlingSchedule;
    const time = fakeTime('2026-03-08T06:00:00.000Z'); // 01:00 EST
    const throttle = createThrottle({ schedule: sundays, clock: time.clock, sleep: time.sleep, timeZone: 'America/New_York' });
    expect(throttle.rateAt(new Date('2026-03-08T12:59:59.000Z'))).toBe(2 * MBPS);
    expect(throttle.rateAt(new Date('2026-03-08T13:00:00.000Z'))).toBe(512 * KBPS);
    // Eight wall-clock hours to 09:00, but only seven real ones: the wait must end at 13:00 UTC.
    await throttle.take((2 * MBPS * 8 * 3600) / 8);
    expect(time.sleeps[0]?.wokeAt).toBe('2026-03-08T13:00:00.000Z');
  });

  it('lets everything through at once when throttling is off', async () => {
    const time = fakeTime('2024-01-08T10:00:00.000Z');
    const throttle = createThrottle({ schedule: NO_THROTTLING, clock: time.clock, sleep: time.sleep });
    expect(throttle.rateAt(time.clock())).toBe(Infinity);
    for (let i = 0; i < 100; i += 1) await throttle.take(1024 * 1024 * 1024);
    expect(time.sleeps).toEqual([]);
  });

  it('refills while idle, up to one burst', async () => {
    const time = fakeTime('2024-01-06T10:00:00.000Z');
    const throttle = createThrottle({ schedule, clock: time.clock, sleep: time.sleep, timeZone: 'UTC' });
    const burstBytes = (2 * MBPS * BURST_SECONDS) / 8;
    await throttle.take(burstBytes);
    expect(time.sleeps).toEqual([]);
    time.advance(3_600_000);
    await throttle.take(burstBytes);
    expect(time.sleeps).toEqual([]);
    await throttle.take(burstBytes);
    expect(time.sleeps.map((s) => s.ms)).toEqual([125]);
  });

  it('rejects a waiting take when its signal is aborted, and one that is queued behind it', async () => {
    const throttle = createThrottle({
      schedule,
      timeZone: 'UTC',
      clock: () => new Date('2024-01-06T10:00:00.000Z'),
      // Never wakes on its own: only the abort ends it.
      sleep: (_ms, signal) => {
        sleeping += 1;
        return new Promise<void>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
      },
    });
    let sleeping = 0;
    const controller = new AbortController();
    const waiting = throttle.take(10 * 1024 * 1024, controller.signal);
    const queued = throttle.take(1024, controller.signal);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sleeping).toBe(1);
    const outcomes = Promise.allSettled([waiting, queued]);
    controller.abort(new Error('stopped by the user'));
    const [first, second] = await outcomes;
    expect(first).toMatchObject({ status: 'rejected', reason: { message: 'stopped by the user' } });
    expect(second).toMatchObject({ status: 'rejected', reason: { message: 'stopped by the user' } });
    await expect(throttle.take(1, controller.signal)).rejects.toThrow('stopped by the user');
  });
});

describe('throttledBackend', () => {
  it('charges a write slice by slice as the backend consumes it and passes the rest through', async () => {
    const stored = new Map<string, Uint8Array>();
    const events: string[] = [];
    const inner: ObjectBackend = {
      location: 'memory',
      read: async (name) => stored.get(name) ?? Promise.reject(Object.assign(new Error('absent'), { code: 'ENOENT' })),
      write: async (name, data) => {
        const parts: Uint8Array[] = [];
        for await (const part of data instanceof Uint8Array ? [data] : data) {
          events.push(`wrote ${part.length}`);
          parts.push(part);
        }
        stored.set(name, Buffer.concat(parts));
      },
      list: async (prefix) => [...stored.keys()].filter((k) => k.startsWith(prefix)),
      delete: async (name) => {
        stored.delete(name);
      },
    };
    const throttle = {
      rateAt: () => 1,
      take: async (bytes: number) => {
        events.push(`took ${bytes}`);
      },
    };
    const backend = throttledBackend(inner, throttle);
    const data = new Uint8Array(200 * 1024).map((_, i) => i % 251);
    await backend.write('data/ab/cd', data);
    expect(events).toEqual([
      'took 65536', 'wrote 65536', 'took 65536', 'wrote 65536', 'took 65536', 'wrote 65536', 'took 8192', 'wrote 8192',
    ]);
    expect(Buffer.from(await backend.read('data/ab/cd')).equals(Buffer.from(data))).toBe(true);

    events.length = 0;
    async function* pieces(): AsyncIterable<Uint8Array> {
      yield new Uint8Array(70 * 1024);
      yield new Uint8Array(10);
    }
    await backend.write('snapshots/x', pieces());
    expect(events).toEqual(['took 65536', 'wrote 65536', 'took 6144', 'wrote 6144', 'took 10', 'wrote 10']);
    expect(await backend.list('data/')).toEqual(['data/ab/cd']);
    await backend.delete('data/ab/cd');
    expect(await backend.list('')).toEqual(['snapshots/x']);
    expect(backend.location).toBe('memory');
  });
});
