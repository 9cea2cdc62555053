/** The cmdlets of Microsoft.PowerShell.Core: the pipeline's ForEach-Object and Where-Object, help and commands, history, modules, strict mode. */
import type { CmdletDefinition } from '../session/cmdlet.js';
import type { Session } from '../session/session.js';
import { forEachObject } from './for-each-object.js';
import { whereObject } from './where-object.js';
import { getCommand } from './get-command.js';
import { getHelp } from './get-help.js';
import { registerHelpViews } from '../help/help-page.js';
import { registerCommandInfoView } from '../help/command-info.js';
import { setStrictMode } from './set-strict-mode.js';
import { getHistory } from './get-history.js';
import { clearHistory } from './clear-history.js';
import { clearHost } from './clear-host.js';
import { registerHistoryView } from './history.js';
import { importModule } from './import-module.js';
import { getModule } from './get-module.js';
import { removeModule } from './remove-module.js';
import { exportModuleMember } from './export-module-member.js';
import { registerModuleView } from './module-table.js';

export { addHistoryEntry, historyEntries, type HistoryEntry } from './history.js';

/** Registers the cmdlets of Microsoft.PowerShell.Core and their views. */
export function installCoreCmdlets(session: Session): void {
  const cmdlets: readonly unknown[] = [forEachObject, whereObject, getCommand, getHelp, setStrictMode, getHistory, clearHistory, clearHost, importModule, getModule, removeModule, exportModuleMember];
  session.registry.registerAll(cmdlets as readonly CmdletDefinition<never>[], 'Microsoft.PowerShell.Core');
  registerCommandInfoView(session.formats);
  registerHelpViews(session.formats);
  registerHistoryView(session.formats);
  registerModuleView(session.formats);
}
