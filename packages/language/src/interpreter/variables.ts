/**
 * Reading and writing variables: scope qualifiers, the env: drive, constants, automatic
 * variables, typed (constrained) variables.
 */
import type { PSVariable, Scope } from '@dpmsh/runtime';
import type { VariablePath, Extent } from '../parser/ast.js';
import type { ExecutionContext } from './context.js';
import { scriptError } from './errors.js';
import { sessionState } from './session-state.js';

const CONSTANTS: Record<string, unknown> = { null: null, true: true, false: false };

/** The scope a `global:` or `script:` qualifier names; with any other, the current one. */
export function qualifiedScope(qualifier: string | null, scope: Scope): Scope {
  switch (qualifier) {
    case 'global':
      return scope.global;
    case 'script':
      return scope.nearest('script');
    default:
      return scope;
  }
}

/** The value of `$path`; a missing variable is $null, or an error under Set-StrictMode. */
export function readVariable(path: VariablePath, ctx: ExecutionContext, extent: Extent): unknown {
  const name = path.name;
  if (path.drive === 'env') {
    const value = ctx.session.environment[name] ?? findEnvCaseInsensitive(ctx, name);
    return value ?? null;
  }
  const lower = name.toLowerCase();
  if (lower in CONSTANTS && !path.drive) return CONSTANTS[lower];
  if (lower === '?') return sessionState(ctx.session).lastSuccess;
  const variable = path.scope === null || path.scope === 'local' || path.scope === 'private' ? lookupFrom(ctx.scope, name, path.scope) : qualifiedScope(path.scope, ctx.scope).local(name);
  if (variable) return variable.value;
  if (ctx.scope.strictVersion >= 1) {
    throw scriptError(`The variable '$${path.userPath}' cannot be retrieved because it has not been set.`, 'VariableIsUndefined', extent, {
      category: 'InvalidOperation',
      targetObject: name,
    });
  }
  return null;
}

function lookupFrom(scope: Scope, name: string, qualifier: VariablePath['scope']): PSVariable | undefined {
  return qualifier === 'local' || qualifier === 'private' ? scope.local(name) : scope.lookup(name);
}

function findEnvCaseInsensitive(ctx: ExecutionContext, name: string): string | undefined {
  // Windows scripts spell variables in any case ($env:Path); on Unix the exact name wins above.
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(ctx.session.environment)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/** Assigns `$path = value` with PowerShell's rules: the current scope unless qualified; typed variables convert. */
export function assignVariable(path: VariablePath, value: unknown, ctx: ExecutionContext, extent: Extent): void {
  const name = path.name;
  const lower = name.toLowerCase();
  if (path.drive === 'env') {
    if (value === null || value === '') delete ctx.session.environment[name];
    else ctx.session.environment[name] = String(value);
    return;
  }
  if (lower === 'null' && !path.drive) return; // `$null = expr` discards the value
  if (lower === 'true' || lower === 'false' || lower === '?') {
    throw scriptError(`Cannot overwrite variable ${name} because it is read-only or constant.`, 'VariableNotWritable', extent, {
      category: 'WriteError',
      typeName: 'System.Management.Automation.SessionStateUnauthorizedAccessException',
      targetObject: name,
    });
  }
  const scope = qualifiedScope(path.scope, ctx.scope);
  const existing = scope.local(name);
  if (existing) {
    if (existing.options.readOnly || existing.options.constant) {
      throw scriptError(`Cannot overwrite variable ${existing.name} because it is read-only or constant.`, 'VariableNotWritable', extent, {
        category: 'WriteError',
        typeName: 'System.Management.Automation.SessionStateUnauthorizedAccessException',
        targetObject: name,
      });
    }
    existing.value = existing.constrain ? existing.constrain(value) : value;
    return;
  }
  scope.define({ name, value, options: path.scope === 'private' ? { private: true } : {} });
}

/** Defines `[type]$x = value`: the variable keeps converting every later assignment. */
export function defineConstrained(path: VariablePath, value: unknown, constrain: (v: unknown) => unknown, ctx: ExecutionContext): void {
  const scope = qualifiedScope(path.scope, ctx.scope);
  scope.define({ name: path.name, value: constrain(value), options: {}, constrain });
}

/** Sets an automatic variable in a scope ($_, $args, $input...). */
export function setAutomatic(scope: Scope, name: string, value: unknown): void {
  const existing = scope.local(name);
  if (existing) existing.value = value;
  else scope.define({ name, value, options: {} });
}
