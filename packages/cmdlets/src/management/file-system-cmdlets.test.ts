import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { outString } from '../formatting/text-output.js';
import { runPipeline } from '../pipeline/run.js';
import type { PipelineResult } from '../pipeline/run.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { errorRecord, ErrorRecord, RuntimeError, PSDateTime, PSObject } from '@dpmsh/runtime';
import { RecordingHost } from '../session/recording-host.js';
import { Session } from '../session/session.js';
import { fileItem } from './file-items.js';
import { installManagementCmdlets } from './index.js';
import { splitContent } from './content-cmdlets.js';
import type { CommandArgument } from '../binder/types.js';

const root = mkdtempSync(join(tmpdir(), 'dpmsh-fs-cmdlets-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dir: string;
let counter = 0;
beforeEach(() => {
  dir = join(root, `t${++counter}`);
  mkdirSync(dir);
});

function newSession(): { session: Session; host: RecordingHost } {
  const host = new RecordingHost({ width: 120 });
  const session = new Session({ host, location: dir, home: join(root), environment: { PATH: '' } });
  installManagementCmdlets(session);
  return { session, host };
}

/** One argument list as a script writes it: `-Name` alone is a switch, `-Name value` a named value, anything else positional. */
function args(...items: unknown[]): CommandArgument[] {
  const out: CommandArgument[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item === 'string' && /^-[A-Za-z]+$/.test(item)) {
      const next = items[i + 1];
      if (next !== undefined && !(typeof next === 'string' && /^-[A-Za-z]+$/.test(next)) && !SWITCHES.has(item.slice(1).toLowerCase())) {
        out.push({ kind: 'parameter', name: item.slice(1), value: next, hasValue: true });
        i++;
      } else out.push({ kind: 'parameter', name: item.slice(1), hasValue: false });
    } else out.push({ kind: 'value', value: item });
  }
  return out;
}

const SWITCHES = new Set(['raw', 'nonewline', 'passthru', 'force', 'recurse', 'name', 'file', 'directory', 'hidden', 'relative', 'whatif', 'stack']);

async function run(session: Session, command: string, list: CommandArgument[], input?: readonly unknown[]): Promise<{ out: unknown[]; errors: ErrorRecord[]; result: PipelineResult }> {
  const out: unknown[] = [];
  const info = session.registry.cmdlet(command);
  if (!info) throw new Error(`no cmdlet ${command}`);
  const result = await runPipeline({
    session,
    scope: session.globalScope,
    elements: [{ command: info, args: list }],
    input,
    sink: (v) => void out.push(v),
    signal: new AbortController().signal,
  });
  const errors = out.filter((o): o is ErrorRecord => o instanceof ErrorRecord);
  return { out: out.filter((o) => !(o instanceof ErrorRecord)), errors: [...errors, ...session.errors.splice(0)], result };
}

const names = (items: unknown[]): unknown[] => items.map((i) => (i instanceof PSObject ? i.read('Name') : i));

describe('content cmdlets', () => {
  it('writes lines with Set-Content and reads them back, limited by -TotalCount and -Tail', async () => {
    const { session } = newSession();
    await run(session, 'Set-Content', args('a.txt', ['one', 'two', 'three']));
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('one\ntwo\nthree\n');
    expect((await run(session, 'Get-Content', args('a.txt'))).out).toEqual(['one', 'two', 'three']);
    expect((await run(session, 'Get-Content', args('a.txt', '-TotalCount', 2))).out).toEqual(['one', 'two']);
    expect((await run(session, 'Get-Content', args('a.txt', '-Tail', 1))).out).toEqual(['three']);
    expect((await run(session, 'Get-Content', args('a.txt', '-Raw'))).out).toEqual(['one\ntwo\nthree\n']);
  });

  it('appends with Add-Content, joins with -NoNewline and empties with Clear-Content', async () => {
    const { session } = newSession();
    await run(session, 'Add-Content', args('log.txt', 'a'));
    await run(session, 'Add-Content', args('log.txt', 'b'));
    expect(readFileSync(join(dir, 'log.txt'), 'utf8')).toBe('a\nb\n');
    await run(session, 'Set-Content', args('-NoNewline', 'log.txt'), ['x', 'y']);
    expect(readFileSync(join(dir, 'log.txt'), 'utf8')).toBe('xy');
    await run(session, 'Clear-Content', args('log.txt'));
    expect(readFileSync(join(dir, 'log.txt'), 'utf8')).toBe('');
  });

  it('writes a byte-order mark for -Encoding unicode and honours it when reading', async () => {
    const { session } = newSession();
    await run(session, 'Set-Content', args('u.txt', 'é', '-Encoding', 'unicode'));
    expect([...readFileSync(join(dir, 'u.txt'))]).toEqual([0xff, 0xfe, 0xe9, 0x00, 0x0a, 0x00]);
    expect((await run(session, 'Get-Content', args('u.txt'))).out).toEqual(['é']);
  });

  it('splits at CRLF, LF or CR, and at a -Delimiter that it drops', () => {
    expect(splitContent('a\r\nb\nc\rd\n', undefined)).toEqual(['a', 'b', 'c', 'd']);
    expect(splitContent('a,b,c,', ',')).toEqual(['a', 'b', 'c']);
    expect(splitContent('', undefined)).toEqual([]);
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

  it('reports a missing file and a folder as pwsh does', async () => {
    const { session } = newSession();
    mkdirSync(join(dir, 'sub'));
    const missing = await run(session, 'Get-Content', args('nope.txt'));
    expect(missing.errors.map((e) => [e.message, e.fullyQualifiedErrorId.split(',')[0], e.category])).toEqual([
      [`Cannot find path '${join(dir, 'nope.txt')}' because it does not exist.`, 'PathNotFound', 'ObjectNotFound'],
    ]);
    const folder = await run(session, 'Get-Content', args('sub'));
    expect(folder.errors[0]?.message).toBe(`Unable to get content because it is a directory: '${join(dir, 'sub')}'. Please use 'Get-ChildItem' instead.`);
  });
});

describe('Get-ChildItem and Get-Item', () => {
  function tree(): void {
    mkdirSync(join(dir, 'zeta'));
    mkdirSync(join(dir, 'Alpha'));
    writeFileSync(join(dir, 'b.txt'), 'bb');
    writeFileSync(join(dir, 'a.log'), 'a');
    writeFileSync(join(dir, '.hidden'), '');
    writeFileSync(join(dir, 'zeta', 'deep.txt'), 'deep');
  }

  it('lists folders first, then files, each by name, without dot files', async () => {
    tree();
    const { session } = newSession();
    expect(names((await run(session, 'Get-ChildItem', [])).out)).toEqual(['Alpha', 'zeta', 'a.log', 'b.txt']);
    expect(names((await run(session, 'Get-ChildItem', args('-Force'))).out)).toEqual(['Alpha', 'zeta', '.hidden', 'a.log', 'b.txt']);
    expect(names((await run(session, 'Get-ChildItem', args('-Hidden'))).out)).toEqual(['.hidden']);
  });

  it('recurses with paths relative to the folder under -Name, and filters by -Filter, -File and -Directory', async () => {
    tree();
    const { session } = newSession();
    expect((await run(session, 'Get-ChildItem', args('-Recurse', '-Name'))).out).toEqual(['Alpha', 'zeta', 'a.log', 'b.txt', 'zeta/deep.txt']);
    expect((await run(session, 'Get-ChildItem', args('-Recurse', '-Name', '-Filter', '*.txt'))).out).toEqual(['b.txt', 'zeta/deep.txt']);
    expect(names((await run(session, 'Get-ChildItem', args('-File'))).out)).toEqual(['a.log', 'b.txt']);
    expect(names((await run(session, 'Get-ChildItem', args('-Directory'))).out)).toEqual(['Alpha', 'zeta']);
  });

  it('expands wildcards in the path and returns the matches themselves', async () => {
    tree();
    const { session } = newSession();
    expect(names((await run(session, 'Get-ChildItem', args('*.txt'))).out)).toEqual(['b.txt']);
    expect(names((await run(session, 'Get-Item', args('z*'))).out)).toEqual(['zeta']);
    expect(names((await run(session, 'Get-ChildItem', args('*.txt', '-Recurse'))).out)).toEqual(['b.txt', 'deep.txt']);
  });

  it('reports a missing path with PathNotFound', async () => {
    const { session } = newSession();
    const result = await run(session, 'Get-ChildItem', args('missing'));
    expect(result.errors.map((e) => [e.message, e.exception.typeName])).toEqual([
      [`Cannot find path '${join(dir, 'missing')}' because it does not exist.`, 'System.Management.Automation.ItemNotFoundException'],
    ]);
  });

  it('prints items as pwsh on Linux: a Directory header, then UnixMode User Group LastWriteTime Size Name', async () => {
    writeFileSync(join(dir, 'f.txt'), '12345');
    const item = fileItem(join(dir, 'f.txt'), (await import('node:fs')).statSync(join(dir, 'f.txt')));
    item.addNote('LastWriteTime', new PSDateTime(Date.UTC(2024, 2, 14, 10, 31)));
    item.addNote('User', 'root');
    item.addNote('Group', 'root');
    item.addNote('UnixMode', '-rw-r--r--');
    const text = await outString([item], { width: 120, tables: newSession().session });
    expect(text.split('\n')).toEqual([
      '',
      `    Directory: ${dir}`,
      '',
      'UnixMode         User Group         LastWriteTime         Size Name',
      '--------         ---- -----         -------------         ---- ----',
      '-rw-r--r--       root root        3/14/2024 10:31            5 f.txt',
      '',
      '',
    ]);
  });
});

describe('Remove-Item, Copy-Item, Move-Item and Rename-Item', () => {
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

  it('copies files and trees, into an existing folder or to a new path', async () => {
    const { session } = newSession();
    mkdirSync(join(dir, 'src', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'src', 'a.txt'), 'A');
    writeFileSync(join(dir, 'src', 'sub', 'b.txt'), 'B');
    await run(session, 'Copy-Item', args('src', 'copy', '-Recurse'));
    expect(readFileSync(join(dir, 'copy', 'sub', 'b.txt'), 'utf8')).toBe('B');
    mkdirSync(join(dir, 'into'));
    const passed = await run(session, 'Copy-Item', args(join('src', 'a.txt'), 'into', '-PassThru'));
    expect(names(passed.out)).toEqual(['a.txt']);
    await run(session, 'Copy-Item', args('src', 'bare'));
    expect(readdirSync(join(dir, 'bare'))).toEqual([]);
  });

  it('moves into folders, refuses to replace a file without -Force, and renames', async () => {
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
    const renamed = await run(session, 'Rename-Item', args(join('box', 'two.txt'), 'final.txt', '-PassThru'));
    expect(names(renamed.out)).toEqual(['final.txt']);
    const bad = await run(session, 'Rename-Item', args(join('box', 'final.txt'), '../elsewhere.txt'));
    expect(bad.errors[0]?.message).toBe('Cannot rename the specified target, because it represents a path or device name.');
  });
});

describe('locations', () => {
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

  it('prints a PathInfo as a Path table', async () => {
    const { session } = newSession();
    const result = await run(session, 'Get-Location', []);
    expect(await outString(result.out, { width: 120, tables: session })).toBe(`\nPath\n----\n${dir}\n\n`);
  });
});
