import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { args, run, sessionIn, useFolderPerTest } from './test-support/file-system.js';
import { splitContent } from './get-content.js';

let dir = '';
useFolderPerTest((folder) => (dir = folder));
const newSession = (): ReturnType<typeof sessionIn> => sessionIn(dir);

describe('Get-Content', () => {
  it('writes lines with Set-Content and reads them back, limited by -TotalCount and -Tail', async () => {
    const { session } = newSession();
    await run(session, 'Set-Content', args('a.txt', ['one', 'two', 'three']));
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('one\ntwo\nthree\n');
    expect((await run(session, 'Get-Content', args('a.txt'))).out).toEqual(['one', 'two', 'three']);
    expect((await run(session, 'Get-Content', args('a.txt', '-TotalCount', 2))).out).toEqual(['one', 'two']);
    expect((await run(session, 'Get-Content', args('a.txt', '-Tail', 1))).out).toEqual(['three']);
    expect((await run(session, 'Get-Content', args('a.txt', '-Raw'))).out).toEqual(['one\ntwo\nthree\n']);
  });

  it('splits at CRLF, LF or CR, and at a -Delimiter that it drops', () => {
    expect(splitContent('a\r\nb\nc\rd\n', undefined)).toEqual(['a', 'b', 'c', 'd']);
    expect(splitContent('a,b,c,', ',')).toEqual(['a', 'b', 'c']);
    expect(splitContent('', undefined)).toEqual([]);
  });

  it('reports a missing file and a folder as pwsh does', async () => {
    const { session } = newSession();
    mkdirSync(join(dir, 'sub'));
    const missing = await run(session, 'Get-Content', args('nope.txt'));
    expect(missing.errors.map((e) => [e.message, e.fullyQualifiedErrorId.split(',')[0], e.category])).toEqual([
      [`Cannot find path '${join(dir, 'nope.txt')}' because it does not exist.`, 'PathNotFound', 'ObjectNotFound'],
    ]);
    const folder = await run(session, 'Get-Content', args('sub'));
    expect(folder.errors[0]?.message).toBe(`Unable to get content because it is a directory: '${join(dir, 'sub')}'. Please use 'Get-ChildItem' instead.`);
  });
});
