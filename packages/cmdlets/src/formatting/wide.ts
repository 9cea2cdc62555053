/**
 * Format-Wide's layout: items side by side in equal columns spread over the whole width, two
 * per row by default, -Column n, or with -AutoSize as many as the widest item allows.
 */
import { TableWriter } from './table.js';
import type { Alignment } from './table.js';

const SEPARATOR = 1;

/** How many items of `itemWidth` cells fit on a line under -AutoSize: as many as leave one cell free, one at least. */
export function wideItemsPerRow(itemWidth: number, screenWidth: number): number {
  if (itemWidth <= 0 || screenWidth < 1 || itemWidth >= screenWidth) return 1;
  let columns = 1;
  while (itemWidth * (columns + 1) + columns * SEPARATOR < screenWidth) columns++;
  return columns;
}

/** Collects wide items into rows of a fixed count and lays each full row out. */
export class WideRows {
  readonly perRow: number;
  readonly #writer: TableWriter;
  #buffer: string[] = [];

  /** `columns` is -Column (0 when not given); `widestItem` is measured under -AutoSize (0 otherwise). */
  constructor(screenWidth: number, columns: number, widestItem: number) {
    this.perRow = widestItem > 0 ? wideItemsPerRow(widestItem, screenWidth) : columns > 0 ? columns : 2;
    this.#writer = new TableWriter({
      screenWidth,
      // Unsized columns: they share the whole width.
      widths: new Array<number>(this.perRow).fill(0),
      alignments: new Array<Alignment>(this.perRow).fill('left'),
    });
  }

  /** Adds an item; returns the row's lines when it completes one. */
  add(text: string): string[] {
    this.#buffer.push(text);
    return this.#buffer.length === this.perRow ? this.flush() : [];
  }

  /** The lines of the last, partial row. */
  flush(): string[] {
    if (this.#buffer.length === 0) return [];
    const values = Array.from({ length: this.perRow }, (_, k) => this.#buffer[k] ?? '');
    this.#buffer = [];
    return this.#writer.row(values);
  }
}
