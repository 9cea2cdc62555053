/**
 * The parser's public face: `parse` for the interpreter, `tokenize` for syntax highlighting,
 * `isIncomplete` for the REPL's continuation prompt.
 */
import type { ScriptBlockAst } from './ast.js';
import type { ParseError } from './errors.js';
import { messages } from './errors.js';
import { SourceText } from './extent.js';
import type { HighlightSpan } from './lexer.js';
import { Parser } from './parser.js';
import type { Token } from './token.js';

export type * from './ast.js';
export type { ParseError } from './errors.js';
export type { Token, TokenKind } from './token.js';

/** The tree of a script and the syntax errors found in it. */
export interface ParseResult {
  readonly ast: ScriptBlockAst;
  readonly errors: readonly ParseError[];
}

/** Parses PowerShell script text. Never throws: problems come back as `errors`. */
export function parse(text: string, fileName = ''): ParseResult {
  try {
    const output = new Parser(text, fileName).run();
    return { ast: output.ast, errors: tidyErrors(output.errors) };
  } catch (error) {
    // The nesting limit keeps well inside the stack; this is the backstop if a host calls us deep in its own stack.
    if (error instanceof RangeError) return tooComplex(text, fileName);
    throw error;
  }
}

function tooComplex(text: string, fileName: string): ParseResult {
  const source = new SourceText(text, fileName);
  const extent = source.extent(0, text.length);
  const ast: ScriptBlockAst = {
    kind: 'ScriptBlock',
    extent,
    requires: [],
    paramBlock: null,
    beginBlock: null,
    processBlock: null,
    endBlock: { kind: 'NamedBlock', extent, blockKind: 'end', unnamed: true, statements: [], traps: [] },
    cleanBlock: null,
  };
  const error: ParseError = {
    errorId: 'ScriptTooComplicated',
    message: messages.ScriptTooComplicated(),
    extent: source.extent(0, 0),
    incompleteInput: false,
  };
  return { ast, errors: [error] };
}

/** Splits text into highlighted tokens; never throws, whatever is typed. */
export function tokenize(text: string): Token[] {
  let spans: HighlightSpan[];
  try {
    const output = new Parser(text, '').run();
    spans = [...output.spans, ...output.trivia];
  } catch {
    // Highlighting must survive anything; an unhighlighted line beats a crashed prompt.
    spans = text.length > 0 ? [{ kind: 'unknown', start: 0, end: text.length }] : [];
  }
  return flatten(spans, text);
}

/** True when the text is an unfinished statement: every error is "input ended too soon", and there is one. */
export function isIncomplete(text: string): boolean {
  const { errors } = parse(text);
  return errors.length > 0 && errors.every((e) => e.incompleteInput);
}

/** One error per position and id (re-scanned tokens can report twice), in source order. */
function tidyErrors(errors: readonly ParseError[]): ParseError[] {
  const seen = new Set<string>();
  const unique: ParseError[] = [];
  for (const e of errors) {
    const key = `${e.extent.startOffset}:${e.extent.endOffset}:${e.errorId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(e);
  }
  return unique.sort((a, b) => a.extent.startOffset - b.extent.startOffset);
}

/**
 * Turns possibly nested spans (a string containing `$x`) into non-overlapping tokens in
 * order: the outer span is cut around the inner ones.
 */
function flatten(spans: readonly HighlightSpan[], text: string): Token[] {
  const unique = new Map<number, HighlightSpan>();
  for (const s of spans) {
    if (s.end <= s.start || s.start < 0 || s.end > text.length) continue;
    const key = s.start * (text.length + 1) + s.end;
    if (!unique.has(key)) unique.set(key, s);
  }
  const sorted = [...unique.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Token[] = [];
  const emit = (kind: Token['kind'], start: number, end: number): void => {
    if (end > start) out.push({ kind, text: text.slice(start, end), start, end });
  };
  const stack: { span: HighlightSpan; cursor: number }[] = [];
  const close = (): void => {
    const top = stack.pop();
    if (top !== undefined) emit(top.span.kind, top.cursor, top.span.end);
  };
  for (const span of sorted) {
    while (stack.length > 0 && span.start >= stack[stack.length - 1].span.end) close();
    const top = stack[stack.length - 1];
    if (top !== undefined) {
      // Partly overlapping spans come from error recovery; the outer one wins.
      if (span.end > top.span.end || span.start < top.cursor) continue;
      emit(top.span.kind, top.cursor, span.start);
      top.cursor = span.end;
    }
    stack.push({ span, cursor: span.start });
  }
  while (stack.length > 0) close();
  return out;
}
