/** The parameters every cmdlet that changes a modifiable protection group takes. */
import { ALL_PARAMETER_SETS } from '@dpmsh/cmdlets';

/** -ProtectionGroup: the modifiable group to change, first by position. */
export const GROUP = { name: 'ProtectionGroup', type: 'object', sets: { [ALL_PARAMETER_SETS]: { mandatory: true, position: 0 } }, description: 'The modifiable protection group (New-DPMProtectionGroup, Get-DPMModifiableProtectionGroup).' } as const;

/** -PassThru: outputs the changed group. */
export const PASS_THRU = { name: 'PassThru', type: 'switch', sets: { [ALL_PARAMETER_SETS]: {} }, description: 'Outputs the modifiable group.' } as const;
