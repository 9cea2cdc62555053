import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/repositories.js';
import { localBackend } from './local-backend.js';

const tempDir = useTempDirs();

describe('localBackend', () => {
  it('writes objects into subdirectories it creates, reads them back and lists them under a prefix', async () => {
    const dir = await tempDir();
    const backend = localBackend(dir);
    expect(backend.location).toBe(dir);
    await backend.write('data/ab/abcdef', Buffer.from('pack'));
    await backend.write('data/cd/cdef01', (async function* () {
      yield Buffer.from('part one, ');
      yield Buffer.from('part two');
    })());
    await backend.write('snapshots/1', Buffer.from('snapshot'));
    await backend.write('config', Buffer.from('config'));
    expect(Buffer.from(await backend.read('data/cd/cdef01')).toString()).toBe('part one, part two');
    expect((await backend.list('data/')).sort()).toEqual(['data/ab/abcdef', 'data/cd/cdef01']);
    expect((await backend.list('')).sort()).toEqual(['config', 'data/ab/abcdef', 'data/cd/cdef01', 'snapshots/1']);
    expect(await backend.list('index/')).toEqual([]);
    expect(await backend.list('data/ab/')).toEqual(['data/ab/abcdef']);
  });

  it("fails a read of a missing object with code 'ENOENT' and deletes idempotently", async () => {
    const backend = localBackend(await tempDir());
    await expect(backend.read('nothing/here')).rejects.toMatchObject({ code: 'ENOENT' });
    await backend.write('locks/exclusive', Buffer.from('1'));
    await backend.write('locks/exclusive', Buffer.from('2'));
    expect(Buffer.from(await backend.read('locks/exclusive')).toString()).toBe('2');
    await backend.delete('locks/exclusive');
    await backend.delete('locks/exclusive');
    await expect(backend.read('locks/exclusive')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('leaves no temporary file behind, hides those a crash left, and leaves the old object when a write fails', async () => {
    const dir = await tempDir();
    const backend = localBackend(dir);
    await backend.write('index/one', Buffer.from('old'));
    await writeFile(join(dir, 'index', '.tmp-1-abc'), 'half a write');
    const failing = (async function* () {
      yield Buffer.from('new');
      throw new Error('the source broke');
    })();
    await expect(backend.write('index/one', failing)).rejects.toThrow('the source broke');
    expect(Buffer.from(await backend.read('index/one')).toString()).toBe('old');
    expect(await backend.list('index/')).toEqual(['index/one']);
    expect((await readdir(join(dir, 'index'))).sort()).toEqual(['.tmp-1-abc', 'one']);
  });

  it('refuses names that would leave its directory', async () => {
    const backend = localBackend(await tempDir());
    for (const name of ['../x', 'a//b', '/abs', 'a/./b', 'a\\b']) await expect(backend.write(name, Buffer.from('x'))).rejects.toThrow(RangeError);
  });
});
