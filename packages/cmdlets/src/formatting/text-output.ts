/**
 * Formatting to text in one call: Out-String, and Format-Table/-List/-Wide followed by
 * Out-String, which is what the Format-* cmdlets' examples and tests compare against.
 */
import type { HostStream } from '../host/host.js';
import { DEFAULT_CONSOLE_WIDTH, createLineFormatter } from './default-formatter.js';
import { FormatShaper } from './shaper.js';
import type { FormatOptions, FormatShape } from './shaper.js';
import { UNBOUNDED_WIDTH } from './renderer.js';
import type { FormattingTables } from './tables.js';

/** Widths of text output. */
export interface TextWidthOptions {
  /** -Width: the width of everything. */
  readonly width?: number;
  /** Without -Width, tables and wide lists still use the console's width (120 when unknown); lists are not wrapped. */
  readonly hostWidth?: number;
  readonly enumerationLimit?: number;
  readonly now?: () => number;
  /** The session's views and type data; the standard ones when absent. */
  readonly tables?: FormattingTables;
}

async function renderLines(packetsOrObjects: readonly unknown[], options: TextWidthOptions): Promise<string[]> {
  const lines: string[] = [];
  const formatter = createLineFormatter({
    tableWidth: options.width ?? options.hostWidth ?? DEFAULT_CONSOLE_WIDTH,
    textWidth: options.width ?? UNBOUNDED_WIDTH,
    enumerationLimit: options.enumerationLimit,
    now: options.now,
    tables: options.tables,
    writeLine: (line: string, _stream?: HostStream) => lines.push(line),
  });
  for (const value of packetsOrObjects) await formatter.write(value);
  await formatter.flush();
  return lines;
}

function joinLines(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

/** Out-String: the text Out-Default would print (each line ending in a newline), or its lines with `stream`. */
export function outString(objects: readonly unknown[], options?: TextWidthOptions & { readonly stream?: false }): Promise<string>;
export function outString(objects: readonly unknown[], options: TextWidthOptions & { readonly stream: true }): Promise<string[]>;
export async function outString(objects: readonly unknown[], options: TextWidthOptions & { readonly stream?: boolean } = {}): Promise<string | string[]> {
  const lines = await renderLines(objects, options);
  return options.stream ? lines : joinLines(lines);
}

/** The format data a Format-* cmdlet writes for these objects. */
export async function formatData(shape: FormatShape, objects: readonly unknown[], options: FormatOptions = {}): Promise<unknown[]> {
  const shaper = new FormatShaper(shape, options);
  const packets: unknown[] = [];
  for (const obj of objects) packets.push(...(await shaper.process(obj)));
  packets.push(...shaper.end());
  return packets;
}

/** `objects | Format-Table ... | Out-String`. */
export async function formatTable(objects: readonly unknown[], options: FormatOptions & TextWidthOptions = {}): Promise<string> {
  return outString(await formatData('table', objects, options), options);
}

/** `objects | Format-List ... | Out-String`. */
export async function formatList(objects: readonly unknown[], options: FormatOptions & TextWidthOptions = {}): Promise<string> {
  return outString(await formatData('list', objects, options), options);
}

/** `objects | Format-Wide ... | Out-String`. */
export async function formatWide(objects: readonly unknown[], options: FormatOptions & TextWidthOptions = {}): Promise<string> {
  return outString(await formatData('wide', objects, options), options);
}
