/** The session's command history (what the interactive shell ran), Get-History and Clear-History. */
import type { FormatTable } from '../formatting/views.js';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { errorRecord, formatTimeSpan, subtractDates, PSEnumValue, PSNumber, PSObject, PSTimeSpan, type PSDateTime } from '@dpmsh/runtime';
import { ServiceKey } from '../session/services.js';
import type { Session } from '../session/session.js';

/** One command line the user ran. */
export interface HistoryEntry {
  readonly id: number;
  readonly commandLine: string;
  readonly status: 'Completed' | 'Failed' | 'Stopped';
  readonly start: PSDateTime;
  readonly end: PSDateTime;
}

interface HistoryStore {
  entries: HistoryEntry[];
  nextId: number;
}

const HISTORY = new ServiceKey<HistoryStore>('powershell.history');

function store(session: Session): HistoryStore {
  let found = session.getService(HISTORY);
  if (!found) session.setService(HISTORY, (found = { entries: [], nextId: 1 }));
  return found;
}

function maximumHistoryCount(session: Session): number {
  let value = session.globalScope.lookup('MaximumHistoryCount')?.value;
  if (value instanceof PSNumber) value = value.value;
  return typeof value === 'number' && value > 0 ? Math.floor(value) : 4096;
}

/** Adds a command line the host ran to the history (ids count up from 1; $MaximumHistoryCount are kept). */
export function addHistoryEntry(session: Session, entry: Omit<HistoryEntry, 'id'>): HistoryEntry {
  const history = store(session);
  const added = { ...entry, id: history.nextId++ };
  history.entries.push(added);
  const excess = history.entries.length - maximumHistoryCount(session);
  if (excess > 0) history.entries.splice(0, excess);
  return added;
}

/** The history of a session, oldest first. */
export function historyEntries(session: Session): readonly HistoryEntry[] {
  return store(session).entries;
}

const HISTORY_INFO = 'Microsoft.PowerShell.Commands.HistoryInfo';

function historyObject(entry: HistoryEntry): PSObject {
  const o = new PSObject([HISTORY_INFO, 'System.Object']);
  o.addProperty({ name: 'Id', kind: 'Property', get: () => new PSNumber('Int64', entry.id), typeName: 'System.Int64' });
  o.addProperty({ name: 'CommandLine', kind: 'Property', get: () => entry.commandLine, typeName: 'System.String' });
  o.addProperty({ name: 'ExecutionStatus', kind: 'Property', get: () => new PSEnumValue('System.Management.Automation.Runspaces.PipelineState', entry.status, entry.status === 'Completed' ? 4 : entry.status === 'Failed' ? 5 : 3) });
  o.addProperty({ name: 'StartExecutionTime', kind: 'Property', get: () => entry.start, typeName: 'System.DateTime' });
  o.addProperty({ name: 'EndExecutionTime', kind: 'Property', get: () => entry.end, typeName: 'System.DateTime' });
  o.addProperty({ name: 'Duration', kind: 'Property', get: () => subtractDates(entry.end, entry.start), typeName: 'System.TimeSpan' });
  o.toDotNetString = () => entry.commandLine;
  return o;
}

/** The Duration column as pwsh shows it: s.fff, m:ss.fff, h:mm:ss, or hours:mm:ss past ten hours. */
export function historyDuration(span: PSTimeSpan): string {
  const hours = span.ticks / 36_000_000_000;
  if (hours >= 10) return `${Math.floor(hours)}:${formatTimeSpan(span, 'mm')}:${formatTimeSpan(span, 'ss')}`;
  if (hours >= 1) return formatTimeSpan(span, 'h\\:mm\\:ss');
  if (span.ticks >= 600_000_000) return formatTimeSpan(span, 'm\\:ss\\.fff');
  return formatTimeSpan(span, 's\\.fff');
}

