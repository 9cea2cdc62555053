import { afterAll, describe, expect, it } from 'vitest';
import { flag, run, outString, removeDir } from './test-support/format-pipeline.js';

afterAll(removeDir);

describe('Out-String', () => {
  it('streams lines with -Stream and joins them with -NoNewline', async () => {
    expect(await run(['a', 'b'], [outString, flag('Stream')])).toEqual(['a', 'b']);
    expect(await run(['a', 'b'], [outString, flag('NoNewline')])).toEqual(['ab']);
  });
});
