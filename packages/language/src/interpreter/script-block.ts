/**
 * Script blocks as values: `{ $_ -gt 1 }` passed to Where-Object, stored in variables, invoked
 * with `&`, `.Invoke()`, or by a cmdlet. A block remembers where it was created; it runs in a
 * new child of the scope it is invoked from (or that scope itself when dot-sourced).
 */
import type { CommandMetadata } from '@dpmsh/cmdlets';
import type { PSVariable, ScriptBlock, ScriptBlockInvocation, Scope } from '@dpmsh/runtime';
import type { ScriptBlockAst } from '../parser/ast.js';
import { derive, type ExecutionContext } from './context.js';
import { ScriptProcessor } from './script-processor.js';
import { buildMetadata } from './metadata.js';

/** A script block value. */
export class ScriptBlockValue implements ScriptBlock {
  readonly isScriptBlock = true as const;
  #metadata: Promise<CommandMetadata> | undefined;

  constructor(
    readonly ast: ScriptBlockAst,
    /** The context the block was created in: its session, scope and error reporting. */
    readonly definedIn: ExecutionContext,
    /** The scope the block runs from instead of its caller's: GetNewClosure's captured variables, or a module's scope. */
    readonly closure?: Scope,
  ) {}

  /** `.GetNewClosure()`: a copy that runs from a new scope (under the global one) holding the variables visible now. */
  getNewClosure(scope: Scope): ScriptBlockValue {
    const global = scope.global;
    const captured = global.child('script');
    const seen = new Set<string>();
    for (let s: Scope | undefined = scope; s && s !== global; s = s.parent) {
      for (const [key, variable] of s.variables) {
        if (seen.has(key) || (variable.options.private && s !== scope)) continue;
        seen.add(key);
        const copy: PSVariable = { name: variable.name, value: variable.value, options: { ...variable.options, private: false }, constrain: variable.constrain };
        captured.define(copy);
      }
    }
    return new ScriptBlockValue(this.ast, this.definedIn, captured);
  }

  /** A copy that runs from `scope` (a module's script scope), as a module's exported functions do. */
  boundTo(scope: Scope): ScriptBlockValue {
    return new ScriptBlockValue(this.ast, this.definedIn, scope);
  }

  get text(): string {
    const t = this.ast.extent.text;
    return t.startsWith('{') && t.endsWith('}') ? t.slice(1, -1) : t;
  }

  get file(): string | undefined {
    return this.ast.extent.file || undefined;
  }

  toString(): string {
    return this.text;
  }

  /** The block's parameters as command metadata (built once). */
  metadata(name = ''): Promise<CommandMetadata> {
    this.#metadata ??= buildMetadata(name, this.ast.paramBlock, null, this.definedIn);
    return this.#metadata;
  }

  async invoke(options: ScriptBlockInvocation = {}): Promise<unknown[]> {
    const output: unknown[] = [];
    const ctx = derive(this.definedIn, {
      scope: options.scope ?? this.definedIn.scope,
      output: (v) => void output.push(v),
      signal: options.signal ?? this.definedIn.signal,
      ...(options.streams ? { streams: options.streams, writeError: (record) => void options.streams?.error?.(record) } : {}),
    });
    const processor = await ScriptProcessor.forInvocation(this, ctx, {
      args: options.args ?? [],
      dotSource: options.dotSource ?? false,
      variables: { ...(options.variables ?? {}), ...('dollarUnder' in options ? { _: options.dollarUnder, PSItem: options.dollarUnder } : {}) },
    });
    await processor.runOnce();
    return output;
  }
}
