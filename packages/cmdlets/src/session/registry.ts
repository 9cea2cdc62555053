/**
 * The command registry of a session: compiled cmdlets by name, aliases, functions in scopes, and
 * scripts and programs on PATH, resolved in PowerShell's order (alias, function, cmdlet, external
 * script, application). Registering is where name rules and clashes are checked, in one place,
 * so a module that would shadow another's command fails loudly when it loads.
 */
import type { CommandInfo, CommandType } from './commands.js';
import type { CmdletDefinition } from './cmdlet.js';
import type { Scope, ScriptBlock, ScriptExtent } from '@dpmsh/runtime';
import { ErrorRecord, PSException, RuntimeError, hasWildcard, wildcardToRegExp } from '@dpmsh/runtime';
import { approvedVerb, isStandardVerbException } from './verbs.js';
import { BUILT_IN_ALIASES, BUILT_IN_FUNCTIONS } from './builtins.js';
import { PathSearcher, isExecutableFile, isFile, isScriptFileName } from './path-search.js';
import { basename } from 'node:path';

/** A compiled cmdlet the registry knows. */
export type CmdletInfo = Extract<CommandInfo, { kind: 'Cmdlet' }>;
/** A script function or filter. */
export type FunctionInfo = Extract<CommandInfo, { kind: 'Function' | 'Filter' }>;
/** An alias and the name it stands for. */
export type AliasInfo = Extract<CommandInfo, { kind: 'Alias' }>;

/** A cmdlet or module that breaks the registry's rules: a bug in the module, reported when it loads. */
export class CommandRegistrationError extends Error {
  constructor(
    readonly module: string,
    readonly problems: readonly string[],
  ) {
    super(problems.join('\n'));
    this.name = 'CommandRegistrationError';
  }
}

/** What the registry needs from its session to find files. */
export interface RegistryContext {
  /** The current `$env:PATH`. */
  path(): string | undefined;
  /** A file-system path made absolute against the current location, `~` expanded. */
  resolvePath(path: string): string;
  /** Compiles a built-in function's source; undefined while no script engine is registered. */
  compile(source: string): ScriptBlock | undefined;
}

/** What Get-Command asks for. */
export interface CommandQuery {
  /** Names or wildcard patterns; all commands when absent. */
  readonly name?: string | readonly string[];
  /** Command types; without names, PowerShell's default of aliases, functions, filters and cmdlets. */
  readonly commandType?: readonly CommandType[];
  /** Only commands of this module (case-insensitive). */
  readonly module?: string;
}

/** The order of command types in PowerShell's resolution and in Get-Command's output. */
const TYPE_ORDER: readonly CommandType[] = ['Alias', 'Function', 'Filter', 'Cmdlet', 'ExternalScript', 'Application'];
const DEFAULT_LISTED_TYPES: readonly CommandType[] = ['Alias', 'Function', 'Filter', 'Cmdlet'];
const CMDLET_NAME = /^([A-Za-z]+)-([A-Za-z][A-Za-z0-9]*)$/;
const MODULE_QUALIFIED = /^([A-Za-z_][\w.]*)\\([^\\/]+)$/;

/** The message of PowerShell's CommandNotFoundException. */
export function commandNotFoundMessage(name: string): string {
  return (
    `The term '${name}' is not recognized as a name of a cmdlet, function, script file, or executable program.\n` +
    'Check the spelling of the name, or if a path was included, verify that the path is correct and try again.'
  );
}

/** PowerShell's CommandNotFoundException record for a name nothing answers to. */
export function commandNotFound(name: string, options: { extent?: ScriptExtent; invocationName?: string } = {}): ErrorRecord {
  const record = new ErrorRecord({
    exception: new PSException(commandNotFoundMessage(name), { typeName: 'System.Management.Automation.CommandNotFoundException' }),
    errorId: 'CommandNotFoundException',
    category: 'ObjectNotFound',
    targetObject: name,
  });
  record.invocationInfo = {
    invocationName: options.invocationName ?? name,
    extent: options.extent,
    scriptName: options.extent?.file || undefined,
  };
  return record;
}

