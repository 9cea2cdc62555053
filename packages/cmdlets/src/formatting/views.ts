/**
 * Format views, by type name: what *.format.ps1xml is to PowerShell. A view registered for any of
 * an object's type names (most derived first) decides how it prints; objects without one print as
 * a table (up to four properties) or a list (five or more). Each session has its own format table,
 * so the views a module adds belong to the session that loaded it.
 */
import {
  PSDateTime,
  PSGuid,
  PSObject,
  PSTimeSpan,
  PSVersion,
  TICKS_PER_MS,
  ErrorRecord,
  TICKS_PER_DAY,
  TICKS_PER_HOUR,
  TICKS_PER_MINUTE,
  TICKS_PER_SECOND,
  formatDateTime,
  timeSpanParts,
} from '@dpmsh/runtime';
import type { Alignment } from './table.js';
import { DICTIONARY_ENTRY_TYPE_NAME } from './enumerate.js';
import { formatErrorRecord } from './error-view.js';

/** The shapes a view can have; 'custom' views write lines of their own. */
export type ViewKind = 'table' | 'list' | 'wide' | 'custom';

/** One column of a table view, one entry of a list view, or the item of a wide view. */
export interface ViewColumn {
  /** The header or label; defaults to the property name. */
  readonly label?: string;
  /** A property name, or a function computing the value from the object. */
  readonly property: string | ((obj: unknown) => unknown);
  /** Column width in cells; unset columns are sized from the data or share the free room. */
  readonly width?: number;
  readonly alignment?: Alignment;
  /** A .NET format string for the value ('{0:N2}' or 'N2'). */
  readonly format?: string;
}

/** A view's grouping: a new group, with a `   Label: value` header, whenever the value changes. */
export interface ViewGroupBy {
  readonly property: string | ((obj: unknown) => unknown);
  readonly label?: string;
  /** The group's header line for a key value, when it is not `   Label: value` (pwsh's custom grouping controls). */
  readonly header?: (value: unknown) => string;
}

/** A format view for a type. */
export interface FormatView {
  readonly typeName: string;
  readonly kind: ViewKind;
  /** The view's name, for Format-* -View. */
  readonly name?: string;
  /** Table columns (also accepted for list and wide views). */
  readonly columns?: readonly ViewColumn[];
  /** List entries or the wide item (also accepted for table views). */
  readonly properties?: readonly ViewColumn[];
  readonly groupBy?: ViewGroupBy;
  readonly autoSize?: boolean;
  readonly hideTableHeaders?: boolean;
  readonly wrap?: boolean;
  /** Items per row of a wide view. */
  readonly columnCount?: number;
  /** A custom view's lines for an object. */
  readonly render?: (obj: unknown) => string | readonly string[];
  /** Printed on its own wherever it appears, never joining or breaking a table (error records). */
  readonly outOfBand?: boolean;
}

/** A session's format views. */
export class FormatTable {
  readonly #views: FormatView[] = [];

  /** Registers a view. The first view registered for a type is its default; a view with the same type, kind and name replaces the earlier one. */
  register(view: FormatView): void {
    const same = (v: FormatView): boolean => v.typeName.toLowerCase() === view.typeName.toLowerCase() && v.kind === view.kind && v.name === view.name;
    const index = this.#views.findIndex(same);
    if (index >= 0) this.#views[index] = view;
    else this.#views.push(view);
  }

  /** Removes a type's views (all, or those of one kind). */
  unregister(typeName: string, kind?: ViewKind): void {
    const views = this.#views;
    for (let i = views.length - 1; i >= 0; i--) {
      if (views[i].typeName.toLowerCase() === typeName.toLowerCase() && (kind === undefined || views[i].kind === kind)) views.splice(i, 1);
    }
  }

  /** The view for the most derived of `typeNames` that has one: of `kind` when given, the type's default otherwise. */
  find(typeNames: readonly string[], kind?: ViewKind, name?: string): FormatView | undefined {
    for (const typeName of typeNames) {
      const lower = typeName.toLowerCase();
      const found = this.#views.find(
        (v) => v.typeName.toLowerCase() === lower && !v.outOfBand && (kind === undefined || v.kind === kind) && (name === undefined || v.name?.toLowerCase() === name.toLowerCase()),
      );
      if (found) return found;
    }
    return undefined;
  }

  /** The out-of-band view of a type (error records): printed on its own lines wherever it appears. */
  findOutOfBand(typeNames: readonly string[]): FormatView | undefined {
    for (const typeName of typeNames) {
      const lower = typeName.toLowerCase();
      const found = this.#views.find((v) => v.outOfBand && v.typeName.toLowerCase() === lower);
      if (found) return found;
    }
    return undefined;
  }
}

/** A format table with the views every session starts with: PowerShell's for .NET and engine types. */
export function standardFormatTable(): FormatTable {
  const table = new FormatTable();
  registerStandardViews(table);
  return table;
}

/** True when the view applies to an object of these type names. */
export function viewAppliesTo(view: FormatView, typeNames: readonly string[]): boolean {
  const lower = view.typeName.toLowerCase();
  return typeNames.some((n) => n.toLowerCase() === lower);
}

