/**
 * Out-Default: the streaming formatter every pipeline's output goes through in scripted runs and
 * the REPL. It formats raw objects as format-default does and lays format data from Format-* out
 * directly; scalars print at once, table rows are held back up to 300 ms to size the columns.
 *
 * One instance serves one pipeline, as in PowerShell: a script's whole output is one pipeline
 * (so a table started by its first object takes the rows of later statements too), while the
 * REPL flushes after every line it runs.
 */
import type { Host, HostStream } from '../host/host.js';
import { PSNumber } from '@dpmsh/runtime';
import type { Scope } from '@dpmsh/runtime';
import type { FormattingTables } from './tables.js';
import { FormatShaper } from './shaper.js';
import { FormatRenderer } from './renderer.js';
import { FormatStartData, isFormatData } from './packets.js';
import { DEFAULT_ENUMERATION_LIMIT } from './scalar.js';

/** PowerShell's width when there is no console to ask. */
export const DEFAULT_CONSOLE_WIDTH = 120;

/** A formatter that writes lines as objects arrive. */
export interface StreamingFormatter {
  /** Formats one object (or renders one format packet); `stream` marks objects from another stream (an error record via 2>&1). Await each call before the next. */
  write(value: unknown, stream?: HostStream): Promise<void>;
  /** Ends the pipeline: closes the open table or list and writes what is held back. The formatter can then take the next pipeline. */
  flush(): Promise<void>;
}

/** Where a streaming formatter writes and how wide. */
export interface LineFormatterOptions {
  /** Width tables and wide lists are laid out to. */
  readonly tableWidth: number;
  /** Width lists, group headers and custom views wrap at. */
  readonly textWidth: number;
  readonly writeLine: (line: string, stream?: HostStream) => void;
  /** $FormatEnumerationLimit, or a function read at the start of every pipeline. */
  readonly enumerationLimit?: number | (() => number);
  /** The clock of the 300 ms buffering (tests pass a fake one). */
  readonly now?: () => number;
  /** The session's views and type data; the standard ones when absent. */
  readonly tables?: FormattingTables;
}

/** A streaming formatter over any line sink: Out-Default, Out-String -Stream and Out-File build on it. */
export function createLineFormatter(options: LineFormatterOptions): StreamingFormatter {
  const limit = options.enumerationLimit;
  const newShaper = (): FormatShaper => new FormatShaper(undefined, { enumerationLimit: typeof limit === 'function' ? limit() : limit, tables: options.tables });
  const fresh = (): { shaper: FormatShaper; renderer: FormatRenderer } => ({
    shaper: newShaper(),
    renderer: new FormatRenderer({ tableWidth: options.tableWidth, textWidth: options.textWidth, writeLine: options.writeLine, now: options.now }),
  });
  let state = fresh();
  return {
    async write(value, stream) {
      if (isFormatData(value)) {
        if (value instanceof FormatStartData && state.shaper.isOpen) {
          // Format-* output after objects Out-Default formatted itself: PowerShell first ends the
          // document it had open (its table closes with its empty line), then lays out the new one.
          for (const packet of state.shaper.end()) state.renderer.add(packet);
          state.renderer.end();
          state.shaper = newShaper();
        }
        state.renderer.add(value);
        return;
      }
      for (const packet of await state.shaper.process(value, stream)) state.renderer.add(packet);
    },
    flush() {
      for (const packet of state.shaper.end()) state.renderer.add(packet);
      state.renderer.end();
      state = fresh();
      return Promise.resolve();
    },
  };
}

/** What formatting reads from a session: $FormatEnumerationLimit, and its views and type data. */
export interface FormattingSession extends FormattingTables {
  readonly globalScope: Scope;
}

/** $FormatEnumerationLimit of a session: its global value when it is an integer, else 4. */
export function enumerationLimitOf(session: Pick<FormattingSession, 'globalScope'> | undefined): number {
  const value = session?.globalScope.lookup('FormatEnumerationLimit')?.value;
  const n = value instanceof PSNumber ? value.value : value;
  return typeof n === 'number' && Number.isInteger(n) ? n : DEFAULT_ENUMERATION_LIMIT;
}

/** Options of Out-Default. */
export interface OutDefaultOptions {
  readonly host: Host;
  /** The console width; PowerShell's console output uses one column less, so the last column is never written. Defaults to the host's width. */
  readonly width?: number;
  /** Gives $FormatEnumerationLimit and the views; the standard views when absent. */
  readonly session?: FormattingSession;
  readonly now?: () => number;
}

/** Out-Default for a host: formatted output written line by line through `host.write`. */
export function createOutDefault(options: OutDefaultOptions): StreamingFormatter {
  const width = options.width ?? options.host.width;
  // A host that cannot tell its width (0) gets PowerShell's default console width.
  const columns = (Number.isFinite(width) && width > 0 ? width : DEFAULT_CONSOLE_WIDTH) - 1;
  return createLineFormatter({
    tableWidth: columns,
    textWidth: columns,
    enumerationLimit: () => enumerationLimitOf(options.session),
    now: options.now,
    tables: options.session,
    writeLine: (line, stream) => options.host.write(line, stream ? { stream } : undefined),
  });
}
