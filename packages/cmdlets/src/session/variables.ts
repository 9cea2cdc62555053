/**
 * The automatic and preference variables a new session's global scope holds, with PowerShell 7's
 * defaults. `$true`, `$false` and `$null` are language constants, not variables; `$LASTEXITCODE`
 * and `$OFS` start unset, as in PowerShell.
 */
import { release, type as osType, version as osVersion } from 'node:os';
import type { Host } from '../host/host.js';
import type { PSVariable, Scope, VariableOptions, ErrorRecord } from '@dpmsh/runtime';
import { PSEnumValue, PSGuid, PSHashtable, PSObject, PSVersion, registerClass } from '@dpmsh/runtime';
import { ACTION_PREFERENCE_DEFAULTS, actionPreferenceValue, confirmImpactValue } from './preferences.js';
import { randomUUID } from 'node:crypto';

/** The PowerShell version dpmsh answers to in $PSVersionTable. */
export const PS_COMPATIBLE_VERSION = new PSVersion(7, 4, 6);

/**
 * A variable whose value is computed on each read ($PWD, $?). An assignment (the interpreter
 * refuses it for read-only ones) holds until what the value is computed from changes.
 */
class DynamicVariable implements PSVariable {
  #assigned: { readonly value: unknown; readonly basis: unknown } | undefined;
  constructor(
    readonly name: string,
    private readonly read: () => unknown,
    public options: VariableOptions,
    readonly description?: string,
    private readonly basis: () => unknown = () => undefined,
  ) {}
  get value(): unknown {
    const assigned = this.#assigned;
    if (assigned && assigned.basis === this.basis()) return assigned.value;
    this.#assigned = undefined;
    return this.read();
  }
  set value(value: unknown) {
    this.#assigned = { value, basis: this.basis() };
  }
}

/** What the initial variables read from their session (live: `location` and `lastSuccess` are read on each access). */
export interface VariableSource {
  readonly host: Host;
  readonly errors: ErrorRecord[];
  readonly home: string;
  readonly dpmshVersion: string;
  readonly location: string;
  readonly lastSuccess: boolean;
}

const READ_ONLY: VariableOptions = { readOnly: true, allScope: true };
const CONSTANT: VariableOptions = { constant: true, allScope: true };

registerClass('System.Management.Automation.PathInfo');

/** $PWD's value: a PathInfo whose string form is the path. */
export function pathInfo(location: string): PSObject {
  const info = new PSObject(['System.Management.Automation.PathInfo', 'System.Object']);
  info.toDotNetString = () => location;
  info.addNote('Drive', null);
  info.addNote('Provider', 'Microsoft.PowerShell.Core\\FileSystem');
  info.addNote('ProviderPath', location);
  info.addNote('Path', location);
  return info;
}

function versionTable(dpmshVersion: string): PSHashtable {
  const table = new PSHashtable();
  table.set('PSVersion', PS_COMPATIBLE_VERSION);
  table.set('PSEdition', 'Core');
  table.set('GitCommitId', PS_COMPATIBLE_VERSION.toString());
  table.set('OS', `${osType()} ${release()} ${osVersion()}`);
  table.set('Platform', process.platform === 'win32' ? 'Win32NT' : 'Unix');
  table.set('PSCompatibleVersions', ['1.0', '2.0', '3.0', '4.0', '5.0', '5.1', '6.0', '7.0'].map((v) => {
    const [major, minor] = v.split('.').map(Number);
    return new PSVersion(major, minor);
  }));
  table.set('PSRemotingProtocolVersion', new PSVersion(2, 3));
  table.set('SerializationVersion', new PSVersion(1, 1, 0, 1));
  table.set('WSManStackVersion', new PSVersion(3, 0));
  // dpmsh is not PowerShell: scripts that need to know can test for this key.
  table.set('DpmshVersion', dpmshVersion);
  return table;
}

