/** The cmdlets of Microsoft.PowerShell.Security: secure strings. */
import type { CmdletDefinition } from '../session/cmdlet.js';
import type { Session } from '../session/session.js';
import { convertToSecureString } from './convert-to-secure-string.js';
import { convertFromSecureString } from './convert-from-secure-string.js';

/** Registers the cmdlets of Microsoft.PowerShell.Security. */
export function installSecurityCmdlets(session: Session): void {
  const cmdlets: readonly unknown[] = [convertToSecureString, convertFromSecureString];
  session.registry.registerAll(cmdlets as readonly CmdletDefinition<never>[], 'Microsoft.PowerShell.Security');
}
