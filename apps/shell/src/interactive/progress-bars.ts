/**
 * Write-Progress at the interactive prompt: one line per running activity (activity, a bar filled
 * to PercentComplete, status) drawn under the output, redrawn in place with cursor movement,
 * erased before other output is written (and drawn again after it), when an activity completes
 * and when the command ends.
 */
import type { ProgressRecord } from '@dpmsh/runtime';

/** The terminal the bars are drawn on. */
export interface ProgressTerminal {
  write(text: string): unknown;
  readonly columns?: number;
}

const MAX_BAR = 50;
const MIN_BAR = 10;

/** One activity's line, at most `columns - 1` wide so that the terminal never wraps it. */
export function progressLine(record: ProgressRecord, columns: number): string {
  const status = record.status;
  const room = columns - 1;
  let line: string;
  if (record.percentComplete < 0) {
    line = `${record.activity} ${status}`;
  } else {
    const width = Math.max(MIN_BAR, Math.min(MAX_BAR, room - record.activity.length - status.length - 4));
    const percent = Math.min(100, record.percentComplete);
    const filled = Math.round((percent / 100) * width);
    line = `${record.activity} [${'o'.repeat(filled)}${' '.repeat(width - filled)}] ${status}`;
  }
  return line.length > room ? line.slice(0, Math.max(0, room)) : line;
}

/** The progress lines of the running activities at the bottom of the output. */
export class ProgressBars {
  readonly #terminal: ProgressTerminal;
  /** The activities still running, by id, in the order they started. */
  readonly #records = new Map<number, ProgressRecord>();
  /** How many lines are on the screen now; the cursor is then at the start of the first. */
  #shown = 0;
  /** False after output that did not end its line: bars wait until a line is ended. */
  #atLineStart = true;

  constructor(terminal: ProgressTerminal) {
    this.#terminal = terminal;
  }

  /** Takes a progress record: shows, updates or (when completed) removes its activity. */
  update(record: ProgressRecord): void {
    if (record.completed) {
      this.#records.delete(record.activityId);
      for (const [id, child] of this.#records) if (child.parentActivityId === record.activityId) this.#records.delete(id);
    } else {
      this.#records.set(record.activityId, record);
    }
    this.#draw();
  }

  /** Erases the bars from the screen (other output is about to be written); they stay known. */
  hide(): void {
    if (this.#shown === 0) return;
    this.#terminal.write('\r\x1b[J');
    this.#shown = 0;
  }

  /** Notes output just written while the bars were hidden, and draws them again below it. */
  written(text: string): void {
    if (text !== '') this.#atLineStart = text.endsWith('\n');
    this.#draw();
  }

  /** The command ended: erases the bars and forgets every activity. */
  clear(): void {
    this.hide();
    this.#records.clear();
    this.#atLineStart = true;
  }

  #draw(): void {
    this.hide();
    if (this.#records.size === 0 || !this.#atLineStart) return;
    const columns = this.#terminal.columns || 80;
    const lines = [...this.#records.values()].map((r) => progressLine(r, columns));
    const up = lines.length > 1 ? `\x1b[${lines.length - 1}A` : '';
    this.#terminal.write(`${lines.join('\r\n')}${up}\r`);
    this.#shown = lines.length;
  }
}
