/**
 * The common parameters PowerShell adds to every advanced command (cmdlets and [CmdletBinding()]
 * functions), and -WhatIf/-Confirm for commands that support ShouldProcess.
 */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { CommandMetadata, ParameterMetadata } from '../metadata/command.js';

/** The .NET name of the type of -ErrorAction, -WarningAction, -InformationAction and -ProgressAction. */
export const ACTION_PREFERENCE_TYPE = 'System.Management.Automation.ActionPreference';

const IN_ALL_SETS = { [ALL_PARAMETER_SETS]: {} };

function common(name: string, type: string, alias: string, extra: Partial<ParameterMetadata> = {}): ParameterMetadata {
  return Object.freeze({ name, type, aliases: Object.freeze([alias]), sets: IN_ALL_SETS, isCommon: true, ...extra });
}

// In the order PowerShell's CommonParameters class declares them: it is the order of
// "Possible matches include" in AmbiguousParameter errors.
const COMMON: readonly ParameterMetadata[] = Object.freeze([
  common('Verbose', 'switch', 'vb'),
  common('Debug', 'switch', 'db'),
  common('ErrorAction', ACTION_PREFERENCE_TYPE, 'ea'),
  common('WarningAction', ACTION_PREFERENCE_TYPE, 'wa'),
  common('InformationAction', ACTION_PREFERENCE_TYPE, 'infa'),
  common('ProgressAction', ACTION_PREFERENCE_TYPE, 'proga'),
  common('ErrorVariable', 'string', 'ev'),
  common('WarningVariable', 'string', 'wv'),
  common('InformationVariable', 'string', 'iv'),
  common('OutVariable', 'string', 'ov'),
  common('OutBuffer', 'int', 'ob', { validation: Object.freeze([{ kind: 'range', min: 0, max: 2147483647 } as const]) }),
  common('PipelineVariable', 'string', 'pv'),
]);

const SHOULD_PROCESS: readonly ParameterMetadata[] = Object.freeze([common('WhatIf', 'switch', 'wi'), common('Confirm', 'switch', 'cf')]);

const COMMON_WITH_SHOULD_PROCESS: readonly ParameterMetadata[] = Object.freeze([...COMMON, ...SHOULD_PROCESS]);

const NONE: readonly ParameterMetadata[] = Object.freeze([]);

/** The common parameters of a command: none for a simple function. */
export function commonParameters(metadata: CommandMetadata): readonly ParameterMetadata[] {
  if (!metadata.cmdletBinding) return NONE;
  return metadata.supportsShouldProcess ? COMMON_WITH_SHOULD_PROCESS : COMMON;
}

const allParametersCache = new WeakMap<CommandMetadata, readonly ParameterMetadata[]>();

/** Every parameter a command accepts: its own, then the common ones (memoized per metadata object). */
export function allParameters(metadata: CommandMetadata): readonly ParameterMetadata[] {
  let all = allParametersCache.get(metadata);
  if (!all) {
    all = Object.freeze([...metadata.parameters, ...commonParameters(metadata)]);
    allParametersCache.set(metadata, all);
  }
  return all;
}
