/** The cmdlets of Microsoft.PowerShell.Core: the pipeline's ForEach-Object and Where-Object, help and commands, history, modules, strict mode. */
import type { CmdletDefinition } from '../session/cmdlet.js';
import type { Session } from '../session/session.js';
import { forEachObject } from './for-each-object.js';
import { whereObject } from './where-object.js';
import { getCommand } from '../help/get-command.js';
import { getHelp, registerHelpViews } from '../help/get-help.js';
import { registerCommandInfoView } from '../help/command-info.js';
import { setStrictMode } from './strict-mode.js';
import { clearHistory, clearHost, getHistory, registerHistoryView } from './history-cmdlets.js';
import { exportModuleMember, getModule, importModule, registerModuleView, removeModule } from './module-cmdlets.js';

export { addHistoryEntry, historyEntries, type HistoryEntry } from './history-cmdlets.js';

/** Registers the cmdlets of Microsoft.PowerShell.Core and their views. */
export function installCoreCmdlets(session: Session): void {
  const cmdlets: readonly unknown[] = [forEachObject, whereObject, getCommand, getHelp, setStrictMode, getHistory, clearHistory, clearHost, importModule, getModule, removeModule, exportModuleMember];
  session.registry.registerAll(cmdlets as readonly CmdletDefinition<never>[], 'Microsoft.PowerShell.Core');
  registerCommandInfoView(session.formats);
  registerHelpViews(session.formats);
  registerHistoryView(session.formats);
  registerModuleView(session.formats);
}
