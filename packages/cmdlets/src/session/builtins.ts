/**
 * What every session knows before any module loads: PowerShell's built-in aliases of the standard
 * cmdlets, and the few standard commands PowerShell ships as functions (`mkdir`, `cd..`).
 *
 * The alias set is Windows PowerShell's, not pwsh-on-Linux's: pwsh drops `ls`, `cat`, `cp`, `mv`,
 * `rm`, `sort`, `tee`, `sleep`, `write` and `clear` on Linux so the native tools win, but the
 * scripts dpmsh runs come from Windows documentation and mean the cmdlets. `diff`, `ps`, `kill`,
 * `man`, `mount` and `start` stay native because dpmsh has no cmdlet for them or the native tool
 * is what an admin on Linux means.
 */
import type { CommandMetadata } from '../metadata/command.js';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';

/** alias → command, as PowerShell defines them at startup. */
export const BUILT_IN_ALIASES: Readonly<Record<string, string>> = {
  '?': 'Where-Object',
  where: 'Where-Object',
  '%': 'ForEach-Object',
  foreach: 'ForEach-Object',
  select: 'Select-Object',
  sort: 'Sort-Object',
  group: 'Group-Object',
  measure: 'Measure-Object',
  compare: 'Compare-Object',
  tee: 'Tee-Object',
  gu: 'Get-Unique',
  gm: 'Get-Member',
  ls: 'Get-ChildItem',
  dir: 'Get-ChildItem',
  gci: 'Get-ChildItem',
  cd: 'Set-Location',
  chdir: 'Set-Location',
  sl: 'Set-Location',
  pwd: 'Get-Location',
  gl: 'Get-Location',
  cat: 'Get-Content',
  gc: 'Get-Content',
  type: 'Get-Content',
  ac: 'Add-Content',
  echo: 'Write-Output',
  write: 'Write-Output',
  cls: 'Clear-Host',
  clear: 'Clear-Host',
  gcm: 'Get-Command',
  gal: 'Get-Alias',
  sal: 'Set-Alias',
  nal: 'New-Alias',
  gv: 'Get-Variable',
  sv: 'Set-Variable',
  set: 'Set-Variable',
  nv: 'New-Variable',
  rv: 'Remove-Variable',
  clv: 'Clear-Variable',
  rm: 'Remove-Item',
  del: 'Remove-Item',
  erase: 'Remove-Item',
  rd: 'Remove-Item',
  rmdir: 'Remove-Item',
  ri: 'Remove-Item',
  cp: 'Copy-Item',
  copy: 'Copy-Item',
  cpi: 'Copy-Item',
  mv: 'Move-Item',
  move: 'Move-Item',
  mi: 'Move-Item',
  ni: 'New-Item',
  gi: 'Get-Item',
  md: 'mkdir',
  rvpa: 'Resolve-Path',
  iex: 'Invoke-Expression',
  fl: 'Format-List',
  ft: 'Format-Table',
  fw: 'Format-Wide',
  oh: 'Out-Host',
  h: 'Get-History',
  history: 'Get-History',
  ghy: 'Get-History',
  clhy: 'Clear-History',
  ipmo: 'Import-Module',
  gmo: 'Get-Module',
  rmo: 'Remove-Module',
  sleep: 'Start-Sleep',
  epcsv: 'Export-Csv',
  ipcsv: 'Import-Csv',
};

/** A standard command PowerShell defines as a function: its metadata and its source. */
export interface BuiltInFunction {
  readonly metadata: CommandMetadata;
  /** The whole function body, param block included, compiled by the script engine on first use. */
  readonly source: string;
}

const pathSet = 'pathSet';
const nameSet = 'nameSet';

/** `mkdir`: New-Item -ItemType Directory, with New-Item's path parameters (pwsh's own definition on Windows). */
const MKDIR: BuiltInFunction = {
  metadata: {
    name: 'mkdir',
    cmdletBinding: true,
    defaultParameterSet: pathSet,
    supportsShouldProcess: true,
    confirmImpact: 'Medium',
    parameters: [
      {
        name: 'Path',
        type: 'string[]',
        sets: {
          [nameSet]: { position: 0, valueFromPipelineByPropertyName: true },
          [pathSet]: { mandatory: true, position: 0, valueFromPipelineByPropertyName: true },
        },
      },
      { name: 'Name', type: 'string', sets: { [nameSet]: { mandatory: true, valueFromPipelineByPropertyName: true } }, allowNull: true, allowEmptyString: true },
      { name: 'Value', type: 'object', sets: { [ALL_PARAMETER_SETS]: { valueFromPipeline: true, valueFromPipelineByPropertyName: true } } },
      { name: 'Force', type: 'switch', sets: { [ALL_PARAMETER_SETS]: {} } },
    ],
    help: { synopsis: 'Creates a new directory.' },
  },
  source: [
    "[CmdletBinding(DefaultParameterSetName='pathSet', SupportsShouldProcess=$true, ConfirmImpact='Medium')]",
    'param(',
    "    [Parameter(ParameterSetName='nameSet', Position=0, ValueFromPipelineByPropertyName=$true)]",
    "    [Parameter(ParameterSetName='pathSet', Mandatory=$true, Position=0, ValueFromPipelineByPropertyName=$true)]",
    '    [string[]]$Path,',
    "    [Parameter(ParameterSetName='nameSet', Mandatory=$true, ValueFromPipelineByPropertyName=$true)]",
    '    [AllowNull()][AllowEmptyString()][string]$Name,',
    '    [Parameter(ValueFromPipeline=$true, ValueFromPipelineByPropertyName=$true)]',
    '    [object]$Value,',
    '    [switch]$Force',
    ')',
    'process { New-Item -ItemType Directory @PSBoundParameters }',
  ].join('\n'),
};

function simpleFunction(name: string, synopsis: string, body: string): BuiltInFunction {
  return { metadata: { name, cmdletBinding: false, parameters: [], help: { synopsis } }, source: body };
}

/** lower-case name → built-in function. */
export const BUILT_IN_FUNCTIONS: ReadonlyMap<string, BuiltInFunction> = new Map([
  ['mkdir', MKDIR],
  ['cd..', simpleFunction('cd..', 'Changes to the parent directory.', 'Set-Location ..')],
  ['cd\\', simpleFunction('cd\\', 'Changes to the root directory.', 'Set-Location \\')],
]);
