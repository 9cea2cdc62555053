import { describe, expect, it } from 'vitest';
import { createTestContext } from './test-context.js';

describe('createTestContext', () => {
  it('records warnings and verbose messages', () => {
    const context = createTestContext();
    context.warn('w');
    context.verbose('v');
    expect(context.warnings).toEqual(['w']);
    expect(context.verboseMessages).toEqual(['v']);
  });

  it('aborts by its own abort or by a given signal', () => {
    const own = createTestContext();
    own.abort(new Error('stop'));
    expect(own.signal.aborted).toBe(true);
    const outer = new AbortController();
    const linked = createTestContext({ signal: outer.signal });
    outer.abort();
    expect(linked.signal.aborted).toBe(true);
  });
});
