/** What the file-system cmdlet tests share: a fresh folder per test, a session located in it, and a way to run one cmdlet with arguments written as in a script. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeEach } from 'vitest';
import { runPipeline } from '../../pipeline/run.js';
import type { PipelineResult } from '../../pipeline/run.js';
import { ErrorRecord, PSObject } from '@dpmsh/runtime';
import { RecordingHost } from '../../session/recording-host.js';
import { Session } from '../../session/session.js';
import { installManagementCmdlets } from '../index.js';
import type { CommandArgument } from '../../binder/types.js';

/** Gives each test of the calling file a fresh folder below one temporary root, which is removed after the file's tests. */
export function useFolderPerTest(onFolder: (folder: string) => void): void {
  const root = mkdtempSync(join(tmpdir(), 'dpmsh-fs-cmdlets-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let counter = 0;
  beforeEach(() => {
    const folder = join(root, `t${++counter}`);
    mkdirSync(folder);
    onFolder(folder);
  });
}

/** A session with the management cmdlets whose location is `dir` and whose home is the folder above it. */
export function sessionIn(dir: string): { session: Session; host: RecordingHost } {
  const host = new RecordingHost({ width: 120 });
  const session = new Session({ host, location: dir, home: dirname(dir), environment: { PATH: '' } });
  installManagementCmdlets(session);
  return { session, host };
}

/** One argument list as a script writes it: `-Name` alone is a switch, `-Name value` a named value, anything else positional. */
export function args(...items: unknown[]): CommandArgument[] {
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

/** Runs one cmdlet; its output, its errors (written and recorded in the session) and the pipeline's result. */
export async function run(session: Session, command: string, list: CommandArgument[], input?: readonly unknown[]): Promise<{ out: unknown[]; errors: ErrorRecord[]; result: PipelineResult }> {
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

/** The names of item objects; other values as they are. */
export const names = (items: unknown[]): unknown[] => items.map((i) => (i instanceof PSObject ? i.read('Name') : i));

/** Two folders (one with a file), two files and a hidden file in `dir`. */
export function tree(dir: string): void {
  mkdirSync(join(dir, 'zeta'));
  mkdirSync(join(dir, 'Alpha'));
  writeFileSync(join(dir, 'b.txt'), 'bb');
  writeFileSync(join(dir, 'a.log'), 'a');
  writeFileSync(join(dir, '.hidden'), '');
  writeFileSync(join(dir, 'zeta', 'deep.txt'), 'deep');
}
