/**
 * Native commands: a name that is no alias, function or cmdlet runs from PATH. Pipeline input
 * goes to its standard input as lines of text; its output lines enter the pipeline as strings
 * as they arrive; its exit code sets $LASTEXITCODE, and a non-zero one makes $? false.
 */
import type { ResultPromise } from 'execa';
import { isEnumerable, toText } from '@dpmsh/runtime';
import type { CommandProcessor } from '@dpmsh/cmdlets';
import type { ExecutionContext } from './context.js';

/** What a native command is run with. */
export interface NativeInvocation {
  readonly name: string;
  readonly path: string;
  readonly args: readonly string[];
  readonly expectingInput: boolean;
  readonly output: (value: unknown) => Promise<void>;
  /** Makes `$?` false: a non-zero exit code is a failure. */
  readonly reportFailure: () => void;
  readonly ctx: ExecutionContext;
}

/** Flattens evaluated arguments into the strings a native program receives. */
export function nativeArgumentText(value: unknown): string[] {
  if (isEnumerable(value)) return value.flatMap(nativeArgumentText);
  if (value === null || value === undefined) return [];
  return [toText(value)];
}

/** A running native program. */
export class NativeProcessor implements CommandProcessor {
  readonly name: string;
  readonly #invocation: NativeInvocation;
  #child: ResultPromise<{ stdin: 'pipe' | 'ignore'; stdout: 'pipe'; stderr: 'inherit'; reject: false; cwd: string; env: NodeJS.ProcessEnv; extendEnv: false; cancelSignal: AbortSignal }> | undefined;
  /** The exit code once the program ended. */
  exitCode: number | undefined;

  constructor(invocation: NativeInvocation) {
    this.name = invocation.name;
    this.#invocation = invocation;
  }

  async begin(): Promise<void> {
    const { path, args, expectingInput, ctx } = this.#invocation;
    // Loaded on the first native command: execa costs a fifth of a second of every start-up.
    const { execa } = await import('execa');
    this.#child = execa(path, [...args], {
      stdin: expectingInput ? 'pipe' : 'ignore',
      stdout: 'pipe',
      stderr: 'inherit',
      reject: false,
      cwd: ctx.session.location,
      env: ctx.session.environment,
      extendEnv: false,
      cancelSignal: ctx.signal,
    });
  }

  async process(input: unknown): Promise<void> {
    if (input === undefined || !this.#child?.stdin) return;
    const text = toText(input);
    if (!this.#child.stdin.write(`${text}\n`)) await new Promise<void>((resolve) => this.#child?.stdin?.once('drain', resolve));
  }

  async end(): Promise<void> {
    const child = this.#child;
    if (!child) return;
    child.stdin?.end();
    for await (const line of child.iterable({ from: 'stdout' })) await this.#invocation.output(String(line));
    const result = await child;
    this.exitCode = result.exitCode ?? (result.isCanceled ? 130 : 1);
    if (this.exitCode !== 0) this.#invocation.reportFailure();
    const scope = this.#invocation.ctx.scope.global;
    const existing = scope.local('LASTEXITCODE');
    if (existing) existing.value = this.exitCode;
    else scope.define({ name: 'LASTEXITCODE', value: this.exitCode, options: {} });
  }

  async clean(): Promise<void> {
    if (this.#child && this.exitCode === undefined) this.#child.kill();
  }
}
