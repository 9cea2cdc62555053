import { describe, expect, it } from 'vitest';
import { value, named, flag, setup, run } from './test-support/stream-session.js';

describe('Write-Warning, Write-Verbose, Write-Debug, Write-Information', () => {
  it('prefixes warnings, hides verbose and debug unless asked', async () => {
    const { host, session } = setup();
    await run(session, 'Write-Warning', [value('careful')]);
    await run(session, 'Write-Verbose', [value('hidden')]);
    await run(session, 'Write-Verbose', [value('shown'), flag('Verbose')]);
    await run(session, 'Write-Debug', [value('dbg'), flag('Debug')]);
    await run(session, 'Write-Information', [value('info')]);
    await run(session, 'Write-Information', [value('info shown'), named('InformationAction', 'Continue')]);
    expect(host.text).toBe('WARNING: careful\nVERBOSE: shown\nDEBUG: dbg\ninfo shown\n');
  });
});