/**
 * The .NET class of a cmdlet: what its definition declares, else for the Microsoft.PowerShell.*
 * modules pwsh's `Microsoft.PowerShell.Commands.<Verb><Noun>Command`; none for other modules.
 */
export function implementingTypeOf(definition: { readonly name: string; readonly implementingType?: string }, module: string): string | undefined {
  if (definition.implementingType !== undefined) return definition.implementingType || undefined;
  if (!/^Microsoft\.PowerShell\./i.test(module)) return undefined;
  return `Microsoft.PowerShell.Commands.${definition.name.replace('-', '')}Command`;
}

function isFunctionInfo(value: unknown): value is FunctionInfo {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return kind === 'Function' || kind === 'Filter';
}

function looksLikePath(name: string): boolean {
  return name.includes('/') || name.includes('\\') || name === '~' || name.startsWith('~');
}

/** The registry of one session. */
export class CommandRegistry {
  readonly #context: RegistryContext;
  readonly #cmdlets = new Map<string, CmdletInfo>();
  /** Aliases cmdlets declare, by lower-case alias. */
  readonly #declaredAliases = new Map<string, AliasInfo>();
  /** Module names as first registered, by lower-case name. */
  readonly #modules = new Map<string, string>();
  /** Display spelling of aliases set in scopes (scope.aliases keys are lower-case). */
  readonly #aliasSpelling = new WeakMap<Scope, Map<string, string>>();
  readonly #pathSearch = new PathSearcher();

  constructor(context: RegistryContext) {
    this.#context = context;
  }

  /** Registers one compiled cmdlet of a module; throws CommandRegistrationError on a bad name or a clash. */
  register(definition: CmdletDefinition<never>, module: string): CmdletInfo {
    return this.registerAll([definition], module)[0];
  }

  /** Registers a module's cmdlets all or none: every problem is reported in one error. */
  registerAll(definitions: readonly CmdletDefinition<never>[], module: string): CmdletInfo[] {
    const problems: string[] = [];
    const batchNames = new Map<string, string>();
    const batchAliases = new Map<string, string>();
    for (const def of definitions) {
      const lower = def.name.toLowerCase();
      const shape = CMDLET_NAME.exec(def.name);
      if (!shape) {
        problems.push(`Cannot register cmdlet '${def.name}' of module '${module}': a cmdlet name is Verb-Noun, such as 'Get-Item'.`);
      } else if (!approvedVerb(shape[1]) && !isStandardVerbException(def.name)) {
        problems.push(
          `Cannot register cmdlet '${def.name}' of module '${module}': '${shape[1]}' is not an approved PowerShell verb (Get-Verb lists them).`,
        );
      }
      const existing = this.#cmdlets.get(lower);
      if (existing) {
        problems.push(`Cannot register cmdlet '${def.name}' of module '${module}': module '${existing.module}' already registers '${existing.name}'.`);
      } else if (batchNames.has(lower)) {
        problems.push(`Cannot register cmdlet '${def.name}' of module '${module}': the module declares it twice.`);
      }
      batchNames.set(lower, def.name);
      for (const alias of def.aliases ?? []) {
        const key = alias.toLowerCase();
        const problem = this.#aliasClash(alias, def.name, batchAliases.get(key));
        if (problem) problems.push(`Cannot register alias '${alias}' of cmdlet '${def.name}' of module '${module}': ${problem}`);
        batchAliases.set(key, def.name);
      }
    }
    if (problems.length > 0) throw new CommandRegistrationError(module, problems);

    if (!this.#modules.has(module.toLowerCase())) this.#modules.set(module.toLowerCase(), module);
    return definitions.map((definition) => {
      const info: CmdletInfo = { kind: 'Cmdlet', name: definition.name, metadata: definition, definition, module, implementingType: implementingTypeOf(definition, module) };
      this.#cmdlets.set(definition.name.toLowerCase(), info);
      for (const alias of definition.aliases ?? []) {
        this.#declaredAliases.set(alias.toLowerCase(), { kind: 'Alias', name: alias, definition: definition.name, module });
      }
      return info;
    });
  }

  #aliasClash(alias: string, target: string, inBatch: string | undefined): string | undefined {
    const key = alias.toLowerCase();
    const same = (other: string): boolean => other.toLowerCase() === target.toLowerCase();
    if (inBatch !== undefined && !same(inBatch)) return `the module already uses it for '${inBatch}'.`;
    const declared = this.#declaredAliases.get(key);
    if (declared && !same(declared.definition)) return `it already stands for '${declared.definition}' (module '${declared.module}').`;
    const builtIn = BUILT_IN_ALIASES[key];
    if (builtIn !== undefined && !same(builtIn)) return `it is PowerShell's built-in alias of '${builtIn}'.`;
    const cmdlet = this.#cmdlets.get(key);
    if (cmdlet) return `it is the name of a cmdlet of module '${cmdlet.module}'.`;
    return undefined;
  }

