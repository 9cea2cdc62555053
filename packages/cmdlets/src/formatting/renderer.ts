/**
 * The back half of PowerShell's formatter (Out-Default, Out-String): it lays format data out as
 * lines for a screen width. A table's column widths come from its header and the rows of its
 * group that arrived in the first 300 ms (all of the group under -AutoSize): PowerShell holds
 * those rows back, then fixes the widths, so later, longer values are cut with '…'.
 */
import type { HostStream } from '../host/host.js';
import { cellLength } from './cells.js';
import { wrapText } from './lines.js';
import { listEntryLines } from './list.js';
import { TableWriter } from './table.js';
import { WideRows } from './wide.js';
import type { Alignment } from './table.js';
import { FormatEndData, FormatEntryData, FormatStartData, GroupEndData, GroupStartData } from './packets.js';
import type { EntryInfo, FormatData, ShapeInfo } from './packets.js';

/** How long PowerShell buffers a table's rows before it fixes the column widths. */
export const GROUPING_DURATION_MS = 300;

/** The width PowerShell uses where text is not wrapped (int.MaxValue). */
export const UNBOUNDED_WIDTH = 2147483647;

/** Where and how wide the renderer writes. */
export interface RendererOptions {
  /** Width tables and wide lists are laid out to. */
  readonly tableWidth: number;
  /** Width lists, group headers and custom views wrap at. */
  readonly textWidth: number;
  readonly writeLine: (line: string, stream?: HostStream) => void;
  /** The clock the 300 ms buffering reads; injectable for tests. */
  readonly now?: () => number;
}

type Hint = { readonly kind: 'table'; readonly widths: readonly number[] } | { readonly kind: 'wide'; readonly maxWidth: number };

/**
 * Holds back the packets of a group until it ends, `objectLimit` entries arrived, or (checked as
 * each packet arrives, as PowerShell does) `durationMs` passed since the group started; then
 * works out the layout hint from the held entries and releases everything in order.
 */
class GroupQueue {
  #queue: FormatData[] = [];
  #processing = false;
  #count = 0;
  #startedAt = 0;
  #formatStart: FormatStartData | undefined;

  constructor(
    readonly onRelease: (start: FormatStartData | undefined, held: readonly FormatData[]) => void,
    readonly durationMs: number | undefined,
    readonly now: () => number,
  ) {}

  add(packet: FormatData): FormatData[] | undefined {
    if (packet instanceof FormatStartData) this.#formatStart = packet;
    if (packet instanceof FormatEntryData && !packet.outOfBand) this.#count++;
    if (!this.#processing && packet instanceof GroupStartData) {
      this.#processing = true;
      this.#count = 0;
      this.#startedAt = this.now();
      this.#queue.push(packet);
      return undefined;
    }
    if (this.#processing && (packet instanceof GroupEndData || (this.durationMs !== undefined && this.now() - this.#startedAt > this.durationMs))) {
      this.#queue.push(packet);
      this.onRelease(
        this.#formatStart,
        this.#queue.filter((p) => !(p instanceof FormatEntryData && p.outOfBand)),
      );
      this.#processing = false;
      return this.drain();
    }
    if (this.#processing) {
      this.#queue.push(packet);
      return undefined;
    }
    return [packet];
  }

  /** Everything still held, without a hint (the end of output). */
  drain(): FormatData[] {
    const out = this.#queue;
    this.#queue = [];
    return out;
  }
}

interface GroupContext {
  start(): void;
  payload(entry: EntryInfo, stream: HostStream | undefined): void;
  end(): void;
}

/** Lays format data out as lines. Feed packets with `add`, then call `end`. */
export class FormatRenderer {
  readonly #options: RendererOptions;
  readonly #now: () => number;
  #queue: GroupQueue | undefined;
  #hint: Hint | undefined;
  #shape: ShapeInfo | undefined;
  #group: GroupContext | undefined;

