/** The standard utility cmdlets (Microsoft.PowerShell.Utility, .Core and .Security). */
import type { CmdletDefinition } from '../pipeline/types.js';
import type { Session } from '../session/session.js';
import { getDate } from './get-date.js';
import { convertToJson } from './json.js';
import { forEachObject, outNull, whereObject, writeOutput } from './pipeline-cmdlets.js';
import { convertFromSecureString, convertToSecureString } from './secure-string.js';

export { serializeJson, toJson, type JsonOptions } from './json.js';

const definitions = (list: readonly unknown[]): readonly CmdletDefinition<never>[] => list as readonly CmdletDefinition<never>[];

/** Registers the utility cmdlets under PowerShell's module names. */
export function installUtilityCmdlets(session: Session): void {
  session.registry.registerAll(definitions([forEachObject, whereObject]), 'Microsoft.PowerShell.Core');
  session.registry.registerAll(definitions([writeOutput, outNull, getDate, convertToJson]), 'Microsoft.PowerShell.Utility');
  session.registry.registerAll(definitions([convertToSecureString, convertFromSecureString]), 'Microsoft.PowerShell.Security');
}
