/**
 * How many screen cells text takes, as PowerShell's DisplayCells counts them: one per UTF-16
 * code unit, two for East Asian wide and full-width characters (so a character outside the
 * BMP, a surrogate pair, also takes two), nothing for ANSI escape sequences.
 */

const ESCAPE_SEQUENCE = /\x1b\[[0-?]*[ -/]*[@-~]/g;

/** Cells one UTF-16 code unit takes. */
export function charCells(code: number): number {
  // Markus Kuhn's wcwidth ranges, which PowerShell's DisplayCells uses per code unit.
  const wide =
    code >= 0x1100 &&
    (code <= 0x115f ||
      code === 0x2329 ||
      code === 0x232a ||
      (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe10 && code <= 0xfe19) ||
      (code >= 0xfe30 && code <= 0xfe6f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6));
  return wide ? 2 : 1;
}

/** Cells a string takes on screen. */
export function cellLength(text: string): number {
  const plain = text.includes('\x1b') ? text.replace(ESCAPE_SEQUENCE, '') : text;
  let cells = 0;
  for (let i = 0; i < plain.length; i++) cells += charCells(plain.charCodeAt(i));
  return cells;
}

/** How many code units from `offset` fit in `cells` cells. */
export function fitFromStart(text: string, cells: number, offset = 0): number {
  let used = 0;
  let count = 0;
  for (let i = offset; i < text.length; i++) {
    const c = charCells(text.charCodeAt(i));
    if (used + c > cells) break;
    used += c;
    count++;
  }
  return count;
}

/** The offset from which the end of the string fits in `cells` cells. */
export function fitFromEnd(text: string, cells: number): number {
  let used = 0;
  let count = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = charCells(text.charCodeAt(i));
    if (used + c > cells) break;
    used += c;
    count++;
  }
  return text.length - count;
}

/** `count` spaces. */
export function spaces(count: number): string {
  return count > 0 ? ' '.repeat(count) : '';
}
