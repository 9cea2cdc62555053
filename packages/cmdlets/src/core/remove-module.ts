/** Remove-Module: takes modules out of the session. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { errorRecord, hasWildcard, matchWildcard } from '@dpmsh/runtime';
import { builtInModules, moduleState, removeScriptModule } from './module-table.js';

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
    examples: [
      {
        title: 'Unload a script module',
        setup: "Set-Content Tools.psm1 'function Get-Thing { ''thing'' }'\nImport-Module ./Tools.psm1",
        code: "Remove-Module Tools\n[bool](Get-Module Tools)\nTest-Path Function:Get-Thing",
        output: 'False\nFalse',
      },
    ],
  },
  async process(ctx) {
    const session = ctx.session;
    const modules = moduleState(session);
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
