import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PSObject } from '@dpmsh/runtime';
import { args, run, sessionIn, useFolderPerTest } from './test-support/file-system.js';

let dir = '';
useFolderPerTest((folder) => (dir = folder));
const newSession = (): ReturnType<typeof sessionIn> => sessionIn(dir);

describe('Resolve-Path', () => {
  it('resolves wildcards to full paths, or relative ones with -Relative', async () => {
    const { session } = newSession();
    writeFileSync(join(dir, 'x.txt'), '');
    writeFileSync(join(dir, 'y.txt'), '');
    const full = await run(session, 'Resolve-Path', args('*.txt'));
    expect(full.out.map((p) => (p as PSObject).read('Path'))).toEqual([join(dir, 'x.txt'), join(dir, 'y.txt')]);
    expect((await run(session, 'Resolve-Path', args('*.txt', '-Relative'))).out).toEqual(['./x.txt', './y.txt']);
    const none = await run(session, 'Resolve-Path', args('*.zip'));
    expect(none.errors[0]?.message).toBe("Cannot find path '*.zip' because it does not exist.");
  });
});
