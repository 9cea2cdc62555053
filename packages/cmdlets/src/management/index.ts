/** The management cmdlets: items and paths (Microsoft.PowerShell.Management). */
import type { CmdletDefinition } from '../pipeline/types.js';
import type { Session } from '../session/session.js';
import { newItem } from './new-item.js';
import { joinPath, splitPath, testPath } from './path-cmdlets.js';

export { fileItem } from './file-items.js';

/** Registers the management cmdlets. */
export function installManagementCmdlets(session: Session): void {
  session.registry.registerAll([newItem, joinPath, splitPath, testPath] as readonly unknown[] as readonly CmdletDefinition<never>[], 'Microsoft.PowerShell.Management');
}