  /** Removes a module's cmdlets and the aliases they declared (Remove-Module). */
  unregisterModule(module: string): void {
    const lower = module.toLowerCase();
    for (const [key, info] of this.#cmdlets) if (info.module.toLowerCase() === lower) this.#cmdlets.delete(key);
    for (const [key, info] of this.#declaredAliases) if (info.module?.toLowerCase() === lower) this.#declaredAliases.delete(key);
    this.#modules.delete(lower);
  }

  /** The names of the modules with registered cmdlets. */
  get modules(): readonly string[] {
    return [...this.#modules.values()];
  }

  /** A compiled cmdlet by name, case-insensitively. */
  cmdlet(name: string): CmdletInfo | undefined {
    return this.#cmdlets.get(name.toLowerCase());
  }

  /** Every compiled cmdlet. */
  cmdlets(): CmdletInfo[] {
    return [...this.#cmdlets.values()];
  }

  // ---- aliases ------------------------------------------------------------------------------

  /** Defines or replaces an alias in a scope (Set-Alias, New-Alias). */
  setAlias(scope: Scope, name: string, definition: string): AliasInfo {
    const key = name.toLowerCase();
    scope.aliases.set(key, definition);
    let spelling = this.#aliasSpelling.get(scope);
    if (!spelling) this.#aliasSpelling.set(scope, (spelling = new Map()));
    spelling.set(key, name);
    return { kind: 'Alias', name, definition };
  }

  /** Removes an alias defined in that very scope (Remove-Item alias:x); false when there was none. */
  removeAlias(scope: Scope, name: string): boolean {
    this.#aliasSpelling.get(scope)?.delete(name.toLowerCase());
    return scope.aliases.delete(name.toLowerCase());
  }

  /** The alias a name is, seen from a scope: scope aliases first, then module and built-in ones. */
  alias(name: string, scope: Scope): AliasInfo | undefined {
    const key = name.toLowerCase();
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      const definition = s.aliases.get(key);
      if (definition !== undefined) return { kind: 'Alias', name: this.#aliasSpelling.get(s)?.get(key) ?? name, definition };
    }
    const declared = this.#declaredAliases.get(key);
    if (declared) return declared;
    const builtIn = BUILT_IN_ALIASES[key];
    if (builtIn !== undefined) return { kind: 'Alias', name: key, definition: builtIn };
    return undefined;
  }

  /** Every alias visible from a scope, nearest definition of each name. */
  aliases(scope: Scope): AliasInfo[] {
    const byName = new Map<string, AliasInfo>();
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      for (const [key, definition] of s.aliases) {
        if (!byName.has(key)) byName.set(key, { kind: 'Alias', name: this.#aliasSpelling.get(s)?.get(key) ?? key, definition });
      }
    }
    for (const [key, info] of this.#declaredAliases) if (!byName.has(key)) byName.set(key, info);
    for (const [key, definition] of Object.entries(BUILT_IN_ALIASES)) {
      if (!byName.has(key)) byName.set(key, { kind: 'Alias', name: key, definition });
    }
    return [...byName.values()];
  }

  // ---- functions ----------------------------------------------------------------------------

  /** Defines or replaces a function in a scope. */
  setFunction(scope: Scope, info: FunctionInfo): void {
    scope.functions.set(info.name.toLowerCase(), info);
  }

  /** Removes a function defined in that very scope; false when there was none. */
  removeFunction(scope: Scope, name: string): boolean {
    return scope.functions.delete(name.toLowerCase());
  }

  /** The function a name is, seen from a scope; PowerShell's built-in functions are defined on first use. */
  function(name: string, scope: Scope): FunctionInfo | undefined {
    const key = name.toLowerCase();
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      const fn = s.functions.get(key);
      if (isFunctionInfo(fn)) return fn;
    }
    return this.#builtInFunction(key, scope.global);
  }

  #builtInFunction(key: string, global: Scope): FunctionInfo | undefined {
    const builtIn = BUILT_IN_FUNCTIONS.get(key);
    const scriptBlock = builtIn && this.#context.compile(builtIn.source);
    if (!builtIn || !scriptBlock) return undefined;
    const info: FunctionInfo = { kind: 'Function', name: builtIn.metadata.name, metadata: builtIn.metadata, scriptBlock };
    global.functions.set(key, info);
    return info;
  }

  /** Every function visible from a scope, nearest definition of each name. */
  functions(scope: Scope): FunctionInfo[] {
    const byName = this.#scopeFunctions(scope);
    for (const key of BUILT_IN_FUNCTIONS.keys()) {
      if (byName.has(key)) continue;
      const fn = this.#builtInFunction(key, scope.global);
      if (fn) byName.set(key, fn);
    }
    return [...byName.values()];
  }

  #scopeFunctions(scope: Scope): Map<string, FunctionInfo> {
    const byName = new Map<string, FunctionInfo>();
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      for (const [key, fn] of s.functions) if (!byName.has(key) && isFunctionInfo(fn)) byName.set(key, fn);
    }
    return byName;
  }

  // ---- resolution ---------------------------------------------------------------------------

  /**
   * What a command name runs, seen from a scope, following aliases: a function, cmdlet, external
   * script or application; undefined when nothing answers to it.
   */
  resolve(name: string, scope: Scope): Exclude<CommandInfo, AliasInfo> | undefined {
    return this.#resolve(name, scope, new Set());
  }

  /** Like resolve, but throws PowerShell's CommandNotFoundException. */
  require(name: string, scope: Scope, extent?: ScriptExtent): Exclude<CommandInfo, AliasInfo> {
    const found = this.resolve(name, scope);
    if (found) return found;
    const alias = this.alias(name, scope);
    const missing = alias ? this.#finalAliasTarget(alias, scope) : name;
    throw new RuntimeError(commandNotFound(missing, { extent, invocationName: name }));
  }

  /** What a name is without following aliases (Get-Command shows an alias as an alias). */
  lookup(name: string, scope: Scope): CommandInfo | undefined {
    return this.alias(name, scope) ?? this.resolve(name, scope);
  }

  #finalAliasTarget(alias: AliasInfo, scope: Scope): string {
    let target = alias.definition;
    const seen = new Set([alias.name.toLowerCase()]);
    for (let next = this.alias(target, scope); next && !seen.has(target.toLowerCase()); next = this.alias(target, scope)) {
      seen.add(target.toLowerCase());
      target = next.definition;
    }
    return target;
  }

  #resolve(name: string, scope: Scope, seen: Set<string>): Exclude<CommandInfo, AliasInfo> | undefined {
    const qualified = MODULE_QUALIFIED.exec(name);
    if (qualified && this.#isModule(qualified[1], scope)) return this.#resolveInModule(qualified[1], qualified[2], scope);

    const alias = this.alias(name, scope);
    if (alias) {
      const key = name.toLowerCase();
      // An alias naming itself (or a cycle) resolves to nothing rather than looping.
      if (seen.has(key)) return undefined;
      seen.add(key);
      return this.#resolve(alias.definition, scope, seen);
    }
    const fn = this.function(name, scope);
    if (fn) return fn;
    const cmdlet = this.cmdlet(name);
    if (cmdlet) return cmdlet;
    return this.#external(name);
  }

  #isModule(module: string, scope: Scope): boolean {
    const lower = module.toLowerCase();
    if (this.#modules.has(lower)) return true;
    return [...this.#scopeFunctions(scope).values()].some((fn) => fn.module?.toLowerCase() === lower);
  }

  #resolveInModule(module: string, name: string, scope: Scope): Exclude<CommandInfo, AliasInfo> | undefined {
    const lower = module.toLowerCase();
    const cmdlet = this.cmdlet(name);
    if (cmdlet && cmdlet.module.toLowerCase() === lower) return cmdlet;
    const declared = this.#declaredAliases.get(name.toLowerCase());
    if (declared && declared.module?.toLowerCase() === lower) return this.#resolveInModule(module, declared.definition, scope);
    const fn = this.#scopeFunctions(scope).get(name.toLowerCase());
    return fn?.module?.toLowerCase() === lower ? fn : undefined;
  }

  #external(name: string): Extract<CommandInfo, { kind: 'ExternalScript' | 'Application' }> | undefined {
    // A name with a path in it runs that file; a bare name is only searched on PATH, never in the
    // current directory, as PowerShell does.
    if (!looksLikePath(name)) return this.#onPath(name);
    const path = this.#context.resolvePath(name);
    if (isScriptFileName(path)) return isFile(path) ? { kind: 'ExternalScript', name: basename(path), path } : undefined;
    if (isExecutableFile(path)) return { kind: 'Application', name: basename(path), path };
    return undefined;
  }

