/**
 * Where the streams of a command go once its preferences have let a record through. A command's
 * targets start as its pipeline's (the host for a top-level statement; the enclosing function's
 * streams for the statements in a function body) and its redirections replace some of them.
 */
import type { ErrorRecord, PipelineStreams, DebugRecord, InformationRecord, VerboseRecord, WarningRecord, ProgressRecord } from '@dpmsh/runtime';
import type { Host } from '../host/host.js';
import { toText, HostInformationMessage } from '@dpmsh/runtime';

/** The destinations of one command's streams. */
export interface StreamTargets {
  output(value: unknown): Promise<void>;
  error(record: ErrorRecord): void | Promise<void>;
  warning(record: WarningRecord): void | Promise<void>;
  verbose(record: VerboseRecord): void | Promise<void>;
  debug(record: DebugRecord): void | Promise<void>;
  information(record: InformationRecord): void | Promise<void>;
  progress(record: ProgressRecord): void;
}

/** The host's display of each stream: errors in the error view, `WARNING: `-style prefixes, Write-Host colours. */
export function hostTargets(host: Host): Omit<StreamTargets, 'output'> {
  return {
    error: (record) => host.writeErrorRecord(record),
    warning: (record) => host.write(`WARNING: ${record.message}`, { stream: 'warning' }),
    verbose: (record) => host.write(`VERBOSE: ${record.message}`, { stream: 'verbose' }),
    debug: (record) => host.write(`DEBUG: ${record.message}`, { stream: 'debug' }),
    information: (record) => {
      const data = record.messageData;
      if (data instanceof HostInformationMessage) {
        host.write(data.message, {
          stream: 'host',
          foregroundColor: data.options.foregroundColor,
          backgroundColor: data.options.backgroundColor,
          newline: !data.options.noNewLine,
        });
      } else {
        host.write(toText(data), { stream: 'information' });
      }
    },
    progress: (record) => host.progress(record),
  };
}

/** A pipeline's starting targets: inherited streams where given, the host for the rest. */
export function inheritedTargets(host: Host, output: (value: unknown) => Promise<void>, inherited: PipelineStreams | undefined): StreamTargets {
  const display = hostTargets(host);
  const from: PipelineStreams = inherited ?? {};
  const pick = <K extends keyof Omit<StreamTargets, 'output'>>(key: K): StreamTargets[K] => {
    const own = from[key] as StreamTargets[K] | undefined;
    return own ? (own.bind(from) as StreamTargets[K]) : (display[key] as StreamTargets[K]);
  };
  return {
    output,
    error: pick('error'),
    warning: pick('warning'),
    verbose: pick('verbose'),
    debug: pick('debug'),
    information: pick('information'),
    progress: pick('progress'),
  };
}

/**
 * Keeps a command's deliveries in the order it made them when some of them are asynchronous (an
 * error merged into the output with `2>&1` runs the downstream commands; an Inquire prompt waits
 * for the user). Synchronous deliveries made while nothing is pending run at once. A failure is
 * kept and thrown at the next `flush`, which the runner calls before the command's next output
 * and after each of its blocks.
 */
export class DeliveryQueue {
  #tail: Promise<void> | undefined;
  #failure: { error: unknown } | undefined;

  /** True when nothing is pending and nothing failed: `flush` would have nothing to do. */
  get idle(): boolean {
    return this.#tail === undefined && this.#failure === undefined;
  }

  /** Runs a delivery after the pending ones. */
  run(job: () => void | Promise<void>): void {
    if (this.#failure) return;
    if (this.#tail === undefined) {
      const result = job();
      if (result instanceof Promise) this.#track(result);
      return;
    }
    this.#track(
      this.#tail.then(() => {
        if (!this.#failure) return job();
      }),
    );
  }

  #track(promise: Promise<void>): void {
    const tail: Promise<void> = promise.then(
      () => {
        if (this.#tail === tail) this.#tail = undefined;
      },
      (error: unknown) => {
        this.#failure ??= { error };
        if (this.#tail === tail) this.#tail = undefined;
      },
    );
    this.#tail = tail;
  }

  /** Waits for every pending delivery; throws the first failure. */
  async flush(): Promise<void> {
    while (this.#tail) await this.#tail;
    const failure = this.#failure;
    if (failure) {
      this.#failure = undefined;
      throw failure.error;
    }
  }

  /** Waits for the pending deliveries, dropping any failure (after another error already ended the command). */
  async settle(): Promise<void> {
    try {
      await this.flush();
    } catch {
      // The command is already failing with the error that matters.
    }
  }
}
