/** The standard utility cmdlets (Microsoft.PowerShell.Utility). */
import type { CmdletDefinition } from '../session/cmdlet.js';
import type { Session } from '../session/session.js';
import { writeOutput } from './write-output.js';
import { outNull } from './out-null.js';
import { getDate } from './get-date.js';
import { convertToJson } from './convert-to-json.js';
import { selectObject } from './select-object.js';
import { sortObject } from './sort-object.js';
import { groupObject } from './group-object.js';
import { measureObject } from './measure-object.js';
import { teeObject } from './tee-object.js';
import { compareObject } from './compare-object.js';
import { getUnique } from './get-unique.js';
import { writeHost } from './write-host.js';
import { writeError } from './write-error.js';
import { writeWarning } from './write-warning.js';
import { writeVerbose } from './write-verbose.js';
import { writeDebug } from './write-debug.js';
import { writeInformation } from './write-information.js';
import { writeProgress } from './write-progress.js';
import { readHost } from './read-host.js';
import { formatTableCmdlet } from './format-table.js';
import { formatListCmdlet } from './format-list.js';
import { formatWideCmdlet } from './format-wide.js';
import { outStringCmdlet } from './out-string.js';
import { outFileCmdlet } from './out-file.js';
import { outHostCmdlet } from './out-host.js';
import { addMemberCmdlet } from './add-member.js';
import { getMemberCmdlet } from './get-member.js';
import { convertFromJson } from './convert-from-json.js';
import { convertToCsvCmdlet } from './convert-to-csv.js';
import { convertFromCsvCmdlet } from './convert-from-csv.js';
import { exportCsvCmdlet } from './export-csv.js';
import { importCsvCmdlet } from './import-csv.js';
import { getAlias } from './get-alias.js';
import { setAlias } from './set-alias.js';
import { newAlias } from './new-alias.js';
import { getVariable } from './get-variable.js';
import { setVariable } from './set-variable.js';
import { newVariable } from './new-variable.js';
import { removeVariable } from './remove-variable.js';
import { clearVariable } from './clear-variable.js';
import { newTimeSpan } from './new-time-span.js';
import { startSleep } from './start-sleep.js';
import { invokeExpression } from './invoke-expression.js';
import { newObject } from './new-object.js';
import { registerObjectViews } from './object-views.js';
import { registerVariableView } from './variable-access.js';

export { serializeJson, toJson, type JsonOptions } from './json-serialize.js';

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
