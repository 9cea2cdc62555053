/** What the module cmdlets share: the modules a session has loaded (built-in and script), how a module name is found, and how a module prints. */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { FormatTable } from '../formatting/views.js';
import { errorRecord, type ErrorRecord, PSEnumValue, PSHashtable, PSObject, PSVersion } from '@dpmsh/runtime';
import type { FunctionInfo } from '../session/registry.js';
import type { Scope } from '@dpmsh/runtime';
import { ServiceKey } from '../session/services.js';
import type { Session } from '../session/session.js';

/** A module the session has loaded. */
export interface LoadedModule {
  readonly name: string;
  readonly type: 'Script' | 'Manifest';
  readonly path: string;
  readonly version: PSVersion;
  readonly functions: readonly string[];
  readonly aliases: readonly string[];
  readonly variables: readonly string[];
}

/** What Export-ModuleMember chose while a module's script runs. */
export interface Exports {
  functions?: string[];
  aliases?: string[];
  variables?: string[];
}

/** The modules of a session: loaded, loading and removed. */
export interface ModuleState {
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

/** The module state of a session, created on first use. */
export function moduleState(session: Session): ModuleState {
  let found = session.getService(MODULES);
  if (!found) session.setService(MODULES, (found = { loaded: new Map(), loading: [], removedBuiltIns: new Set() }));
  return found;
}

/** The modules of compiled cmdlets, as Get-Module shows them (Manifest modules of version 7.0.0.0). */
export function builtInModules(session: Session): LoadedModule[] {
  const removed = moduleState(session).removedBuiltIns;
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

/** The PSModuleInfo object of a module. */
export function moduleObject(module: LoadedModule): PSObject {
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

/** Import-Module's error for a name no module file answers to. */
export function moduleNotFound(name: string): ErrorRecord {
  return errorRecord(`The specified module '${name}' was not loaded because no valid module file was found in any module directory.`, 'Modules_ModuleNotFound', 'ResourceUnavailable', {
    typeName: 'System.IO.FileNotFoundException',
    targetObject: name,
  });
}

/** True for an existing file. */
export const isFile = (path: string): boolean => existsSync(path) && statSync(path).isFile();
/** True for an existing folder. */
export const isDir = (path: string): boolean => existsSync(path) && statSync(path).isDirectory();

/** The .psm1 file a name or path stands for: a file, a folder holding <folder>.psm1, or a folder of $env:PSModulePath. */
export function findModuleFile(session: Session, name: string): string | undefined {
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

/** Takes a script module's functions, aliases and variables out of the global scope, and forgets the module. */
export function removeScriptModule(session: Session, module: LoadedModule): void {
  const global = session.globalScope;
  for (const name of module.functions) {
    const fn = global.functions.get(name.toLowerCase()) as FunctionInfo | undefined;
    if (fn?.module?.toLowerCase() === module.name.toLowerCase()) session.registry.removeFunction(global, name);
  }
  for (const name of module.aliases) session.registry.removeAlias(global, name);
  for (const name of module.variables) global.remove(name);
  moduleState(session).loaded.delete(module.name.toLowerCase());
}
