import { describe, expect, it } from 'vitest';
import { setup, named, value, run } from './test-support/scope-session.js';

describe('Set-Variable', () => {
  it('sets in the scope -Scope names', async () => {
    const session = setup();
    const inner = session.globalScope.child('function');
    await run(session, 'Set-Variable', [value('x'), value(1), named('Scope', 'Global')], inner);
    await run(session, 'Set-Variable', [value('y'), value(2)], inner);
    expect(session.globalScope.local('x')?.value).toBe(1);
    expect(session.globalScope.local('y')).toBeUndefined();
    expect(inner.local('y')?.value).toBe(2);
  });
});
