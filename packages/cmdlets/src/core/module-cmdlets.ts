/** Script modules (.psm1): Import-Module, Get-Module, Remove-Module and Export-ModuleMember. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { FormatTable } from '../formatting/views.js';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet, type CmdletContext } from '../session/cmdlet.js';
import { errorRecord, type ErrorRecord, hasWildcard, matchWildcard, PSEnumValue, PSHashtable, PSObject, PSVersion } from '@dpmsh/runtime';
import type { FunctionInfo } from '../session/registry.js';
import type { Scope } from '@dpmsh/runtime';
import { ServiceKey } from '../session/services.js';
import type { Session } from '../session/session.js';

/** A module the session has loaded. */
interface LoadedModule {
  readonly name: string;
  readonly type: 'Script' | 'Manifest';
  readonly path: string;
  readonly version: PSVersion;
  readonly functions: readonly string[];
  readonly aliases: readonly string[];
  readonly variables: readonly string[];
}

/** What Export-ModuleMember chose while a module's script runs. */
interface Exports {
  functions?: string[];
  aliases?: string[];
  variables?: string[];
}

interface ModuleState {
  readonly loaded: Map<string, LoadedModule>;
  /** The modules whose script is running now, innermost last. */
  readonly loading: { readonly scope: Scope; readonly exports: Exports }[];
  /** Built-in modules Remove-Module took away. */
  readonly removedBuiltIns: Set<string>;
}

const MODULES = new ServiceKey<ModuleState>('powershell.modules');
const SMA = 'System.Management.Automation';
const BUILT_IN_VERSION = new PSVersion(7, 0, 0, 0);
/** Microsoft.PowerShell.Core is a snap-in, never listed by Get-Module. */
const UNLISTED = new Set(['microsoft.powershell.core']);

function state(session: Session): ModuleState {
  let found = session.getService(MODULES);
  if (!found) session.setService(MODULES, (found = { loaded: new Map(), loading: [], removedBuiltIns: new Set() }));
  return found;
}

/** The modules of compiled cmdlets, as Get-Module shows them (Manifest modules of version 7.0.0.0). */
function builtInModules(session: Session): LoadedModule[] {
  const removed = state(session).removedBuiltIns;
  return session.registry.modules
    .filter((name) => !UNLISTED.has(name.toLowerCase()) && !removed.has(name.toLowerCase()))
    .map((name) => ({
      name,
      type: 'Manifest' as const,
      path: '',
      version: BUILT_IN_VERSION,
      functions: session.registry
        .cmdlets()
        .filter((c) => c.module === name)
        .map((c) => c.name)
        .sort((a, b) => a.localeCompare(b)),
      aliases: [],
      variables: [],
    }));
}

function moduleObject(module: LoadedModule): PSObject {
  const o = new PSObject([`${SMA}.PSModuleInfo`, 'System.Object']);
  const commands = new PSHashtable();
  for (const name of [...module.functions, ...module.aliases]) commands.set(name, name);
  o.addNote('Name', module.name);
  o.addNote('Path', module.path);
  o.addNote('ModuleBase', module.path ? dirname(module.path) : '');
  o.addNote('ModuleType', new PSEnumValue(`${SMA}.ModuleType`, module.type, module.type === 'Script' ? 1 : 2));
  o.addNote('Version', module.version);
  o.addNote('PreRelease', null);
  o.addNote('Description', '');
  o.addNote('ExportedCommands', commands);
  o.addNote('ExportedFunctions', module.type === 'Script' ? [...module.functions] : []);
  o.addNote('ExportedCmdlets', module.type === 'Script' ? [] : [...module.functions]);
  o.addNote('ExportedAliases', [...module.aliases]);
  o.addNote('ExportedVariables', [...module.variables]);
  o.toDotNetString = () => module.name;
  return o;
}

/** Registers the table view of modules. */
export function registerModuleView(formats: FormatTable): void {
  formats.register({
    typeName: `${SMA}.PSModuleInfo`,
    kind: 'table',
    columns: [
      { property: 'ModuleType', width: 10 },
      { property: 'Version', width: 10 },
      { property: 'PreRelease', width: 10 },
      { property: 'Name', width: 35 },
      { label: 'ExportedCommands', property: (obj) => (obj instanceof PSObject && obj.read('ExportedCommands') instanceof PSHashtable ? (obj.read('ExportedCommands') as PSHashtable).keys() : null) },
    ],
  });
}

function moduleNotFound(name: string): ErrorRecord {
  return errorRecord(`The specified module '${name}' was not loaded because no valid module file was found in any module directory.`, 'Modules_ModuleNotFound', 'ResourceUnavailable', {
    typeName: 'System.IO.FileNotFoundException',
    targetObject: name,
  });
}

