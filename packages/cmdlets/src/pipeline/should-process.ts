/**
 * ShouldProcess and ShouldContinue, as PowerShell's command runtime decides them:
 *
 * - -WhatIf (or $WhatIfPreference without -WhatIf:$false) prints
 *   `What if: Performing the operation "<action>" on target "<target>".` and answers no;
 * - otherwise the command goes ahead without asking when its ConfirmImpact is below the
 *   confirm preference (-Confirm makes that Low, -Confirm:$false None, else $ConfirmPreference);
 * - otherwise the user is asked, and "Yes to All" / "No to All" hold for the rest of the invocation.
 *
 * A command that does not declare SupportsShouldProcess always goes ahead.
 */
import type { Host } from '../host/host.js';
import type { ConfirmImpact } from '../session/preferences.js';
import { confirmImpactRank } from '../session/preferences.js';
import { NO, NO_TO_ALL, YES, YES_TO_ALL, promptChoice } from './prompts.js';

/** What ShouldProcess needs to know about one command invocation. */
export interface ShouldProcessSettings {
  readonly host: Host;
  /** The default action: the command's name. */
  readonly commandName: string;
  readonly supportsShouldProcess: boolean;
  /** The command's ConfirmImpact (Medium when it declares none). */
  readonly confirmImpact: ConfirmImpact;
  /** -WhatIf as given: true, false (-WhatIf:$false), or undefined when not given. */
  readonly whatIf: boolean | undefined;
  /** -Confirm as given: true, false (-Confirm:$false), or undefined when not given. */
  readonly confirm: boolean | undefined;
  /** -Verbose as given: when true, an automatic yes is reported on the verbose stream. */
  readonly verbose: boolean;
  /** $WhatIfPreference, read when -WhatIf was not given. */
  whatIfPreference(): boolean;
  /** $ConfirmPreference, read when -Confirm was not given. */
  confirmPreference(): ConfirmImpact;
  /** Writes a verbose message through the command's verbose stream. */
  writeVerbose(message: string): void;
}

type Remembered = 'none' | 'YesToAll' | 'NoToAll';

/** The text ShouldProcess shows: `Performing the operation "<action>" on target "<target>".` */
export function shouldProcessDescription(action: string, target: string): string {
  return `Performing the operation "${action}" on target "${target}".`;
}

/** ShouldProcess/ShouldContinue for one command invocation. */
export class ShouldProcessRuntime {
  #remembered: Remembered = 'none';
  #whatIf: boolean | undefined;

  constructor(private readonly settings: ShouldProcessSettings) {}

  /** True when -WhatIf is in force for this invocation. */
  get whatIf(): boolean {
    this.#whatIf ??= this.settings.whatIf ?? this.settings.whatIfPreference();
    return this.#whatIf;
  }

  /** The confirm preference in force: Low under -Confirm, None under -Confirm:$false, else $ConfirmPreference. */
  confirmPreference(): ConfirmImpact {
    if (this.settings.confirm === true) return 'Low';
    if (this.settings.confirm === false) return 'None';
    return this.settings.confirmPreference();
  }

  /** PowerShell's ShouldProcess(target, action). */
  async shouldProcess(target: string, action?: string): Promise<boolean> {
    const s = this.settings;
    if (!s.supportsShouldProcess) return true;
    if (this.#remembered === 'NoToAll') return false;
    if (this.#remembered === 'YesToAll') return true;
    const description = shouldProcessDescription(action ?? s.commandName, target);
    if (this.whatIf) {
      s.host.write(`What if: ${description}`, { stream: 'host' });
      return false;
    }
    const preference = this.confirmPreference();
    if (preference === 'None' || confirmImpactRank(s.confirmImpact) < confirmImpactRank(preference)) {
      if (s.verbose) s.writeVerbose(description);
      return true;
    }
    const choice = await promptChoice(s.host, `Are you sure you want to perform this action?\n${description}`, [YES, YES_TO_ALL, NO, NO_TO_ALL]);
    if (choice === 1) this.#remembered = 'YesToAll';
    if (choice === 3) this.#remembered = 'NoToAll';
    return choice === 0 || choice === 1;
  }

  /** PowerShell's ShouldContinue(query, caption): always asks (commands skip it under -Force). */
  async shouldContinue(query: string, caption: string): Promise<boolean> {
    const choice = await promptChoice(this.settings.host, query || 'Continue with this operation?', [YES, NO], 0, caption || 'Confirm');
    return choice === 0;
  }
}