/** Registers the table view of history entries. */
export function registerHistoryView(formats: FormatTable): void {
  formats.register({
    typeName: HISTORY_INFO,
    kind: 'table',
    columns: [
      { property: 'Id', width: 4, alignment: 'right' },
      { label: 'Duration', property: (obj) => (obj instanceof PSObject && obj.read('Duration') instanceof PSTimeSpan ? historyDuration(obj.read('Duration') as PSTimeSpan) : ''), width: 12, alignment: 'right' },
      { property: 'CommandLine' },
    ],
  });
}

/** Get-History. */
export const getHistory = defineCmdlet<{ Id?: number[]; Count?: number }>({
  name: 'Get-History',
  parameters: [
    { name: 'Id', type: 'long[]', sets: { [ALL_PARAMETER_SETS]: { position: 0, valueFromPipeline: true } }, validation: [{ kind: 'range', min: 1, max: Number.MAX_SAFE_INTEGER }], description: 'The ids of the entries to get.' },
    { name: 'Count', type: 'int', sets: { [ALL_PARAMETER_SETS]: { position: 1 } }, validation: [{ kind: 'range', min: 0, max: 32767 }], description: 'How many of the most recent entries to get.' },
  ],
  outputType: ['Microsoft.PowerShell.Commands.HistoryInfo'],
  help: {
    synopsis: 'Gets a list of the commands entered during the current session.',
    description: 'Gets the command lines run at the interactive prompt in this session, oldest first, with their ids, status and timing. -Count limits the output to the most recent entries; -Id picks entries.',
    examples: [{ title: 'The last five commands', code: 'Get-History -Count 5' }],
  },
  async process(ctx) {
    const entries = historyEntries(ctx.session);
    if (ctx.params.Id) {
      for (const id of ctx.params.Id) {
        const found = entries.find((e) => e.id === Number(id));
        if (found) await ctx.write(historyObject(found));
        else ctx.writeError(errorRecord(`Cannot locate history for Id ${id}.`, 'GetHistoryObjectNotFound', 'ObjectNotFound', { typeName: 'System.ArgumentException', targetObject: id }));
      }
      return;
    }
    const count = ctx.params.Count ?? entries.length;
    for (const entry of entries.slice(Math.max(0, entries.length - count))) await ctx.write(historyObject(entry));
  },
});

/** Clear-History. */
export const clearHistory = defineCmdlet<{ Id?: number[]; Count?: number }>({
  name: 'Clear-History',
  supportsShouldProcess: true,
  parameters: [
    { name: 'Id', type: 'int[]', sets: { [ALL_PARAMETER_SETS]: { position: 0 } }, description: 'The ids of the entries to delete.' },
    { name: 'Count', type: 'int', sets: { [ALL_PARAMETER_SETS]: { position: 1 } }, description: 'How many of the most recent entries to delete.' },
  ],
  help: {
    synopsis: 'Deletes entries from the PowerShell session command history.',
    description: 'Deletes all history entries, the entries with the given ids, or the -Count most recent ones. Ids are never reused.',
    examples: [{ title: 'Clear the history', code: 'Clear-History' }],
  },
  async process(ctx) {
    const history = store(ctx.session);
    if (!(await ctx.shouldProcess('History', 'Clear-History'))) return;
    if (ctx.params.Id) history.entries = history.entries.filter((e) => !ctx.params.Id?.includes(e.id));
    else if (ctx.params.Count !== undefined) history.entries = history.entries.slice(0, Math.max(0, history.entries.length - ctx.params.Count));
    else history.entries = [];
  },
});

/** Clear-Host. */
export const clearHost = defineCmdlet<Record<string, never>>({
  name: 'Clear-Host',
  parameters: [],
  // A script function in pwsh: its errors say ",Clear-Host".
  implementingType: '',
  help: {
    synopsis: 'Clears the display in the host program.',
    description: 'Clears the terminal screen and scroll-back. When the output is not a terminal (a pipe or a file) it writes nothing.',
    examples: [{ title: 'Clear the screen', code: 'Clear-Host', output: '' }],
  },
  process(ctx) {
    ctx.session.host.clear();
  },
});
