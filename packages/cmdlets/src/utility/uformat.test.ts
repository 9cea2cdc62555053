import { describe, expect, it } from 'vitest';
import { makeDateTime } from '@dpmsh/runtime';
import { formatUFormat } from './uformat.js';

describe('formatUFormat', () => {
  const date = makeDateTime(2026, 11, 23, 21, 5, 9, 0, 'Utc');
  it('formats the common specifiers', () => {
    if (!date) throw new Error('bad date');
    expect(formatUFormat(date, '%Y-%m-%d %H:%M:%S')).toBe('2026-11-23 21:05:09');
    expect(formatUFormat(date, '%A %a %B %b %j %u %w %I %p')).toBe('Monday Mon November Nov 327 1 1 09 PM');
    expect(formatUFormat(date, '%D %T %R %F %e %V %%')).toBe('11/23/26 21:05:09 21:05 2026-11-23 23 48 %');
    expect(formatUFormat(date, '%s')).toBe(String(Date.UTC(2026, 10, 23, 21, 5, 9) / 1000));
  });
});