function hostObject(host: Host, dpmshVersion: string): PSObject {
  const size = (): PSObject => {
    const s = new PSObject(['System.Management.Automation.Host.Size', 'System.ValueType', 'System.Object']);
    s.addProperty({ name: 'Width', kind: 'Property', get: () => host.width, typeName: 'System.Int32' });
    return s;
  };
  const rawUI = new PSObject(['System.Management.Automation.Internal.Host.InternalHostRawUserInterface', 'System.Object']);
  rawUI.addProperty({ name: 'WindowSize', kind: 'Property', get: size });
  rawUI.addProperty({ name: 'BufferSize', kind: 'Property', get: size });
  const ui = new PSObject(['System.Management.Automation.Internal.Host.InternalHostUserInterface', 'System.Object']);
  ui.addNote('RawUI', rawUI);
  const h = new PSObject(['System.Management.Automation.Internal.Host.InternalHost', 'System.Object']);
  h.addNote('Name', host.name);
  h.addNote('Version', PS_COMPATIBLE_VERSION);
  h.addNote('InstanceId', new PSGuid(randomUUID()));
  h.addNote('UI', ui);
  h.addNote('CurrentCulture', 'en-US');
  h.addNote('CurrentUICulture', 'en-US');
  h.addNote('DpmshVersion', dpmshVersion);
  return h;
}

/** Defines the automatic and preference variables in a global scope. */
export function defineInitialVariables(scope: Scope, source: VariableSource): void {
  const define = (name: string, value: unknown, options: VariableOptions = {}, description?: string): void => {
    scope.define({ name, value, options, description });
  };
  const dynamic = (name: string, read: () => unknown, options: VariableOptions, description?: string, basis?: () => unknown): void => {
    scope.define(new DynamicVariable(name, read, options, description, basis));
  };

  define('HOME', source.home, READ_ONLY, 'Folder containing the current user\'s profile.');
  dynamic('PWD', () => pathInfo(source.location), {}, 'The current location.', () => source.location);
  define('PID', process.pid, CONSTANT, 'Current process ID.');
  define('PSVersionTable', versionTable(source.dpmshVersion), READ_ONLY, 'Version information for current PowerShell session.');
  define('PSEdition', 'Core', READ_ONLY, 'Edition information for current PowerShell session.');
  define('Host', hostObject(source.host, source.dpmshVersion), CONSTANT, 'A reference to the host of the current runspace.');
  define('ShellId', 'Microsoft.PowerShell', CONSTANT, 'The ShellID identifies the current shell.');
  define('IsLinux', process.platform === 'linux', CONSTANT);
  define('IsMacOS', process.platform === 'darwin', CONSTANT);
  define('IsWindows', process.platform === 'win32', CONSTANT);
  define('IsCoreCLR', true, CONSTANT);
  define('Error', source.errors, CONSTANT);
  dynamic('?', () => source.lastSuccess, CONSTANT, 'Execution status of the last command.');
  define('MaximumErrorCount', 256, {}, 'Maximum number of errors to retain in a session.');
  define('MaximumHistoryCount', 4096, {}, 'Maximum number of history objects to retain in a session.');
  for (const [name, preference] of Object.entries(ACTION_PREFERENCE_DEFAULTS)) {
    define(name, actionPreferenceValue(preference));
  }
  define('ConfirmPreference', confirmImpactValue('High'), {}, 'Dictates when confirmation should be requested. Confirmation is requested when the ConfirmImpact of the operation is equal to or greater than $ConfirmPreference.');
  define('WhatIfPreference', false, {}, 'If true, WhatIf is considered to be enabled for all commands.');
  define('ErrorView', new PSEnumValue('System.Management.Automation.ErrorView', 'ConciseView', 2));
  define('FormatEnumerationLimit', 4, {}, 'Dictates the limit of enumeration on formatting IEnumerable objects.');
  define('NestedPromptLevel', 0, {}, 'Dictates what type of prompt should be displayed for the current nesting level.');
  define('PSNativeCommandUseErrorActionPreference', false);
  define('PSCulture', 'en-US', READ_ONLY);
  define('PSUICulture', 'en-US', READ_ONLY);
}
