/**
 * PowerShell's table layout (TableWriter and ColumnWidthManager): columns one space apart, the
 * last column never padded, cells cut with '…' or wrapped, columns that do not fit the screen
 * shrunk from the right and then dropped. Format-Wide lays its items out with the same writer.
 */
import { cellLength, fitFromEnd, fitFromStart, spaces } from './cells.js';
import { ELLIPSIS, firstLineWithEllipsis, wrapText } from './lines.js';

/** How a cell's text sits in its column. */
export type Alignment = 'left' | 'right' | 'center';

const SEPARATOR = 1;
const MINIMUM_COLUMN_WIDTH = 1;
const MINIMUM_SCREEN_WIDTH = 5;

/** Width of the whole table: columns of positive width and the separators between them. */
function tableWidthOf(widths: readonly number[]): number {
  let sum = 0;
  let visible = 0;
  for (const w of widths) {
    if (w > 0) {
      sum += w;
      visible++;
    }
  }
  return sum + SEPARATOR * (visible - 1);
}

/**
 * Fits column widths to the screen as ColumnWidthManager does. A width of 0 means "not given":
 * such columns share whatever room is left, one cell at a time from the left. When the table is
 * too wide the last visible column shrinks, or is dropped (width -1) when it would go below 1.
 */
export function fitColumnWidths(requested: readonly number[], tableWidth: number): number[] {
  const widths = [...requested];
  if (!assignWidths(widths, tableWidth)) trimToFit(widths, tableWidth);
  return widths;
}

function assignWidths(widths: number[], tableWidth: number): boolean {
  if (widths.every((w) => w > 0)) {
    return widths.reduce((a, b) => a + b, 0) + SEPARATOR * (widths.length - 1) <= tableWidth;
  }
  const fixed = widths.map((w) => w > 0);
  for (let k = 0; k < widths.length; k++) if (widths[k] === 0) widths[k] = MINIMUM_COLUMN_WIDTH;
  let available = tableWidth - tableWidthOf(widths);
  if (available < 0) return false;
  while (available > 0) {
    for (let k = 0; k < widths.length && available > 0; k++) {
      if (fixed[k]) continue;
      widths[k]++;
      available--;
    }
  }
  return true;
}

function trimToFit(widths: number[], tableWidth: number): void {
  for (;;) {
    const excess = tableWidthOf(widths) - tableWidth;
    if (excess <= 0) return;
    const firstHidden = widths.findIndex((w) => w < 0);
    const last = firstHidden < 0 ? widths.length - 1 : firstHidden - 1;
    if (last < 0) return;
    const shrunk = widths[last] - excess;
    widths[last] = shrunk < MINIMUM_COLUMN_WIDTH ? -1 : shrunk;
  }
}

/**
 * One cell on one line: cut at the first newline, padded to the column width or cut with an
 * ellipsis ('…' at the end, or at the start of a right-aligned cell). The last column is not
 * padded on the right.
 */
export function cellText(value: string, width: number, alignment: Alignment | undefined, addPadding: boolean): string {
  let s = firstLineWithEllipsis(value);
  const length = cellLength(s);
  if (length < width) {
    const pad = width - length;
    if (alignment === 'right') s = spaces(pad) + s;
    else if (alignment === 'center') {
      const left = Math.floor(pad / 2);
      s = spaces(left) + s + (addPadding ? spaces(pad - left) : '');
    } else if (addPadding) s += spaces(pad);
  } else if (length > width) {
    const keep = width - 1;
    if (keep > 0) s = alignment === 'right' ? ELLIPSIS + s.slice(fitFromEnd(s, keep)) : s.slice(0, fitFromStart(s, keep)) + ELLIPSIS;
    else s = alignment === 'right' ? s.slice(fitFromEnd(s, width)) : s.slice(0, fitFromStart(s, width));
  }
  // A cut through a double-width character leaves the cell one short.
  if (cellLength(s) === width) return s;
  if (alignment === 'right') return ' ' + s;
  return addPadding ? s + ' ' : s;
}

