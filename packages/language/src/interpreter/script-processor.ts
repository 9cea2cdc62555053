/**
 * Runs a script block as a command: a function, a filter, a script file, `& { ... }`, or a block
 * a cmdlet invokes. Parameters become variables of a new scope (the caller's own scope when
 * dot-sourced); begin runs once, process once per pipeline object, end once with $input, clean
 * always.
 */
import { bindArguments, convertTo, PSHashtable, RuntimeError } from '@dpmsh/cmdlets';
import type { BoundParameters, CommandArgument, CommandMetadata, CommandProcessor, Scope } from '@dpmsh/cmdlets';
import type { NamedBlockAst, ParameterAst, ScriptBlockAst } from '../parser/ast.js';
import { derive, type ExecutionContext } from './context.js';
import { ReturnSignal } from './control-flow.js';
import { evaluate } from './expressions.js';
import type { ScriptBlockValue } from './script-block.js';
import { executeStatements } from './statements.js';
import { setAutomatic } from './variables.js';
import { dirname } from 'node:path';

/** How a script processor runs. */
export interface ScriptProcessorOptions {
  readonly name: string;
  readonly metadata: CommandMetadata;
  readonly binding: BoundParameters;
  /** Run in the caller's scope instead of a new one. */
  readonly dotSource: boolean;
  /** A filter's body is its process block. */
  readonly isFilter: boolean;
  /** The new scope is a script scope ($script: resolves to it) for script files. */
  readonly isScript: boolean;
  /** Extra variables set in the new scope before anything runs. */
  readonly variables?: Readonly<Record<string, unknown>>;
}

/** A script block running as a command. */
export class ScriptProcessor implements CommandProcessor {
  readonly name: string;
  readonly #ast: ScriptBlockAst;
  readonly #caller: ExecutionContext;
  readonly #options: ScriptProcessorOptions;
  #ctx: ExecutionContext | undefined;
  readonly #input: unknown[] = [];

  constructor(block: ScriptBlockValue, caller: ExecutionContext, options: ScriptProcessorOptions) {
    this.name = options.name;
    this.#ast = block.ast;
    this.#caller = caller;
    this.#options = options;
  }

  /** A processor for `ScriptBlock.invoke`: positional arguments bound to the block's param() block. */
  static async forInvocation(
    block: ScriptBlockValue,
    caller: ExecutionContext,
    options: { args: readonly unknown[]; dotSource: boolean; variables: Record<string, unknown> },
  ): Promise<ScriptProcessor> {
    const metadata = await block.metadata();
    const args: CommandArgument[] = options.args.map((value) => ({ kind: 'value', value }));
    const bound = bindArguments(metadata, args, { expectingInput: false, commandName: metadata.name });
    if ('error' in bound) throw new RuntimeError(bound.error);
    return new ScriptProcessor(block, caller, {
      name: '',
      metadata,
      binding: bound,
      dotSource: options.dotSource,
      isFilter: false,
      isScript: false,
      variables: options.variables,
    });
  }

  /** Runs begin, one process and end, for a block invoked without pipeline input. */
  async runOnce(): Promise<void> {
    try {
      await this.begin();
      await this.process(undefined, undefined);
      await this.end();
    } finally {
      await this.clean();
    }
  }

  async begin(): Promise<void> {
    const caller = this.#caller;
    const scope: Scope = this.#options.dotSource ? caller.scope : caller.scope.child(this.#options.isScript ? 'script' : 'function');
    const ctx = derive(caller, { scope, loopDepth: 0 });
    this.#ctx = ctx;
    for (const [name, value] of Object.entries(this.#options.variables ?? {})) setAutomatic(scope, name, value);
    const file = this.#ast.extent.file;
    if (this.#options.isScript && file) {
      setAutomatic(scope, 'PSScriptRoot', dirname(file));
      setAutomatic(scope, 'PSCommandPath', file);
    }
    await this.#bindVariables(this.#options.binding, ctx, true);
    if (this.#ast.beginBlock) await this.#run(this.#ast.beginBlock, ctx);
  }

  async process(input: unknown, binding?: BoundParameters): Promise<void> {
    const ctx = this.#context();
    if (binding) await this.#bindVariables(binding, ctx, false);
    const processBlock = this.#ast.processBlock ?? (this.#options.isFilter ? this.#ast.endBlock : null);
    if (!processBlock) {
      if (input !== undefined) this.#input.push(input);
      return;
    }
    if (input !== undefined) {
      setAutomatic(ctx.scope, '_', input);
      setAutomatic(ctx.scope, 'PSItem', input);
    }
    await this.#run(processBlock, ctx);
  }

  async end(): Promise<void> {
    const ctx = this.#context();
    if (this.#options.isFilter && !this.#ast.processBlock) return;
    if (!this.#ast.endBlock) return;
    setAutomatic(ctx.scope, 'input', this.#input);
    await this.#run(this.#ast.endBlock, ctx);
  }

  async clean(): Promise<void> {
    if (!this.#ast.cleanBlock || !this.#ctx) return;
    // clean's output is discarded, as in PowerShell.
    await this.#run(this.#ast.cleanBlock, derive(this.#ctx, { output: () => undefined }));
  }

  #context(): ExecutionContext {
    if (!this.#ctx) throw new Error('bug: process before begin');
    return this.#ctx;
  }

  async #run(block: NamedBlockAst, ctx: ExecutionContext): Promise<void> {
    try {
      await executeStatements(block.statements, block.traps, ctx);
    } catch (signal) {
      if (!(signal instanceof ReturnSignal)) throw signal;
    }
  }

  /** Parameter variables: bound values (typed parameters keep converting), defaults for the rest. */
  async #bindVariables(binding: BoundParameters, ctx: ExecutionContext, initial: boolean): Promise<void> {
    const scope = ctx.scope;
    const declared = new Map<string, ParameterAst>();
    for (const p of this.#ast.paramBlock?.parameters ?? this.#functionParameters()) declared.set(p.name.variablePath.name.toLowerCase(), p);
    const bound = new PSHashtable();
    for (const parameter of this.#options.metadata.parameters) {
      if (parameter.isCommon) continue;
      const has = binding.values.has(parameter.name);
      if (!has && !initial) continue;
      const ast = declared.get(parameter.name.toLowerCase());
      let value: unknown;
      if (has) {
        value = binding.values.get(parameter.name);
        bound.set(parameter.name, value);
      } else if (ast?.defaultValue) {
        value = await evaluate(ast.defaultValue, ctx);
      } else {
        value = isSwitch(parameter.type) ? false : null;
      }
      const type = parameter.type.toLowerCase();
      const constrain = type === 'object' || type === 'system.object' ? undefined : (v: unknown) => convertTo(v, parameter.type);
      scope.define({ name: parameter.name, value: constrain && value !== null ? constrain(value) : value, options: {}, constrain });
    }
    if (initial) {
      setAutomatic(scope, 'PSBoundParameters', bound);
      setAutomatic(scope, 'args', [...binding.unboundArguments]);
    } else {
      const existing = scope.local('PSBoundParameters')?.value;
      if (existing instanceof PSHashtable) for (const [k, v] of bound.entries()) existing.set(k, v);
    }
  }

  #functionParameters(): readonly ParameterAst[] {
    return functionParameters.get(this.#ast) ?? [];
  }
}

function isSwitch(type: string): boolean {
  const t = type.toLowerCase();
  return t === 'switch' || t === 'system.management.automation.switchparameter';
}

/** The `function f($a, $b)` parameters of a function body, recorded when the function is defined. */
export const functionParameters = new WeakMap<ScriptBlockAst, readonly ParameterAst[]>();
