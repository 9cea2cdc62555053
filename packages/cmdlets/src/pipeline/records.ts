/**
 * The records of the informational streams. They travel to the host, into -WarningVariable and
 * -InformationVariable, and into the output stream when a script merges a stream (`3>&1`).
 */
import type { InvocationInfo } from '../runtime/errors.js';
import { PSDateTime } from '../runtime/values.js';
import { toText } from '../runtime/text.js';

/** A Write-Warning/Write-Verbose/Write-Debug message (PowerShell's InformationalRecord). */
export abstract class InformationalRecord {
  /** The type names formatting and Get-Member see. */
  abstract readonly typeNames: readonly string[];
  constructor(
    readonly message: string,
    readonly invocationInfo?: InvocationInfo,
  ) {}
  toString(): string {
    return this.message;
  }
}

/** A warning (stream 3). */
export class WarningRecord extends InformationalRecord {
  readonly typeNames = ['System.Management.Automation.WarningRecord', 'System.Management.Automation.InformationalRecord', 'System.Object'];
}

/** A verbose message (stream 4). */
export class VerboseRecord extends InformationalRecord {
  readonly typeNames = ['System.Management.Automation.VerboseRecord', 'System.Management.Automation.InformationalRecord', 'System.Object'];
}

/** A debug message (stream 5). */
export class DebugRecord extends InformationalRecord {
  readonly typeNames = ['System.Management.Automation.DebugRecord', 'System.Management.Automation.InformationalRecord', 'System.Object'];
}

/** What Write-Host sends on the information stream: the text and how to draw it. */
export class HostInformationMessage {
  constructor(
    readonly message: string,
    readonly options: { readonly foregroundColor?: string; readonly backgroundColor?: string; readonly noNewLine?: boolean } = {},
  ) {}
  toString(): string {
    return this.message;
  }
}

/** The tag Write-Host puts on its information records. */
export const HOST_TAG = 'PSHOST';

/** An information stream record (stream 6): Write-Information's data, or Write-Host's message. */
export class InformationRecord {
  readonly typeNames = ['System.Management.Automation.InformationRecord', 'System.Object'];
  readonly timeGenerated = new PSDateTime(Date.now());
  constructor(
    readonly messageData: unknown,
    /** Where it came from: the command name, as PowerShell's Source. */
    readonly source: string,
    readonly tags: readonly string[] = [],
  ) {}
  /** True for Write-Host output, which shows whatever $InformationPreference says. */
  get fromHost(): boolean {
    return this.tags.includes(HOST_TAG);
  }
  toString(): string {
    return toText(this.messageData);
  }
}
