/**
 * Installs the commands every dpmsh session has: the standard PowerShell cmdlets and the DPM
 * module. Plugin modules are added by the server when their cmdlets are first used.
 */
import { installDpmCmdlets } from './dpm/index.js';
import { installManagementCmdlets } from './management/index.js';
import type { Session } from './session/session.js';
import { installUtilityCmdlets } from './utility/index.js';

/** Registers the standard cmdlets and the DPM module on a new session. */
export function installStandardCommands(session: Session): void {
  installUtilityCmdlets(session);
  installManagementCmdlets(session);
  installDpmCmdlets(session);
}
