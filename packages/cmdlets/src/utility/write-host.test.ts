import { describe, expect, it } from 'vitest';
import { InformationRecord } from '@dpmsh/runtime';
import { value, named, flag, setup, run } from './test-support/stream-session.js';

describe('Write-Host', () => {
  it('joins collections with the separator and honours -NoNewline and colours', async () => {
    const { host, session } = setup();
    await run(session, 'Write-Host', [value([1, 2, 3]), named('Separator', ', '), named('ForegroundColor', 'Red')]);
    await run(session, 'Write-Host', [value('a'), flag('NoNewline')]);
    await run(session, 'Write-Host', [value('b'), value('c')]);
    expect(host.events).toEqual([
      { stream: 'host', text: '1, 2, 3', newline: true, foregroundColor: 'Red', backgroundColor: undefined },
      { stream: 'host', text: 'a', newline: false, foregroundColor: undefined, backgroundColor: undefined },
      { stream: 'host', text: 'b c', newline: true, foregroundColor: undefined, backgroundColor: undefined },
    ]);
  });

  it('writes an information record tagged PSHOST that 6>&1 captures', async () => {
    const { host, session } = setup();
    const [record] = await run(session, 'Write-Host', [value('captured')], { redirect6: true });
    expect(record).toBeInstanceOf(InformationRecord);
    expect((record as InformationRecord).tags).toEqual(['PSHOST']);
    expect(String(record)).toBe('captured');
    expect(host.events).toEqual([]);
  });
});
