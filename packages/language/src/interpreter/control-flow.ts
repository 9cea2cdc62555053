/**
 * Control flow that crosses statements travels as exceptions: break and continue (which, as in
 * PowerShell, cross pipelines and function calls until a loop takes them), return and exit.
 */

/** `break [label]`. */
export class BreakSignal extends Error {
  constructor(readonly label: string | null) {
    super(label ? `break ${label}` : 'break');
    this.name = 'BreakSignal';
  }
}

/** `continue [label]`. */
export class ContinueSignal extends Error {
  constructor(readonly label: string | null) {
    super(label ? `continue ${label}` : 'continue');
    this.name = 'ContinueSignal';
  }
}

/** `return`: its value was already written to the output. */
export class ReturnSignal extends Error {
  constructor() {
    super('return');
    this.name = 'ReturnSignal';
  }
}

/** `exit [code]`: ends the script (and, at top level, the shell). */
export class ExitSignal extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
    this.name = 'ExitSignal';
  }
}

/** True when a loop with this label (or none) takes a break/continue with `label`. */
export function loopTakes(loopLabel: string | null, signalLabel: string | null): boolean {
  return signalLabel === null || (loopLabel !== null && loopLabel.toLowerCase() === signalLabel.toLowerCase());
}
