import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { args, run, sessionIn, useFolderPerTest } from './test-support/file-system.js';

let dir = '';
useFolderPerTest((folder) => (dir = folder));
const newSession = (): ReturnType<typeof sessionIn> => sessionIn(dir);

describe('Remove-Item', () => {
  it('removes files, and folders with -Recurse; -WhatIf removes nothing', async () => {
    const { session, host } = newSession();
    writeFileSync(join(dir, 'a.txt'), '');
    mkdirSync(join(dir, 'tree', 'inner'), { recursive: true });
    await run(session, 'Remove-Item', args('a.txt', '-WhatIf'));
    expect(existsSync(join(dir, 'a.txt'))).toBe(true);
    expect(host.text).toContain(`What if: Performing the operation "Remove File" on target "${join(dir, 'a.txt')}".`);
    await run(session, 'Remove-Item', args('a.txt'));
    await run(session, 'Remove-Item', args('tree', '-Recurse'));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('will not remove a folder with children without -Recurse in a non-interactive session', async () => {
    const { session } = newSession();
    mkdirSync(join(dir, 'full'));
    writeFileSync(join(dir, 'full', 'x'), '');
    await expect(run(session, 'Remove-Item', args('full'))).rejects.toThrow('PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.');
    expect(existsSync(join(dir, 'full', 'x'))).toBe(true);
  });
});
