/** Get-Command: the commands of the registry (aliases, functions, cmdlets, scripts and programs on PATH). */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { ErrorRecord, PSException, hasWildcard, wildcardToRegExp, isSwitchOn } from '@dpmsh/runtime';
import type { PSSwitch } from '@dpmsh/runtime';
import type { CommandInfo } from '../session/commands.js';
import { commandNotFoundMessage } from '../session/registry.js';
import { COMMAND_TYPES, commandInfoObject, commandTypesOf, metadataOf } from '../help/command-info.js';
import { syntaxText } from '../help/syntax.js';

interface GetCommandParameters {
  Name?: string[];
  Verb?: string[];
  Noun?: string[];
  Module?: string[];
  CommandType?: unknown;
  TotalCount?: number;
  Syntax?: PSSwitch;
  All?: PSSwitch;
  ListImported?: PSSwitch;
  ParameterName?: string[];
}

const all = ALL_PARAMETER_SETS;

function matchesAny(patterns: readonly string[] | undefined, text: string): boolean {
  return patterns === undefined || patterns.some((p) => wildcardToRegExp(p).test(text));
}

/** Get-Command's error for a name without wildcards that nothing answers to. */
function notFound(name: string): ErrorRecord {
  return new ErrorRecord({
    exception: new PSException(commandNotFoundMessage(name), { typeName: 'System.Management.Automation.CommandNotFoundException' }),
    errorId: 'CommandNotFoundException',
    category: 'ObjectNotFound',
    targetObject: name,
  });
}

/** Get-Command. */
export const getCommand = defineCmdlet<GetCommandParameters>({
  name: 'Get-Command',
  defaultParameterSet: 'CmdletSet',
  parameters: [
    { name: 'Name', type: 'string[]', sets: { AllCommandSet: { position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } }, description: 'Names or wildcard patterns of the commands to get.' },
    { name: 'Verb', type: 'string[]', sets: { CmdletSet: { valueFromPipelineByPropertyName: true } }, description: 'Gets the commands whose verb matches.' },
    { name: 'Noun', type: 'string[]', sets: { CmdletSet: { valueFromPipelineByPropertyName: true } }, description: 'Gets the commands whose noun matches.' },
    { name: 'Module', type: 'string[]', aliases: ['PSSnapin'], sets: { [all]: { valueFromPipelineByPropertyName: true } }, description: 'Gets the commands of these modules.' },
    { name: 'CommandType', type: COMMAND_TYPES, aliases: ['Type'], sets: { AllCommandSet: { valueFromPipelineByPropertyName: true } }, description: 'Gets only commands of these types (Alias, Function, Filter, Cmdlet, ExternalScript, Application, All).' },
    { name: 'TotalCount', type: 'int', sets: { [all]: { valueFromPipelineByPropertyName: true } }, description: 'Gets at most this many commands.' },
    { name: 'Syntax', type: 'switch', sets: { [all]: { valueFromPipelineByPropertyName: true } }, description: 'Gets the syntax of the commands instead of the commands.' },
    { name: 'All', type: 'switch', sets: { [all]: { valueFromPipelineByPropertyName: true } }, description: 'Gets every command of a name, including those another command of the same name hides.' },
    { name: 'ListImported', type: 'switch', sets: { [all]: { valueFromPipelineByPropertyName: true } }, description: 'Gets only the commands of the session (every dpmsh command is).' },
    { name: 'ParameterName', type: 'string[]', sets: { [all]: {} }, description: 'Gets the commands that have these parameters (names or aliases).' },
  ],
  outputType: ['System.Management.Automation.CommandInfo'],
  help: {
    synopsis: 'Gets all commands.',
    description:
      'Gets the aliases, functions and cmdlets of the session, and with a name also scripts and programs on PATH. Names and the -Verb and -Noun filters take wildcards; a name without wildcards that nothing answers to is an error.',
    examples: [
      { title: 'Get the source of a cmdlet', code: '(Get-Command New-BackupVault).Source', output: 'DataProtectionManager' },
      { title: 'Find commands by verb and noun', code: 'Get-Command -Verb Get -Noun BackupVault | ForEach-Object Name', output: 'Get-BackupVault' },
      { title: 'Show the syntax of a cmdlet', code: 'Get-Command Write-Warning -Syntax', output: '\nWrite-Warning [-Message] <string> [<CommonParameters>]\n' },
    ],
  },
  async process(ctx) {
    const p = ctx.params;
    const registry = ctx.session.registry;
    const types = p.CommandType === undefined ? undefined : commandTypesOf(p.CommandType);
    const moduleFilter = p.Module;
    const names = p.Name;
    let found: CommandInfo[] = [];
    const inModule = (c: CommandInfo): boolean => moduleFilter === undefined || matchesAny(moduleFilter, 'module' in c ? (c.module ?? '') : '');

    if (names === undefined) {
      found = registry.getCommands({ commandType: types }, ctx.scope);
    } else {
      for (const name of names) {
        let matches = registry.getCommands({ name, commandType: types ?? (hasWildcard(name) ? undefined : ['Alias', 'Function', 'Filter', 'Cmdlet', 'ExternalScript', 'Application']) }, ctx.scope);
        // Without -All a plain name gets the command that runs for it, not the ones it hides.
        if (!hasWildcard(name) && !isSwitchOn(p.All)) matches = matches.slice(0, 1);
        if (matches.length === 0 && !hasWildcard(name)) {
          ctx.writeError(notFound(name));
          continue;
        }
        for (const m of matches) if (!found.includes(m)) found.push(m);
      }
    }

    found = found.filter((c) => inModule(c));
    if (p.Verb !== undefined || p.Noun !== undefined) {
      found = found.filter((c) => {
        if (c.kind !== 'Cmdlet' && c.kind !== 'Function' && c.kind !== 'Filter') return false;
        const dash = c.name.indexOf('-');
        if (dash <= 0) return false;
        return matchesAny(p.Verb, c.name.slice(0, dash)) && matchesAny(p.Noun, c.name.slice(dash + 1));
      });
    }
    if (p.ParameterName !== undefined) {
      const wanted = p.ParameterName;
      found = found.filter((c) => {
        const metadata = metadataOf(c);
        return metadata?.parameters.some((param) => [param.name, ...(param.aliases ?? [])].some((n) => matchesAny(wanted, n))) === true;
      });
    }
    if (p.TotalCount !== undefined && p.TotalCount >= 0) found = found.slice(0, p.TotalCount);

    for (const command of found) {
      if (isSwitchOn(p.Syntax)) await ctx.write(syntaxOf(command, ctx.session.registry.resolve(command.name, ctx.scope)));
      else await ctx.write(commandInfoObject(command, ctx.session, ctx.scope));
    }
  },
});

/** What -Syntax shows for a command: its syntax lines, an alias's target, a program's path. */
function syntaxOf(command: CommandInfo, resolved: CommandInfo | undefined): string {
  if (command.kind === 'Alias') {
    const target = resolved ? metadataOf(resolved) : undefined;
    return target && resolved ? `${command.name} (alias) -> ${resolved.name}\n${syntaxText(resolved.name, target)}` : command.definition;
  }
  const metadata = metadataOf(command);
  if (metadata) return syntaxText(command.name, metadata);
  return 'path' in command ? command.path : command.name;
}
