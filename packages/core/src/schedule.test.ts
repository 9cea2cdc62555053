import { describe, expect, it } from 'vitest';
import { isBackupDue, nextBackupDue, RETRY_AFTER_FAILURE_MINUTES } from './schedule.js';

const at = (iso: string): Date => new Date(iso);

describe('backup schedule', () => {
  it('makes a never-backed-up source due at once', () => {
    expect(isBackupDue({ frequencyMinutes: 60, lastBackupAt: null }, at('2026-12-04T10:00:00Z'))).toBe(true);
  });

  it('waits one synchronization frequency after the last recovery point', () => {
    const source = { frequencyMinutes: 30, lastBackupAt: at('2026-12-04T10:00:00Z') };
    expect(nextBackupDue(source).toISOString()).toBe('2026-12-04T10:30:00.000Z');
    expect(isBackupDue(source, at('2026-12-04T10:29:59Z'))).toBe(false);
    expect(isBackupDue(source, at('2026-12-04T10:30:00Z'))).toBe(true);
  });

  it('retries a failed backup only after the retry delay', () => {
    const source = { frequencyMinutes: 15, lastBackupAt: at('2026-12-04T08:00:00Z'), lastFailureAt: at('2026-12-04T10:00:00Z') };
    expect(nextBackupDue(source).getTime()).toBe(at('2026-12-04T10:00:00Z').getTime() + RETRY_AFTER_FAILURE_MINUTES * 60_000);
    expect(isBackupDue(source, at('2026-12-04T10:05:00Z'))).toBe(false);
  });
});
