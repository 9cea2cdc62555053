/** Export-ModuleMember: inside a module, names the members Import-Module exports. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { errorRecord } from '@dpmsh/runtime';
import type { Scope } from '@dpmsh/runtime';
import { moduleState } from './module-table.js';
import type { Exports } from './module-table.js';

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
    examples: [
      {
        title: 'Export one function of a module',
        code: "Set-Content Inventory.psm1 @'\nfunction Get-Thing { 'thing' }\nfunction Format-Internal { 'helper' }\nExport-ModuleMember -Function Get-Thing\n'@\nImport-Module ./Inventory.psm1\n(Get-Command -Module Inventory).Name",
        output: 'Get-Thing',
      },
      { title: 'Outside a module it is an error', code: 'Export-ModuleMember -Function Get-Thing', output: 'Export-ModuleMember: The Export-ModuleMember cmdlet can only be called from inside a module.' },
    ],
  },
  process(ctx) {
    const loading = moduleState(ctx.session).loading;
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
