import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { ParameterMetadata } from '../metadata/command.js';
import { ErrorRecord, PipelineStoppedError, RuntimeError, StopUpstreamError, errorRecord, PSList, HostInformationMessage, WarningRecord } from '@dpmsh/runtime';
import type { BoundParameters, CommandArgument } from '../binder/types.js';
import type { CommandInfo } from '../session/commands.js';
import type { ScriptEngine } from '../session/engine.js';
import { RecordingHost } from '../session/recording-host.js';
import type { RecordingHostOptions } from '../session/recording-host.js';
import type { Scope, InformationRecord } from '@dpmsh/runtime';
import { Session } from '../session/session.js';
import { NON_INTERACTIVE_MESSAGE } from './prompts.js';
import type { PipelineRedirection } from './redirection.js';
import { runPipeline } from './run.js';
import type { PipelineResult } from './run.js';
import { defineCmdlet } from '../session/cmdlet.js';
import type { CmdletContext, CmdletDefinition, CommandProcessor } from '../session/cmdlet.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dpmsh-run-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// ---- helpers ------------------------------------------------------------------------------

function setup(options: RecordingHostOptions = {}): { host: RecordingHost; session: Session } {
  const host = new RecordingHost(options);
  const session = new Session({ host, location: dir, home: dir, environment: { PATH: '' } });
  return { host, session };
}

const arg = (value: unknown): CommandArgument => ({ kind: 'value', value });
const named = (name: string, value: unknown): CommandArgument => ({ kind: 'parameter', name, value, hasValue: true });
const flag = (name: string): CommandArgument => ({ kind: 'parameter', name, hasValue: false });

const inputObject: ParameterMetadata = { name: 'InputObject', type: 'object', sets: { [ALL_PARAMETER_SETS]: { valueFromPipeline: true } } };

interface Step {
  readonly command: CmdletDefinition<never> | CommandInfo;
  readonly args?: readonly CommandArgument[];
  readonly redirections?: readonly PipelineRedirection[];
}

async function run(
  session: Session,
  steps: readonly Step[],
  options: { input?: readonly unknown[]; signal?: AbortSignal; scope?: Scope } = {},
): Promise<{ out: unknown[]; result: PipelineResult }> {
  const out: unknown[] = [];
  const elements = steps.map((step) => {
    const command: CommandInfo =
      'kind' in step.command ? step.command : (session.registry.cmdlet(step.command.name) ?? session.registry.register(step.command, 'Tests'));
    return { command, args: step.args ?? [], redirections: step.redirections };
  });
  const result = await runPipeline({
    session,
    scope: options.scope ?? session.globalScope,
    elements,
    input: options.input,
    sink: (v) => void out.push(v),
    signal: options.signal ?? new AbortController().signal,
  });
  return { out, result };
}

