/**
 * The composition root: a dpmsh shell is the PowerShell language and standard cmdlets with the
 * DPM module installed. The DPM module gets the factory that opens the protection server, which
 * loads the server on the first cmdlet that needs it.
 */
import { installDpmModule, openProtectionServer } from '@dpmsh/dpm';
import { createShell, type Shell, type ShellOptions } from '@dpmsh/language';

/** Creates a dpmsh shell: the standard cmdlets and the DPM module. */
export function createDpmshShell(options: Omit<ShellOptions, 'modules'>): Promise<Shell> {
  return createShell({ ...options, modules: [(session) => installDpmModule(session, { openServer: openProtectionServer })] });
}
