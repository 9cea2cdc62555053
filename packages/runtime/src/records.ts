/**
 * The records of the informational streams. They travel to the host, into -WarningVariable and
 * -InformationVariable, and into the output stream when a script merges a stream (`3>&1`).
 */
import { hostname, userInfo } from 'node:os';
import type { InvocationInfo } from './errors.js';
import { invocationInfoObject, OBJECT_MEMBERS, registerInstanceMembers } from './instance-members.js';
import { memberTable } from './member-support.js';
import type { MemberTable } from './member-support.js';
import { registerClass } from './types.js';
import { PSDateTime, PSList, PSNumber } from './values.js';
import { toText } from './text.js';

/** A Write-Warning/Write-Verbose/Write-Debug message (PowerShell's InformationalRecord). */
export abstract class InformationalRecord {
  /** The type names formatting and Get-Member see. */
  abstract readonly typeNames: readonly string[];
  constructor(
    /** Settable, as .NET's InformationalRecord.Message is. */
    public message: string,
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

// ---- .NET types and members ------------------------------------------------------------------

const SMA = 'System.Management.Automation';

const INFORMATIONAL_MEMBERS: MemberTable<InformationalRecord> = memberTable<InformationalRecord>(
  {
    properties: {
      InvocationInfo: { type: `${SMA}.InvocationInfo`, get: (r) => invocationInfoObject(r.invocationInfo) },
      Message: {
        type: 'string',
        get: (r) => r.message,
        set: (r, value) => {
          r.message = toText(value);
        },
      },
      PipelineIterationInfo: { type: 'System.Collections.ObjectModel.ReadOnlyCollection[int]', get: () => [] },
    },
    methods: { ToString: { overloads: ['string ToString()'], invoke: (r) => r.message } },
  },
  OBJECT_MEMBERS as MemberTable<InformationalRecord>,
);

const WARNING_MEMBERS: MemberTable<InformationalRecord> = memberTable<InformationalRecord>(
  { properties: { FullyQualifiedWarningId: { type: 'string', get: () => '' } } },
  INFORMATIONAL_MEMBERS,
);

const uint32 = (n: number): PSNumber => new PSNumber('UInt32', n);

const INFORMATION_MEMBERS: MemberTable<InformationRecord> = memberTable<InformationRecord>(
  {
    properties: {
      MessageData: { type: 'System.Object', get: (r) => r.messageData },
      Source: { type: 'string', get: (r) => r.source },
      TimeGenerated: { type: 'datetime', get: (r) => r.timeGenerated },
      Tags: { type: 'System.Collections.Generic.List[string]', get: (r) => new PSList(r.tags, 'System.String') },
      User: { type: 'string', get: () => userInfo().username },
      Computer: { type: 'string', get: () => hostname() },
      ProcessId: { type: 'uint32', get: () => uint32(process.pid) },
      NativeThreadId: { type: 'uint32', get: () => uint32(process.pid) },
      ManagedThreadId: { type: 'uint32', get: () => uint32(1) },
    },
    methods: { ToString: { overloads: ['string ToString()'], invoke: (r) => r.toString() } },
  },
  OBJECT_MEMBERS as MemberTable<InformationRecord>,
);

registerClass(`${SMA}.InformationalRecord`);
for (const [name, cls] of [
  ['WarningRecord', WarningRecord],
  ['VerboseRecord', VerboseRecord],
  ['DebugRecord', DebugRecord],
] as const) {
  registerClass(`${SMA}.${name}`, { baseTypeNames: [`${SMA}.InformationalRecord`, 'System.Object'], instanceOf: (v) => v instanceof cls });
}
registerClass(`${SMA}.InformationRecord`, { instanceOf: (v) => v instanceof InformationRecord });
registerInstanceMembers((v): v is WarningRecord => v instanceof WarningRecord, WARNING_MEMBERS, (r) => r.message);
registerInstanceMembers((v): v is InformationalRecord => v instanceof InformationalRecord, INFORMATIONAL_MEMBERS, (r) => r.message);
registerInstanceMembers((v): v is InformationRecord => v instanceof InformationRecord, INFORMATION_MEMBERS, (r) => r.toString());

/** A Write-Progress record. */
export interface ProgressRecord {
  readonly activityId: number;
  readonly parentActivityId?: number;
  readonly activity: string;
  readonly status: string;
  readonly currentOperation?: string;
  readonly percentComplete: number;
  readonly secondsRemaining: number;
  readonly completed: boolean;
}
