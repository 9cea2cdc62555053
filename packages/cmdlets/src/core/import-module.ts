/** Import-Module: loads script modules (.psm1) into the session. */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet, type CmdletContext } from '../session/cmdlet.js';
import { matchWildcard, PSVersion } from '@dpmsh/runtime';
import type { FunctionInfo } from '../session/registry.js';
import { builtInModules, findModuleFile, moduleNotFound, moduleObject, moduleState, removeScriptModule } from './module-table.js';
import type { Exports, LoadedModule } from './module-table.js';

const exported = (names: readonly string[], patterns: readonly string[] | undefined): string[] => (patterns ? names.filter((n) => patterns.some((p) => matchWildcard(n, p))) : [...names]);

/** Runs a .psm1 in its own scope and exports its functions (or what Export-ModuleMember chose) to the global scope. */
async function loadScriptModule(ctx: CmdletContext<ImportModuleParameters>, path: string): Promise<LoadedModule> {
  const session = ctx.session;
  const name = basename(path, extname(path));
  const scope = session.globalScope.child('script');
  const loading = { scope, exports: {} as Exports };
  const modules = moduleState(session);
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
    examples: [
      {
        title: 'Import a script module',
        setup: "Set-Content Tools.psm1 'function Get-Thing { ''thing'' }'",
        code: 'Import-Module ./Tools.psm1\nGet-Command -Module Tools',
        output: '\nCommandType     Name                                               Version    Source\n-----------     ----                                               -------    ------\nFunction        Get-Thing                                          0.0.0      Tools\n',
      },
    ],
  },
  async process(ctx) {
    const session = ctx.session;
    const modules = moduleState(session);
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
