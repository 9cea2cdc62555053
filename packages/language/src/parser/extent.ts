import type { Extent } from './ast.js';

/**
 * The text being parsed with a line-start index, so positions become lines and columns in
 * O(log lines) and every node can carry a full Extent.
 */
export class SourceText {
  readonly text: string;
  readonly file: string;
  private readonly lineStarts: number[];

  constructor(text: string, file: string) {
    this.text = text;
    this.file = file;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        starts.push(i + 1);
      } else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  /** 0-based line index of an offset. */
  lineIndexOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The text of a 0-based line, without its terminator. */
  lineText(lineIndex: number): string {
    const start = this.lineStarts[lineIndex];
    let end = lineIndex + 1 < this.lineStarts.length ? this.lineStarts[lineIndex + 1] : this.text.length;
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return this.text.slice(start, end);
  }

  extent(start: number, end: number): Extent {
    const s = Math.max(0, Math.min(start, this.text.length));
    const e = Math.max(s, Math.min(end, this.text.length));
    const startLine = this.lineIndexOf(s);
    const endLine = e === s ? startLine : this.lineIndexOf(e);
    return {
      file: this.file,
      startOffset: s,
      endOffset: e,
      startLine: startLine + 1,
      startColumn: s - this.lineStarts[startLine] + 1,
      endLine: endLine + 1,
      endColumn: e - this.lineStarts[endLine] + 1,
      text: this.text.slice(s, e),
      startLineText: this.lineText(startLine),
    };
  }
}
