/**
 * Breaking text into screen lines as PowerShell's formatter does: at embedded newlines, then
 * word-wrapped to a width (the en-US rule: break after spaces and tabs, at soft hyphens, and in
 * the middle of a word only when the word alone is wider than a line).
 */
import { cellLength } from './cells.js';

/** The ellipsis PowerShell 7 uses when it cuts text: one character, U+2026. */
export const ELLIPSIS = '\u2026';

const SOFT_HYPHEN = '\u00ad';
const HARD_HYPHEN = '\u2011';
const NO_BREAK_SPACE = '\u00a0';

/** Splits text at `\n` (dropping `\r`), as the formatter honours embedded newlines. */
export function splitLines(text: string): string[] {
  return text.replace(/\r/g, '').split('\n');
}

/** The first line of a multi-line value followed by an ellipsis: a table cell without -Wrap. */
export function firstLineWithEllipsis(text: string): string {
  const cut = text.search(/[\r\n]/);
  return cut < 0 ? text : text.slice(0, cut) + ELLIPSIS;
}

interface Word {
  readonly word: string;
  /** The character that ended the word: ' ', '\t', a soft hyphen, '' for a dropped separator, undefined at the end. */
  readonly delimiter: string | undefined;
}

function* wordsOf(line: string): Generator<Word> {
  let word = '';
  for (const c of line) {
    if (c === ' ' || c === '\t' || c === SOFT_HYPHEN) {
      yield { word, delimiter: c };
      word = '';
    } else if (c === HARD_HYPHEN || c === NO_BREAK_SPACE) {
      // PowerShell breaks here too and drops the character: kept as it does.
      yield { word, delimiter: '' };
      word = '';
    } else {
      word += c;
    }
  }
  yield { word, delimiter: undefined };
}

function wrapLine(line: string, firstWidth: number, nextWidth: number, out: string[]): void {
  let spacesLeft = firstWidth;
  let lineWidth = firstWidth;
  let firstLine = true;
  let current = '';
  const startNextLine = (): void => {
    if (firstLine) {
      firstLine = false;
      lineWidth = nextWidth;
    }
  };
  for (const { word, delimiter } of wordsOf(line)) {
    let piece = word;
    if (delimiter === SOFT_HYPHEN) {
      if (cellLength(word) + 1 === spacesLeft) piece += '-';
    } else if (delimiter) {
      piece += delimiter;
    }
    const pieceWidth = cellLength(piece);
    if (lineWidth === 0) {
      startNextLine();
      if (lineWidth === 0) break;
      spacesLeft = lineWidth;
    }
    if (pieceWidth > lineWidth) {
      // A word wider than a whole line is cut character by character.
      for (const ch of piece) {
        let c = ch;
        let cells = cellLength(c);
        if (cells > lineWidth) {
          c = '?';
          cells = 1;
        }
        if (cells > spacesLeft) {
          out.push(current);
          current = c;
          startNextLine();
          spacesLeft = lineWidth - cells;
        } else {
          current += c;
          spacesLeft -= cells;
        }
      }
    } else if (pieceWidth > spacesLeft) {
      out.push(current);
      current = piece;
      startNextLine();
      spacesLeft = lineWidth - pieceWidth;
    } else {
      current += piece;
      spacesLeft -= pieceWidth;
    }
  }
  out.push(current);
}

/**
 * Text as the lines it takes at a width: the first line `firstWidth` cells, the following ones
 * `nextWidth`. Each embedded line that fits is kept whole (trailing spaces included).
 */
export function wrapText(text: string, firstWidth: number, nextWidth = firstWidth): string[] {
  if (text === '') return [''];
  const out: string[] = [];
  for (const line of splitLines(text)) {
    if (cellLength(line) <= firstWidth) out.push(line);
    else wrapLine(line, firstWidth, nextWidth, out);
  }
  return out;
}
