/** The standard utility cmdlets (Microsoft.PowerShell.Utility, .Core and .Security). */
import type { CmdletDefinition } from '../session/cmdlet.js';
import type { Session } from '../session/session.js';
import { getDate } from './get-date.js';
import { convertFromJson, convertToJson } from './json.js';
import { formatListCmdlet, formatTableCmdlet, formatWideCmdlet } from './format-cmdlets.js';
import { outFileCmdlet, outHostCmdlet, outStringCmdlet } from './out-cmdlets.js';
import { addMemberCmdlet, getMemberCmdlet } from './member-cmdlets.js';
import { convertFromCsvCmdlet, convertToCsvCmdlet, exportCsvCmdlet, importCsvCmdlet } from './csv.js';
import { forEachObject, outNull, whereObject, writeOutput } from './pipeline-cmdlets.js';
import { compareObject } from './compare-object.js';
import { getUnique } from './get-unique.js';
import { groupObject } from './group-object.js';
import { measureObject } from './measure-object.js';
import { registerObjectViews } from './object-views.js';
import { selectObject } from './select-object.js';
import { sortObject } from './sort-object.js';
import { teeObject } from './tee-object.js';
import { convertFromSecureString, convertToSecureString } from './secure-string.js';
import { writeDebug, writeError, writeHost, writeInformation, writeProgress, writeVerbose, writeWarning } from './write-cmdlets.js';
import { readHost } from './read-host.js';
import { getCommand } from '../help/get-command.js';
import { getHelp, registerHelpViews } from '../help/get-help.js';
import { registerCommandInfoView } from '../help/command-info.js';
import { getAlias, newAlias, setAlias } from './alias-cmdlets.js';
import { clearVariable, getVariable, newVariable, registerVariableView, removeVariable, setVariable } from './variable-cmdlets.js';
import { newTimeSpan, startSleep } from './time-cmdlets.js';
import { invokeExpression } from './invoke-expression.js';
import { newObject } from './new-object.js';
import { setStrictMode } from '../core/strict-mode.js';
import { clearHistory, clearHost, getHistory, registerHistoryView } from '../core/history-cmdlets.js';
import { exportModuleMember, getModule, importModule, registerModuleView, removeModule } from '../core/module-cmdlets.js';

export { addHistoryEntry, historyEntries, type HistoryEntry } from '../core/history-cmdlets.js';
export { serializeJson, toJson, type JsonOptions } from './json.js';

const definitions = (list: readonly unknown[]): readonly CmdletDefinition<never>[] => list as readonly CmdletDefinition<never>[];

/** Registers the utility cmdlets under PowerShell's module names. */
export function installUtilityCmdlets(session: Session): void {
  session.registry.registerAll(definitions([forEachObject, whereObject]), 'Microsoft.PowerShell.Core');
  session.registry.registerAll(definitions([writeOutput, outNull, getDate, convertToJson]), 'Microsoft.PowerShell.Utility');
  session.registry.registerAll(definitions([convertToSecureString, convertFromSecureString]), 'Microsoft.PowerShell.Security');
  session.registry.registerAll(definitions([selectObject, sortObject, groupObject, measureObject, teeObject, compareObject, getUnique]), 'Microsoft.PowerShell.Utility');
  registerObjectViews(session.formats);
  session.registry.registerAll(definitions([writeHost, writeError, writeWarning, writeVerbose, writeDebug, writeInformation, writeProgress, readHost]), 'Microsoft.PowerShell.Utility');
  session.registry.registerAll(definitions([getCommand, getHelp]), 'Microsoft.PowerShell.Core');
  registerCommandInfoView(session.formats);
  registerHelpViews(session.formats);
  registerVariableView(session.formats);
  registerHistoryView(session.formats);
  registerModuleView(session.formats);
  session.registry.registerAll(
    definitions([formatTableCmdlet, formatListCmdlet, formatWideCmdlet, outStringCmdlet, outFileCmdlet, outHostCmdlet, addMemberCmdlet, getMemberCmdlet, convertFromJson, convertToCsvCmdlet, convertFromCsvCmdlet, exportCsvCmdlet, importCsvCmdlet]),
    'Microsoft.PowerShell.Utility',
  );
  session.registry.registerAll(definitions([getAlias, setAlias, newAlias, getVariable, setVariable, newVariable, removeVariable, clearVariable, newTimeSpan, startSleep, invokeExpression, newObject]), 'Microsoft.PowerShell.Utility');
  session.registry.registerAll(definitions([setStrictMode, getHistory, clearHistory, clearHost, importModule, getModule, removeModule, exportModuleMember]), 'Microsoft.PowerShell.Core');
}
