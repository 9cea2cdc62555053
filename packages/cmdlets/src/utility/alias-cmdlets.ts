/** Get-Alias, Set-Alias and New-Alias. */
import { commandInfoObject } from '../help/command-info.js';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet, type CmdletContext } from '../session/cmdlet.js';
import { errorRecord, type ErrorRecord, hasWildcard, matchWildcard, PSEnumValue, type PSObject } from '@dpmsh/runtime';
import type { AliasInfo } from '../session/registry.js';
import type { Scope, VariableOptions } from '@dpmsh/runtime';
import type { Session } from '../session/session.js';
import { scopedItemOptions } from './variable-cmdlets.js';
import { scopeChain, scopeFromArgument } from './scope-argument.js';

const all = ALL_PARAMETER_SETS;
const SMA = 'System.Management.Automation';

/** What Set-Alias and New-Alias record besides the definition. */
interface AliasDetails {
  readonly description: string;
  readonly options: VariableOptions;
}

/** Descriptions and options of aliases set in a scope, by lower-case name. */
const aliasDetails = new WeakMap<Scope, Map<string, AliasDetails>>();

/** The details of an alias seen from a scope: its scope's record, or AllScope for built-in ones. */
function detailsOf(name: string, scope: Scope): AliasDetails {
  const key = name.toLowerCase();
  for (const s of scopeChain(scope)) {
    if (s.aliases.has(key)) return aliasDetails.get(s)?.get(key) ?? { description: '', options: {} };
  }
  return { description: '', options: { allScope: true } };
}

/** An alias as Get-Alias outputs it: Get-Command's AliasInfo plus its Description and Options. */
export function aliasObject(alias: AliasInfo, session: Session, scope: Scope): PSObject {
  const o = commandInfoObject(alias, session, scope);
  const details = detailsOf(alias.name, scope);
  o.addNote('Description', details.description);
  o.addNote('Options', scopedItemOptions(details.options));
  o.addNote('Visibility', new PSEnumValue(`${SMA}.SessionStateEntryVisibility`, 'Public', 0));
  return o;
}

function aliasNotFound(text: string, what: 'name' | 'definition'): ErrorRecord {
  return errorRecord(`This command cannot find a matching alias because an alias with the ${what} '${text}' does not exist.`, 'ItemNotFoundException', 'ObjectNotFound', {
    typeName: `${SMA}.ItemNotFoundException`,
    targetObject: text,
  });
}

interface GetAliasParameters {
  Name?: string[];
  Definition?: string[];
  Exclude?: string[];
  Scope?: string;
}

/** Get-Alias. */
export const getAlias = defineCmdlet<GetAliasParameters>({
  name: 'Get-Alias',
  defaultParameterSet: 'Default',
  parameters: [
    { name: 'Name', type: 'string[]', sets: { Default: { position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } }, description: 'Alias names, wildcards allowed; all aliases when omitted.' },
    { name: 'Definition', type: 'string[]', sets: { Definition: {} }, description: 'Gets the aliases of these commands (wildcards allowed).' },
    { name: 'Exclude', type: 'string[]', sets: { [all]: {} }, description: 'Leaves out aliases whose names match these patterns.' },
    { name: 'Scope', type: 'string', sets: { [all]: {} }, description: 'Global, Local, Script, or a number of scopes up from the current one.' },
  ],
  outputType: ['System.Management.Automation.AliasInfo'],
  help: {
    synopsis: 'Gets the aliases for the current session.',
    description: 'Gets the aliases visible in the current scope: PowerShell\'s built-in ones, those modules declare, and those Set-Alias and New-Alias created. -Name and -Definition take wildcard patterns; the table shows each alias as "name -> command".',
    examples: [
      {
        title: 'Get one alias',
        code: 'Get-Alias gci',
        output: '\nCommandType     Name                                               Version    Source\n-----------     ----                                               -------    ------\nAlias           gci -> Get-ChildItem\n',
      },
      { title: 'Find the aliases of a cmdlet', code: 'Get-Alias -Definition Where-Object | ForEach-Object Name', output: '?\nwhere' },
    ],
  },
  async process(ctx) {
    const scoped = ctx.params.Scope !== undefined;
    const scope = scopeFromArgument(ctx.scope, ctx.params.Scope);
    const registry = ctx.session.registry;
    const candidates = (scoped ? registry.aliases(scope).filter((a) => scope.aliases.has(a.name.toLowerCase()) || scope === scope.global) : registry.aliases(scope)).sort((a, b) =>
      a.name.toLowerCase().localeCompare(b.name.toLowerCase()),
    );
    const excluded = (a: AliasInfo): boolean => (ctx.params.Exclude ?? []).some((p) => matchWildcard(a.name, p));
    const emit = async (found: readonly AliasInfo[]): Promise<void> => {
      for (const alias of found) await ctx.write(aliasObject(alias, ctx.session, scope));
    };
    if (ctx.parameterSetName === 'Definition') {
      for (const pattern of ctx.params.Definition ?? []) {
        const found = candidates.filter((a) => matchWildcard(a.definition, pattern) && !excluded(a));
        if (found.length === 0 && !hasWildcard(pattern)) ctx.writeError(aliasNotFound(pattern, 'definition'));
        await emit(found);
      }
      return;
    }
    const seen = new Set<AliasInfo>();
    for (const pattern of ctx.params.Name ?? ['*']) {
      const found = candidates.filter((a) => matchWildcard(a.name, pattern) && !excluded(a) && !seen.has(a));
      if (found.length === 0 && !hasWildcard(pattern)) ctx.writeError(aliasNotFound(pattern, 'name'));
      for (const a of found) seen.add(a);
      await emit(found);
    }
  },
});

interface AliasWriteParameters {
  Name: string;
  Value: string;
  Description?: string;
  Option?: string[];
  PassThru?: boolean;
  Scope?: string;
  Force?: boolean;
}

const writeParameters = [
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
async function writeAlias(ctx: CmdletContext<AliasWriteParameters>, isNew: boolean): Promise<void> {
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

/** Set-Alias. */
export const setAlias = defineCmdlet<AliasWriteParameters>({
  name: 'Set-Alias',
  supportsShouldProcess: true,
  parameters: writeParameters,
  outputType: ['System.Management.Automation.AliasInfo'],
  help: {
    synopsis: 'Creates or changes an alias for a cmdlet or other command in the current PowerShell session.',
    description: 'Defines an alias in the current scope (or the one -Scope names), replacing an alias of the same name there. A read-only alias is replaced only with -Force; a constant one never.',
    examples: [{ title: 'Create an alias and use it', code: 'Set-Alias -Name say -Value Write-Output\nsay hello', output: 'hello' }],
  },
  async process(ctx) {
    await writeAlias(ctx, false);
  },
});

/** New-Alias. */
export const newAlias = defineCmdlet<AliasWriteParameters>({
  name: 'New-Alias',
  supportsShouldProcess: true,
  parameters: writeParameters,
  outputType: ['System.Management.Automation.AliasInfo'],
  help: {
    synopsis: 'Creates a new alias.',
    description: 'Defines a new alias in the current scope (or the one -Scope names). It fails when an alias of that name already exists there (built-in aliases exist in every scope) unless -Force is given.',
    examples: [
      {
        title: 'Create an alias and show it',
        code: 'New-Alias -Name list -Value Get-ChildItem -PassThru',
        output: '\nCommandType     Name                                               Version    Source\n-----------     ----                                               -------    ------\nAlias           list -> Get-ChildItem\n',
      },
    ],
  },
  async process(ctx) {
    await writeAlias(ctx, true);
  },
});
