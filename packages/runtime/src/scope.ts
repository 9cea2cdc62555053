/**
 * Variable scopes. PowerShell scopes are dynamic: a function or script block runs in a new child
 * of the scope it was called from, and a lookup walks up the chain to the global scope.
 */

/** Options of a variable, as Set-Variable -Option takes them. */
export interface VariableOptions {
  readonly readOnly?: boolean;
  readonly constant?: boolean;
  readonly private?: boolean;
  readonly allScope?: boolean;
}

/**
 * A variable. `constrain` is set for typed variables (`[int]$x = '5'`): every assignment converts
 * through it, and validation attributes on a parameter variable stay in force after binding.
 */
export interface PSVariable {
  readonly name: string;
  value: unknown;
  options: VariableOptions;
  description?: string;
  constrain?: (value: unknown) => unknown;
}

/** What kind of scope this is: `$script:` finds the nearest 'script' scope. */
export type ScopeKind = 'global' | 'script' | 'function' | 'block';

/** One scope of the chain. */
export class Scope {
  readonly variables = new Map<string, PSVariable>();
  /** Functions and aliases defined in this scope (a function defined in a script lives in the script's scope). */
  readonly functions = new Map<string, unknown>();
  readonly aliases = new Map<string, string>();
  /** Set-StrictMode's version set in this very scope; child scopes inherit it (see `strictVersion`). */
  strictMode: number | undefined;

  constructor(
    readonly kind: ScopeKind,
    readonly parent?: Scope,
  ) {}

  /** A new child scope. */
  child(kind: ScopeKind): Scope {
    return new Scope(kind, this);
  }

  /** The nearest scope of a kind: 'script' falls back to global at top level. */
  nearest(kind: 'script' | 'global'): Scope {
    if (this.kind === kind || this.kind === 'global') return this;
    for (let s = this.parent; s; s = s.parent) if (s.kind === kind || s.kind === 'global') return s;
    throw new Error('bug: scope chain without a global scope');
  }

  get global(): Scope {
    let s = this.parent;
    if (!s) return this;
    while (s.parent) s = s.parent;
    return s;
  }

  /** The strict-mode version in force here: the nearest scope's setting, 0 when off. */
  get strictVersion(): number {
    if (this.strictMode !== undefined) return this.strictMode;
    for (let s = this.parent; s; s = s.parent) if (s.strictMode !== undefined) return s.strictMode;
    return 0;
  }

  /** Finds a variable by name (case-insensitive), walking up; private variables are seen only where defined. */
  lookup(name: string): PSVariable | undefined {
    const key = name.toLowerCase();
    const own = this.variables.get(key);
    if (own) return own;
    for (let s = this.parent; s; s = s.parent) {
      const v = s.variables.get(key);
      if (v && !v.options.private) return v;
    }
    return undefined;
  }

  /** The variable of this very scope, if any. */
  local(name: string): PSVariable | undefined {
    return this.variables.get(name.toLowerCase());
  }

  /** Defines or replaces a variable in this scope. */
  define(variable: PSVariable): PSVariable {
    this.variables.set(variable.name.toLowerCase(), variable);
    return variable;
  }

  remove(name: string): boolean {
    return this.variables.delete(name.toLowerCase());
  }
}
