import { afterAll, describe, expect, it } from 'vitest';
import type { CmdletDefinition } from '../session/cmdlet.js';
import { runPipeline } from '../pipeline/run.js';
import type { PSObject } from '@dpmsh/runtime';
import { newSession, arg, named, flag, obj, block, hashtable, run, props, removeDir } from './test-support/object-pipeline.js';

afterAll(removeDir);

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
