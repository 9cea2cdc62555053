import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { args, names, run, sessionIn, useFolderPerTest } from './test-support/file-system.js';

let dir = '';
useFolderPerTest((folder) => (dir = folder));
const newSession = (): ReturnType<typeof sessionIn> => sessionIn(dir);

describe('Copy-Item', () => {
  it('copies files and trees, into an existing folder or to a new path', async () => {
    const { session } = newSession();
    mkdirSync(join(dir, 'src', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'src', 'a.txt'), 'A');
    writeFileSync(join(dir, 'src', 'sub', 'b.txt'), 'B');
    await run(session, 'Copy-Item', args('src', 'copy', '-Recurse'));
    expect(readFileSync(join(dir, 'copy', 'sub', 'b.txt'), 'utf8')).toBe('B');
    mkdirSync(join(dir, 'into'));
    const passed = await run(session, 'Copy-Item', args(join('src', 'a.txt'), 'into', '-PassThru'));
    expect(names(passed.out)).toEqual(['a.txt']);
    await run(session, 'Copy-Item', args('src', 'bare'));
    expect(readdirSync(join(dir, 'bare'))).toEqual([]);
  });
});
