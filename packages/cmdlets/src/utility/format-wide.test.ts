import { afterAll, describe, expect, it } from 'vitest';
import { named, run, wide, outString, vaults, removeDir } from './test-support/format-pipeline.js';

afterAll(removeDir);

describe('Format-Wide | Out-String', () => {
  it('writes wide columns at -Width', async () => {
    expect(await run(vaults(), [wide], [outString, named('Width', 20)])).toEqual([`\n${'vault1'.padEnd(10)} b\n\n`]);
  });
});
