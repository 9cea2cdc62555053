/**
 * What Out-String and Out-File share: the formatter (createLineFormatter) with a sink of lines.
 * Format-* output is laid out at their width; other objects are formatted as Out-Default would.
 */
import type { CmdletContext } from '../session/cmdlet.js';
import { DEFAULT_CONSOLE_WIDTH, UNBOUNDED_WIDTH, createLineFormatter, enumerationLimitOf } from '../formatting/index.js';
import type { StreamingFormatter } from '../formatting/index.js';
import type { FileEncoding } from '../files/text-encoding.js';

/** The host's width, or the console default when the host has none. */
function hostWidth(ctx: CmdletContext<unknown>): number {
  const width = ctx.session.host.width;
  return Number.isFinite(width) && width > 0 ? width : DEFAULT_CONSOLE_WIDTH;
}

/** A line formatter writing into `lines`, at -Width for everything or, without it, the host's width for tables. */
export function lineFormatter(ctx: CmdletContext<unknown>, width: number | undefined, lines: string[]): StreamingFormatter {
  return createLineFormatter({
    tableWidth: width ?? hostWidth(ctx),
    textWidth: width ?? UNBOUNDED_WIDTH,
    enumerationLimit: enumerationLimitOf(ctx.session),
    tables: ctx.session,
    writeLine: (line) => lines.push(line),
  });
}

/** The formatter of one Out-String or Out-File invocation and the lines it has produced. */
export interface OutState {
  readonly formatter: StreamingFormatter;
  readonly lines: string[];
  /** Out-File's target and encoding. */
  readonly file?: { readonly path: string; readonly encoding: FileEncoding };
  /** Out-String without -Stream: every line so far. */
  text: string;
}
