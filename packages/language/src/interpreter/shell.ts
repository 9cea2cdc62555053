/**
 * A shell: one session and the interpreter over it. It runs script text and script files for
 * every host: the command line, the interactive shell, tests.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { bindArguments, installStandardCommands, missingMandatoryFailure, Session } from '@dpmsh/cmdlets';
import { RuntimeError, errorRecord } from '@dpmsh/runtime';
import type { CommandArgument } from '@dpmsh/cmdlets';
import type { ErrorRecord } from '@dpmsh/runtime';
import type { RunOptions, RunOutcome, Shell, ShellOptions } from './shell-api.js';
import { isIncomplete, parse } from '../parser/index.js';
import type { ExecutionContext } from './context.js';
import { BreakSignal, ContinueSignal, ExitSignal } from './control-flow.js';
import { Interpreter } from './engine.js';
import { parseErrorRecord } from './parse-errors.js';
import { ScriptBlockValue } from './script-block.js';
import { ScriptProcessor } from './script-processor.js';
import { sessionState } from './session-state.js';

/** Creates a shell with the standard commands and the host's modules installed. */
export async function createShell(options: ShellOptions): Promise<Shell> {
  const session = new Session({
    host: options.host,
    location: options.location,
    dpmshHome: options.dpmshHome,
    environment: options.environment ?? { ...process.env },
  });
  const shell = new PowerShellShell(session);
  session.engine = shell.interpreter;
  installStandardCommands(session);
  for (const install of options.modules ?? []) install(session);
  return shell;
}

const never = new AbortController().signal;

/** Text from a -File command line: `-Name` and `-Name:value` are parameters, the rest values. */
function scriptArguments(args: readonly string[]): CommandArgument[] {
  return args.map((arg) => {
    const named = /^[-\u2013\u2014\u2015]([A-Za-z_?][\w-]*)(?::(.*))?$/s.exec(arg);
    if (!named) return { kind: 'value', value: arg };
    return named[2] === undefined ? { kind: 'parameter', name: named[1], hasValue: false } : { kind: 'parameter', name: named[1], value: named[2], hasValue: true };
  });
}

class PowerShellShell implements Shell {
  readonly interpreter: Interpreter;
  #root: ExecutionContext;

  constructor(readonly session: Session) {
    this.interpreter = new Interpreter(session, () => this.#root);
    this.#root = this.#context({ output: () => undefined }, undefined, session.globalScope);
  }

  isIncomplete(text: string): boolean {
    return isIncomplete(text);
  }

  async dispose(): Promise<void> {
    await this.session.dispose();
  }

  async runFile(path: string, options: RunOptions): Promise<RunOutcome> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      const record = errorRecord(
        `The argument '${path}' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
        'FileNotFound',
        'ObjectNotFound',
        { typeName: 'System.IO.FileNotFoundException', targetObject: path },
      );
      this.#report(record);
      return { status: 'failed', exitCode: 64, lastSucceeded: false };
    }
    return this.run(text, { ...options, file: resolve(path) });
  }

  async run(text: string, options: RunOptions): Promise<RunOutcome> {
    const { ast, errors } = parse(text, options.file);
    if (errors.length > 0) {
      this.#report(parseErrorRecord(errors));
      sessionState(this.session).lastSuccess = false;
      return { status: 'parse-error', exitCode: 1, lastSucceeded: false };
    }
    const scope = options.dotSource ? this.session.globalScope : this.session.globalScope.child('script');
    const ctx = this.#context(options, options.file, scope);
    const previousRoot = this.#root;
    this.#root = ctx;
    try {
      const block = new ScriptBlockValue(ast, ctx);
      const name = options.file ? basename(options.file) : '';
      const metadata = await block.metadata(name);
      const bound = bindArguments(metadata, scriptArguments(options.args ?? []), { expectingInput: false, commandName: name });
      if ('error' in bound) throw new RuntimeError(bound.error, 'script');
      let binding = bound;
      if (bound.missingMandatory.length > 0) {
        if (!this.session.host.interactive) throw new RuntimeError(missingMandatoryFailure(bound).error, 'script');
        const prompted = await this.session.host.promptForParameters(name, bound.missingMandatory);
        const rebound = bindArguments(metadata, [...scriptArguments(options.args ?? []), ...Object.entries(prompted).map(([k, v]): CommandArgument => ({ kind: 'parameter', name: k, value: v, hasValue: true }))], { expectingInput: false, commandName: name });
        if ('error' in rebound) throw new RuntimeError(rebound.error, 'script');
        binding = rebound;
      }
      const processor = new ScriptProcessor(block, ctx, { name, metadata, binding, dotSource: options.dotSource ?? false, isFilter: false, isScript: !options.dotSource });
      await processor.runOnce();
      return { status: 'completed', exitCode: 0, lastSucceeded: sessionState(this.session).lastSuccess };
    } catch (error) {
      if (error instanceof ExitSignal) return { status: 'exited', exitCode: error.code, lastSucceeded: error.code === 0 };
      if (error instanceof BreakSignal || error instanceof ContinueSignal) return { status: 'completed', exitCode: 0, lastSucceeded: true };
      // Ctrl+C: the pipeline stops without an error message, and the run fails (pwsh -Command exits with 1).
      if (ctx.signal.aborted) return { status: 'stopped', exitCode: 1, lastSucceeded: false };
      if (error instanceof RuntimeError) {
        this.#report(error.errorRecord);
        sessionState(this.session).lastSuccess = false;
        return { status: 'failed', exitCode: 1, lastSucceeded: false };
      }
      throw error;
    } finally {
      this.#root = previousRoot;
    }
  }

  #context(options: Pick<RunOptions, 'output' | 'signal'>, file: string | undefined, scope: Session['globalScope']): ExecutionContext {
    return {
      session: this.session,
      scope,
      file,
      output: async (value) => {
        await options.output(value);
      },
      writeError: (record) => this.#report(record, scope),
      signal: options.signal ?? never,
      handlers: 0,
      loopDepth: 0,
    };
  }

  /** An error nothing handled: into $Error, and shown unless $ErrorActionPreference silences it. */
  #report(record: ErrorRecord, scope = this.session.globalScope): void {
    const preference = String(scope.lookup('ErrorActionPreference')?.value ?? 'Continue').toLowerCase();
    if (preference === 'ignore') return;
    this.session.recordError(record);
    if (preference !== 'silentlycontinue') this.session.host.writeErrorRecord(record);
  }
}
