/**
 * Installs the standard PowerShell cmdlets every session has. Domain modules (the DPM module,
 * plugin modules) are installed by the host that composes the shell.
 */
import { installCoreCmdlets } from './core/index.js';
import { installManagementCmdlets } from './management/index.js';
import { installSecurityCmdlets } from './security/index.js';
import type { Session } from './session/session.js';
import { installUtilityCmdlets } from './utility/index.js';

/** Registers the standard cmdlets on a new session. */
export function installStandardCommands(session: Session): void {
  installCoreCmdlets(session);
  installUtilityCmdlets(session);
  installManagementCmdlets(session);
  installSecurityCmdlets(session);
}
