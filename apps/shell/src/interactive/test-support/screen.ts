/**
 * A small VT100 screen for end-to-end tests: it replays what a program wrote to its terminal
 * (text, CR/LF, cursor moves, erases; colours ignored) and gives back the text on the screen,
 * so tests read what a user would see rather than the raw escape sequences.
 */

/** The visible text a terminal of `columns` would show after `output`, scrollback included. */
export class Screen {
  readonly #columns: number;
  readonly #rows: number;
  readonly #lines: string[][] = [[]];
  /** Index in #lines of the screen's top row. */
  #top = 0;
  #row = 0;
  #column = 0;

  constructor(columns: number, rows: number) {
    this.#columns = columns;
    this.#rows = rows;
  }

  /** Applies terminal output. */
  write(output: string): void {
    for (let i = 0; i < output.length; i++) {
      const c = output[i];
      if (c === '\x1b') {
        i = this.#escape(output, i);
      } else if (c === '\r') {
        this.#column = 0;
      } else if (c === '\n') {
        this.#lineFeed();
      } else if (c === '\b') {
        this.#column = Math.max(0, this.#column - 1);
      } else if (c >= ' ') {
        if (this.#column >= this.#columns) {
          this.#column = 0;
          this.#lineFeed();
        }
        const line = this.#line(this.#row);
        while (line.length < this.#column) line.push(' ');
        line[this.#column++] = c;
      }
    }
  }

  /** Every line written so far, trailing spaces and trailing blank lines removed. */
  text(): string {
    return this.#lines
      .map((l) => l.join('').trimEnd())
      .join('\n')
      .replace(/\n+$/, '');
  }

  #line(row: number): string[] {
    const index = this.#top + row;
    while (this.#lines.length <= index) this.#lines.push([]);
    return this.#lines[index];
  }

  #lineFeed(): void {
    if (this.#row === this.#rows - 1) this.#top++;
    else this.#row++;
    this.#line(this.#row);
  }

  /** Handles the escape sequence at `start`; returns the index of its last character. */
  #escape(output: string, start: number): number {
    if (output[start + 1] !== '[') return start + 1;
    const match = /^\[([?<>=]?)([\d;]*)([@-~])/.exec(output.slice(start + 1));
    if (!match) return start + 1;
    const [whole, privateMarker, paramText, final] = match;
    const params = paramText.split(';').map((p) => (p === '' ? undefined : Number(p)));
    const n = params[0] ?? 1;
    if (privateMarker === '') this.#csi(final, n, params);
    return start + whole.length;
  }

  #csi(final: string, n: number, params: readonly (number | undefined)[]): void {
    const line = this.#line(this.#row);
    switch (final) {
      case 'A':
        this.#row = Math.max(0, this.#row - n);
        break;
      case 'B':
        this.#row = Math.min(this.#rows - 1, this.#row + n);
        break;
      case 'C':
        this.#column = Math.min(this.#columns - 1, this.#column + n);
        break;
      case 'D':
        this.#column = Math.max(0, this.#column - n);
        break;
      case 'G':
        this.#column = Math.max(0, n - 1);
        break;
      case 'H':
      case 'f':
        this.#row = Math.max(0, (params[0] ?? 1) - 1);
        this.#column = Math.max(0, (params[1] ?? 1) - 1);
        break;
      case 'K': {
        const mode = params[0] ?? 0;
        if (mode === 2) line.length = 0;
        else if (mode === 0) line.length = Math.min(line.length, this.#column);
        else for (let i = 0; i <= this.#column && i < line.length; i++) line[i] = ' ';
        break;
      }
      case 'J': {
        const mode = params[0] ?? 0;
        const from = mode === 0 ? this.#row + 1 : 0;
        if (mode === 0) line.length = Math.min(line.length, this.#column);
        for (let r = from; r < this.#rows; r++) this.#line(r).length = 0;
        break;
      }
      default:
        // Colours (m) and modes change nothing on a text-only screen.
        break;
    }
  }
}
