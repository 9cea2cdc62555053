/**
 * The services the interpreter gives the cmdlet framework: processors for script functions,
 * script files and native programs, and compiling or running text (Invoke-Expression,
 * Import-Module of a .psm1).
 */
import { readFile } from 'node:fs/promises';
import { RuntimeError, errorRecord, toText } from '@dpmsh/runtime';
import type { BoundParameters, CmdletContext, CommandArgument, CommandInfo, CommandProcessor, ScriptEngine, Session } from '@dpmsh/cmdlets';
import type { ScriptBlock, Scope, InvocationInfo, ProcessorStreams } from '@dpmsh/runtime';
import { parse } from '../parser/index.js';
import { derive, type ExecutionContext } from './context.js';
import { NativeProcessor, nativeArgumentText } from './native.js';
import { dotSourced } from './pipelines.js';
import { ScriptBlockValue } from './script-block.js';
import { ScriptProcessor, type ScriptProcessorOptions } from './script-processor.js';
import { collectStatements } from './statements.js';
import { parseErrorRecord } from './parse-errors.js';

type ProcessorCommand = Extract<CommandInfo, { kind: 'Function' | 'Filter' | 'ExternalScript' | 'Application' }>;

/** The interpreter as the framework sees it. */
export class Interpreter implements ScriptEngine {
  constructor(
    readonly session: Session,
    /** The context top-level code runs with; calls from cmdlets without one derive from it. */
    readonly rootContext: () => ExecutionContext,
  ) {}

  createProcessor(
    command: ProcessorCommand,
    binding: BoundParameters | { readonly args: readonly unknown[] },
    context: { scope: Scope; invocation: InvocationInfo; streams: ProcessorStreams; signal: AbortSignal; expectingInput: boolean; hostContext?: unknown; args?: readonly CommandArgument[]; cmdlet?: CmdletContext },
  ): CommandProcessor {
    const caller = derive((context.hostContext as ExecutionContext | undefined) ?? this.rootContext(), {
      scope: context.scope,
      output: (v) => context.streams.output(v),
      writeError: (record) => void context.streams.error?.(record),
      signal: context.signal,
      streams: context.streams,
      cmdlet: context.cmdlet,
      invocation: context.invocation,
    });
    if (command.kind === 'Application') {
      const args = context.args ? context.args.flatMap(nativeArgument) : 'args' in binding ? binding.args.flatMap(nativeArgumentText) : [];
      return new NativeProcessor({
        name: command.name,
        path: command.path,
        args,
        expectingInput: context.expectingInput,
        output: (v) => context.streams.output(v),
        reportFailure: () => context.streams.reportFailure?.(),
        ctx: caller,
      });
    }
    const bound = 'values' in binding ? binding : { parameterSetName: '', values: new Map<string, unknown>(), unboundArguments: binding.args };
    if (command.kind === 'ExternalScript') {
      return new ExternalScriptProcessor(command, bound, caller, dotSourced.has(command), { invocation: context.invocation, cmdlet: context.cmdlet, expectingInput: context.expectingInput, path: command.path });
    }
    const block = command.scriptBlock;
    if (!(block instanceof ScriptBlockValue)) throw new Error('bug: a function whose body is not a dpmsh script block');
    return new ScriptProcessor(block, caller, {
      name: command.name,
      metadata: command.metadata,
      binding: bound,
      dotSource: dotSourced.has(command),
      isFilter: command.kind === 'Filter',
      isScript: false,
      command: { invocation: context.invocation, cmdlet: context.cmdlet, expectingInput: context.expectingInput },
    });
  }

  compile(text: string, file?: string): ScriptBlock {
    const { ast, errors } = parse(text, file);
    if (errors.length > 0) throw new RuntimeError(parseErrorRecord(errors));
    return new ScriptBlockValue(ast, this.rootContext());
  }

  async run(text: string, options: { scope: Scope; file?: string; signal?: AbortSignal }): Promise<unknown[]> {
    const { ast, errors } = parse(text, options.file);
    if (errors.length > 0) throw new RuntimeError(parseErrorRecord(errors));
    const ctx = derive(this.rootContext(), { scope: options.scope, file: options.file, signal: options.signal ?? this.rootContext().signal });
    const blocks = [ast.beginBlock, ast.processBlock, ast.endBlock].filter((b) => b !== null);
    const out: unknown[] = [];
    for (const block of blocks) out.push(...(await collectStatements(block.statements, block.traps, ctx)));
    return out;
  }
}

/** A native program's arguments as text: `-Name:value` keeps its colon form. */
function nativeArgument(arg: CommandArgument): string[] {
  if (arg.kind === 'value') return nativeArgumentText(arg.value);
  if (!arg.hasValue) return [arg.extent?.text ?? `-${arg.name}`];
  return [`-${arg.name}:${toText(arg.value)}`];
}

/** A `.ps1` file run as a command: parsed when it starts, run in a new script scope (or dot-sourced). */
class ExternalScriptProcessor implements CommandProcessor {
  readonly name: string;
  #inner: ScriptProcessor | undefined;

  constructor(
    readonly command: Extract<CommandInfo, { kind: 'ExternalScript' }>,
    readonly binding: BoundParameters,
    readonly caller: ExecutionContext,
    readonly dotSource: boolean,
    readonly invocation: NonNullable<ScriptProcessorOptions['command']>,
  ) {
    this.name = command.name;
  }

  async begin(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.command.path, 'utf8');
    } catch (error) {
      throw new RuntimeError(errorRecord(`Could not read the script file '${this.command.path}': ${(error as Error).message}`, 'ScriptFileUnreadable', 'ReadError', { targetObject: this.command.path }));
    }
    const { ast, errors } = parse(text, this.command.path);
    if (errors.length > 0) throw new RuntimeError(parseErrorRecord(errors));
    const block = new ScriptBlockValue(ast, this.caller);
    const metadata = await block.metadata(this.command.name);
    this.#inner = new ScriptProcessor(block, this.caller, { name: this.command.name, metadata, binding: this.binding, dotSource: this.dotSource, isFilter: false, isScript: true, command: this.invocation });
    await this.#inner.begin();
  }

  process(input: unknown, binding?: BoundParameters): Promise<void> {
    return this.#required().process(input, binding);
  }
  end(): Promise<void> {
    return this.#required().end();
  }
  async clean(): Promise<void> {
    await this.#inner?.clean();
  }
  #required(): ScriptProcessor {
    if (!this.#inner) throw new Error('bug: script processor used before begin');
    return this.#inner;
  }
}
