import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PSObject } from '@dpmsh/runtime';
import { args, run, sessionIn, useFolderPerTest } from './test-support/file-system.js';

let dir = '';
useFolderPerTest((folder) => (dir = folder));
const newSession = (): ReturnType<typeof sessionIn> => sessionIn(dir);

describe('Set-Location', () => {
  it('moves relative to the session location, and back with Set-Location - and Pop-Location', async () => {
    const { session } = newSession();
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    await run(session, 'Set-Location', args('a'));
    expect(session.location).toBe(join(dir, 'a'));
    await run(session, 'Push-Location', args('b'));
    expect(session.location).toBe(join(dir, 'a', 'b'));
    const stack = await run(session, 'Get-Location', args('-Stack'));
    expect(stack.out.map((p) => (p as PSObject).read('Path'))).toEqual([join(dir, 'a')]);
    await run(session, 'Pop-Location', []);
    expect(session.location).toBe(join(dir, 'a'));
    await run(session, 'Set-Location', args('-'));
    expect(session.location).toBe(join(dir, 'a', 'b'));
    const missing = await run(session, 'Set-Location', args('nowhere'));
    expect(missing.errors[0]?.message).toBe(`Cannot find path '${join(dir, 'a', 'b', 'nowhere')}' because it does not exist.`);
  });
});
