import { afterAll, describe, expect, it } from 'vitest';
import { named, flag, run, table, outString, vaults, removeDir } from './test-support/format-pipeline.js';

afterAll(removeDir);

describe('Format-Table | Out-String', () => {
  it('lays a table out with numbers right-aligned', async () => {
    expect(await run(vaults(), [table], [outString])).toEqual(['\nName   Size\n----   ----\nvault1   10\nb      2000\n\n']);
  });

  it('takes -Property and -HideTableHeaders', async () => {
    expect(await run(vaults(), [table, named('Property', ['Size']), flag('HideTableHeaders')], [outString])).toEqual(['\n  10\n2000\n\n']);
  });
});
