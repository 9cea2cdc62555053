/**
 * The text being edited and its cursor, and the edits PSReadLine's bindings make on it. Pure:
 * every edit returns a new buffer. Multi-line input keeps its lines joined with '\n'.
 */

/** Edited text and the cursor's offset in it. */
export interface LineBuffer {
  readonly text: string;
  readonly cursor: number;
}

/** PSReadLine's default WordDelimiters, plus white space. */
const DELIMITERS = new Set([...";:,.[]{}()/\\|!?^&*-=+'\"–—―"]);

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
const isWordChar = (c: string | undefined): boolean => c !== undefined && !isSpace(c) && !DELIMITERS.has(c);

/** An empty buffer. */
export const EMPTY: LineBuffer = { text: '', cursor: 0 };

/** A buffer holding text with the cursor at its end. */
export function bufferOf(text: string): LineBuffer {
  return { text, cursor: text.length };
}

/** Inserts text at the cursor. */
export function insert(b: LineBuffer, text: string): LineBuffer {
  return { text: b.text.slice(0, b.cursor) + text + b.text.slice(b.cursor), cursor: b.cursor + text.length };
}

/** Replaces the range [start, end) and puts the cursor after the replacement. */
export function replaceRange(b: LineBuffer, start: number, end: number, text: string): LineBuffer {
  return { text: b.text.slice(0, start) + text + b.text.slice(end), cursor: start + text.length };
}

/** Deletes the character before the cursor (Backspace). */
export function backspace(b: LineBuffer): LineBuffer {
  return b.cursor === 0 ? b : replaceRange(b, b.cursor - 1, b.cursor, '');
}

/** Deletes the character under the cursor (Delete). */
export function deleteChar(b: LineBuffer): LineBuffer {
  return b.cursor >= b.text.length ? b : { text: b.text.slice(0, b.cursor) + b.text.slice(b.cursor + 1), cursor: b.cursor };
}

/** Moves the cursor by characters. */
export function moveBy(b: LineBuffer, delta: number): LineBuffer {
  return { text: b.text, cursor: Math.max(0, Math.min(b.text.length, b.cursor + delta)) };
}

/** Offsets of the start and end of the line the cursor is on. */
function lineBounds(b: LineBuffer): { start: number; end: number } {
  const start = b.text.lastIndexOf('\n', b.cursor - 1) + 1;
  const newline = b.text.indexOf('\n', b.cursor);
  return { start, end: newline < 0 ? b.text.length : newline };
}

/** Home / Ctrl+A: the start of the current line. */
export function lineStart(b: LineBuffer): LineBuffer {
  return { text: b.text, cursor: lineBounds(b).start };
}

/** End / Ctrl+E: the end of the current line. */
export function lineEnd(b: LineBuffer): LineBuffer {
  return { text: b.text, cursor: lineBounds(b).end };
}

/** Ctrl+Left / Alt+B: the start of this or the previous word. */
export function wordLeft(b: LineBuffer): LineBuffer {
  let i = b.cursor;
  while (i > 0 && !isWordChar(b.text[i - 1])) i--;
  while (i > 0 && isWordChar(b.text[i - 1])) i--;
  return { text: b.text, cursor: i };
}

/** Ctrl+Right / Alt+F: the end of this or the next word. */
export function wordRight(b: LineBuffer): LineBuffer {
  let i = b.cursor;
  while (i < b.text.length && !isWordChar(b.text[i])) i++;
  while (i < b.text.length && isWordChar(b.text[i])) i++;
  return { text: b.text, cursor: i };
}

/** Ctrl+W: deletes back to the previous white space (Unix word rubout). */
export function killWordBack(b: LineBuffer): LineBuffer {
  let i = b.cursor;
  while (i > 0 && isSpace(b.text[i - 1])) i--;
  while (i > 0 && !isSpace(b.text[i - 1])) i--;
  return replaceRange(b, i, b.cursor, '');
}

/** Ctrl+U: deletes from the start of the line to the cursor. */
export function killToStart(b: LineBuffer): LineBuffer {
  return replaceRange(b, lineBounds(b).start, b.cursor, '');
}

/** Ctrl+K: deletes from the cursor to the end of the line. */
export function killToEnd(b: LineBuffer): LineBuffer {
  return replaceRange(b, b.cursor, lineBounds(b).end, '');
}

/** Up/Down inside multi-line input: the same column of the line above or below; undefined at the first/last line. */
export function moveLine(b: LineBuffer, direction: -1 | 1): LineBuffer | undefined {
  const { start, end } = lineBounds(b);
  const column = b.cursor - start;
  if (direction < 0) {
    if (start === 0) return undefined;
    const above = b.text.lastIndexOf('\n', start - 2) + 1;
    return { text: b.text, cursor: Math.min(above + column, start - 1) };
  }
  if (end >= b.text.length) return undefined;
  const belowEnd = b.text.indexOf('\n', end + 1);
  return { text: b.text, cursor: Math.min(end + 1 + column, belowEnd < 0 ? b.text.length : belowEnd) };
}