  constructor(options: RendererOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => performance.now());
  }

  /** Takes the next packet. */
  add(packet: FormatData): void {
    if (packet instanceof FormatStartData) this.#enableCaching(packet);
    const ready = this.#queue ? this.#queue.add(packet) : [packet];
    if (ready) for (const p of ready) this.#process(p);
  }

  /** Writes whatever is still held back. */
  end(): void {
    if (this.#queue) for (const p of this.#queue.drain()) this.#process(p);
  }

  #enableCaching(start: FormatStartData): void {
    const release = (s: FormatStartData | undefined, held: readonly FormatData[]): void => {
      this.#hint = s ? hintFor(s.shape, held) : undefined;
    };
    // As in PowerShell, a later document without buffering keeps the queue an earlier one set up.
    if (start.autoSize) this.#queue = new GroupQueue(release, undefined, this.#now);
    else if (start.shape.kind === 'table' && start.shape.columns.length > 0 && start.shape.columns[0].width === 0) {
      this.#queue = new GroupQueue(release, GROUPING_DURATION_MS, this.#now);
    }
  }

  #write(line: string, stream?: HostStream): void {
    this.#options.writeLine(line, stream);
  }

  #process(packet: FormatData): void {
    if (packet instanceof FormatStartData) {
      // A document that starts while another is open closes it first.
      if (this.#group) this.#group.end();
      this.#group = undefined;
      this.#shape = packet.shape;
      this.#write('');
    } else if (packet instanceof GroupStartData) {
      if (packet.label !== undefined) {
        for (const line of wrapText(packet.label, this.#options.textWidth)) this.#write(line);
        this.#write('');
      }
      this.#group = this.#createGroup(this.#hint);
      this.#hint = undefined;
      this.#group.start();
    } else if (packet instanceof FormatEntryData) {
      if (packet.outOfBand || !this.#group) this.#outOfBand(packet.entry, packet.stream);
      else this.#group.payload(packet.entry, packet.stream);
    } else if (packet instanceof GroupEndData) {
      this.#group?.end();
      this.#group = undefined;
    } else if (packet instanceof FormatEndData) {
      // A list already ended its last entry with an empty line.
      if (this.#shape?.kind !== 'list') this.#write('');
      this.#shape = undefined;
    }
  }

  #outOfBand(entry: EntryInfo, stream: HostStream | undefined): void {
    switch (entry.kind) {
      case 'rawText':
        for (const line of entry.text.replace(/\r/g, '').split('\n')) this.#write(line, stream);
        break;
      case 'lines':
        for (const line of entry.lines) this.#write(line, stream);
        break;
      case 'listEntry':
        this.#write('', stream);
        for (const line of listEntryLines(entry.labels, entry.values, this.#options.textWidth)) this.#write(line, stream);
        this.#write('', stream);
        break;
      case 'tableRow':
        this.#write(entry.cells.join(' '), stream);
        break;
      case 'wideItem':
        this.#write(entry.text, stream);
        break;
    }
  }

  #createGroup(hint: Hint | undefined): GroupContext {
    const shape = this.#shape ?? { kind: 'custom' };
    switch (shape.kind) {
      case 'table':
        return this.#tableGroup(shape, hint?.kind === 'table' ? hint.widths : undefined);
      case 'list':
        return {
          start: () => {},
          payload: (entry, stream) => {
            if (entry.kind !== 'listEntry') return this.#outOfBand(entry, stream);
            for (const line of listEntryLines(entry.labels, entry.values, this.#options.textWidth)) this.#write(line, stream);
            this.#write('', stream);
          },
          end: () => {},
        };
      case 'wide':
        return this.#wideGroup(shape.columns, hint?.kind === 'wide' ? hint.maxWidth : 0);
      case 'custom':
        return {
          start: () => {},
          payload: (entry, stream) => {
            if (entry.kind !== 'lines') return this.#outOfBand(entry, stream);
            for (const line of entry.lines) for (const piece of wrapText(line, this.#options.textWidth)) this.#write(piece, stream);
          },
          end: () => {},
        };
    }
  }

  #tableGroup(shape: Extract<ShapeInfo, { kind: 'table' }>, hintWidths: readonly number[] | undefined): GroupContext {
    const columns = shape.columns;
    const writer = new TableWriter({
      screenWidth: this.#options.tableWidth,
      widths: hintWidths ?? columns.map((c) => c.width),
      alignments: columns.map((c) => c.alignment),
      hideHeader: shape.hideHeader,
    });
    return {
      start: () => {
        for (const line of writer.header(columns.map((c) => c.label))) this.#write(line);
      },
      payload: (entry, stream) => {
        if (entry.kind !== 'tableRow' || columns.length === 0) return;
        // The header decides the columns: missing cells are empty, extra ones dropped.
        const values = columns.map((_, k) => entry.cells[k] ?? '');
        const alignments: (Alignment | undefined)[] = columns.map((_, k) => (k < entry.cells.length ? entry.alignments[k] : 'left'));
        for (const line of writer.row(values, alignments, entry.wrap)) this.#write(line, stream);
      },
      end: () => {},
    };
  }

  #wideGroup(columns: number, maxWidth: number): GroupContext {
    const rows = new WideRows(this.#options.tableWidth, columns, maxWidth);
    const write = (lines: readonly string[]): void => {
      for (const line of lines) this.#write(line);
    };
    return {
      start: () => {},
      payload: (entry) => {
        if (entry.kind === 'wideItem') write(rows.add(entry.text));
      },
      end: () => write(rows.flush()),
    };
  }
}

/** The layout hint of a held group: each column as wide as its label and widest cell; the widest wide item. */
function hintFor(shape: ShapeInfo, held: readonly FormatData[]): Hint | undefined {
  const entries = held.filter((p): p is FormatEntryData => p instanceof FormatEntryData).map((p) => p.entry);
  if (shape.kind === 'table') {
    if (shape.columns.length === 0) return undefined;
    const widths = shape.columns.map((c) => (c.label ? cellLength(c.label) : 0));
    for (const entry of entries) {
      if (entry.kind !== 'tableRow') continue;
      entry.cells.forEach((cell, k) => {
        if (k < widths.length) widths[k] = Math.max(widths[k], cellLength(cell));
      });
    }
    return { kind: 'table', widths };
  }
  if (shape.kind === 'wide') {
    // Format-Wide -Column sets the count itself; only -AutoSize measures.
    if (shape.columns !== 0) return undefined;
    let maxWidth = 0;
    for (const entry of entries) if (entry.kind === 'wideItem' && entry.text) maxWidth = Math.max(maxWidth, cellLength(entry.text));
    return { kind: 'wide', maxWidth };
  }
  return undefined;
}
