import { afterAll, describe, expect, it } from 'vitest';
import { flag, run, removeDir } from './test-support/object-pipeline.js';

afterAll(removeDir);

describe('Get-Unique', () => {
  it('drops adjacent repeats', async () => {
    expect((await run('Get-Unique', [], [1, 1, 2, 2, 1])).out).toEqual([1, 2, 1]);
    expect((await run('Get-Unique', [flag('OnType')], [1, 2, 'a', 'b', 3])).out).toEqual([1, 'a', 3]);
  });
});
