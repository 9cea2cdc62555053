import { describe, expect, it } from 'vitest';
import { setup, named, flag, value, run } from './test-support/scope-session.js';

describe('New-Variable, Set-Variable, Get-Variable, Remove-Variable', () => {
  it('creates, reads, protects and removes variables', async () => {
    const session = setup();
    await run(session, 'New-Variable', [value('limit'), value(10), named('Option', ['ReadOnly'])]);
    expect(session.globalScope.local('limit')?.value).toBe(10);
    const again = await run(session, 'New-Variable', [value('limit'), value(11)]);
    expect(again.errors[0]?.errorId).toBe('VariableAlreadyExists');
    const set = await run(session, 'Set-Variable', [value('limit'), value(12)]);
    expect(set.errors[0]?.message).toBe('Cannot overwrite variable limit because it is read-only or constant.');
    await run(session, 'Set-Variable', [value('limit'), value(13), flag('Force')]);
    const got = await run(session, 'Get-Variable', [value('limit'), flag('ValueOnly')]);
    expect(got.out).toEqual([13]);
    const removed = await run(session, 'Remove-Variable', [value('limit')]);
    expect(removed.errors[0]?.errorId).toBe('VariableNotRemovable');
    await run(session, 'Remove-Variable', [value('limit'), flag('Force')]);
    expect(session.globalScope.local('limit')).toBeUndefined();
    const missing = await run(session, 'Get-Variable', [value('limit')]);
    expect(missing.errors[0]?.message).toBe("Cannot find a variable with the name 'limit'.");
  });
});
