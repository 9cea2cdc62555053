import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { args, run, sessionIn, useFolderPerTest } from './test-support/file-system.js';

let dir = '';
useFolderPerTest((folder) => (dir = folder));
const newSession = (): ReturnType<typeof sessionIn> => sessionIn(dir);

describe('Add-Content', () => {
  it('appends with Add-Content', async () => {
    const { session } = newSession();
    await run(session, 'Add-Content', args('log.txt', 'a'));
    await run(session, 'Add-Content', args('log.txt', 'b'));
    expect(readFileSync(join(dir, 'log.txt'), 'utf8')).toBe('a\nb\n');
  });
});
