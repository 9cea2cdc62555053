import { describe, expect, it } from 'vitest';
import { value, named, flag, setup, run } from './test-support/stream-session.js';

describe('Write-Progress', () => {
  it('sends progress records to the host', async () => {
    const { host, session } = setup();
    await run(session, 'Write-Progress', [value('Copying'), value('1 of 3'), named('PercentComplete', 33)]);
    await run(session, 'Write-Progress', [value('Copying'), flag('Completed')]);
    expect(host.progressRecords.map((r) => [r.activity, r.status, r.percentComplete, r.completed])).toEqual([
      ['Copying', '1 of 3', 33, false],
      ['Copying', 'Processing', -1, true],
    ]);
    expect(host.text).toBe('');
  });
});