/** A cmdlet that records its blocks in `trace` and passes its input on. */
function tracer(
  letter: string,
  trace: string[],
  blocks: {
    begin?: (ctx: CmdletContext) => Promise<void> | void;
    process?: (ctx: CmdletContext) => Promise<void> | void;
    end?: (ctx: CmdletContext) => Promise<void> | void;
  } = {},
): CmdletDefinition<never> {
  return defineCmdlet<never>({
    name: `Test-${letter}`,
    parameters: [inputObject],
    begin: async (ctx) => {
      trace.push(`${letter} begin`);
      await blocks.begin?.(ctx as CmdletContext);
    },
    process: async (ctx) => {
      const c = ctx as CmdletContext;
      if (blocks.process) return blocks.process(c);
      trace.push(`${letter} process ${String(c.params.InputObject)}`);
      await c.write(c.params.InputObject);
    },
    end: async (ctx) => {
      trace.push(`${letter} end`);
      await blocks.end?.(ctx as CmdletContext);
    },
    clean: () => void trace.push(`${letter} clean`),
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the pipeline to fail');
}

// ---- order of blocks ------------------------------------------------------------------------

describe('runPipeline: order', () => {
  it('begins every command, streams each object through process, ends in order, cleans always', async () => {
    const { session } = setup();
    const trace: string[] = [];
    const a = tracer('A', trace, {
      process: async (ctx) => {
        trace.push('A process');
        await ctx.write(1);
        await ctx.write(2);
      },
      end: (ctx) => ctx.write('a-end'),
    });
    const b = tracer('B', trace, { end: (ctx) => ctx.write('b-end') });
    const c = tracer('C', trace);
    const { out, result } = await run(session, [{ command: a }, { command: b }, { command: c }]);
    expect(trace).toEqual([
      'A begin',
      'B begin',
      'C begin',
      'A process',
      'B process 1',
      'C process 1',
      'B process 2',
      'C process 2',
      'A end',
      'B process a-end',
      'C process a-end',
      'B end',
      'C process b-end',
      'C end',
      'A clean',
      'B clean',
      'C clean',
    ]);
    expect(out).toEqual([1, 2, 'a-end', 'b-end']);
    expect(result.succeeded).toBe(true);
  });

  it('runs a command begin before the first object an upstream begin writes to it', async () => {
    const { session } = setup();
    const trace: string[] = [];
    const a = tracer('A', trace, {
      begin: async (ctx) => {
        await ctx.write('early');
        trace.push('A begin done');
      },
      process: () => void trace.push('A process'),
    });
    await run(session, [{ command: a }, { command: tracer('B', trace) }]);
    expect(trace.slice(0, 5)).toEqual(['A begin', 'B begin', 'B process early', 'A begin done', 'A process']);
  });

  it('gives a first command without input one process call, and each leading input object one', async () => {
    const { session } = setup();
    const trace: string[] = [];
    const a = tracer('A', trace);
    await run(session, [{ command: a }]);
    expect(trace.filter((t) => t.includes('process'))).toEqual(['A process undefined']);
    trace.length = 0;
    await run(session, [{ command: a }], { input: [] });
    expect(trace).toEqual(['A begin', 'A end', 'A clean']);
    trace.length = 0;
    const { out } = await run(session, [{ command: a }], { input: ['x', 'y'] });
    expect(out).toEqual(['x', 'y']);
  });

  it('enumerates an array only when the writer asks', async () => {
    const { session } = setup();
    const trace: string[] = [];
    const a = tracer('A', trace, {
      process: async (ctx) => {
        await ctx.write([1, 2], { enumerate: true });
        await ctx.write([3, 4]);
        await ctx.write(new PSList([5, 6]), { enumerate: true });
      },
    });
    const { out } = await run(session, [{ command: a }, { command: tracer('B', trace) }]);
    expect(out).toEqual([1, 2, [3, 4], 5, 6]);
  });
});

// ---- terminating errors, stops, Ctrl+C ------------------------------------------------------

describe('runPipeline: ending early', () => {
  it('cleans every command after a terminating error and counts the error once', async () => {
    const { session } = setup();
    const trace: string[] = [];
    const a = tracer('A', trace, {
      process: async (ctx) => {
        for (const n of [1, 2, 3]) await ctx.write(n);
      },
    });
    const b = tracer('B', trace, {
      process: async (ctx) => {
        if (ctx.params.InputObject === 2) ctx.throwTerminating(errorRecord('bad input', 'Bad', 'InvalidData', { targetObject: 2 }));
        await ctx.write(ctx.params.InputObject);
      },
    });
    const error = await rejection(run(session, [{ command: a }, { command: b }, { command: tracer('C', trace) }]));
    expect(error).toBeInstanceOf(RuntimeError);
    const record = (error as RuntimeError).errorRecord;
    expect((error as RuntimeError).terminates).toBe('statement');
    expect(record.fullyQualifiedErrorId).toBe('Bad,Test-B');
    expect(session.errors).toEqual([record]);
    expect(trace).toEqual(['A begin', 'B begin', 'C begin', 'C process 1', 'A clean', 'B clean', 'C clean']);
  });

  it('stops every command on Ctrl+C, even one that does not listen, and still cleans', async () => {
    const { session } = setup();
    const trace: string[] = [];
    const controller = new AbortController();
    const a = tracer('A', trace, {
      process: async (ctx) => {
        for (let i = 0; ; i++) await ctx.write(i);
      },
    });
    const b = tracer('B', trace, {
      process: async (ctx) => {
        await ctx.write(ctx.params.InputObject);
        if (ctx.params.InputObject === 2) {
          controller.abort();
          await new Promise(() => undefined);
        }
      },
    });
    const out: unknown[] = [];
    const error = await rejection(
      runPipeline({
        session,
        scope: session.globalScope,
        elements: [a, b].map((d) => ({ command: session.registry.register(d, 'Tests'), args: [] })),
        sink: (v) => void out.push(v),
        signal: controller.signal,
      }),
    );
    expect(error).toBeInstanceOf(PipelineStoppedError);
    expect(out).toEqual([0, 1, 2]);
    expect(trace.slice(-2)).toEqual(['A clean', 'B clean']);
    expect(trace).not.toContain('A end');
  });

  it('stops an endless producer when a downstream command has enough, and ends the rest normally', async () => {
    const { session } = setup();
    const trace: string[] = [];
    const producer = tracer('A', trace, {
      process: async (ctx) => {
        for (let i = 0; ; i++) {
          await new Promise((resolve) => setImmediate(resolve));
          await ctx.write(i);
        }
      },
    });
    const first = defineCmdlet<never>({
      name: 'Select-Few',
      parameters: [inputObject, { name: 'First', type: 'int', sets: { [ALL_PARAMETER_SETS]: { position: 0 } } }],
      begin: () => void trace.push('Few begin'),
      process: async (raw) => {
        const ctx = raw as CmdletContext;
        const taken = trace.filter((t) => t === 'Few took').length + 1;
        trace.push('Few took');
        await ctx.write(ctx.params.InputObject);
        if (taken >= (ctx.params.First as number)) throw new StopUpstreamError(ctx);
      },
      end: () => void trace.push('Few end'),
    });
    const { out, result } = await run(session, [{ command: producer }, { command: first, args: [arg(3)] }, { command: tracer('C', trace) }]);
    expect(out).toEqual([0, 1, 2]);
    expect(result.succeeded).toBe(true);
    expect(trace.filter((t) => !t.includes('process') && t !== 'Few took')).toEqual([
      'A begin',
      'Few begin',
      'C begin',
      'Few end',
      'C end',
      'A clean',
      'C clean',
    ]);
  });

  it('stops an upstream end that is still writing', async () => {
    const { session } = setup();
    const trace: string[] = [];
    const sorter = tracer('A', trace, {
      process: () => undefined,
      end: async (ctx) => {
        for (const n of [1, 2, 3, 4]) await ctx.write(n);
        trace.push('A wrote all');
      },
    });
    const two = tracer('B', trace, {
      process: async (ctx) => {
        await ctx.write(ctx.params.InputObject);
        if (ctx.params.InputObject === 2) throw new StopUpstreamError(ctx);
      },
    });
    const { out } = await run(session, [{ command: sorter }, { command: two }, { command: tracer('C', trace) }]);
    expect(out).toEqual([1, 2]);
    expect(trace).not.toContain('A wrote all');
    expect(trace.filter((t) => t.endsWith('end'))).toEqual(['A end', 'B end', 'C end']);
  });
});

// ---- binding ------------------------------------------------------------------------------

describe('runPipeline: binding', () => {
  it('binds every command before any begins, and a failure names the command', async () => {
    const { session } = setup();
    const trace: string[] = [];
    const error = await rejection(run(session, [{ command: tracer('A', trace) }, { command: tracer('B', trace), args: [flag('Nope')] }]));
    expect(trace).toEqual([]);
    const record = (error as RuntimeError).errorRecord;
    expect(record.message).toBe("A parameter cannot be found that matches parameter name 'Nope'.");
    expect(record.fullyQualifiedErrorId).toBe('NamedParameterNotFound,Test-B');
    expect(session.errors[0]).toBe(record);
  });

  it('reports an object that fails to bind as a non-terminating error and goes on', async () => {
    const { session, host } = setup();
    const numbers = defineCmdlet<never>({
      name: 'Test-Number',
      parameters: [{ name: 'Number', type: 'int', sets: { [ALL_PARAMETER_SETS]: { valueFromPipeline: true, mandatory: true } } }],
      process: (ctx) => (ctx as CmdletContext).write((ctx as CmdletContext).params.Number),
    });
    const { out, result } = await run(session, [{ command: numbers }], { input: ['1', 'abc', 3] });
    expect(out).toEqual([1, 3]);
    expect(result.succeeded).toBe(false);
    expect(host.errorRecords).toHaveLength(1);
    const record = host.errorRecords[0];
    expect(record.fullyQualifiedErrorId).toBe('InputObjectNotBound,Test-Number');
    expect(record.targetObject).toBe('abc');
    expect(host.written('error')).toEqual([
      'Test-Number: The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.',
    ]);
  });

  it('fails on a missing mandatory parameter without a prompt, and prompts when the host can', async () => {
    const named1 = defineCmdlet<never>({
      name: 'Get-Named',
      parameters: [{ name: 'Name', type: 'string', sets: { [ALL_PARAMETER_SETS]: { mandatory: true } } }],
      process: (ctx) => (ctx as CmdletContext).write((ctx as CmdletContext).params.Name),
    });
    const quiet = setup();
    const error = await rejection(run(quiet.session, [{ command: named1 }]));
    expect((error as RuntimeError).errorRecord.message).toBe('Cannot process command because of one or more missing mandatory parameters: Name.');
    expect((error as RuntimeError).errorRecord.fullyQualifiedErrorId).toBe('MissingMandatoryParameter,Get-Named');

    const asking = setup({ interactive: true, parameters: [{ Name: 'typed' }] });
    const { out } = await run(asking.session, [{ command: named1 }]);
    expect(out).toEqual(['typed']);
    expect(asking.host.parameterPrompts).toEqual([{ command: 'Get-Named', parameters: ['Name'] }]);
  });
});

// ---- error actions ------------------------------------------------------------------------

const writeFault = defineCmdlet<never>({
  name: 'Write-Fault',
  parameters: [inputObject],
  process: async (raw) => {
    const ctx = raw as CmdletContext;
    ctx.writeError(errorRecord(`fault ${String(ctx.params.InputObject)}`, 'Fault', 'InvalidData', { targetObject: ctx.params.InputObject }));
    await ctx.write(ctx.params.InputObject);
  },
});

describe('runPipeline: error actions', () => {
  it('Continue: shows the error, keeps it in $Error, and $? turns false', async () => {
    const { session, host } = setup();
    const { out, result } = await run(session, [{ command: writeFault }], { input: [1, 2] });
    expect(out).toEqual([1, 2]);
    expect(result.succeeded).toBe(false);
    expect(host.written('error')).toEqual(['Write-Fault: fault 1', 'Write-Fault: fault 2']);
    expect(session.errors.map((e) => e.message)).toEqual(['fault 2', 'fault 1']);
    expect(session.errors[0].fullyQualifiedErrorId).toBe('Fault,Write-Fault');
  });

  it('SilentlyContinue: keeps it in $Error and -ErrorVariable without showing it', async () => {
    const { session, host } = setup();
    const { result } = await run(session, [{ command: writeFault, args: [named('ErrorAction', 'SilentlyContinue'), named('ErrorVariable', 'e')] }], { input: [1, 2] });
    expect(result.succeeded).toBe(false);
    expect(host.errorRecords).toEqual([]);
    const e = session.globalScope.lookup('e')?.value as PSList;
    expect(e).toBeInstanceOf(PSList);
    expect(e.items.map((r) => (r as ErrorRecord).message)).toEqual(['fault 1', 'fault 2']);
    expect(session.errors).toHaveLength(2);
  });

  it('Ignore: leaves no trace but $?', async () => {
    const { session, host } = setup();
    const { out, result } = await run(session, [{ command: writeFault, args: [named('ErrorAction', 'Ignore'), named('ErrorVariable', 'e')] }], { input: [1] });
    expect(out).toEqual([1]);
    expect(result.succeeded).toBe(false);
    expect(host.errorRecords).toEqual([]);
    expect(session.errors).toEqual([]);
    expect((session.globalScope.lookup('e')?.value as PSList).items).toEqual([]);
  });

  it('Stop: throws the original record as a script-terminating error, counted once', async () => {
    const { session, host } = setup();
    const trace: string[] = [];
    const error = await rejection(
      run(session, [{ command: writeFault, args: [named('ErrorAction', 'Stop'), named('ErrorVariable', 'e')] }, { command: tracer('C', trace) }], { input: [1, 2] }),
    );
    expect(error).toBeInstanceOf(RuntimeError);
    expect((error as RuntimeError).terminates).toBe('script');
    const record = (error as RuntimeError).errorRecord;
    expect(record.message).toBe('fault 1');
    expect(record.fullyQualifiedErrorId).toBe('Fault,Write-Fault');
    expect(session.errors).toEqual([record]);
    expect((session.globalScope.lookup('e')?.value as PSList).items).toEqual([record]);
    expect(host.errorRecords).toEqual([]);
    expect(trace).toEqual(['C begin', 'C clean']);
  });

  it('follows $ErrorActionPreference of the calling scope, which -ErrorAction overrides', async () => {
    const { session, host } = setup();
    const scope = session.globalScope.child('script');
    scope.define({ name: 'ErrorActionPreference', value: 'SilentlyContinue', options: {} });
    await run(session, [{ command: writeFault }], { input: [1], scope });
    expect(host.errorRecords).toEqual([]);
    await run(session, [{ command: writeFault, args: [named('ErrorAction', 'Continue')] }], { input: [2], scope });
    expect(host.written('error')).toEqual(['Write-Fault: fault 2']);
    expect(session.errors).toHaveLength(2);
  });

  it('replaces -ErrorVariable, or appends to it with +', async () => {
    const { session } = setup();
    await run(session, [{ command: writeFault, args: [named('ErrorVariable', 'e'), named('ErrorAction', 'SilentlyContinue')] }], { input: [1] });
    await run(session, [{ command: writeFault, args: [named('ErrorVariable', '+e'), named('ErrorAction', 'SilentlyContinue')] }], { input: [2] });
    const e = session.globalScope.lookup('e')?.value as PSList;
    expect(e.items.map((r) => (r as ErrorRecord).message)).toEqual(['fault 1', 'fault 2']);
    await run(session, [{ command: writeFault, args: [named('ErrorVariable', 'e'), named('ErrorAction', 'SilentlyContinue')] }], { input: [3] });
    expect((session.globalScope.lookup('e')?.value as PSList).items.map((r) => (r as ErrorRecord).message)).toEqual(['fault 3']);
  });

  it('Inquire: asks, and Yes to All stops asking; Halt Command stops the command', async () => {
    const asking = setup({ interactive: true, choices: ['A'] });
    const { out } = await run(asking.session, [{ command: writeFault, args: [named('ErrorAction', 'Inquire')] }], { input: [1, 2] });
    expect(out).toEqual([1, 2]);
    expect(asking.host.prompts).toEqual([{ caption: 'Confirm', message: 'fault 1', choices: ['[Y] Yes', '[A] Yes to All', '[H] Halt Command'], defaultChoice: 0 }]);
    expect(asking.host.written('error')).toEqual(['Write-Fault: fault 1', 'Write-Fault: fault 2']);

    const halting = setup({ interactive: true, choices: ['H'] });
    const error = await rejection(run(halting.session, [{ command: writeFault, args: [named('ErrorAction', 'Inquire')] }], { input: [1, 2] }));
    expect((error as RuntimeError).errorRecord.message).toBe('The running command stopped because the user selected the Stop option.');
    expect((error as RuntimeError).errorRecord.errorId).toBe('ActionPreferenceStop');
  });
});

// ---- redirection --------------------------------------------------------------------------

describe('runPipeline: redirection', () => {
  it('2>&1 merges error records into that command\'s output, in order', async () => {
    const { session, host } = setup();
    const trace: string[] = [];
    const { out, result } = await run(
      session,
      [{ command: writeFault, redirections: [{ kind: 'merge', from: 'error', to: 'output' }] }, { command: tracer('C', trace) }],
      { input: [1, 2] },
    );
    expect(out.map((o) => (o instanceof ErrorRecord ? `error: ${o.message}` : o))).toEqual(['error: fault 1', 1, 'error: fault 2', 2]);
    expect(trace.filter((t) => t.startsWith('C process'))).toEqual(['C process fault 1', 'C process 1', 'C process fault 2', 'C process 2']);
    expect(host.errorRecords).toEqual([]);
    expect(session.errors).toHaveLength(2);
    expect(result.succeeded).toBe(false);
  });

  it('2>$null discards the display, not $Error', async () => {
    const { session, host } = setup();
    const { out } = await run(session, [{ command: writeFault, redirections: [{ kind: 'file', from: 'error', path: null, append: false }] }], { input: [1] });
    expect(out).toEqual([1]);
    expect(host.errorRecords).toEqual([]);
    expect(session.errors).toHaveLength(1);
  });

  it('writes output and errors to files as text, > replacing and >> appending', async () => {
    const { session } = setup();
    const outFile = join(dir, 'out.txt');
    const errFile = join(dir, 'err.txt');
    writeFileSync(outFile, 'old\n');
    const { out } = await run(
      session,
      [
        {
          command: writeFault,
          redirections: [
            { kind: 'file', from: 'output', path: outFile, append: false },
            { kind: 'file', from: 'error', path: errFile, append: false },
          ],
        },
      ],
      { input: ['one', 'two'] },
    );
    expect(out).toEqual([]);
    expect(readFileSync(outFile, 'utf8')).toBe('one\ntwo\n');
    expect(readFileSync(errFile, 'utf8')).toBe('Write-Fault: fault one\nWrite-Fault: fault two\n');
    await run(session, [{ command: writeFault, redirections: [{ kind: 'file', from: 'all', path: outFile, append: true }] }], { input: ['three'] });
    expect(readFileSync(outFile, 'utf8')).toBe('one\ntwo\nWrite-Fault: fault three\nthree\n');
  });

  it('fails with Out-File\'s error for a file in a missing directory', async () => {
    const { session } = setup();
    const path = join(dir, 'missing', 'out.txt');
    const error = await rejection(run(session, [{ command: writeFault, redirections: [{ kind: 'file', from: 'output', path, append: false }] }], { input: [1] }));
    expect((error as RuntimeError).errorRecord.message).toBe(`Could not find a part of the path '${path}'.`);
  });
});

// ---- informational streams ----------------------------------------------------------------

const writeNotes = defineCmdlet<never>({
  name: 'Write-Notes',
  parameters: [],
  process: async (raw) => {
    const ctx = raw as CmdletContext;
    ctx.writeWarning('w1');
    ctx.writeVerbose('v1');
    ctx.writeDebug('d1');
    ctx.writeInformation('i1', ['tag']);
    ctx.writeInformation(new HostInformationMessage('host text', { foregroundColor: 'Green' }), ['PSHOST']);
    ctx.writeProgress({ activityId: 1, activity: 'Copying', status: 'half', percentComplete: 50, secondsRemaining: -1, completed: false });
    await ctx.write('out');
  },
});

describe('runPipeline: warning, verbose, debug, information, progress', () => {
  it('shows warnings and Write-Host by default, and hides verbose, debug and information', async () => {
    const { session, host } = setup();
    await run(session, [{ command: writeNotes }]);
    expect(host.events.map((e) => `${e.stream}: ${e.text}`)).toEqual(['warning: WARNING: w1', 'host: host text']);
    expect(host.events[1].foregroundColor).toBe('Green');
    expect(host.progressRecords.map((p) => p.activity)).toEqual(['Copying']);
  });

  it('shows verbose and debug messages under -Verbose and -Debug or their preferences', async () => {
    const { session, host } = setup();
    await run(session, [{ command: writeNotes, args: [flag('Verbose'), flag('Debug')] }]);
    expect(host.written('verbose')).toEqual(['VERBOSE: v1']);
    expect(host.written('debug')).toEqual(['DEBUG: d1']);
    host.clear();
    session.globalScope.lookup('VerbosePreference')!.value = 'Continue';
    await run(session, [{ command: writeNotes }]);
    expect(host.written('verbose')).toEqual(['VERBOSE: v1']);
    host.clear();
    await run(session, [{ command: writeNotes, args: [named('Verbose', false)] }]);
    expect(host.written('verbose')).toEqual([]);
  });

  it('collects warnings and information in their variables, shown or not', async () => {
    const { session, host } = setup();
    await run(session, [{ command: writeNotes, args: [named('WarningAction', 'SilentlyContinue'), named('WarningVariable', 'w'), named('InformationVariable', 'iv')] }]);
    expect(host.written('warning')).toEqual([]);
    const w = (session.globalScope.lookup('w')?.value as PSList).items;
    expect(w).toHaveLength(1);
    expect(w[0]).toBeInstanceOf(WarningRecord);
    expect(String(w[0])).toBe('w1');
    const iv = (session.globalScope.lookup('iv')?.value as PSList).items as InformationRecord[];
    expect(iv.map((r) => `${r.source}: ${String(r)} [${r.tags.join(',')}]`)).toEqual(['Write-Notes: i1 [tag]', 'Write-Notes: host text [PSHOST]']);
  });

  it('shows information under -InformationAction Continue, and -InformationAction Ignore silences Write-Host', async () => {
    const { session, host } = setup();
    await run(session, [{ command: writeNotes, args: [named('InformationAction', 'Continue')] }]);
    expect(host.events.filter((e) => e.stream === 'information' || e.stream === 'host').map((e) => e.text)).toEqual(['i1', 'host text']);
    host.clear();
    await run(session, [{ command: writeNotes, args: [named('InformationAction', 'Ignore')] }]);
    expect(host.events.filter((e) => e.stream === 'information' || e.stream === 'host')).toEqual([]);
  });

  it('stops on a warning under -WarningAction Stop', async () => {
    const { session } = setup();
    const error = await rejection(run(session, [{ command: writeNotes, args: [named('WarningAction', 'Stop')] }]));
    expect((error as RuntimeError).errorRecord.message).toBe('The running command stopped because the preference variable "WarningPreference" or common parameter is set to Stop: w1');
  });

  it('merges warnings into the output with 3>&1, and everything with *>&1', async () => {
    const { session } = setup();
    const { out } = await run(session, [{ command: writeNotes, redirections: [{ kind: 'merge', from: 'warning', to: 'output' }] }]);
    expect(out.map((o) => `${o?.constructor.name}: ${String(o)}`)).toEqual(['WarningRecord: w1', 'String: out']);
    const all = await run(session, [{ command: writeNotes, args: [flag('Verbose')], redirections: [{ kind: 'merge', from: 'all', to: 'output' }] }]);
    expect(all.out.map((o) => `${o?.constructor.name}: ${String(o)}`)).toEqual([
      'WarningRecord: w1',
      'VerboseRecord: v1',
      'InformationRecord: host text',
      'String: out',
    ]);
  });

  it('shows no progress when $ProgressPreference is SilentlyContinue', async () => {
    const { session, host } = setup();
    session.globalScope.lookup('ProgressPreference')!.value = 'SilentlyContinue';
    await run(session, [{ command: writeNotes }]);
    expect(host.progressRecords).toEqual([]);
  });
});

// ---- ShouldProcess ------------------------------------------------------------------------

function remover(confirmImpact: 'Low' | 'Medium' | 'High' = 'Medium'): CmdletDefinition<never> {
  return defineCmdlet<never>({
    name: 'Remove-Thing',
    supportsShouldProcess: true,
    confirmImpact,
    parameters: [inputObject],
    process: async (raw) => {
      const ctx = raw as CmdletContext;
      if (await ctx.shouldProcess(`thing${String(ctx.params.InputObject)}`, 'Delete')) await ctx.write(`deleted ${String(ctx.params.InputObject)}`);
    },
  });
}

const question = (n: number): string => `Are you sure you want to perform this action?\nPerforming the operation "Delete" on target "thing${n}".`;

describe('runPipeline: ShouldProcess', () => {
  it('-WhatIf says what it would do and does nothing', async () => {
    const { session, host } = setup();
    const { out } = await run(session, [{ command: remover(), args: [flag('WhatIf')] }], { input: [1, 2] });
    expect(out).toEqual([]);
    expect(host.written('host')).toEqual(['What if: Performing the operation "Delete" on target "thing1".', 'What if: Performing the operation "Delete" on target "thing2".']);
  });

  it('names the command as the action by default, and honours $WhatIfPreference unless -WhatIf:$false', async () => {
    const { session, host } = setup();
    const plain = defineCmdlet<never>({
      name: 'Clear-Thing',
      supportsShouldProcess: true,
      parameters: [],
      process: async (raw) => {
        if (await (raw as CmdletContext).shouldProcess('cache')) await (raw as CmdletContext).write('cleared');
      },
    });
    session.globalScope.lookup('WhatIfPreference')!.value = true;
    const { out } = await run(session, [{ command: plain }]);
    expect(out).toEqual([]);
    expect(host.written('host')).toEqual(['What if: Performing the operation "Clear-Thing" on target "cache".']);
    const again = await run(session, [{ command: plain, args: [named('WhatIf', false)] }]);
    expect(again.out).toEqual(['cleared']);
  });

  it('-Confirm asks for each item; Yes to All holds for the rest of the invocation', async () => {
    const { session, host } = setup({ interactive: true, choices: ['Y', 'N', 'A'] });
    const { out } = await run(session, [{ command: remover(), args: [flag('Confirm')] }], { input: [1, 2, 3, 4] });
    expect(out).toEqual(['deleted 1', 'deleted 3', 'deleted 4']);
    expect(host.prompts).toEqual([1, 2, 3].map((n) => ({ caption: 'Confirm', message: question(n), choices: ['[Y] Yes', '[A] Yes to All', '[N] No', '[L] No to All'], defaultChoice: 0 })));
  });

  it('No to All skips the rest without asking', async () => {
    const { session, host } = setup({ interactive: true, choices: ['L'] });
    const { out } = await run(session, [{ command: remover(), args: [flag('Confirm')] }], { input: [1, 2, 3] });
    expect(out).toEqual([]);
    expect(host.prompts).toHaveLength(1);
  });

  it('asks without -Confirm when the impact reaches $ConfirmPreference, and -Confirm:$false does not ask', async () => {
    const asking = setup({ interactive: true, choices: ['Y'] });
    const { out } = await run(asking.session, [{ command: remover('High') }], { input: [1] });
    expect(out).toEqual(['deleted 1']);
    expect(asking.host.prompts).toHaveLength(1);
    const quiet = setup({ interactive: true });
    const q = await run(quiet.session, [{ command: remover('High'), args: [named('Confirm', false)] }], { input: [1] });
    expect(q.out).toEqual(['deleted 1']);
    expect(quiet.host.prompts).toEqual([]);
    const mediumHost = setup({ interactive: true });
    const medium = await run(mediumHost.session, [{ command: remover('Medium') }], { input: [1] });
    expect(medium.out).toEqual(['deleted 1']);
    expect(mediumHost.host.prompts).toEqual([]);
  });

  it('reports an automatic yes on the verbose stream under -Verbose', async () => {
    const { session, host } = setup();
    await run(session, [{ command: remover(), args: [flag('Verbose')] }], { input: [1] });
    expect(host.written('verbose')).toEqual(['VERBOSE: Performing the operation "Delete" on target "thing1".']);
  });

  it('fails a -Confirm that a non-interactive host cannot ask', async () => {
    const { session } = setup();
    const error = await rejection(run(session, [{ command: remover(), args: [flag('Confirm')] }], { input: [1] }));
    expect((error as RuntimeError).errorRecord.message).toBe(NON_INTERACTIVE_MESSAGE);
  });
});

// ---- common variables ---------------------------------------------------------------------

describe('runPipeline: -OutVariable and -PipelineVariable', () => {
  it('collects the output in the caller scope, replacing or appending', async () => {
    const { session } = setup();
    const trace: string[] = [];
    const scope = session.globalScope.child('script');
    const a = tracer('A', trace);
    const { out } = await run(session, [{ command: a, args: [named('OutVariable', 'o')] }], { input: [1, 2], scope });
    expect(out).toEqual([1, 2]);
    expect((scope.local('o')?.value as PSList).items).toEqual([1, 2]);
    expect(session.globalScope.lookup('o')).toBeUndefined();
    await run(session, [{ command: a, args: [named('OutVariable', '+o')] }], { input: [3], scope });
    expect((scope.local('o')?.value as PSList).items).toEqual([1, 2, 3]);
  });

  it('sets the pipeline variable to each object as it goes downstream', async () => {
    const { session } = setup();
    const trace: string[] = [];
    const seen: unknown[] = [];
    const b = tracer('B', trace, {
      process: async (ctx) => {
        seen.push(ctx.scope.lookup('pv')?.value);
        await ctx.write(ctx.params.InputObject);
      },
    });
    await run(session, [{ command: tracer('A', trace), args: [named('PipelineVariable', 'pv')] }, { command: b }], { input: ['x', 'y'] });
    expect(seen).toEqual(['x', 'y']);
  });
});

// ---- commands from the engine -------------------------------------------------------------

describe('runPipeline: functions and programs through the engine', () => {
  it('binds each object for a function, and sends its inner records where its redirections say', async () => {
    const { session, host } = setup();
    const calls: string[] = [];
    const engine: Partial<ScriptEngine> = {
      createProcessor(command, binding, context): CommandProcessor {
        calls.push(`create ${command.name} expecting=${String(context.expectingInput)}`);
        return {
          name: command.name,
          begin: async () => void calls.push('begin'),
          process: async (input: unknown, bound?: BoundParameters) => {
            calls.push(`process ${String(input)} -> ${String(bound?.values.get('Value'))}`);
            void context.streams.error?.(errorRecord(`inner ${String(input)}`, 'Inner', 'InvalidData'));
            await context.streams.output(`out ${String(input)}`);
          },
          end: async () => void calls.push('end'),
          clean: async () => void calls.push(`clean (bound ${'values' in binding ? [...binding.values.keys()].join(',') : 'args'})`),
        };
      },
    };
    session.engine = engine as ScriptEngine;
    const fn: CommandInfo = {
      kind: 'Function',
      name: 'Show-Value',
      metadata: {
        name: 'Show-Value',
        cmdletBinding: true,
        parameters: [{ name: 'Value', type: 'int', sets: { [ALL_PARAMETER_SETS]: { valueFromPipeline: true } } }],
      },
      scriptBlock: { isScriptBlock: true, text: '', invoke: async () => [] },
    };
    const { out } = await run(session, [{ command: fn, redirections: [{ kind: 'merge', from: 'error', to: 'output' }] }], { input: ['1', 2] });
    expect(calls).toEqual(['create Show-Value expecting=true', 'begin', 'process 1 -> 1', 'process 2 -> 2', 'end', 'clean (bound )']);
    expect(out.map((o) => (o instanceof ErrorRecord ? `error: ${o.message}` : o))).toEqual(['error: inner 1', 'out 1', 'error: inner 2', 'out 2']);
    expect(host.errorRecords).toEqual([]);
  });

  it('runs a function body\'s pipelines with the function\'s streams: its 2>&1, its -ErrorVariable, its invocation', async () => {
    const { session, host } = setup();
    const seen: unknown[] = [];
    const probe = defineCmdlet<never>({
      name: 'Write-Probe',
      parameters: [],
      process: async (raw) => {
        const ctx = raw as CmdletContext;
        seen.push(ctx.callerInvocation?.commandName);
        ctx.writeError(errorRecord('inner fault', 'Inner', 'InvalidData'));
        await ctx.write('inner out');
      },
    });
    const probeInfo = session.registry.register(probe, 'Tests');
    const engine: Partial<ScriptEngine> = {
      createProcessor(command, _binding, context): CommandProcessor {
        const body = (): Promise<PipelineResult> =>
          runPipeline({
            session,
            scope: context.scope.child('function'),
            elements: [{ command: probeInfo, args: [] }],
            sink: (v) => context.streams.output(v),
            signal: context.signal,
            streams: context.streams,
          });
        return { name: command.name, begin: async () => undefined, process: async () => void (await body()), end: async () => undefined, clean: async () => undefined };
      },
    };
    session.engine = engine as ScriptEngine;
    const fn: CommandInfo = {
      kind: 'Function',
      name: 'Invoke-Body',
      metadata: { name: 'Invoke-Body', cmdletBinding: true, parameters: [] },
      scriptBlock: { isScriptBlock: true, text: '', invoke: async () => [] },
    };
    const merged = await run(session, [{ command: fn, args: [named('ErrorVariable', 'ev')], redirections: [{ kind: 'merge', from: 'error', to: 'output' }] }]);
    expect(merged.out.map((o) => (o instanceof ErrorRecord ? `error: ${o.message}` : o))).toEqual(['error: inner fault', 'inner out']);
    expect(merged.result.succeeded).toBe(true);
    expect((session.globalScope.lookup('ev')?.value as PSList).items.map((r) => (r as ErrorRecord).message)).toEqual(['inner fault']);
    expect(seen).toEqual(['Invoke-Body']);
    expect(host.errorRecords).toEqual([]);
    const shown = await run(session, [{ command: fn }]);
    expect(shown.out).toEqual(['inner out']);
    expect(host.written('error')).toEqual(['Write-Probe: inner fault']);
  });
});

describe('runPipeline: FullyQualifiedErrorId names the implementing class', () => {
  const failing = defineCmdlet<never>({
    name: 'Get-Failure',
    parameters: [],
    process: (ctx) => ctx.writeError(errorRecord('broken', 'ThingBroken', 'InvalidOperation')),
  });

  it('uses Microsoft.PowerShell.Commands.<VerbNoun>Command for the Microsoft.PowerShell.* modules, errors of binding too', async () => {
    const { host, session } = setup();
    session.registry.register(failing, 'Microsoft.PowerShell.Utility');
    await run(session, [{ command: failing }]);
    expect(host.errorRecords[0]!.fullyQualifiedErrorId).toBe('ThingBroken,Microsoft.PowerShell.Commands.GetFailureCommand');
    // CategoryInfo's activity keeps the command name.
    expect(host.errorRecords[0]!.categoryInfo).toBe('InvalidOperation: (:Object) [Get-Failure], RuntimeException');
    const error = await run(session, [{ command: failing, args: [named('Nope', 1)] }]).catch((e: unknown) => e);
    expect((error as RuntimeError).errorRecord.fullyQualifiedErrorId).toBe('NamedParameterNotFound,Microsoft.PowerShell.Commands.GetFailureCommand');
  });

  it('keeps "Id,Command" for other modules, and honours a declared implementing type', async () => {
    const { host, session } = setup();
    session.registry.register(failing, 'DataProtectionManager');
    await run(session, [{ command: failing }]);
    expect(host.errorRecords[0]!.fullyQualifiedErrorId).toBe('ThingBroken,Get-Failure');
    const declared: CmdletDefinition<never> = { ...failing, name: 'Get-Other', implementingType: 'Microsoft.PowerShell.Commands.OtherThing' };
    const none: CmdletDefinition<never> = { ...failing, name: 'Clear-Thing', implementingType: '' };
    session.registry.registerAll([declared, none], 'Microsoft.PowerShell.Core');
    await run(session, [{ command: declared }]);
    await run(session, [{ command: none }]);
    expect(host.errorRecords.slice(1).map((r) => r.fullyQualifiedErrorId)).toEqual(['ThingBroken,Microsoft.PowerShell.Commands.OtherThing', 'ThingBroken,Clear-Thing']);
  });
});

describe('runPipeline: -? asks for help', () => {
  it('runs Get-Help for the command instead of binding its arguments', async () => {
    const { session } = setup();
    const asked: string[] = [];
    const getHelp = defineCmdlet<{ Name?: string }>({
      name: 'Get-Help',
      parameters: [{ name: 'Name', type: 'string', sets: { [ALL_PARAMETER_SETS]: { position: 0 } } }],
      process: (ctx) => void asked.push(ctx.params.Name ?? ''),
    });
    session.registry.register(getHelp as CmdletDefinition<never>, 'Microsoft.PowerShell.Core');
    const strict = defineCmdlet<never>({ name: 'Get-Strict', parameters: [{ name: 'Needed', type: 'int', sets: { [ALL_PARAMETER_SETS]: { mandatory: true } } }] });
    await run(session, [{ command: strict, args: [arg('not an int'), flag('?')] }]);
    const fn: CommandInfo = {
      kind: 'Function',
      name: 'Invoke-Mine',
      metadata: { name: 'Invoke-Mine', cmdletBinding: true, parameters: [] },
      scriptBlock: { isScriptBlock: true, text: '', invoke: async () => [] },
    };
    await run(session, [{ command: fn, args: [flag('?')] }]);
    expect(asked).toEqual(['Get-Strict', 'Invoke-Mine']);
  });
});
