import { describe, expect, it } from 'vitest';
import { PSDateTime, PSTimeSpan } from '@dpmsh/runtime';
import { RecordingHost } from '../session/recording-host.js';
import { Session } from '../session/session.js';
import { addHistoryEntry, historyDuration, historyEntries } from './history.js';

describe('history', () => {
  it('numbers entries from 1 and keeps $MaximumHistoryCount of them', () => {
    const session = new Session({ host: new RecordingHost(), environment: {} });
    session.globalScope.lookup('MaximumHistoryCount')!.value = 2;
    const at = new PSDateTime(0, 'Utc');
    for (const line of ['a', 'b', 'c']) addHistoryEntry(session, { commandLine: line, status: 'Completed', start: at, end: at });
    expect(historyEntries(session).map((e) => [e.id, e.commandLine])).toEqual([
      [2, 'b'],
      [3, 'c'],
    ]);
  });

  it('formats durations as pwsh does', () => {
    expect(historyDuration(PSTimeSpan.fromMilliseconds(45))).toBe('0.045');
    expect(historyDuration(PSTimeSpan.fromMilliseconds(83_250))).toBe('1:23.250');
    expect(historyDuration(PSTimeSpan.fromMilliseconds(3_723_000))).toBe('1:02:03');
  });
});
