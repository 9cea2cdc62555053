/** The management cmdlets: items and paths (Microsoft.PowerShell.Management). */
import type { CmdletDefinition } from '../session/cmdlet.js';
import type { Session } from '../session/session.js';
import { newItem } from './new-item.js';
import { joinPath } from './join-path.js';
import { splitPath } from './split-path.js';
import { testPath } from './test-path.js';
import { getContent } from './get-content.js';
import { setContent } from './set-content.js';
import { addContent } from './add-content.js';
import { clearContent } from './clear-content.js';
import { getChildItem } from './get-child-item.js';
import { getItem } from './get-item.js';
import { removeItem } from './remove-item.js';
import { copyItem } from './copy-item.js';
import { moveItem } from './move-item.js';
import { renameItem } from './rename-item.js';
import { getLocation } from './get-location.js';
import { setLocation } from './set-location.js';
import { pushLocation } from './push-location.js';
import { popLocation } from './pop-location.js';
import { resolvePath } from './resolve-path.js';
import { registerFileSystemViews } from './file-system-views.js';

export { fileItem } from './file-items.js';

/** Registers the management cmdlets. */
export function installManagementCmdlets(session: Session): void {
  session.registry.registerAll([newItem, joinPath, splitPath, testPath] as readonly unknown[] as readonly CmdletDefinition<never>[], 'Microsoft.PowerShell.Management');
  const fileSystemCmdlets: readonly unknown[] = [getContent, setContent, addContent, clearContent, getChildItem, getItem, removeItem, copyItem, moveItem, renameItem, getLocation, setLocation, pushLocation, popLocation, resolvePath];
  session.registry.registerAll(fileSystemCmdlets as readonly CmdletDefinition<never>[], 'Microsoft.PowerShell.Management');
  registerFileSystemViews(session.formats);
}
