import { describe, expect, it } from 'vitest';
import { outString } from '../formatting/text-output.js';
import { run, sessionIn, useFolderPerTest } from './test-support/file-system.js';

let dir = '';
useFolderPerTest((folder) => (dir = folder));
const newSession = (): ReturnType<typeof sessionIn> => sessionIn(dir);

describe('Get-Location', () => {
  it('prints a PathInfo as a Path table', async () => {
    const { session } = newSession();
    const result = await run(session, 'Get-Location', []);
    expect(await outString(result.out, { width: 120, tables: session })).toBe(`\nPath\n----\n${dir}\n\n`);
  });
});
