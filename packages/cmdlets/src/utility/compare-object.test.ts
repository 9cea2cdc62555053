import { afterAll, describe, expect, it } from 'vitest';
import type { PSObject } from '@dpmsh/runtime';
import { arg, flag, run, removeDir } from './test-support/object-pipeline.js';

afterAll(removeDir);

describe('Compare-Object', () => {
  it('compares two sets with side indicators', async () => {
    const { out } = await run('Compare-Object', [arg(['a', 'b', 'c']), arg(['b', 'c', 'd']), flag('IncludeEqual')]);
    expect(out.map((o) => `${String((o as PSObject).read('InputObject'))}${String((o as PSObject).read('SideIndicator'))}`)).toEqual(['b==', 'c==', 'd=>', 'a<=']);
  });
});
