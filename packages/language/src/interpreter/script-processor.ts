/**
 * Runs a script block as a command: a function, a filter, a script file, `& { ... }`, or a block
 * a cmdlet invokes. Parameters become variables of a new scope (the caller's own scope when
 * dot-sourced); begin runs once, process once per pipeline object, end once with $input, clean
 * always.
 */
import { actionPreferenceValue, bindArguments, confirmImpactValue, toActionPreference } from '@dpmsh/cmdlets';
import { convertTo, PSHashtable, RuntimeError, toBoolean } from '@dpmsh/runtime';
import type { BoundParameters, CmdletContext, CommandArgument, CommandMetadata, CommandProcessor } from '@dpmsh/cmdlets';
import type { InvocationInfo, Scope } from '@dpmsh/runtime';
import { cmdletObject, commandTerminating, invocationObject } from './automatic-objects.js';
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
  /** Set when the block runs as a command ($MyInvocation, and $PSCmdlet when it is advanced). */
  readonly command?: {
    readonly invocation: InvocationInfo | undefined;
    readonly cmdlet: CmdletContext | undefined;
    readonly expectingInput: boolean;
    /** The script file of an external script. */
    readonly path?: string;
  };
}

/** A script block running as a command. */
export class ScriptProcessor implements CommandProcessor {
  readonly name: string;
  readonly #ast: ScriptBlockAst;
  readonly #caller: ExecutionContext;
  readonly #options: ScriptProcessorOptions;
  #ctx: ExecutionContext | undefined;
  readonly #input: unknown[] = [];

  readonly #closure: Scope | undefined;

  constructor(block: ScriptBlockValue, caller: ExecutionContext, options: ScriptProcessorOptions) {
    this.name = options.name;
    this.#ast = block.ast;
    this.#closure = block.closure;
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
    const from = this.#closure ?? caller.scope;
    const scope: Scope = this.#options.dotSource ? caller.scope : from.child(this.#options.isScript ? 'script' : 'function');
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
      // $PSCmdlet.ThrowTerminatingError ended this command: for its caller it is a statement-terminating error.
      if (signal instanceof RuntimeError) commandTerminating.delete(signal);
      if (!(signal instanceof ReturnSignal)) throw signal;
    }
  }

  /** Parameter variables: bound values (typed parameters keep converting), defaults for the rest. */
  async #bindVariables(binding: BoundParameters, ctx: ExecutionContext, initial: boolean): Promise<void> {
    const scope = ctx.scope;
    const declared = new Map<string, ParameterAst>();
    for (const p of this.#ast.paramBlock?.parameters ?? this.#functionParameters()) declared.set(p.name.variablePath.name.toLowerCase(), p);
    // $PSBoundParameters lists parameters in the order they were bound, common ones included.
    const bound = new PSHashtable();
    for (const [name, value] of binding.values) bound.set(name, value);
    for (const parameter of this.#options.metadata.parameters) {
      if (parameter.isCommon) continue;
      const has = binding.values.has(parameter.name);
      if (!has && !initial) continue;
      const ast = declared.get(parameter.name.toLowerCase());
      let value: unknown;
      if (has) {
        value = binding.values.get(parameter.name);
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
      if (this.#options.command && !this.#options.dotSource) this.#commandVariables(scope, bound, binding);
    } else {
      const existing = scope.local('PSBoundParameters')?.value;
      if (existing instanceof PSHashtable) for (const [k, v] of bound.entries()) existing.set(k, v);
    }
  }

  /** $MyInvocation; for an advanced function $PSCmdlet and the preferences its common parameters set. */
  #commandVariables(scope: Scope, bound: PSHashtable, binding: BoundParameters): void {
    const command = this.#options.command;
    if (!command) return;
    const kind = this.#options.isScript ? 'ExternalScript' : this.#options.isFilter ? 'Filter' : 'Function';
    const myInvocation = invocationObject({
      invocation: command.invocation,
      name: this.#options.name,
      commandType: kind,
      path: command.path,
      definition: command.path ?? this.#definition(),
      boundParameters: bound,
      unboundArguments: binding.unboundArguments,
      expectingInput: command.expectingInput,
    });
    setAutomatic(scope, 'MyInvocation', myInvocation);
    if (!this.#options.metadata.cmdletBinding) return;
    if (command.cmdlet) setAutomatic(scope, 'PSCmdlet', cmdletObject(command.cmdlet, myInvocation, scope));
    setCommonPreferences(scope, binding.values);
  }

  #definition(): string {
    const text = this.#ast.extent.text;
    return text.startsWith('{') && text.endsWith('}') ? text.slice(1, -1) : text;
  }

  #functionParameters(): readonly ParameterAst[] {
    return functionParameters.get(this.#ast) ?? [];
  }
}

const ACTION_PARAMETERS: Readonly<Record<string, string>> = {
  ErrorAction: 'ErrorActionPreference',
  WarningAction: 'WarningPreference',
  InformationAction: 'InformationPreference',
  ProgressAction: 'ProgressPreference',
};

/** What -ErrorAction, -Verbose, -WhatIf... of an advanced function set in its scope, as PowerShell does. */
function setCommonPreferences(scope: Scope, values: ReadonlyMap<string, unknown>): void {
  for (const [parameter, variable] of Object.entries(ACTION_PARAMETERS)) {
    const preference = values.has(parameter) ? toActionPreference(values.get(parameter)) : undefined;
    if (preference) setAutomatic(scope, variable, actionPreferenceValue(preference));
  }
  const on = (name: string): boolean | undefined => (values.has(name) ? toBoolean(values.get(name)) : undefined);
  const verbose = on('Verbose');
  if (verbose !== undefined) setAutomatic(scope, 'VerbosePreference', actionPreferenceValue(verbose ? 'Continue' : 'SilentlyContinue'));
  const debug = on('Debug');
  if (debug !== undefined) setAutomatic(scope, 'DebugPreference', actionPreferenceValue(debug ? 'Continue' : 'SilentlyContinue'));
  const whatIf = on('WhatIf');
  if (whatIf !== undefined) setAutomatic(scope, 'WhatIfPreference', whatIf);
  const confirm = on('Confirm');
  if (confirm !== undefined) setAutomatic(scope, 'ConfirmPreference', confirmImpactValue(confirm ? 'Low' : 'None'));
}

function isSwitch(type: string): boolean {
  const t = type.toLowerCase();
  return t === 'switch' || t === 'system.management.automation.switchparameter';
}

/** The `function f($a, $b)` parameters of a function body, recorded when the function is defined. */
export const functionParameters = new WeakMap<ScriptBlockAst, readonly ParameterAst[]>();
