import { describe, expect, it } from 'vitest';
import type { PSObject } from '@dpmsh/runtime';
import { setup, named, value, run } from './test-support/scope-session.js';

describe('Get-Alias, New-Alias, Set-Alias', () => {
  it('lists built-in aliases and refuses to recreate one', async () => {
    const session = setup();
    const got = await run(session, 'Get-Alias', [value('gci')]);
    expect((got.out[0] as PSObject).read('DisplayName')).toBe('gci -> Get-ChildItem');
    const dup = await run(session, 'New-Alias', [value('gci'), value('Get-Item')]);
    expect(dup.errors[0]?.message).toBe("The alias is not allowed, because an alias with the name 'gci' already exists.");
    await run(session, 'Set-Alias', [value('say'), value('Write-Output'), named('Description', 'speaks')]);
    const say = await run(session, 'Get-Alias', [value('say')]);
    expect((say.out[0] as PSObject).read('Description')).toBe('speaks');
    expect(session.registry.resolve('say', session.globalScope)?.name).toBe('Write-Output');
  });
});
