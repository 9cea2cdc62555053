/**
 * The choice prompts the engine itself asks: -Confirm, ShouldContinue, and the Inquire action
 * preference. Texts and hot keys are PowerShell's (CommandBaseStrings). The Suspend choice is left
 * out: dpmsh has no nested prompt to suspend into.
 */
import type { Host, HostChoice } from '../host/host.js';
import { RuntimeError, errorRecord } from '@dpmsh/runtime';
import type { ErrorRecord } from '@dpmsh/runtime';

/** `&Yes`: go on with this one step. */
export const YES: HostChoice = { label: '&Yes', helpMessage: 'Continue with only the next step of the operation.' };
/** `Yes to &All`: go on without asking again. */
export const YES_TO_ALL: HostChoice = { label: 'Yes to &All', helpMessage: 'Continue with all the steps of the operation.' };
/** `&No`: skip this step. */
export const NO: HostChoice = { label: '&No', helpMessage: 'Skip this operation and proceed with the next operation.' };
/** `No to A&ll`: skip this and every later step. */
export const NO_TO_ALL: HostChoice = { label: 'No to A&ll', helpMessage: 'Skip this operation and all subsequent operations.' };
/** `&Halt Command`: stop the command (Inquire). */
export const HALT: HostChoice = { label: '&Halt Command', helpMessage: 'Stop this command.' };

/** The caption PowerShell gives every engine prompt. */
export const CONFIRM_CAPTION = 'Confirm';

/** The message of the error a prompt raises when the host cannot ask (-NonInteractive, scripts). */
export const NON_INTERACTIVE_MESSAGE = 'PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.';

/** The error for a prompt the host cannot show. */
export function nonInteractivePrompt(): ErrorRecord {
  return errorRecord(NON_INTERACTIVE_MESSAGE, 'System.Management.Automation.PSInvalidOperationException', 'InvalidOperation', {
    typeName: 'System.Management.Automation.PSInvalidOperationException',
  });
}

/** An ActionPreferenceStopException record: the user halted, or a preference is Stop. */
export function actionPreferenceStop(message: string): ErrorRecord {
  return errorRecord(message, 'ActionPreferenceStop', 'OperationStopped', { typeName: 'System.Management.Automation.ActionPreferenceStopException' });
}

/** The error of a stream whose preference is Stop: `... preference variable "WarningPreference" ... set to Stop: message`. */
export function preferenceStop(variable: string, message: string): ErrorRecord {
  return actionPreferenceStop(`The running command stopped because the preference variable "${variable}" or common parameter is set to Stop: ${message}`);
}

/** Asks the host to choose; a host that cannot ask fails with PowerShell's NonInteractive error. */
export async function promptChoice(host: Host, message: string, choices: readonly HostChoice[], defaultChoice = 0, caption = CONFIRM_CAPTION): Promise<number> {
  if (!host.interactive) throw new RuntimeError(nonInteractivePrompt(), 'script');
  return host.promptForChoice(caption, message, choices, defaultChoice);
}

/** What the Inquire preference's prompt decided. */
export type InquireAnswer = 'Yes' | 'YesToAll';

/**
 * The Inquire prompt (Yes, Yes to All, Halt Command): resolves to the answer, or throws the
 * ActionPreferenceStop error when the user halts or cancels.
 */
export async function inquire(host: Host, message: string): Promise<InquireAnswer> {
  const choice = await promptChoice(host, message, [YES, YES_TO_ALL, HALT]);
  if (choice === 0) return 'Yes';
  if (choice === 1) return 'YesToAll';
  if (choice === 2) throw new RuntimeError(actionPreferenceStop('The running command stopped because the user selected the Stop option.'), 'script');
  throw new RuntimeError(actionPreferenceStop('The running command stopped because the user interrupted the command.'), 'script');
}
