import { describe, expect, it } from 'vitest';
import { args, names, run, sessionIn, tree, useFolderPerTest } from './test-support/file-system.js';

let dir = '';
useFolderPerTest((folder) => (dir = folder));
const newSession = (): ReturnType<typeof sessionIn> => sessionIn(dir);

describe('Get-Item', () => {
  it('expands wildcards in the path and returns the matches themselves', async () => {
    tree(dir);
    const { session } = newSession();
    expect(names((await run(session, 'Get-Item', args('z*'))).out)).toEqual(['zeta']);
  });
});
