/** The session's command history: what the interactive shell ran, as Get-History shows it and Clear-History deletes it. */
import type { FormatTable } from '../formatting/views.js';
import { formatTimeSpan, subtractDates, PSEnumValue, PSNumber, PSObject, PSTimeSpan, type PSDateTime } from '@dpmsh/runtime';
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

/** The entries of a session and the id the next one gets. */
export interface HistoryStore {
  entries: HistoryEntry[];
  nextId: number;
}

const HISTORY = new ServiceKey<HistoryStore>('powershell.history');

/** The history store of a session, created on first use. */
export function historyStore(session: Session): HistoryStore {
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
  const history = historyStore(session);
  const added = { ...entry, id: history.nextId++ };
  history.entries.push(added);
  const excess = history.entries.length - maximumHistoryCount(session);
  if (excess > 0) history.entries.splice(0, excess);
  return added;
}

/** The history of a session, oldest first. */
export function historyEntries(session: Session): readonly HistoryEntry[] {
  return historyStore(session).entries;
}

const HISTORY_INFO = 'Microsoft.PowerShell.Commands.HistoryInfo';

/** The HistoryInfo object of an entry. */
export function historyObject(entry: HistoryEntry): PSObject {
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