const isFile = (path: string): boolean => existsSync(path) && statSync(path).isFile();
const isDir = (path: string): boolean => existsSync(path) && statSync(path).isDirectory();

/** The .psm1 file a name or path stands for: a file, a folder holding <folder>.psm1, or a folder of $env:PSModulePath. */
function findModuleFile(session: Session, name: string): string | undefined {
  const looksLikePath = /[\\/]/.test(name) || /\.psm1$/i.test(name) || name.startsWith('.') || name.startsWith('~');
  const inFolder = (dir: string): string | undefined => {
    const file = join(dir, `${basename(dir)}.psm1`);
    return isFile(file) ? file : undefined;
  };
  if (looksLikePath) {
    const path = session.resolvePath(name);
    if (isFile(path) && extname(path).toLowerCase() === '.psm1') return path;
    return isDir(path) ? inFolder(path) : undefined;
  }
  const roots = (session.environment.PSModulePath ?? '').split(process.platform === 'win32' ? ';' : ':').filter((p) => p.length > 0);
  for (const root of roots) {
    const found = isDir(join(root, name)) ? inFolder(join(root, name)) : undefined;
    if (found) return found;
  }
  return undefined;
}

function removeScriptModule(session: Session, module: LoadedModule): void {
  const global = session.globalScope;
  for (const name of module.functions) {
    const fn = global.functions.get(name.toLowerCase()) as FunctionInfo | undefined;
    if (fn?.module?.toLowerCase() === module.name.toLowerCase()) session.registry.removeFunction(global, name);
  }
  for (const name of module.aliases) session.registry.removeAlias(global, name);
  for (const name of module.variables) global.remove(name);
  state(session).loaded.delete(module.name.toLowerCase());
}

const exported = (names: readonly string[], patterns: readonly string[] | undefined): string[] => (patterns ? names.filter((n) => patterns.some((p) => matchWildcard(n, p))) : [...names]);

/** Runs a .psm1 in its own scope and exports its functions (or what Export-ModuleMember chose) to the global scope. */
async function loadScriptModule(ctx: CmdletContext<ImportModuleParameters>, path: string): Promise<LoadedModule> {
  const session = ctx.session;
  const name = basename(path, extname(path));
  const scope = session.globalScope.child('script');
  const loading = { scope, exports: {} as Exports };
  const modules = state(session);
  modules.loading.push(loading);
  let output: unknown[];
  try {
    output = await session.engine.run(readFileSync(path, 'utf8'), { scope, file: path, signal: ctx.signal });
  } finally {
    modules.loading.splice(modules.loading.indexOf(loading), 1);
  }
  for (const value of output) await ctx.write(value);
  const defined = [...scope.functions.values()].filter((f): f is FunctionInfo => typeof f === 'object' && f !== null && 'scriptBlock' in f);
  const chosen = ctx.params.Function;
  const functions = exported(
    defined.map((f) => f.name),
    loading.exports.functions,
  ).filter((n) => !chosen || chosen.some((p) => matchWildcard(n, p)));
  const aliases = exported([...scope.aliases.keys()], loading.exports.aliases ?? []);
  const variables = exported(
    [...scope.variables.values()].map((v) => v.name),
    loading.exports.variables ?? [],
  );
  const global = session.globalScope;
  // An exported function runs from the module's scope, so its $script: variables and the
  // module's private functions are the module's, not the caller's.
  for (const fn of defined) {
    if (functions.includes(fn.name)) session.registry.setFunction(global, { ...fn, module: name, scriptBlock: fn.scriptBlock.boundTo?.(scope) ?? fn.scriptBlock });
  }
  for (const alias of aliases) {
    const target = scope.aliases.get(alias.toLowerCase());
    if (target !== undefined) session.registry.setAlias(global, alias, target);
  }
  for (const variable of variables) {
    const v = scope.local(variable);
    if (v) global.define(v);
  }
  const module: LoadedModule = { name, type: 'Script', path, version: new PSVersion(0, 0), functions, aliases, variables };
  modules.loaded.set(name.toLowerCase(), module);
  return module;
}

interface ImportModuleParameters {
  Name: string[];
  Force?: boolean;
  PassThru?: boolean;
  Global?: boolean;
  Function?: string[];
  DisableNameChecking?: boolean;
}