/** The layout of one table: its column widths and alignments on a screen of a given width. */
export class TableWriter {
  readonly disabled: boolean;
  /** Final widths: -1 for a column that did not fit. */
  readonly widths: readonly number[];
  readonly #alignments: readonly (Alignment | undefined)[];
  readonly #hideHeader: boolean;

  constructor(options: { screenWidth: number; widths: readonly number[]; alignments: readonly (Alignment | undefined)[]; hideHeader?: boolean }) {
    this.#alignments = options.alignments;
    this.#hideHeader = options.hideHeader ?? false;
    if (options.screenWidth < MINIMUM_SCREEN_WIDTH) {
      this.widths = options.widths;
      this.disabled = true;
      return;
    }
    this.widths = fitColumnWidths(options.widths, options.screenWidth);
    this.disabled = !this.widths.some((w) => w >= MINIMUM_COLUMN_WIDTH);
  }

  /** The header lines: the labels (wrapped when a column is narrower than its label) and the dashes, as long as each label. */
  header(labels: readonly string[]): string[] {
    if (this.disabled || this.#hideHeader) return [];
    const lines = this.#multiLineRow(labels, this.#alignments);
    const dashes = labels.map((label, k) => {
      const width = this.widths[k];
      if (width <= 0) return '';
      const length = label ? cellLength(label) : width;
      return '-'.repeat(Math.min(width, length));
    });
    lines.push(this.#singleLineRow(dashes, this.#alignments));
    return lines;
  }

  /**
   * The lines of one row. `alignments` overrides the columns' alignment cell by cell where set;
   * `wrap` wraps long cells over several lines instead of cutting them.
   */
  row(values: readonly string[], alignments?: readonly (Alignment | undefined)[], wrap = false): string[] {
    if (this.disabled) return [];
    const effective = this.#alignments.map((a, k) => alignments?.[k] ?? a);
    return wrap ? this.#multiLineRow(values, effective) : [this.#singleLineRow(values, effective)];
  }

  #singleLineRow(values: readonly string[], alignments: readonly (Alignment | undefined)[]): string {
    let line = '';
    for (let k = 0; k < this.widths.length; k++) {
      // Only the last column of the table is left unpadded, even when it was dropped: PowerShell's quirk.
      const addPadding = k !== this.widths.length - 1;
      if (this.widths[k] <= 0) continue;
      if (k > 0) line += spaces(SEPARATOR);
      line += cellText(values[k] ?? '', this.widths[k], alignments[k], addPadding);
    }
    return line;
  }

  #multiLineRow(values: readonly string[], alignments: readonly (Alignment | undefined)[]): string[] {
    const visible: number[] = [];
    this.widths.forEach((w, k) => {
      if (w > 0) visible.push(k);
    });
    if (visible.length === 0) return [];
    const cells = visible.map((col, i) => {
      const width = this.widths[col];
      const alignment = alignments[col];
      const addPadding = i !== visible.length - 1;
      const lines = wrapText(values[col] ?? '', width, width).map((line) =>
        (addPadding || alignment === 'right' || alignment === 'center') && cellLength(line) < width ? cellText(line, width, alignment, addPadding) : line,
      );
      return i > 0 ? lines.map((line) => spaces(SEPARATOR) + line) : lines;
    });
    const rowCount = Math.max(...cells.map((c) => c.length));
    const lastWithContent: number[] = [];
    for (let row = 0; row < rowCount; row++) {
      lastWithContent[row] = 0;
      cells.forEach((c, i) => {
        if (c.length > row) lastWithContent[row] = i;
      });
    }
    cells.forEach((c, i) => {
      const blank = i < cells.length - 1 ? this.widths[visible[i]] + (i > 0 ? SEPARATOR : 0) : 0;
      for (let row = c.length; row < rowCount; row++) c.push(i > lastWithContent[row] ? '' : spaces(blank));
    });
    const lines: string[] = [];
    for (let row = 0; row < rowCount; row++) {
      let line = '';
      cells.forEach((c, i) => {
        line += i === lastWithContent[row] && rowCount > 1 ? c[row].trimEnd() : c[row];
      });
      lines.push(line);
    }
    return lines;
  }
}
