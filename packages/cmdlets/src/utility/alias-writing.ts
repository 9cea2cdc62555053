/** What Set-Alias and New-Alias share: their parameters and defining the alias in its scope. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { CmdletContext } from '../session/cmdlet.js';
import { errorRecord } from '@dpmsh/runtime';
import type { VariableOptions } from '@dpmsh/runtime';
import { scopeFromArgument } from './scope-argument.js';
import { aliasDetails, aliasObject, detailsOf } from './alias-objects.js';

const all = ALL_PARAMETER_SETS;

const SMA = 'System.Management.Automation';

/** The parameters of Set-Alias and New-Alias. */
export interface AliasWriteParameters {
  Name: string;
  Value: string;
  Description?: string;
  Option?: string[];
  PassThru?: boolean;
  Scope?: string;
  Force?: boolean;
}

/** The parameter metadata of Set-Alias and New-Alias. */
export const writeParameters = [
  { name: 'Name', type: 'string', sets: { [all]: { mandatory: true, position: 0, valueFromPipelineByPropertyName: true } }, description: 'The name of the alias.' },
  { name: 'Value', type: 'string', sets: { [all]: { mandatory: true, position: 1, valueFromPipelineByPropertyName: true } }, description: 'The command the alias runs: a cmdlet, function, script or program.' },
  { name: 'Description', type: 'string', sets: { [all]: { valueFromPipelineByPropertyName: true } }, description: 'A description of the alias.' },
  {
    name: 'Option',
    type: 'string[]',
    sets: { [all]: { valueFromPipelineByPropertyName: true } },
    validation: [{ kind: 'set', values: ['None', 'ReadOnly', 'Constant', 'Private', 'AllScope', 'Unspecified'], ignoreCase: true }],
    description: 'None, ReadOnly (changed only with -Force), Constant, Private or AllScope.',
  },
  { name: 'PassThru', type: 'switch', sets: { [all]: {} }, description: 'Outputs the alias.' },
  { name: 'Scope', type: 'string', sets: { [all]: { valueFromPipelineByPropertyName: true } }, description: 'Global, Local, Script, or a number of scopes up from the current one.' },
  { name: 'Force', type: 'switch', sets: { [all]: {} }, description: 'Replaces a read-only alias (New-Alias: any existing alias).' },
] as const;

function parseAliasOptions(values: readonly string[] | undefined): VariableOptions {
  const names = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase());
  return { readOnly: names.includes('readonly'), constant: names.includes('constant'), private: names.includes('private'), allScope: names.includes('allscope') };
}

/** Defines the alias in its target scope unless a read-only or constant one is in the way. */
export async function writeAlias(ctx: CmdletContext<AliasWriteParameters>, isNew: boolean): Promise<void> {
  const p = ctx.params;
  const scope = scopeFromArgument(ctx.scope, p.Scope);
  const key = p.Name.toLowerCase();
  const registry = ctx.session.registry;
  const local = scope.aliases.has(key);
  const existing = local || (registry.alias(p.Name, scope) !== undefined && detailsOf(p.Name, scope).options.allScope);
  if (isNew && existing && !p.Force) {
    ctx.writeError(
      errorRecord(`The alias is not allowed, because an alias with the name '${p.Name}' already exists.`, 'AliasAlreadyExists', 'ResourceExists', {
        typeName: `${SMA}.SessionStateException`,
        targetObject: p.Name,
      }),
    );
    return;
  }
  const current = local ? detailsOf(p.Name, scope).options : {};
  if (current.constant || (current.readOnly && !p.Force)) {
    ctx.writeError(
      errorRecord(`Alias was not written because alias ${p.Name} is read-only or constant and cannot be written to.`, 'AliasNotWritable', 'WriteError', {
        typeName: `${SMA}.SessionStateUnauthorizedAccessException`,
        targetObject: p.Name,
      }),
    );
    return;
  }
  if (!(await ctx.shouldProcess(`Name: ${p.Name} Value: ${p.Value}`, isNew ? 'New alias' : 'Set alias'))) return;
  const info = registry.setAlias(scope, p.Name, p.Value);
  let details = aliasDetails.get(scope);
  if (!details) aliasDetails.set(scope, (details = new Map()));
  details.set(key, { description: p.Description ?? '', options: parseAliasOptions(p.Option) });
  if (p.PassThru) await ctx.write(aliasObject(info, ctx.session, scope));
}
