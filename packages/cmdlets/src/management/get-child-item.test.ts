import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { args, names, run, sessionIn, tree, useFolderPerTest } from './test-support/file-system.js';

let dir = '';
useFolderPerTest((folder) => (dir = folder));
const newSession = (): ReturnType<typeof sessionIn> => sessionIn(dir);

describe('Get-ChildItem', () => {
  it('lists folders first, then files, each by name, without dot files', async () => {
    tree(dir);
    const { session } = newSession();
    expect(names((await run(session, 'Get-ChildItem', [])).out)).toEqual(['Alpha', 'zeta', 'a.log', 'b.txt']);
    expect(names((await run(session, 'Get-ChildItem', args('-Force'))).out)).toEqual(['Alpha', 'zeta', '.hidden', 'a.log', 'b.txt']);
    expect(names((await run(session, 'Get-ChildItem', args('-Hidden'))).out)).toEqual(['.hidden']);
  });

  it('recurses with paths relative to the folder under -Name, and filters by -Filter, -File and -Directory', async () => {
    tree(dir);
    const { session } = newSession();
    expect((await run(session, 'Get-ChildItem', args('-Recurse', '-Name'))).out).toEqual(['Alpha', 'zeta', 'a.log', 'b.txt', 'zeta/deep.txt']);
    expect((await run(session, 'Get-ChildItem', args('-Recurse', '-Name', '-Filter', '*.txt'))).out).toEqual(['b.txt', 'zeta/deep.txt']);
    expect(names((await run(session, 'Get-ChildItem', args('-File'))).out)).toEqual(['a.log', 'b.txt']);
    expect(names((await run(session, 'Get-ChildItem', args('-Directory'))).out)).toEqual(['Alpha', 'zeta']);
  });

  it('expands wildcards in the path and returns the matches themselves', async () => {
    tree(dir);
    const { session } = newSession();
    expect(names((await run(session, 'Get-ChildItem', args('*.txt'))).out)).toEqual(['b.txt']);
    expect(names((await run(session, 'Get-ChildItem', args('*.txt', '-Recurse'))).out)).toEqual(['b.txt', 'deep.txt']);
  });

  it('reports a missing path with PathNotFound', async () => {
    const { session } = newSession();
    const result = await run(session, 'Get-ChildItem', args('missing'));
    expect(result.errors.map((e) => [e.message, e.exception.typeName])).toEqual([
      [`Cannot find path '${join(dir, 'missing')}' because it does not exist.`, 'System.Management.Automation.ItemNotFoundException'],
    ]);
  });
});
