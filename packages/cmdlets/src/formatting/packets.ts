/**
 * The format data Format-Table, Format-List and Format-Wide write to the pipeline, as
 * PowerShell's do: a start (the shape and its columns), groups of entries (cell texts already
 * computed), and an end. Out-Default and Out-String lay them out for their width, so
 * `Format-Table | Out-String -Width 200` and a trailing `Format-Table` print as PowerShell does.
 */
import type { HostStream } from '../host/host.js';
import type { Alignment } from './table.js';

/** A table column as the start packet declares it; width 0 lets the data decide. */
export interface TableColumnInfo {
  readonly label: string;
  readonly width: number;
  readonly alignment: Alignment | undefined;
}

/** The shape of a format document. */
export type ShapeInfo =
  | { readonly kind: 'table'; readonly columns: readonly TableColumnInfo[]; readonly hideHeader: boolean }
  | { readonly kind: 'list' }
  /** `columns` 0: two, or as many as fit with -AutoSize. */
  | { readonly kind: 'wide'; readonly columns: number }
  | { readonly kind: 'custom' };

/** What one entry shows. */
export type EntryInfo =
  | { readonly kind: 'tableRow'; readonly cells: readonly string[]; readonly alignments: readonly (Alignment | undefined)[]; readonly wrap: boolean }
  | { readonly kind: 'listEntry'; readonly labels: readonly string[]; readonly values: readonly string[] }
  | { readonly kind: 'wideItem'; readonly text: string }
  /** A custom view's lines, wrapped to the width. */
  | { readonly kind: 'lines'; readonly lines: readonly string[] }
  /** A scalar's text, written as it is. */
  | { readonly kind: 'rawText'; readonly text: string };

/** Format data of any kind. */
export abstract class FormatData {
  /** The .NET type PowerShell uses for this packet (what Get-Member shows). */
  abstract readonly typeName: string;
}

const NS = 'Microsoft.PowerShell.Commands.Internal.Format';

/** Starts a format document. */
export class FormatStartData extends FormatData {
  readonly typeName = `${NS}.FormatStartData`;
  constructor(
    readonly shape: ShapeInfo,
    /** -AutoSize: lay out a whole group at once instead of its first 300 ms. */
    readonly autoSize: boolean,
  ) {
    super();
  }
}

/** Starts a group; `label` is its header line (`   Status: Running`) under -GroupBy. */
export class GroupStartData extends FormatData {
  readonly typeName = `${NS}.GroupStartData`;
  constructor(readonly label?: string) {
    super();
  }
}

/** One formatted object, or an out-of-band one printed on its own (a string between table rows). */
export class FormatEntryData extends FormatData {
  readonly typeName = `${NS}.FormatEntryData`;
  constructor(
    readonly entry: EntryInfo,
    readonly outOfBand: boolean,
    /** The stream the object came from, when it is not output (an error record through 2>&1). */
    readonly stream?: HostStream,
  ) {
    super();
  }
}

/** Ends a group. */
export class GroupEndData extends FormatData {
  readonly typeName = `${NS}.GroupEndData`;
}

/** Ends a format document. */
export class FormatEndData extends FormatData {
  readonly typeName = `${NS}.FormatEndData`;
}

/** True for format data, which Out-Default and Out-String render instead of formatting again. */
export function isFormatData(value: unknown): value is FormatData {
  return value instanceof FormatData;
}
