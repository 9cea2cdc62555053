import { afterAll, describe, expect, it } from 'vitest';
import type { PSObject } from '@dpmsh/runtime';
import { arg, named, flag, obj, hashtable, run, removeDir } from './test-support/object-pipeline.js';

afterAll(removeDir);

describe('Sort-Object', () => {
  it('sorts numbers and strings with PowerShell rules, stably', async () => {
    expect((await run('Sort-Object', [], [3, 1, 2])).out).toEqual([1, 2, 3]);
    expect((await run('Sort-Object', [], ['b', 'B', 'a'])).out).toEqual(['a', 'b', 'B']);
    expect((await run('Sort-Object', [flag('CaseSensitive')], ['B', 'b', 'a'])).out).toEqual(['a', 'b', 'B']);
    expect((await run('Sort-Object', [flag('Unique')], ['b', 'a', 'B'])).out).toEqual(['a', 'b']);
  });

  it('sorts by several keys with their own directions; missing properties last', async () => {
    const input = [obj({ k: 1, n: 'x' }), obj({ k: 2, n: 'y' }), obj({ k: 1, n: 'z' }), obj({ n: 'none' })];
    const byKey = await run('Sort-Object', [arg(['k', hashtable({ Expression: 'n', Descending: true })])], input);
    expect(byKey.out.map((o) => (o as PSObject).read('n'))).toEqual(['z', 'x', 'y', 'none']);
    const descending = await run('Sort-Object', [arg(['k']), flag('Descending')], input);
    expect(descending.out.map((o) => (o as PSObject).read('n'))).toEqual(['y', 'x', 'z', 'none']);
  });

  it('takes -Top and -Bottom of the sorted list', async () => {
    expect((await run('Sort-Object', [named('Top', 2)], [5, 3, 9, 1])).out).toEqual([1, 3]);
    expect((await run('Sort-Object', [named('Bottom', 2)], [5, 3, 9, 1])).out).toEqual([5, 9]);
  });
});
