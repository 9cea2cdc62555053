import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { args, names, run, sessionIn, useFolderPerTest } from './test-support/file-system.js';

let dir = '';
useFolderPerTest((folder) => (dir = folder));
const newSession = (): ReturnType<typeof sessionIn> => sessionIn(dir);

describe('Rename-Item', () => {
  it('renames, and refuses a new name that is a path elsewhere', async () => {
    const { session } = newSession();
    mkdirSync(join(dir, 'box'));
    writeFileSync(join(dir, 'box', 'two.txt'), '1');
    const renamed = await run(session, 'Rename-Item', args(join('box', 'two.txt'), 'final.txt', '-PassThru'));
    expect(names(renamed.out)).toEqual(['final.txt']);
    const bad = await run(session, 'Rename-Item', args(join('box', 'final.txt'), '../elsewhere.txt'));
    expect(bad.errors[0]?.message).toBe('Cannot rename the specified target, because it represents a path or device name.');
  });
});