  #onPath(name: string): Extract<CommandInfo, { kind: 'ExternalScript' | 'Application' }> | undefined {
    const found = this.#pathSearch.find(name, this.#context.path());
    return found ? { kind: found.kind, name: found.name, path: found.path } : undefined;
  }

  /** Forgets the PATH lookups cached so far. */
  clearPathCache(): void {
    this.#pathSearch.clear();
  }

  // ---- Get-Command --------------------------------------------------------------------------

  /** The commands Get-Command lists: by type (PowerShell's order), then by name. */
  getCommands(query: CommandQuery, scope: Scope): CommandInfo[] {
    const names = query.name === undefined ? undefined : typeof query.name === 'string' ? [query.name] : [...query.name];
    const types = new Set<CommandType>(query.commandType ?? (names ? TYPE_ORDER : DEFAULT_LISTED_TYPES));
    const patterns = (names ?? ['*']).map((n) => ({ text: n, regex: wildcardToRegExp(n) }));
    const matches = (name: string): boolean => patterns.some((p) => p.regex.test(name));
    const module = query.module?.toLowerCase();
    const inModule = (m: string | undefined): boolean => module === undefined || m?.toLowerCase() === module;

    const found: CommandInfo[] = [];
    if (types.has('Alias')) found.push(...this.aliases(scope).filter((a) => matches(a.name) && inModule(a.module)));
    if (types.has('Function') || types.has('Filter')) {
      found.push(...this.functions(scope).filter((f) => types.has(f.kind) && matches(f.name) && inModule(f.module)));
    }
    if (types.has('Cmdlet')) found.push(...this.cmdlets().filter((c) => matches(c.name) && inModule(c.module)));
    if ((types.has('ExternalScript') || types.has('Application')) && module === undefined) {
      found.push(...this.#externalCommands(patterns, types));
    }
    const rank = (c: CommandInfo): number => TYPE_ORDER.indexOf(c.kind);
    return found.sort((a, b) => rank(a) - rank(b) || a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  }

  #externalCommands(patterns: readonly { text: string; regex: RegExp }[], types: ReadonlySet<CommandType>): CommandInfo[] {
    const out: CommandInfo[] = [];
    const wanted = (kind: CommandType): boolean => types.has(kind);
    const literal = patterns.filter((p) => !hasWildcard(p.text));
    for (const p of literal) {
      const found = this.#external(p.text);
      if (found && wanted(found.kind)) out.push(found);
    }
    const wild = patterns.filter((p) => hasWildcard(p.text));
    if (wild.length > 0) {
      const listed = this.#pathSearch.list(this.#context.path(), (file) => wild.some((p) => p.regex.test(file)));
      for (const f of listed) {
        if (wanted(f.kind) && !out.some((o) => 'path' in o && o.path === f.path)) out.push({ kind: f.kind, name: f.name, path: f.path });
      }
    }
    return out;
  }
}
