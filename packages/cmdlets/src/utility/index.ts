/** The standard utility cmdlets (Microsoft.PowerShell.Utility). */
import type { CmdletDefinition } from '../session/cmdlet.js';
import type { Session } from '../session/session.js';
import { getDate } from './get-date.js';
import { outNull, writeOutput } from './pipeline-cmdlets.js';
import { convertFromJson, convertToJson } from './json.js';
import { formatListCmdlet, formatTableCmdlet, formatWideCmdlet } from './format-cmdlets.js';
import { outFileCmdlet, outHostCmdlet, outStringCmdlet } from './out-cmdlets.js';
import { addMemberCmdlet, getMemberCmdlet } from './member-cmdlets.js';
import { convertFromCsvCmdlet, convertToCsvCmdlet, exportCsvCmdlet, importCsvCmdlet } from './csv.js';
import { compareObject } from './compare-object.js';
import { getUnique } from './get-unique.js';
import { groupObject } from './group-object.js';
import { measureObject } from './measure-object.js';
import { registerObjectViews } from './object-views.js';
import { selectObject } from './select-object.js';
import { sortObject } from './sort-object.js';
import { teeObject } from './tee-object.js';
import { writeDebug, writeError, writeHost, writeInformation, writeProgress, writeVerbose, writeWarning } from './write-cmdlets.js';
import { readHost } from './read-host.js';
import { getAlias, newAlias, setAlias } from './alias-cmdlets.js';
import { clearVariable, getVariable, newVariable, registerVariableView, removeVariable, setVariable } from './variable-cmdlets.js';
import { newTimeSpan, startSleep } from './time-cmdlets.js';
import { invokeExpression } from './invoke-expression.js';
import { newObject } from './new-object.js';

export { serializeJson, toJson, type JsonOptions } from './json.js';

const definitions = (list: readonly unknown[]): readonly CmdletDefinition<never>[] => list as readonly CmdletDefinition<never>[];

/** Registers the cmdlets of Microsoft.PowerShell.Utility and their views. */
export function installUtilityCmdlets(session: Session): void {
  session.registry.registerAll(
    definitions([
      writeOutput, outNull, getDate, convertToJson, selectObject, sortObject, groupObject, measureObject, teeObject, compareObject, getUnique,
      writeHost, writeError, writeWarning, writeVerbose, writeDebug, writeInformation, writeProgress, readHost,
      formatTableCmdlet, formatListCmdlet, formatWideCmdlet, outStringCmdlet, outFileCmdlet, outHostCmdlet, addMemberCmdlet, getMemberCmdlet,
      convertFromJson, convertToCsvCmdlet, convertFromCsvCmdlet, exportCsvCmdlet, importCsvCmdlet,
      getAlias, setAlias, newAlias, getVariable, setVariable, newVariable, removeVariable, clearVariable, newTimeSpan, startSleep, invokeExpression, newObject,
    ]),
    'Microsoft.PowerShell.Utility',
  );
  registerObjectViews(session.formats);
  registerVariableView(session.formats);
}