/** Import-Module. */
export const importModule = defineCmdlet<ImportModuleParameters>({
  name: 'Import-Module',
  parameters: [
    { name: 'Name', type: 'string[]', sets: { [ALL_PARAMETER_SETS]: { mandatory: true, position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } }, description: 'A module name, the path of a .psm1 file, or a folder holding <folder>.psm1.' },
    { name: 'Function', type: 'string[]', sets: { [ALL_PARAMETER_SETS]: {} }, description: 'Imports only these functions (wildcards allowed).' },
    { name: 'Force', type: 'switch', sets: { [ALL_PARAMETER_SETS]: {} }, description: 'Re-imports a module that is already loaded.' },
    { name: 'PassThru', type: 'switch', sets: { [ALL_PARAMETER_SETS]: {} }, description: 'Outputs the module.' },
    { name: 'Global', type: 'switch', sets: { [ALL_PARAMETER_SETS]: {} }, description: 'Imports into the global scope (where dpmsh always imports).' },
    { name: 'DisableNameChecking', type: 'switch', sets: { [ALL_PARAMETER_SETS]: {} }, description: 'Accepted for compatibility: dpmsh does not warn about unapproved verbs.' },
  ],
  outputType: ['System.Management.Automation.PSModuleInfo'],
  help: {
    synopsis: 'Adds modules to the current session.',
    description:
      "Loads a script module (.psm1): runs it in its own scope and makes its functions available in the session, or only those it names with Export-ModuleMember (which also exports aliases and variables). Built-in modules are always loaded. A module already loaded is not loaded again unless -Force is given. Names are looked up in $env:PSModulePath folders.",
    examples: [{ title: 'Import a script module', code: "Import-Module ./Tools.psm1\nGet-Command -Module Tools" }],
  },
  async process(ctx) {
    const session = ctx.session;
    const modules = state(session);
    for (const name of ctx.params.Name) {
      const builtIn = builtInModules(session).find((m) => m.name.toLowerCase() === name.toLowerCase());
      if (builtIn) {
        if (ctx.params.PassThru) await ctx.write(moduleObject(builtIn));
        continue;
      }
      const path = findModuleFile(session, name);
      if (!path) {
        ctx.writeError(moduleNotFound(name));
        continue;
      }
      const existing = modules.loaded.get(basename(path, extname(path)).toLowerCase());
      if (existing && !ctx.params.Force) {
        if (ctx.params.PassThru) await ctx.write(moduleObject(existing));
        continue;
      }
      if (existing) removeScriptModule(session, existing);
      ctx.writeVerbose(`Loading module from path '${path}'.`);
      const module = await loadScriptModule(ctx, path);
      if (ctx.params.PassThru) await ctx.write(moduleObject(module));
    }
  },
});

/** Get-Module. */
export const getModule = defineCmdlet<{ Name?: string[]; ListAvailable?: boolean; All?: boolean }>({
  name: 'Get-Module',
  parameters: [
    { name: 'Name', type: 'string[]', sets: { [ALL_PARAMETER_SETS]: { position: 0, valueFromPipeline: true } }, description: 'Module names, wildcards allowed.' },
    { name: 'ListAvailable', type: 'switch', sets: { [ALL_PARAMETER_SETS]: {} }, description: 'Also lists the script modules found in $env:PSModulePath folders.' },
    { name: 'All', type: 'switch', sets: { [ALL_PARAMETER_SETS]: {} }, description: 'Accepted for compatibility: lists the same modules.' },
  ],
  outputType: ['System.Management.Automation.PSModuleInfo'],
  help: {
    synopsis: 'Gets the modules that have been imported or that can be imported into the current session.',
    description: 'Lists the loaded modules: the built-in ones (Manifest modules whose cmdlets dpmsh compiles in) and the script modules Import-Module loaded. -ListAvailable adds the modules found in $env:PSModulePath.',
    examples: [{ title: 'Is a module loaded?', code: "[bool](Get-Module -Name Microsoft.PowerShell.Utility)", output: 'True' }],
  },
  async process(ctx) {
    const session = ctx.session;
    const list = [...builtInModules(session), ...state(session).loaded.values()];
    if (ctx.params.ListAvailable) {
      const roots = (session.environment.PSModulePath ?? '').split(process.platform === 'win32' ? ';' : ':').filter(isDir);
      for (const root of roots) {
        for (const entry of subfolders(root)) {
          const file = findModuleFile(session, join(root, entry));
          if (file && !list.some((m) => m.name.toLowerCase() === entry.toLowerCase())) {
            list.push({ name: entry, type: 'Script', path: file, version: new PSVersion(0, 0), functions: [], aliases: [], variables: [] });
          }
        }
      }
    }
    const patterns = ctx.params.Name ?? ['*'];
    const found = list.filter((m) => patterns.some((p) => matchWildcard(m.name, p))).sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
    for (const module of found) await ctx.write(moduleObject(module));
  },
});

