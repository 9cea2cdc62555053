/** What a token is, for syntax highlighting. */
export type TokenKind =
  | 'command'
  | 'parameter'
  | 'string'
  | 'variable'
  | 'number'
  | 'operator'
  | 'keyword'
  | 'comment'
  | 'type'
  | 'member'
  | 'generic'
  | 'punctuation'
  | 'newline'
  | 'label'
  | 'lineContinuation'
  | 'unknown';

/**
 * One highlighted span of source text. Tokens never overlap and come in source order; a
 * string with `$x` or `$(...)` in it is split around the nested tokens.
 */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** 0-based offset of the first character. */
  readonly start: number;
  /** 0-based offset just past the last character. */
  readonly end: number;
}
