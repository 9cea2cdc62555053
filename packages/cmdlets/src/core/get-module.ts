/** Get-Module: the modules loaded, or available in $env:PSModulePath. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { matchWildcard, PSVersion } from '@dpmsh/runtime';
import { builtInModules, findModuleFile, isDir, moduleObject, moduleState } from './module-table.js';

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
    const list = [...builtInModules(session), ...moduleState(session).loaded.values()];
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
