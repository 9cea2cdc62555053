/**
 * A command's redirections: `2>&1` (any stream, or `*`) merges into that command's own output,
 * `2>$null` discards, `> file` / `>> file` write the formatted text to a file (objects as the
 * formatter lays them out, errors in the error view, other records as their message). Merged
 * records take the output's own redirection: `cmd 2>&1 > log` puts both in the log, in whichever
 * order the redirections were written, as PowerShell does.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import type { ErrorRecord, InformationRecord, InformationalRecord } from '@dpmsh/runtime';
import { RuntimeError, errorRecord, toText } from '@dpmsh/runtime';
import { formatErrorRecord } from '../formatting/error-view.js';
import type { ErrorView } from '../formatting/error-view.js';
import type { StreamTargets } from './streams.js';

/** A stream a redirection names; `all` is `*`. */
export type RedirectedStream = 'all' | 'output' | 'error' | 'warning' | 'verbose' | 'debug' | 'information';

/** One redirection of a command, with its target already evaluated. */
export type PipelineRedirection =
  | {
      readonly kind: 'merge';
      readonly from: RedirectedStream;
      /** Always the output stream: `&1` is the only merge target PowerShell accepts. */
      readonly to: RedirectedStream;
    }
  | {
      readonly kind: 'file';
      readonly from: RedirectedStream;
      /** An absolute path, or null for `$null`. */
      readonly path: string | null;
      readonly append: boolean;
    };

type OtherStream = 'error' | 'warning' | 'verbose' | 'debug' | 'information';
const OTHER_STREAMS: readonly OtherStream[] = ['error', 'warning', 'verbose', 'debug', 'information'];

/** How the file of a redirection renders what it receives. */
export interface FileFormat {
  /** Output objects as text, as Out-File writes them (one call per run of consecutive objects). */
  objects(values: readonly unknown[]): Promise<string>;
  readonly errorView: ErrorView;
  readonly width: number;
}

type Entry = { readonly object: unknown } | { readonly text: string };

/** A file a command's streams are redirected to: opened when the pipeline starts, written when it ends. */
export class RedirectionFile {
  readonly #entries: Entry[] = [];
  constructor(
    readonly path: string,
    readonly append: boolean,
  ) {}

  /** Creates (or, without append, empties) the file now, as PowerShell does even when nothing is written. */
  open(): void {
    try {
      if (!this.append) writeFileSync(this.path, '');
      else appendFileSync(this.path, '');
    } catch (error) {
      throw new RuntimeError(fileOpenFailure(this.path, error));
    }
  }

  addObject(object: unknown): void {
    this.#entries.push({ object });
  }

  addText(text: string): void {
    this.#entries.push({ text });
  }

  /** Writes everything received, formatted, and forgets it. */
  async flush(format: FileFormat): Promise<void> {
    let out = '';
    let run: unknown[] = [];
    const endRun = async (): Promise<void> => {
      if (run.length === 0) return;
      const objects = run;
      run = [];
      out += withNewline(await format.objects(objects));
    };
    for (const entry of this.#entries) {
      if ('object' in entry) run.push(entry.object);
      else {
        await endRun();
        out += withNewline(entry.text);
      }
    }
    await endRun();
    this.#entries.length = 0;
    if (out === '') return;
    try {
      appendFileSync(this.path, out, 'utf8');
    } catch (error) {
      throw new RuntimeError(fileOpenFailure(this.path, error));
    }
  }
}

function withNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/** Out-File's error for a file that cannot be written. */
function fileOpenFailure(path: string, error: unknown): ErrorRecord {
  const code = (error as { code?: string }).code;
  const message =
    code === 'ENOENT'
      ? `Could not find a part of the path '${path}'.`
      : code === 'EACCES' || code === 'EPERM' || code === 'EISDIR'
        ? `Access to the path '${path}' is denied.`
        : `The file '${path}' cannot be written: ${(error as Error).message}`;
  const record = errorRecord(message, 'FileOpenFailure', 'OpenError', { typeName: 'System.IO.IOException', targetObject: path });
  record.invocationInfo = { commandName: 'Out-File', implementingType: 'Microsoft.PowerShell.Commands.OutFileCommand' };
  return record;
}

/** The files a set of redirections writes, shared by path so `*> log` opens the log once. */
export class RedirectionFiles {
  readonly #byPath = new Map<string, RedirectionFile>();

  /** The file for a path, created on first use. */
  file(path: string, append: boolean): RedirectionFile {
    let file = this.#byPath.get(path);
    if (!file) {
      file = new RedirectionFile(path, append);
      this.#byPath.set(path, file);
    }
    return file;
  }

  /** Opens every file (before any command begins). */
  open(): void {
    // PowerShell does not create a missing directory for a redirection: opening reports it.
    for (const file of this.#byPath.values()) file.open();
  }

  /** Writes every file. */
  async flush(format: FileFormat): Promise<void> {
    for (const file of this.#byPath.values()) await file.flush(format);
  }
}

type Destination = 'inherit' | 'merge' | 'discard' | RedirectionFile;

/**
 * A command's targets after its redirections. `base` are the targets the command would write to
 * without them; `files` collects the files to open and flush.
 */
export function redirectTargets(
  base: StreamTargets,
  redirections: readonly PipelineRedirection[] | undefined,
  files: RedirectionFiles,
  format: Pick<FileFormat, 'errorView' | 'width'>,
): StreamTargets {
  if (!redirections || redirections.length === 0) return base;
  let output: Exclude<Destination, 'merge'> = 'inherit';
  const other = new Map<OtherStream, Destination>();
  for (const r of redirections) {
    const streams: readonly RedirectedStream[] = r.from === 'all' ? ['output', ...OTHER_STREAMS] : [r.from];
    const destination: Destination = r.kind === 'merge' ? 'merge' : r.path === null ? 'discard' : files.file(r.path, r.append);
    for (const stream of streams) {
      if (stream === 'output') {
        if (destination !== 'merge') output = destination;
      } else if (stream !== 'all') {
        other.set(stream, destination);
      }
    }
  }

  const outputTarget: StreamTargets['output'] =
    output === 'inherit'
      ? base.output
      : output === 'discard'
        ? async () => undefined
        : ((file) => async (value: unknown) => file.addObject(value))(output);

  const route = <T extends ErrorRecord | InformationalRecord | InformationRecord>(
    stream: OtherStream,
    inherited: (record: T) => void | Promise<void>,
    asText: (record: T) => string,
  ): ((record: T) => void | Promise<void>) => {
    const destination = other.get(stream) ?? 'inherit';
    if (destination === 'inherit') return inherited;
    if (destination === 'discard') return () => undefined;
    if (destination === 'merge') return (record) => outputTarget(record);
    return (record) => destination.addText(asText(record));
  };

  return {
    output: outputTarget,
    error: route<ErrorRecord>('error', base.error, (r) => formatErrorRecord(r, { view: format.errorView, width: format.width })),
    warning: route('warning', base.warning, (r) => r.message),
    verbose: route('verbose', base.verbose, (r) => r.message),
    debug: route('debug', base.debug, (r) => r.message),
    information: route<InformationRecord>('information', base.information, (r) => toText(r.messageData)),
    progress: base.progress,
  };
}
