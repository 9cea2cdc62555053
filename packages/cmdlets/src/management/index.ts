/** The management cmdlets: items and paths (Microsoft.PowerShell.Management). */
import type { CmdletDefinition } from '../session/cmdlet.js';
import type { Session } from '../session/session.js';
import { newItem } from './new-item.js';
import { joinPath, splitPath, testPath } from './path-cmdlets.js';
import { addContent, clearContent, getContent, setContent } from './content-cmdlets.js';
import { getChildItem, getItem } from './child-items.js';
import { copyItem, moveItem, removeItem, renameItem } from './item-cmdlets.js';
import { getLocation, popLocation, pushLocation, resolvePath, setLocation } from './location-cmdlets.js';
import { registerFileSystemViews } from './file-system-views.js';

export { fileItem } from './file-items.js';

/** Registers the management cmdlets. */
export function installManagementCmdlets(session: Session): void {
  session.registry.registerAll([newItem, joinPath, splitPath, testPath] as readonly unknown[] as readonly CmdletDefinition<never>[], 'Microsoft.PowerShell.Management');
  const fileSystemCmdlets: readonly unknown[] = [getContent, setContent, addContent, clearContent, getChildItem, getItem, removeItem, copyItem, moveItem, renameItem, getLocation, setLocation, pushLocation, popLocation, resolvePath];
  session.registry.registerAll(fileSystemCmdlets as readonly CmdletDefinition<never>[], 'Microsoft.PowerShell.Management');
  registerFileSystemViews(session.formats);
}
