import { afterAll, describe, expect, it } from 'vitest';
import { PSObject } from '@dpmsh/runtime';
import { run, list, outString, removeDir } from './test-support/format-pipeline.js';

afterAll(removeDir);

describe('Format-List | Out-String', () => {
  it('writes a list with aligned colons', async () => {
    expect(await run([PSObject.from({ Name: 'v', Location: 'westus' })], [list], [outString])).toEqual(['\nName     : v\nLocation : westus\n\n']);
  });
});
