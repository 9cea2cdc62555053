import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestContext } from '@dpmsh/sdk/testing';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir.js';
import { estimateTreeSize } from './size-estimate.js';

const tempDir = useTempDirs();

describe('estimateTreeSize', () => {
  it('stops at its cap and says so', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'd'));
    for (const name of ['a', 'b', 'c', 'd/e']) await writeFile(join(root, name), '10 bytes!!');
    const context = createTestContext();
    const estimate = await estimateTreeSize(root, context, 2);
    expect(estimate).toBeLessThan(40);
    expect(context.verboseMessages).toEqual([`The size of ${root} is estimated from its first 2 entries; it holds more.`]);
    expect(await estimateTreeSize(root, createTestContext())).toBe(40);
  });
});