/** The columns of a view, whichever of `columns` and `properties` it gave. */
export function viewItems(view: FormatView): readonly ViewColumn[] {
  return view.columns ?? view.properties ?? [];
}

// ---------------------------------------------------------------------------------------------
// The views dpmsh shows by default, after PowerShell's DotNetTypes and PowerShellCore formats
// ---------------------------------------------------------------------------------------------

const timeSpan = (f: (ts: PSTimeSpan) => unknown) => (obj: unknown) => (obj instanceof PSTimeSpan ? f(obj) : null);
const version = (f: (v: PSVersion) => unknown) => (obj: unknown) => (obj instanceof PSVersion ? f(obj) : null);

const TIME_SPAN_ITEMS: Record<string, (ts: PSTimeSpan) => unknown> = {
  Days: (ts) => timeSpanParts(ts).days,
  Hours: (ts) => timeSpanParts(ts).hours,
  Minutes: (ts) => timeSpanParts(ts).minutes,
  Seconds: (ts) => timeSpanParts(ts).seconds,
  Milliseconds: (ts) => timeSpanParts(ts).milliseconds,
  Ticks: (ts) => ts.ticks,
  TotalDays: (ts) => ts.ticks / TICKS_PER_DAY,
  TotalHours: (ts) => ts.ticks / TICKS_PER_HOUR,
  TotalMinutes: (ts) => ts.ticks / TICKS_PER_MINUTE,
  TotalSeconds: (ts) => ts.ticks / TICKS_PER_SECOND,
  TotalMilliseconds: (ts) => ts.ticks / TICKS_PER_MS,
};

const timeSpanItem = (name: string): ViewColumn => ({ label: name, property: timeSpan(TIME_SPAN_ITEMS[name]) });

/** Registers the views every session starts with. */
function registerStandardViews(table: FormatTable): void {
  table.register({
    typeName: DICTIONARY_ENTRY_TYPE_NAME,
    kind: 'table',
    columns: [{ property: 'Name', width: 30 }, { property: 'Value' }],
  });
  table.register({ typeName: DICTIONARY_ENTRY_TYPE_NAME, kind: 'list', properties: [{ property: 'Name' }, { property: 'Value' }] });
  // Get-Date: the DateTime script property, the culture's long date and long time.
  table.register({
    typeName: 'System.DateTime',
    kind: 'custom',
    render: (obj) => {
      // Get-Date -DisplayHint wraps the date with a DisplayHint note: Date, Time or DateTime.
      const date = obj instanceof PSObject && obj.baseObject instanceof PSDateTime ? obj.baseObject : obj;
      if (!(date instanceof PSDateTime)) return '';
      const hint = obj instanceof PSObject ? String(obj.read('DisplayHint') ?? '') : '';
      if (hint === 'Date') return formatDateTime(date, 'D');
      if (hint === 'Time') return formatDateTime(date, 'T');
      return `${formatDateTime(date, 'D')} ${formatDateTime(date, 'T')}`;
    },
  });
  table.register({ typeName: 'System.TimeSpan', kind: 'list', properties: Object.keys(TIME_SPAN_ITEMS).map(timeSpanItem) });
  table.register({ typeName: 'System.TimeSpan', kind: 'table', columns: ['Days', 'Hours', 'Minutes', 'Seconds', 'Milliseconds'].map(timeSpanItem) });
  table.register({ typeName: 'System.TimeSpan', kind: 'wide', properties: [timeSpanItem('TotalMilliseconds')] });
  table.register({
    typeName: 'System.Version',
    kind: 'table',
    columns: [
      { label: 'Major', property: version((v) => v.major), width: 6 },
      { label: 'Minor', property: version((v) => v.minor), width: 6 },
      { label: 'Build', property: version((v) => v.build), width: 6 },
      { label: 'Revision', property: version((v) => v.revision), width: 8 },
    ],
  });
  table.register({ typeName: 'System.Guid', kind: 'table', columns: [{ label: 'Guid', property: (obj) => (obj instanceof PSGuid ? obj.text : null) }] });
  // [int] at the prompt.
  table.register({
    typeName: 'System.RuntimeType',
    kind: 'table',
    columns: [
      { label: 'IsPublic', property: 'IsPublic', width: 8 },
      { label: 'IsSerial', property: 'IsSerializable', width: 8 },
      { property: 'Name', width: 40 },
      { property: 'BaseType' },
    ],
  });
  // Get-Member's output objects.
  table.register({
    typeName: 'Microsoft.PowerShell.Commands.MemberDefinition',
    kind: 'table',
    autoSize: true,
    groupBy: { property: 'TypeName', label: 'TypeName' },
    columns: [{ property: 'Name' }, { property: 'MemberType' }, { property: 'Definition' }],
  });
  table.register({
    typeName: 'System.Management.Automation.ErrorRecord',
    kind: 'custom',
    outOfBand: true,
    render: (obj) => (obj instanceof ErrorRecord ? formatErrorRecord(obj) : []),
  });
}
