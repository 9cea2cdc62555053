/**
 * The objects Get-Command writes: PowerShell's CmdletInfo, FunctionInfo, AliasInfo,
 * ExternalScriptInfo and ApplicationInfo, with their table view (CommandType, Name, Version,
 * Source; an alias shows as `gcm -> Get-Command`).
 */
import type { CommandMetadata } from '../metadata/command.js';
import type { FormatTable } from '../formatting/views.js';
import { registerEnum, PSEnumValue, PSObject, PSVersion } from '@dpmsh/runtime';
import type { CommandInfo, CommandType } from '../session/commands.js';
import type { Scope } from '@dpmsh/runtime';
import type { Session } from '../session/session.js';
import { PS_COMPATIBLE_VERSION } from '../session/variables.js';
import { syntaxText } from './syntax.js';

/** The .NET name of the CommandTypes enum. */
export const COMMAND_TYPES = 'System.Management.Automation.CommandTypes';

const COMMAND_TYPE_VALUES: Readonly<Record<CommandType, number>> = { Alias: 1, Function: 2, Filter: 4, Cmdlet: 8, ExternalScript: 16, Application: 32 };

registerEnum(
  COMMAND_TYPES,
  [
    { name: 'Alias', value: 1 },
    { name: 'Function', value: 2 },
    { name: 'Filter', value: 4 },
    { name: 'Cmdlet', value: 8 },
    { name: 'ExternalScript', value: 16 },
    { name: 'Application', value: 32 },
    { name: 'Script', value: 64 },
    { name: 'Configuration', value: 256 },
    { name: 'All', value: 383 },
  ],
  { flags: true },
);

const INFO_TYPE: Readonly<Record<CommandType, string>> = {
  Alias: 'System.Management.Automation.AliasInfo',
  Function: 'System.Management.Automation.FunctionInfo',
  Filter: 'System.Management.Automation.FilterInfo',
  Cmdlet: 'System.Management.Automation.CmdletInfo',
  ExternalScript: 'System.Management.Automation.ExternalScriptInfo',
  Application: 'System.Management.Automation.ApplicationInfo',
};

/** The command types a CommandTypes value names (`Cmdlet, Function`), expanding All. */
export function commandTypesOf(value: unknown): CommandType[] {
  const number = value instanceof PSEnumValue ? value.value : typeof value === 'number' ? value : 0;
  return (Object.entries(COMMAND_TYPE_VALUES) as [CommandType, number][]).filter(([, bit]) => (number & bit) !== 0).map(([kind]) => kind);
}

/** The version of a module as Get-Command shows it: pwsh's for its own modules, dpmsh's for the rest. */
export function moduleVersion(module: string | undefined, session: Session): PSVersion | null {
  if (!module) return null;
  const lower = module.toLowerCase();
  if (lower === 'microsoft.powershell.core') return PS_COMPATIBLE_VERSION;
  if (lower.startsWith('microsoft.powershell.')) return new PSVersion(7, 0, 0, 0);
  const [major = 0, minor = 0, build = 0] = session.dpmshVersion.split(/[.-]/).map((n) => Number(n) || 0);
  return new PSVersion(major, minor, build);
}

function verbNoun(name: string): { verb: string; noun: string } {
  const dash = name.indexOf('-');
  return dash > 0 ? { verb: name.slice(0, dash), noun: name.slice(dash + 1) } : { verb: '', noun: '' };
}

/** The metadata of a command Get-Command found, when it has any. */
export function metadataOf(command: CommandInfo): CommandMetadata | undefined {
  return command.kind === 'Cmdlet' || command.kind === 'Function' || command.kind === 'Filter' ? command.metadata : undefined;
}

/** The CommandInfo object of a command. */
export function commandInfoObject(command: CommandInfo, session: Session, scope: Scope): PSObject {
  const o = new PSObject([INFO_TYPE[command.kind], 'System.Management.Automation.CommandInfo', 'System.Object']);
  const module = 'module' in command ? (command.module ?? '') : '';
  const commandType = new PSEnumValue(COMMAND_TYPES, command.kind, COMMAND_TYPE_VALUES[command.kind]);
  o.addNote('CommandType', commandType);
  o.addNote('Name', command.name);
  switch (command.kind) {
    case 'Alias': {
      const resolved = session.registry.resolve(command.definition, scope);
      o.addNote('DisplayName', `${command.name} -> ${command.definition}`);
      o.addNote('Definition', command.definition);
      o.addNote('ReferencedCommand', resolved ? commandInfoObject(resolved, session, scope) : null);
      o.addNote('ResolvedCommandName', resolved?.name ?? command.definition);
      break;
    }
    case 'Cmdlet':
    case 'Function':
    case 'Filter': {
      const { verb, noun } = verbNoun(command.name);
      o.addNote('Verb', verb);
      o.addNote('Noun', noun);
      o.addNote('Definition', command.kind === 'Cmdlet' ? syntaxText(command.name, command.metadata) : command.scriptBlock.text);
      if (command.kind !== 'Cmdlet') o.addNote('ScriptBlock', command.scriptBlock);
      o.addNote('DefaultParameterSet', command.metadata.defaultParameterSet ?? null);
      o.addNote('OutputType', [...(command.metadata.outputType ?? [])]);
      o.addNote('CmdletBinding', command.metadata.cmdletBinding);
      o.addNote('Parameters', command.metadata.parameters.map((p) => p.name));
      break;
    }
    case 'ExternalScript':
    case 'Application':
      o.addNote('Definition', command.path);
      o.addNote('Path', command.path);
      break;
  }
  o.addNote('ModuleName', module);
  o.addNote('Source', command.kind === 'ExternalScript' || command.kind === 'Application' ? command.path : module);
  o.addNote('Version', moduleVersion(module, session));
  o.toDotNetString = () => command.name;
  return o;
}

/** Registers the CommandInfo table view. */
export function registerCommandInfoView(formats: FormatTable): void {
  const name = (obj: unknown): unknown => {
    if (!(obj instanceof PSObject)) return null;
    const type = obj.read('CommandType');
    return type instanceof PSEnumValue && type.name === 'Alias' ? obj.read('DisplayName') : obj.read('Name');
  };
  formats.register({
    typeName: 'System.Management.Automation.CommandInfo',
    kind: 'table',
    columns: [{ property: 'CommandType', width: 15 }, { label: 'Name', property: name, width: 50 }, { property: 'Version', width: 10 }, { property: 'Source' }],
  });
}
