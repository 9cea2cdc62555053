import { afterAll, describe, expect, it } from 'vitest';
import type { PSHashtable, PSObject } from '@dpmsh/runtime';
import { arg, flag, block, run, text, removeDir } from './test-support/object-pipeline.js';

afterAll(removeDir);

describe('Group-Object', () => {
  it('groups sorted by key and prints the GroupInfo table', async () => {
    const { out } = await run('Group-Object', [], ['b', 'a', 'B']);
    expect(out.map((g) => (g as PSObject).read('Name'))).toEqual(['a', 'b']);
    expect(await text(out)).toBe('\nCount Name                      Group\n----- ----                      -----\n    1 a                         {a}\n    2 b                         {b, B}\n\n');
  });

  it('groups by a script block with -NoElement, and as a hashtable', async () => {
    const { out } = await run('Group-Object', [arg([block('$_ % 2', (n) => (n as number) % 2)]), flag('NoElement')], [1, 2, 3, 4, 5]);
    expect(await text(out)).toBe('\nCount Name\n----- ----\n    2 0\n    3 1\n\n');
    const table = (await run('Group-Object', [arg(['Length']), flag('AsHashTable')], ['aa', 'b', 'cc'])).out[0] as PSHashtable;
    expect(table.get(2)).toEqual(['aa', 'cc']);
  });

  it('keeps first-seen order when key types differ', async () => {
    const { out } = await run('Group-Object', [], ['x', 1, 'x']);
    expect(out.map((g) => (g as PSObject).read('Count'))).toEqual([2, 1]);
  });
});
