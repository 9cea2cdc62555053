/**
 * Runs DPM cmdlets through the pipeline runner and the binder, as a script would, for the tests
 * that need the objects one command outputs rather than their text.
 */
import { expect } from 'vitest';
import { runPipeline, type CommandArgument, type Session } from '@dpmsh/cmdlets';
import { ErrorRecord, RuntimeError, type PSObject } from '@dpmsh/runtime';

/** Named arguments from an object: `true` is a switch, anything else a value; `_` holds positional values. */
function args(named: Record<string, unknown>): CommandArgument[] {
  const out: CommandArgument[] = [];
  for (const [name, value] of Object.entries(named)) {
    if (name === '_') for (const v of value as unknown[]) out.push({ kind: 'value', value: v });
    else if (value === true) out.push({ kind: 'parameter', name, hasValue: false });
    else out.push({ kind: 'parameter', name, value, hasValue: true });
  }
  return out;
}

/** The runner of one session; `session` is read at each call, so a test may make a new one per case. */
export function cmdletRunner(session: () => Session) {
  /** Runs one command; returns its output, or throws the terminating error record. */
  async function run(command: string, named: Record<string, unknown> = {}, input?: readonly unknown[]): Promise<unknown[]> {
    const current = session();
    const info = current.registry.resolve(command, current.globalScope);
    if (info?.kind !== 'Cmdlet') throw new Error(`no cmdlet ${command}`);
    const out: unknown[] = [];
    await runPipeline({ session: current, scope: current.globalScope, elements: [{ command: info, args: args(named) }], input, sink: (v) => void out.push(v), signal: new AbortController().signal });
    const errors = out.filter((o): o is ErrorRecord => o instanceof ErrorRecord);
    if (errors.length > 0) throw new RuntimeError(errors[0] as ErrorRecord);
    return out;
  }

  /** Runs one command that must output exactly one object. */
  async function one(command: string, named: Record<string, unknown> = {}, input?: readonly unknown[]): Promise<PSObject> {
    const out = await run(command, named, input);
    expect(out, command).toHaveLength(1);
    return out[0] as PSObject;
  }

  /** The FullyQualifiedErrorId's id of the error a command stops with. */
  async function errorIdOf(command: string, named: Record<string, unknown> = {}): Promise<string> {
    try {
      await run(command, named);
    } catch (e) {
      if (e instanceof RuntimeError) return e.errorRecord.fullyQualifiedErrorId.split(',')[0] as string;
      throw e;
    }
    throw new Error(`${command} did not fail`);
  }

  return { run, one, errorIdOf };
}
