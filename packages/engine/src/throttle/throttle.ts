/**
 * Upload throttling: a token bucket in bits per second whose rate follows the registration's
 * throttling schedule, switching exactly at a work-hour boundary, even in the middle of a wait.
 */
import { bandwidthAt, nextRateChange, type ThrottlingSchedule } from '@dpmsh/core';
import { localTimeIn, realMsUntilWall } from './local-time.js';

/** Paces uploads to the bandwidth the schedule allows at each moment. */
export interface Throttle {
  /** Resolves once `bytes` may be sent; rejects with the signal's reason when it is aborted. */
  take(bytes: number, signal?: AbortSignal): Promise<void>;
  /** Bits per second in force at `at`; Infinity when unthrottled. */
  rateAt(at: Date): number;
}

/** What createThrottle needs; the clock and sleep are there for tests. */
export interface ThrottleOptions {
  readonly schedule: ThrottlingSchedule;
  readonly clock?: () => Date;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** IANA zone whose wall clock the schedule's hours are in; the process's zone when omitted. */
  readonly timeZone?: string;
}

/** The bucket holds at most this many seconds of the current rate, so an idle link bursts briefly. */
export const BURST_SECONDS = 1 / 8;

/** A throttle for a schedule: unthrottled takes resolve at once; throttled ones wait their turn in order. */
export function createThrottle(options: ThrottleOptions): Throttle {
  return new TokenBucket(options);
}

class TokenBucket implements Throttle {
  private readonly schedule: ThrottlingSchedule;
  private readonly clock: () => Date;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly timeZone: string | undefined;
  /** Bits available; negative while a take is paying off a slice larger than the bucket. */
  private tokens: number;
  private refilledAt: number;
  /** Takes run one after another, so each waits for the bits the earlier ones used. */
  private queue: Promise<void> = Promise.resolve();

  constructor(options: ThrottleOptions) {
    this.schedule = options.schedule;
    this.clock = options.clock ?? (() => new Date());
    this.sleep = options.sleep ?? abortableSleep;
    this.timeZone = options.timeZone;
    const now = this.clock();
    this.refilledAt = now.getTime();
    this.tokens = burstOf(this.rateAt(now));
  }

  rateAt(at: Date): number {
    return bandwidthAt(this.schedule, localTimeIn(at, this.timeZone));
  }

  take(bytes: number, signal?: AbortSignal): Promise<void> {
    if (!Number.isFinite(bytes) || bytes < 0) {
      return Promise.reject(new RangeError(`Cannot take ${bytes} bytes from a throttle.`));
    }
    if (signal?.aborted === true) return Promise.reject(signal.reason);
    if (!this.schedule.enabled || bytes === 0) return Promise.resolve();
    const previous = this.queue;
    const mine = this.runAfter(previous, bytes * 8, signal);
    // The next take waits for this one to finish, whether it succeeded or was aborted.
    this.queue = mine.catch(() => undefined);
    return mine;
  }

  private async runAfter(previous: Promise<void>, bits: number, signal: AbortSignal | undefined): Promise<void> {
    await untilOrAborted(previous, signal);
    this.refill();
    this.tokens -= bits;
    try {
      for (;;) {
        if (this.tokens >= 0) return;
        const now = this.clock();
        const rate = this.rateAt(now);
        if (rate === Infinity) {
          this.tokens = 0;
          return;
        }
        const needMs = Math.ceil((-this.tokens / rate) * 1000);
        // Re-plan at the next rate change: the debt left then is paid at the new rate.
        const boundaryMs = this.msToRateChange(now);
        signal?.throwIfAborted();
        await this.sleep(Math.max(1, Math.min(needMs, boundaryMs)), signal);
        this.refill();
      }
    } catch (error) {
      // The caller will not send these bytes: give them back (up to a full bucket).
      this.tokens = Math.min(this.tokens + bits, burstOf(this.rateAt(this.clock())));
      throw error;
    }
  }

  /** Adds the bits earned since the last refill, segment by segment across rate changes. */
  private refill(): void {
    const now = this.clock().getTime();
    let at = this.refilledAt;
    // Bounded: two changes a day at most, and a long idle spell fills the bucket anyway.
    for (let step = 0; at < now && step < 64; step += 1) {
      const atDate = new Date(at);
      const rate = this.rateAt(atDate);
      if (rate === Infinity) {
        this.tokens = 0;
        at = now;
        break;
      }
      const end = Math.min(now, at + Math.max(1, this.msToRateChange(atDate)));
      this.tokens = Math.min(burstOf(rate), this.tokens + (rate * (end - at)) / 1000);
      at = end;
    }
    this.refilledAt = now;
  }

  private msToRateChange(at: Date): number {
    const wall = nextRateChange(this.schedule, localTimeIn(at, this.timeZone));
    return realMsUntilWall(at, wall, this.timeZone);
  }
}

function burstOf(rate: number): number {
  return rate === Infinity ? 0 : rate * BURST_SECONDS;
}

async function untilOrAborted(previous: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return previous;
  signal.throwIfAborted();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([previous, aborted]);
  } finally {
    if (onAbort !== undefined) signal.removeEventListener('abort', onAbort);
  }
}

/** setTimeout as a promise that rejects with the signal's reason when aborted. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
