import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { args, run, sessionIn, useFolderPerTest } from './test-support/file-system.js';

let dir = '';
useFolderPerTest((folder) => (dir = folder));
const newSession = (): ReturnType<typeof sessionIn> => sessionIn(dir);

describe('Clear-Content', () => {
  it('empties with Clear-Content', async () => {
    const { session } = newSession();
    writeFileSync(join(dir, 'log.txt'), 'xy');
    await run(session, 'Clear-Content', args('log.txt'));
    expect(readFileSync(join(dir, 'log.txt'), 'utf8')).toBe('');
  });
});
