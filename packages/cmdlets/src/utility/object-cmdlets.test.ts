import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outString } from '../formatting/text-output.js';
import type { CmdletDefinition } from '../session/cmdlet.js';
import { runPipeline } from '../pipeline/run.js';
import { RecordingHost } from '../session/recording-host.js';
import { Session } from '../session/session.js';
import { PSHashtable, PSObject } from '@dpmsh/runtime';
import type { ScriptBlock } from '@dpmsh/runtime';
import { compareObject } from './compare-object.js';
import { getUnique } from './get-unique.js';
import { groupObject } from './group-object.js';
import { measureObject } from './measure-object.js';
import { registerObjectViews } from './object-views.js';
import { selectObject } from './select-object.js';
import { sortObject } from './sort-object.js';
import { teeObject } from './tee-object.js';
import type { CommandArgument } from '../binder/types.js';

const dir = mkdtempSync(join(tmpdir(), 'dpmsh-objects-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CMDLETS = [selectObject, sortObject, groupObject, measureObject, teeObject, compareObject, getUnique] as unknown as CmdletDefinition<never>[];

function newSession(): Session {
  const session = new Session({ host: new RecordingHost({ width: 120 }), location: dir, home: dir, environment: { PATH: '' } });
  session.registry.registerAll(CMDLETS, 'Microsoft.PowerShell.Utility');
  registerObjectViews(session.formats);
  return session;
}

const arg = (value: unknown): CommandArgument => ({ kind: 'value', value });
const named = (name: string, value: unknown): CommandArgument => ({ kind: 'parameter', name, value, hasValue: true });
const flag = (name: string): CommandArgument => ({ kind: 'parameter', name, hasValue: false });
const obj = (data: Record<string, unknown>): PSObject => PSObject.from(data);
const block = (text: string, fn: (dollarUnder: unknown) => unknown): ScriptBlock => ({
  isScriptBlock: true,
  text,
  invoke: (options) => Promise.resolve([fn(options?.dollarUnder)]),
});
const hashtable = (entries: Record<string, unknown>): PSHashtable => {
  const h = new PSHashtable();
  for (const [k, v] of Object.entries(entries)) h.set(k, v);
  return h;
};

/** Runs `input | Name args...` in a real session; the output objects and the error messages. */
async function run(name: string, args: CommandArgument[], input?: Iterable<unknown>, session = newSession()): Promise<{ out: unknown[]; errors: string[] }> {
  const out: unknown[] = [];
  const command = session.registry.cmdlet(name);
  if (!command) throw new Error(`no ${name}`);
  const host = session.host as RecordingHost;
  await runPipeline({
    session,
    scope: session.globalScope,
    elements: [{ command, args }],
    input: input === undefined ? undefined : [...input],
    sink: (v) => void out.push(v),
    signal: new AbortController().signal,
  });
  return { out, errors: host.errorRecords.map((e) => e.message) };
}

const text = async (values: unknown[]): Promise<string> => (await outString(values, { hostWidth: 120, tables: newSession() })).replace(/ +$/gm, '');
const props = (o: unknown): Record<string, unknown> => Object.fromEntries((o as PSObject).properties.map((p) => [p.name, p.value]));

describe('Select-Object', () => {
  it('selects names, wildcards and calculated properties into Selected.<type> objects', async () => {
    const { out } = await run('Select-Object', [arg(['Name', 'S*', hashtable({ N: 'Double', E: block('$_.Size * 2', (o) => ((o as PSObject).read('Size') as number) * 2) }), 'Missing'])], [obj({ Name: 'a', Size: 2, Other: 1 })]);
    expect(props(out[0])).toEqual({ Name: 'a', Size: 2, Double: 4, Missing: null });
    expect((out[0] as PSObject).typeNames).toEqual(['Selected.System.Management.Automation.PSCustomObject', 'System.Management.Automation.PSCustomObject', 'System.Object']);
    const ints = await run('Select-Object', [arg([block('$_', (o) => o)])], [1]);
    expect((ints.out[0] as PSObject).typeNames[0]).toBe('Selected.System.Int32');
  });

  it('picks by position: -First, -Last, -Skip, -SkipLast, -Index', async () => {
    const input = [1, 2, 3, 4, 5];
    expect((await run('Select-Object', [named('First', 2)], input)).out).toEqual([1, 2]);
    expect((await run('Select-Object', [named('Last', 2)], input)).out).toEqual([4, 5]);
    expect((await run('Select-Object', [named('Skip', 3)], input)).out).toEqual([4, 5]);
    expect((await run('Select-Object', [named('Last', 2), named('Skip', 1)], input)).out).toEqual([3, 4]);
    expect((await run('Select-Object', [named('SkipLast', 2)], input)).out).toEqual([1, 2, 3]);
    expect((await run('Select-Object', [named('Index', [3, 0])], input)).out).toEqual([1, 4]);
    expect((await run('Select-Object', [named('SkipIndex', [0, 1])], input)).out).toEqual([3, 4, 5]);
  });

  it('takes -First and -Last together: the first N, then the last M of the rest, no object twice', async () => {
    const input = [1, 2, 3, 4, 5, 6, 7];
    expect((await run('Select-Object', [named('First', 2), named('Last', 2)], input)).out).toEqual([1, 2, 6, 7]);
    expect((await run('Select-Object', [named('First', 3), named('Last', 3)], [1, 2, 3, 4])).out).toEqual([1, 2, 3, 4]);
    expect((await run('Select-Object', [named('First', 0), named('Last', 1)], input)).out).toEqual([7]);
    expect((await run('Select-Object', [named('First', 1), named('Last', 0)], input)).out).toEqual([1]);
  });

  it('stops its upstream once -First is satisfied', async () => {
    let pulled = 0;
    function* numbers(): Generator<number> {
      for (let i = 1; i < 1e9; i++) {
        pulled = i;
        yield i;
      }
    }
    const session = newSession();
    const out: unknown[] = [];
    // A producing cmdlet upstream, so the stop request travels through the runner.
    const producer = session.registry.register(
      {
        name: 'Get-Numbers',
        cmdletBinding: true,
        parameters: [],
        async process(ctx) {
          for (const n of numbers()) await ctx.write(n);
        },
      } as CmdletDefinition<never>,
      'Tests',
    );
    await runPipeline({
      session,
      scope: session.globalScope,
      elements: [{ command: producer, args: [] }, { command: session.registry.cmdlet('Select-Object')!, args: [named('First', 2)] }],
      sink: (v) => void out.push(v),
      signal: new AbortController().signal,
    });
    expect(out).toEqual([1, 2]);
    expect(pulled).toBe(2);
  });

  it('expands a property, and -Unique keeps first occurrences case-sensitively', async () => {
    expect((await run('Select-Object', [named('ExpandProperty', 'Names')], [obj({ Names: ['x', 'y'] })])).out).toEqual(['x', 'y']);
    const missing = await run('Select-Object', [named('ExpandProperty', 'Nope')], [obj({ a: 1 })]);
    expect(missing.errors).toEqual(['Property "Nope" cannot be found.']);
    expect((await run('Select-Object', [flag('Unique')], ['a', 'A', 'a', 'b'])).out).toEqual(['a', 'A', 'b']);
  });

  it('leaves out -ExcludeProperty', async () => {
    const { out } = await run('Select-Object', [arg(['*']), named('ExcludeProperty', ['b*'])], [obj({ a: 1, bb: 2, c: 3 })]);
    expect(props(out[0])).toEqual({ a: 1, c: 3 });
  });
});

describe('Sort-Object', () => {
  it('sorts numbers and strings with PowerShell rules, stably', async () => {
    expect((await run('Sort-Object', [], [3, 1, 2])).out).toEqual([1, 2, 3]);
    expect((await run('Sort-Object', [], ['b', 'B', 'a'])).out).toEqual(['a', 'b', 'B']);
    expect((await run('Sort-Object', [flag('CaseSensitive')], ['B', 'b', 'a'])).out).toEqual(['a', 'b', 'B']);
    expect((await run('Sort-Object', [flag('Unique')], ['b', 'a', 'B'])).out).toEqual(['a', 'b']);
  });

  it('sorts by several keys with their own directions; missing properties last', async () => {
    const input = [obj({ k: 1, n: 'x' }), obj({ k: 2, n: 'y' }), obj({ k: 1, n: 'z' }), obj({ n: 'none' })];
    const byKey = await run('Sort-Object', [arg(['k', hashtable({ Expression: 'n', Descending: true })])], input);
    expect(byKey.out.map((o) => (o as PSObject).read('n'))).toEqual(['z', 'x', 'y', 'none']);
    const descending = await run('Sort-Object', [arg(['k']), flag('Descending')], input);
    expect(descending.out.map((o) => (o as PSObject).read('n'))).toEqual(['y', 'x', 'z', 'none']);
  });

  it('takes -Top and -Bottom of the sorted list', async () => {
    expect((await run('Sort-Object', [named('Top', 2)], [5, 3, 9, 1])).out).toEqual([1, 3]);
    expect((await run('Sort-Object', [named('Bottom', 2)], [5, 3, 9, 1])).out).toEqual([5, 9]);
  });
});

describe('Group-Object', () => {
  it('groups sorted by key and prints the GroupInfo table', async () => {
    const { out } = await run('Group-Object', [], ['b', 'a', 'B']);
    expect(out.map((g) => (g as PSObject).read('Name'))).toEqual(['a', 'b']);
    expect(await text(out)).toBe('\nCount Name                      Group\n----- ----                      -----\n    1 a                         {a}\n    2 b                         {b, B}\n\n');
  });

  it('groups by a script block with -NoElement, and as a hashtable', async () => {
    const { out } = await run('Group-Object', [arg([block('$_ % 2', (n) => (n as number) % 2)]), flag('NoElement')], [1, 2, 3, 4, 5]);
    expect(await text(out)).toBe('\nCount Name\n----- ----\n    2 0\n    3 1\n\n');
    const table = (await run('Group-Object', [arg(['Length']), flag('AsHashTable')], ['aa', 'b', 'cc'])).out[0] as PSHashtable;
    expect(table.get(2)).toEqual(['aa', 'cc']);
  });

  it('keeps first-seen order when key types differ', async () => {
    const { out } = await run('Group-Object', [], ['x', 1, 'x']);
    expect(out.map((g) => (g as PSObject).read('Count'))).toEqual([2, 1]);
  });
});

describe('Measure-Object', () => {
  it('computes the statistics and prints them as a list', async () => {
    const { out } = await run('Measure-Object', [flag('AllStats')], [1, 2, 3, 4]);
    expect(await text(out)).toBe('\nCount             : 4\nAverage           : 2.5\nSum               : 10\nMaximum           : 4\nMinimum           : 1\nStandardDeviation : 1.29099444873581\nProperty          :\n\n');
  });

  it('measures properties and reports the missing ones', async () => {
    const { out, errors } = await run('Measure-Object', [arg(['Size', 'Nope']), flag('Sum')], [obj({ Size: 2 }), obj({ Size: 3 })]);
    expect(props(out[0])).toMatchObject({ Count: 2, Property: 'Size' });
    expect(Number((out[0] as PSObject).read('Sum'))).toBe(5);
    expect(errors).toEqual(['The property "Nope" cannot be found in the input for any objects.']);
  });

  it('counts lines, words and characters', async () => {
    const { out } = await run('Measure-Object', [flag('Line'), flag('Word'), flag('Character')], ['one two', 'three']);
    expect(props(out[0])).toMatchObject({ Lines: 2, Words: 3, Characters: 12 });
  });
});

describe('Compare-Object, Tee-Object, Get-Unique', () => {
  it('compares two sets with side indicators', async () => {
    const { out } = await run('Compare-Object', [arg(['a', 'b', 'c']), arg(['b', 'c', 'd']), flag('IncludeEqual')]);
    expect(out.map((o) => `${String((o as PSObject).read('InputObject'))}${String((o as PSObject).read('SideIndicator'))}`)).toEqual(['b==', 'c==', 'd=>', 'a<=']);
  });

  it('tees to a variable and a file', async () => {
    const session = newSession();
    expect((await run('Tee-Object', [named('Variable', 'kept')], [1, 2], session)).out).toEqual([1, 2]);
    expect(session.globalScope.lookup('kept')?.value).toEqual([1, 2]);
    const file = join(dir, 'tee.txt');
    await run('Tee-Object', [arg(file)], ['x', 'y'], session);
    expect(readFileSync(file, 'utf8')).toBe('x\ny\n');
  });

  it('drops adjacent repeats', async () => {
    expect((await run('Get-Unique', [], [1, 1, 2, 2, 1])).out).toEqual([1, 2, 1]);
    expect((await run('Get-Unique', [flag('OnType')], [1, 2, 'a', 'b', 3])).out).toEqual([1, 'a', 3]);
  });
});
