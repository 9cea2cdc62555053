import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorRecord, RuntimeError } from '@dpmsh/runtime';
import { runPipeline } from '../pipeline/run.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { args, run, sessionIn, useFolderPerTest } from './test-support/file-system.js';

let dir = '';
useFolderPerTest((folder) => (dir = folder));
const newSession = (): ReturnType<typeof sessionIn> => sessionIn(dir);

describe('Set-Content', () => {
  it('joins with -NoNewline', async () => {
    const { session } = newSession();
    await run(session, 'Set-Content', args('-NoNewline', 'log.txt'), ['x', 'y']);
    expect(readFileSync(join(dir, 'log.txt'), 'utf8')).toBe('xy');
  });

  it('writes a byte-order mark for -Encoding unicode and honours it when reading', async () => {
    const { session } = newSession();
    await run(session, 'Set-Content', args('u.txt', 'é', '-Encoding', 'unicode'));
    expect([...readFileSync(join(dir, 'u.txt'))]).toEqual([0xff, 0xfe, 0xe9, 0x00, 0x0a, 0x00]);
    expect((await run(session, 'Get-Content', args('u.txt'))).out).toEqual(['é']);
  });

  it('leaves the file untouched when the pipeline feeding Set-Content fails part-way, and leaves no temporary file', async () => {
    const { session } = newSession();
    writeFileSync(join(dir, 'keep.txt'), 'original\n');
    const failing = defineCmdlet({
      name: 'Test-Failing',
      parameters: [],
      async end(ctx) {
        await ctx.write('partial');
        ctx.throwTerminating(errorRecord('source failed', 'SourceFailed', 'InvalidOperation'));
      },
    });
    const source = session.registry.register(failing, 'Tests');
    const setContent = session.registry.cmdlet('Set-Content')!;
    await runPipeline({
      session,
      scope: session.globalScope,
      elements: [
        { command: source, args: [] },
        { command: setContent, args: args('keep.txt') },
      ],
      sink: () => undefined,
      signal: new AbortController().signal,
    }).catch((e: unknown) => {
      if (!(e instanceof RuntimeError)) throw e;
    });
    expect(readFileSync(join(dir, 'keep.txt'), 'utf8')).toBe('original\n');
    expect(readdirSync(dir)).toEqual(['keep.txt']);
  });
});