/** The names of the folders inside a folder. */
function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

/** Remove-Module. */
export const removeModule = defineCmdlet<{ Name: string[]; Force?: boolean }>({
  name: 'Remove-Module',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: [
    { name: 'Name', type: 'string[]', sets: { [ALL_PARAMETER_SETS]: { mandatory: true, position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } }, description: 'Module names, wildcards allowed.' },
    { name: 'Force', type: 'switch', sets: { [ALL_PARAMETER_SETS]: {} }, description: 'Removes a module even when it is read-only.' },
  ],
  help: {
    synopsis: 'Removes modules from the current session.',
    description: "Removes a script module's functions, aliases and variables from the session and forgets the module, or takes a built-in module's cmdlets away.",
    examples: [{ title: 'Unload a script module', code: 'Remove-Module Tools' }],
  },
  async process(ctx) {
    const session = ctx.session;
    const modules = state(session);
    let removed = 0;
    for (const pattern of ctx.params.Name) {
      for (const module of [...modules.loaded.values()].filter((m) => matchWildcard(m.name, pattern))) {
        if (!(await ctx.shouldProcess(module.name, 'Remove-Module'))) continue;
        removeScriptModule(session, module);
        removed++;
      }
      for (const module of builtInModules(session).filter((m) => matchWildcard(m.name, pattern))) {
        if (hasWildcard(pattern) || !(await ctx.shouldProcess(module.name, 'Remove-Module'))) continue;
        session.registry.unregisterModule(module.name);
        modules.removedBuiltIns.add(module.name.toLowerCase());
        removed++;
      }
    }
    if (removed === 0 && ctx.params.Name.some((n) => !hasWildcard(n))) {
      ctx.writeError(
        errorRecord('No modules were removed. Verify that the specification of modules to remove is correct and those modules exist in the runspace.', 'Modules_NoModulesRemoved', 'ResourceUnavailable', {
          typeName: 'System.InvalidOperationException',
        }),
      );
    }
  },
});

/** Export-ModuleMember. */
export const exportModuleMember = defineCmdlet<{ Function?: string[]; Cmdlet?: string[]; Variable?: string[]; Alias?: string[] }>({
  name: 'Export-ModuleMember',
  parameters: [
    { name: 'Function', type: 'string[]', sets: { [ALL_PARAMETER_SETS]: { position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } }, allowEmptyCollection: true, description: 'The functions to export (wildcards allowed).' },
    { name: 'Cmdlet', type: 'string[]', sets: { [ALL_PARAMETER_SETS]: { valueFromPipelineByPropertyName: true } }, allowEmptyCollection: true, description: 'Accepted for compatibility: script modules have no cmdlets.' },
    { name: 'Variable', type: 'string[]', sets: { [ALL_PARAMETER_SETS]: { valueFromPipelineByPropertyName: true } }, allowEmptyCollection: true, description: 'The variables to export.' },
    { name: 'Alias', type: 'string[]', sets: { [ALL_PARAMETER_SETS]: { valueFromPipelineByPropertyName: true } }, allowEmptyCollection: true, description: 'The aliases to export.' },
  ],
  help: {
    synopsis: 'Specifies the module members that are exported.',
    description: 'Inside a .psm1, names the functions, variables and aliases Import-Module makes available; without it every function is exported. Called outside a module it is an error.',
    examples: [{ title: 'Export one function', code: 'Export-ModuleMember -Function Get-Thing' }],
  },
  process(ctx) {
    const loading = state(ctx.session).loading;
    const inModule = (s: Scope | undefined): boolean => {
      for (; s; s = s.parent) if (loading.some((l) => l.scope === s)) return true;
      return false;
    };
    const current = inModule(ctx.scope) ? [...loading].reverse().find((l) => isWithin(ctx.scope, l.scope)) : undefined;
    if (!current) {
      return ctx.throwTerminating(
        errorRecord('The Export-ModuleMember cmdlet can only be called from inside a module.', 'Modules_CanOnlyExecuteExportModuleMemberInsideAModule', 'PermissionDenied', {
          typeName: 'System.InvalidOperationException',
        }),
      );
    }
    const add = (key: keyof Exports, names: string[] | undefined): void => {
      if (names) current.exports[key] = [...(current.exports[key] ?? []), ...names];
    };
    add('functions', ctx.params.Function);
    add('variables', ctx.params.Variable);
    add('aliases', ctx.params.Alias);
    if (!current.exports.functions) current.exports.functions = [];
  },
});

function isWithin(scope: Scope, ancestor: Scope): boolean {
  for (let s: Scope | undefined = scope; s; s = s.parent) if (s === ancestor) return true;
  return false;
}
