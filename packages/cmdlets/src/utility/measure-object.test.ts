import { afterAll, describe, expect, it } from 'vitest';
import type { PSObject } from '@dpmsh/runtime';
import { arg, flag, obj, run, text, props, removeDir } from './test-support/object-pipeline.js';

afterAll(removeDir);

describe('Measure-Object', () => {
  it('computes the statistics and prints them as a list', async () => {
    const { out } = await run('Measure-Object', [flag('AllStats')], [1, 2, 3, 4]);
    expect(await text(out)).toBe('\nCount             : 4\nAverage           : 2.5\nSum               : 10\nMaximum           : 4\nMinimum           : 1\nStandardDeviation : 1.29099444873581\nProperty          :\n\n');
  });

  it('measures properties and reports the missing ones', async () => {
    const { out, errors } = await run('Measure-Object', [arg(['Size', 'Nope']), flag('Sum')], [obj({ Size: 2 }), obj({ Size: 3 })]);
    expect(props(out[0])).toMatchObject({ Count: 2, Property: 'Size' });
    expect(Number((out[0] as PSObject).read('Sum'))).toBe(5);
    expect(errors).toEqual(['The property "Nope" cannot be found in the input for any objects.']);
  });

  it('counts lines, words and characters', async () => {
    const { out } = await run('Measure-Object', [flag('Line'), flag('Word'), flag('Character')], ['one two', 'three']);
    expect(props(out[0])).toMatchObject({ Lines: 2, Words: 3, Characters: 12 });
  });
});
