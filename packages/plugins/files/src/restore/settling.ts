/**
 * Files whose content is written, waiting for their sync and rename. A sync waits for the disk,
 * so the next files of the same directory are written meanwhile, a few at a time; all of them
 * settle before the restore goes to another directory, so the directory handle they are renamed
 * through stays open (and is not reused) until they are done.
 */
import type { EntryPath } from '@dpmsh/sdk';

// Enough to keep the thread pool's syncs busy while the next files are written.
const IN_FLIGHT = 16;

/** The files of one directory in flight. */
export class Settling {
  private directory: EntryPath | undefined;
  private readonly waiting: Promise<void>[] = [];
  private failure: { readonly error: unknown } | undefined;

  /** True when one more file of `directory` may go in flight without waiting. */
  admits(directory: EntryPath): boolean {
    return this.failure === undefined && (this.waiting.length === 0 || (directory === this.directory && this.waiting.length < IN_FLIGHT));
  }

  /** Puts a file of `directory` in flight. */
  add(directory: EntryPath, settled: Promise<void>): void {
    this.directory = directory;
    // Caught at once, kept for settle(): a failure must not go unhandled while the others run.
    this.waiting.push(settled.catch((error: unknown) => void (this.failure ??= { error })));
  }

  /** Waits for every file in flight; throws the first failure. */
  async settle(): Promise<void> {
    await Promise.all(this.waiting.splice(0));
    this.directory = undefined;
    const failure = this.failure;
    this.failure = undefined;
    if (failure !== undefined) throw failure.error;
  }
}
