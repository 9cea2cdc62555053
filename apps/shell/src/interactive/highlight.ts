/**
 * Syntax colours for the input line, from the language's tokenizer, in PSReadLine's default
 * colours; text a parse error points at (other than "input ended too soon") is marked red.
 */
import { parse, tokenize, type TokenKind } from '@dpmsh/language';

/** What a stretch of input is, for its colour. */
export type HighlightKind = TokenKind | 'error' | 'default';

/** A run of input characters of one kind. */
export interface HighlightRun {
  readonly kind: HighlightKind;
  readonly start: number;
  readonly end: number;
}

/** Ink colour names for each kind (PSReadLine's defaults: commands bright yellow, strings dark cyan...). */
export const HIGHLIGHT_COLOURS: Readonly<Partial<Record<HighlightKind, string>>> = {
  command: 'yellowBright',
  parameter: 'gray',
  string: 'cyan',
  variable: 'greenBright',
  number: 'whiteBright',
  operator: 'gray',
  keyword: 'greenBright',
  comment: 'green',
  type: 'white',
  member: 'white',
  error: 'redBright',
};

/** The input's runs of one kind each, covering all of it in order. */
export function highlight(text: string): HighlightRun[] {
  const kinds: HighlightKind[] = new Array<HighlightKind>(text.length).fill('default');
  for (const token of tokenize(text)) for (let i = token.start; i < token.end && i < text.length; i++) kinds[i] = token.kind;
  for (const range of parseErrorRanges(text)) for (let i = range.start; i < range.end; i++) kinds[i] = 'error';
  const runs: HighlightRun[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = runs[runs.length - 1];
    if (last && last.kind === kinds[i] && last.end === i) runs[runs.length - 1] = { ...last, end: i + 1 };
    else runs.push({ kind: kinds[i], start: i, end: i + 1 });
  }
  return runs;
}

/** Where the parse errors of complete input are; an error at the very end marks the last character. */
export function parseErrorRanges(text: string): { start: number; end: number }[] {
  const { errors } = parse(text);
  return errors
    .filter((e) => !e.incompleteInput)
    .map((e) => {
      const start = Math.min(e.extent.startOffset, Math.max(0, text.length - 1));
      return { start, end: Math.min(text.length, Math.max(e.extent.endOffset, start + 1)) };
    });
}
