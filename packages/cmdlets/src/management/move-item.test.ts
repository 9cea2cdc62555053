import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { args, run, sessionIn, useFolderPerTest } from './test-support/file-system.js';

let dir = '';
useFolderPerTest((folder) => (dir = folder));
const newSession = (): ReturnType<typeof sessionIn> => sessionIn(dir);

describe('Move-Item', () => {
  it('moves into folders, and refuses to replace a file without -Force', async () => {
    const { session } = newSession();
    writeFileSync(join(dir, 'one.txt'), '1');
    writeFileSync(join(dir, 'two.txt'), '2');
    mkdirSync(join(dir, 'box'));
    const refused = await run(session, 'Move-Item', args('one.txt', 'two.txt'));
    expect(refused.errors[0]?.message).toBe('Cannot create a file when that file already exists.');
    await run(session, 'Move-Item', args('one.txt', 'two.txt', '-Force'));
    expect(readFileSync(join(dir, 'two.txt'), 'utf8')).toBe('1');
    await run(session, 'Move-Item', args('two.txt', 'box'));
    expect(readdirSync(join(dir, 'box'))).toEqual(['two.txt']);
  });
});
