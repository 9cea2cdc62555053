import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dir, newSession, arg, named, run, removeDir } from './test-support/object-pipeline.js';

afterAll(removeDir);

describe('Tee-Object', () => {
  it('tees to a variable and a file', async () => {
    const session = newSession();
    expect((await run('Tee-Object', [named('Variable', 'kept')], [1, 2], session)).out).toEqual([1, 2]);
    expect(session.globalScope.lookup('kept')?.value).toEqual([1, 2]);
    const file = join(dir, 'tee.txt');
    await run('Tee-Object', [arg(file)], ['x', 'y'], session);
    expect(readFileSync(file, 'utf8')).toBe('x\ny\n');
  });
});
