/**
 * Progress of a backup, copy, restore or verify as the user sees it: bytes and files done, the
 * rate since the start and the time left at that rate. Engine progress arrives often; a report
 * goes out at most every 100 ms, and always at the end.
 */
import type { EngineProgress } from '@dpmsh/engine';

/** What is in progress. */
export type ProgressActivity = 'Backup' | 'OnlineBackup' | 'Restore' | 'Verify' | 'Repair';

/** One progress report. */
export interface OperationProgress {
  readonly activity: ProgressActivity;
  readonly datasourceName: string;
  readonly bytesDone: number;
  readonly bytesTotal?: number;
  readonly filesDone: number;
  readonly filesTotal?: number;
  /** Bytes per second since the operation started. */
  readonly bytesPerSecond: number;
  /** At the current rate, when the total is known. */
  readonly secondsRemaining?: number;
  readonly currentPath?: string;
  readonly completed: boolean;
}

/** Where progress reports go. */
export type ProgressListener = (progress: OperationProgress) => void;

const REPORT_EVERY_MS = 100;

/** Turns engine progress into reports for a listener. */
export class ProgressMeter {
  readonly #started: number;
  #lastReport = -Infinity;
  #last: EngineProgress = { bytesDone: 0, filesDone: 0 };

  constructor(
    private readonly activity: ProgressActivity,
    private readonly datasourceName: string,
    private readonly listener: ProgressListener | undefined,
    private readonly bytesTotal?: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.#started = now();
  }

  /** Takes engine progress; reports it unless a report went out very recently. */
  readonly update = (progress: EngineProgress): void => {
    this.#last = progress;
    const at = this.now();
    if (at - this.#lastReport < REPORT_EVERY_MS) return;
    this.#lastReport = at;
    this.#emit(false);
  };

  /** Reports the end. */
  complete(): void {
    this.#emit(true);
  }

  #emit(completed: boolean): void {
    if (!this.listener) return;
    const p = this.#last;
    const seconds = Math.max(0.001, (this.now() - this.#started) / 1000);
    const bytesPerSecond = p.bytesDone / seconds;
    const bytesTotal = p.bytesTotal ?? this.bytesTotal;
    const secondsRemaining =
      completed ? 0 : bytesTotal !== undefined && bytesPerSecond > 0 ? Math.max(0, Math.round((bytesTotal - p.bytesDone) / bytesPerSecond)) : undefined;
    this.listener({
      activity: this.activity,
      datasourceName: this.datasourceName,
      bytesDone: p.bytesDone,
      ...(bytesTotal === undefined ? {} : { bytesTotal }),
      filesDone: p.filesDone,
      ...(p.filesTotal === undefined ? {} : { filesTotal: p.filesTotal }),
      bytesPerSecond,
      ...(secondsRemaining === undefined ? {} : { secondsRemaining }),
      ...(p.currentPath === undefined ? {} : { currentPath: p.currentPath }),
      completed,
    });
  }
}
