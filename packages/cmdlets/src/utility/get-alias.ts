/** Get-Alias: the aliases visible from the current scope, by name or by definition. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { errorRecord, type ErrorRecord, hasWildcard, matchWildcard } from '@dpmsh/runtime';
import type { AliasInfo } from '../session/registry.js';
import { scopeFromArgument } from './scope-argument.js';
import { aliasObject } from './alias-objects.js';

const all = ALL_PARAMETER_SETS;

const SMA = 'System.Management.Automation';

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
