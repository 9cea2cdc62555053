/**
 * The PowerShell tokenizer. It is driven by the parser, because the same characters mean
 * different things in expression mode (`-eq` is an operator, `abc` an error) and in command
 * (argument) mode (`-eq` is a parameter, `abc` a string). The parser asks for the next token
 * in a mode; string tokens come back already parsed into AST nodes, `$(...)` parts included,
 * which needs the parser again (PowerShell's tokenizer calls back into its parser the same way).
 */
import type {
  ExpandableStringPart,
  ExpressionAst,
  Extent,
  RedirectionStream,
  StringConstantExpressionAst,
  StringConstantType,
  SubExpressionAst,
  VariableExpressionAst,
  VariablePath,
  VariableScope,
} from './ast.js';
import {
  forcesNewToken,
  isDash,
  isDigit,
  isDoubleQuote,
  isHexDigit,
  isIdentifierChar,
  isLetter,
  isNewlineChar,
  isQuote,
  isSingleQuote,
  isSpace,
  isVariableNameChar,
} from './chars.js';
import type { ParseError, ParseErrorId } from './errors.js';
import { messages } from './errors.js';
import { scanNumber } from './numbers.js';
import type { TokenKind } from './token.js';

/** Which rules the tokenizer applies. */
export type LexMode = 'expression' | 'command';

export type TokKind =
  | 'EOF'
  | 'NewLine'
  | 'Semi'
  | 'LParen'
  | 'RParen'
  | 'LCurly'
  | 'RCurly'
  | 'LBracket'
  | 'RBracket'
  | 'AtParen'
  | 'AtCurly'
  | 'DollarParen'
  | 'Comma'
  | 'Dot'
  | 'ColonColon'
  | 'QuestionDot'
  | 'QuestionLBracket'
  | 'Pipe'
  | 'AndAnd'
  | 'OrOr'
  | 'Ampersand'
  | 'Operator'
  | 'Variable'
  | 'Splat'
  | 'Number'
  | 'String'
  | 'Generic'
  | 'Identifier'
  | 'Parameter'
  | 'EndOfParameters'
  | 'StopParsing'
  | 'Redirection'
  | 'Label'
  | 'Unknown';

/** A highlight span recorded when a token is consumed. */
export interface HighlightSpan {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
}

/** A token as the parser sees it. Payload fields are set according to `kind`. */
export interface Tok {
  readonly kind: TokKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Operator: the normalized operator (`-ceq`, `+=`, `-not`, `..`...). */
  readonly op?: string;
  /** Variable, Splat, Number, String, Generic: the node this token stands for. */
  readonly expr?: ExpressionAst;
  /** Generic: the token is a plain bareword (no quotes, escapes or expansions), so it may be a keyword. */
  readonly plain?: boolean;
  /** Parameter: the name without the dash; Identifier: the text. */
  readonly name?: string;
  /** Parameter: written with a trailing colon. */
  readonly colon?: boolean;
  readonly redirection?: { readonly from: RedirectionStream; readonly append: boolean; readonly to: RedirectionStream | null };
  /** Errors found while scanning; reported when (if) the token is consumed. */
  readonly errors?: readonly ParseError[];
  /** Highlight spans nested in the token (variables and sub-expressions in strings). */
  readonly spans?: readonly HighlightSpan[];
}

/** What the tokenizer needs from the parser. */
export interface LexerHost {
  extent(start: number, end: number): Extent;
  makeError(id: ParseErrorId, message: string, start: number, end: number, incomplete: boolean): ParseError;
  /** Parses `$( ... )` starting at `start`; errors and spans it produced are handed back, not recorded. */
  parseNestedSubExpression(start: number): {
    node: SubExpressionAst;
    end: number;
    errors: ParseError[];
    spans: HighlightSpan[];
  };
  /** Records a comment or line continuation seen between tokens. */
  recordTrivia(span: HighlightSpan): void;
}

const streamByChar: Record<string, RedirectionStream> = {
  '*': 'all',
  '1': 'output',
  '2': 'error',
  '3': 'warning',
  '4': 'verbose',
  '5': 'debug',
  '6': 'information',
};

/** Operators spelled `-name`, by lower-case name (without the dash). */
const dashOperators = new Set<string>([
  'and',
  'or',
  'xor',
  'not',
  'band',
  'bor',
  'bxor',
  'bnot',
  'shl',
  'shr',
  'f',
  'is',
  'isnot',
  'as',
  'join',
  ...['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'notlike', 'match', 'notmatch', 'contains', 'notcontains', 'in', 'notin', 'replace', 'split'].flatMap(
    (op) => [op, `i${op}`, `c${op}`],
  ),
]);

/** Keywords that start a statement; all other barewords there are command names. */
export const statementKeywords = new Set<string>([
  'begin',
  'break',
  'catch',
  'class',
  'clean',
  'configuration',
  'continue',
  'data',
  'define',
  'do',
  'dynamicparam',
  'else',
  'elseif',
  'end',
  'enum',
  'exit',
  'filter',
  'finally',
  'for',
  'foreach',
  'from',
  'function',
  'if',
  'in',
  'inlinescript',
  'parallel',
  'param',
  'process',
  'return',
  'sequence',
  'switch',
  'throw',
  'trap',
  'try',
  'until',
  'using',
  'var',
  'while',
  'workflow',
]);

interface StringBuild {
  parts: ExpandableStringPart[];
  literal: string;
  literalStart: number;
  /** The processed text with nothing expanded, for ExpandableString.value. */
  raw: string;
  errors: ParseError[];
  spans: HighlightSpan[];
}

/** See the module comment. */
export class Lexer {
  private readonly text: string;
  private readonly host: LexerHost;
  /** String-like tokens by start offset and mode, so re-peeking never re-parses a `$(...)` inside. */
  private readonly cache = new Map<number, Tok>();

  constructor(text: string, host: LexerHost) {
    this.text = text;
    this.host = host;
  }

  private ch(i: number): string {
    return i < this.text.length ? this.text[i] : '';
  }

  /** Skips white space, comments and line continuations (not newlines); returns the next offset. */
  skipTrivia(pos: number): number {
    let i = pos;
    for (;;) {
      const c = this.ch(i);
      if (c !== '' && isSpace(c)) {
        i++;
        continue;
      }
      if (c === '#') {
        let j = i + 1;
        while (j < this.text.length && !isNewlineChar(this.text[j])) j++;
        this.host.recordTrivia({ kind: 'comment', start: i, end: j });
        i = j;
        continue;
      }
      if (c === '<' && this.ch(i + 1) === '#') {
        const close = this.text.indexOf('#>', i + 2);
        const j = close < 0 ? this.text.length : close + 2;
        this.host.recordTrivia({ kind: 'comment', start: i, end: j });
        i = j;
        continue;
      }
      if (c === '`' && isNewlineChar(this.ch(i + 1))) {
        const j = this.ch(i + 1) === '\r' && this.ch(i + 2) === '\n' ? i + 3 : i + 2;
        this.host.recordTrivia({ kind: 'lineContinuation', start: i, end: j });
        i = j;
        continue;
      }
      return i;
    }
  }

  /** Errors inside trivia (unterminated block comment, backtick at the very end) at `pos`. */
  triviaErrors(pos: number, end: number): ParseError[] {
    const errors: ParseError[] = [];
    const span = this.text.slice(pos, end);
    if (!span.includes('<#') && !span.includes('`')) return errors;
    let i = pos;
    while (i < end) {
      const c = this.ch(i);
      if (c === '<' && this.ch(i + 1) === '#') {
        const close = this.text.indexOf('#>', i + 2);
        if (close < 0) {
          errors.push(this.host.makeError('MissingTerminatorMultiLineComment', messages.MissingTerminatorMultiLineComment(), i, this.text.length, true));
          return errors;
        }
        i = close + 2;
      } else if (c === '#') {
        while (i < end && !isNewlineChar(this.ch(i))) i++;
      } else if (c === '`' && isNewlineChar(this.ch(i + 1)) && this.restIsBlank(i + 1)) {
        // A continuation with nothing after it: the user has more to type.
        errors.push(this.host.makeError('IncompleteString', messages.IncompleteString(), i, i + 1, true));
        return errors;
      } else {
        i++;
      }
    }
    return errors;
  }

  private restIsBlank(pos: number): boolean {
    for (let i = pos; i < this.text.length; i++) {
      if (!isSpace(this.text[i]) && !isNewlineChar(this.text[i])) return false;
    }
    return true;
  }

  /** The next token at or after `pos` in `mode`. */
  scan(pos: number, mode: LexMode): Tok {
    const start = this.skipTrivia(pos);
    return this.withTriviaErrors(pos, start, this.scanAt(start, mode));
  }

  private withTriviaErrors(pos: number, start: number, tok: Tok): Tok {
    if (start === pos) return tok;
    const triviaErrors = this.triviaErrors(pos, start);
    if (triviaErrors.length === 0) return tok;
    return { ...tok, errors: [...triviaErrors, ...(tok.errors ?? [])] };
  }

  private scanAt(start: number, mode: LexMode): Tok {
    const key = start * 3 + (mode === 'command' ? 1 : 0);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const tok = mode === 'command' ? this.scanCommandToken(start) : this.scanExpressionToken(start);
    if (tok.kind === 'String' || tok.kind === 'Generic' || tok.kind === 'Variable') this.cache.set(key, tok);
    return tok;
  }

  private simple(kind: TokKind, start: number, end: number, extra?: Partial<Tok>): Tok {
    return { kind, start, end, text: this.text.slice(start, end), ...extra };
  }

  private error(id: ParseErrorId, message: string, start: number, end: number, incomplete = false): ParseError {
    return this.host.makeError(id, message, start, end, incomplete);
  }

  // -------------------------------------------------------------------------------------------
  // Tokens common to both modes
  // -------------------------------------------------------------------------------------------

  /** Punctuation, newlines, strings, variables and redirections; null when the mode decides. */
  private scanCommon(i: number, mode: LexMode): Tok | null {
    const c = this.ch(i);
    const c1 = this.ch(i + 1);
    switch (c) {
      case '':
        return this.simple('EOF', i, i);
      case '\n':
        return this.simple('NewLine', i, i + 1);
      case '\r':
        return this.simple('NewLine', i, c1 === '\n' ? i + 2 : i + 1);
      case ';':
        return this.simple('Semi', i, i + 1);
      case '(':
        return this.simple('LParen', i, i + 1);
      case ')':
        return this.simple('RParen', i, i + 1);
      case '{':
        return this.simple('LCurly', i, i + 1);
      case '}':
        return this.simple('RCurly', i, i + 1);
      case '|':
        return c1 === '|' ? this.simple('OrOr', i, i + 2) : this.simple('Pipe', i, i + 1);
      case '&':
        return c1 === '&' ? this.simple('AndAnd', i, i + 2) : this.simple('Ampersand', i, i + 1);
      case ',':
        return this.simple('Comma', i, i + 1);
      case '@':
        if (c1 === '(') return this.simple('AtParen', i, i + 2);
        if (c1 === '{') return this.simple('AtCurly', i, i + 2);
        if (isQuote(c1)) return this.scanHereString(i);
        if (isVariableNameChar(c1) && c1 !== '?') return this.scanSplat(i);
        return null;
      case '$':
        if (c1 === '(') return this.simple('DollarParen', i, i + 2);
        return this.scanVariableToken(i, mode);
      case '>':
      case '<':
        return this.scanRedirection(i, i);
      default:
        break;
    }
    if (isQuote(c)) return this.scanQuotedToken(i, mode);
    if ((streamByChar[c] !== undefined) && c1 === '>') return this.scanRedirection(i, i + 1);
    return null;
  }

  private scanRedirection(start: number, gt: number): Tok {
    const from = gt > start ? streamByChar[this.ch(start)] : 'output';
    if (this.ch(gt) === '<') {
      return this.simple('Redirection', start, gt + 1, { redirection: { from, append: false, to: null }, op: '<' });
    }
    if (this.ch(gt + 1) === '>') {
      return this.simple('Redirection', start, gt + 2, { redirection: { from, append: true, to: null }, op: '>>' });
    }
    if (this.ch(gt + 1) === '&' && streamByChar[this.ch(gt + 2)] !== undefined && this.ch(gt + 2) !== '*') {
      return this.simple('Redirection', start, gt + 3, {
        redirection: { from, append: false, to: streamByChar[this.ch(gt + 2)] },
        op: '>&',
      });
    }
    return this.simple('Redirection', start, gt + 1, { redirection: { from, append: false, to: null }, op: '>' });
  }

  // -------------------------------------------------------------------------------------------
  // Expression mode
  // -------------------------------------------------------------------------------------------

  private scanExpressionToken(i: number): Tok {
    const common = this.scanCommon(i, 'expression');
    if (common !== null) return common;
    const c = this.ch(i);
    const c1 = this.ch(i + 1);
    const op = (text: string, len: number): Tok => this.simple('Operator', i, i + len, { op: text });
    switch (c) {
      case '[':
        return this.simple('LBracket', i, i + 1);
      case ']':
        return this.simple('RBracket', i, i + 1);
      case '+':
        if (c1 === '+') return op('++', 2);
        if (c1 === '=') return op('+=', 2);
        return op('+', 1);
      case '*':
        return c1 === '=' ? op('*=', 2) : op('*', 1);
      case '/':
        return c1 === '=' ? op('/=', 2) : op('/', 1);
      case '%':
        return c1 === '=' ? op('%=', 2) : op('%', 1);
      case '=':
        return op('=', 1);
      case '!':
        return op('!', 1);
      case '.':
        if (c1 === '.') return op('..', 2);
        if (isDigit(c1)) return this.scanNumberToken(i, false);
        return this.simple('Dot', i, i + 1);
      case ':':
        return c1 === ':' ? this.simple('ColonColon', i, i + 2) : op(':', 1);
      case '?':
        if (c1 === '?') return this.ch(i + 2) === '=' ? op('??=', 3) : op('??', 2);
        if (c1 === '.') return this.simple('QuestionDot', i, i + 2);
        if (c1 === '[') return this.simple('QuestionLBracket', i, i + 2);
        return op('?', 1);
      default:
        break;
    }
    if (isDash(c)) return this.scanDashOperator(i);
    if (isDigit(c)) return this.scanNumberToken(i, false);
    if (c === '`' && c1 === '') {
      return this.simple('Unknown', i, i + 1, { errors: [this.error('IncompleteString', messages.IncompleteString(), i, i + 1, true)] });
    }
    if (isIdentifierChar(c)) {
      let j = i + 1;
      while (isIdentifierChar(this.ch(j)) || (isDash(this.ch(j)) && isIdentifierChar(this.ch(j + 1)))) j++;
      return this.simple('Identifier', i, j, { name: this.text.slice(i, j) });
    }
    return this.simple('Unknown', i, i + 1);
  }

  private scanDashOperator(i: number): Tok {
    const c1 = this.ch(i + 1);
    if (isDash(c1)) return this.simple('Operator', i, i + 2, { op: '--' });
    if (c1 === '=') return this.simple('Operator', i, i + 2, { op: '-=' });
    if (isLetter(c1)) {
      let j = i + 1;
      while (isLetter(this.ch(j))) j++;
      const name = this.text.slice(i + 1, j).toLowerCase();
      if (dashOperators.has(name)) return this.simple('Operator', i, j, { op: `-${name}` });
      // Not an operator: in expression mode this is an error token the parser reports.
      while (isIdentifierChar(this.ch(j)) || isDash(this.ch(j))) j++;
      return this.simple('Parameter', i, j, { name: this.text.slice(i + 1, j) });
    }
    return this.simple('Operator', i, i + 1, { op: '-' });
  }

  private scanNumberToken(i: number, allowSign: boolean): Tok {
    const lit = scanNumber(this.text, i, allowSign);
    if (lit === null) return this.simple('Unknown', i, i + 1);
    const errors = lit.malformed
      ? [this.error('BadNumericConstant', messages.BadNumericConstant(this.text.slice(i, lit.end)), i, lit.end)]
      : undefined;
    return this.simple('Number', i, lit.end, {
      expr: {
        kind: 'Constant',
        extent: this.host.extent(i, lit.end),
        value: lit.value,
        numericType: lit.numericType,
        integerValue: lit.integerValue,
        decimalText: lit.decimalText,
      },
      errors,
    });
  }

  // -------------------------------------------------------------------------------------------
  // Command (argument) mode
  // -------------------------------------------------------------------------------------------

  private scanCommandToken(i: number): Tok {
    const c = this.ch(i);
    const c1 = this.ch(i + 1);
    if (isDash(c)) {
      if (isDash(c1)) {
        if (this.ch(i + 2) === '%') return this.simple('StopParsing', i, i + 3);
        if (forcesNewToken(this.ch(i + 2))) return this.simple('EndOfParameters', i, i + 2);
      }
      const num = this.tryWholeNumber(i, true);
      if (num !== null) return num;
      const param = this.tryParameter(i);
      if (param !== null) return param;
      return this.scanGeneric(i);
    }
    const common = this.scanCommon(i, 'command');
    if (common !== null) return common;
    if (isDigit(c) || (c === '.' && isDigit(c1))) {
      const num = this.tryWholeNumber(i, false);
      if (num !== null) return num;
    }
    return this.scanGeneric(i);
  }

  /** A number only when the whole argument is one (`5` yes, `5x` and `1.2.3` no). */
  private tryWholeNumber(i: number, allowSign: boolean): Tok | null {
    const lit = scanNumber(this.text, i, allowSign);
    if (lit === null || !forcesNewToken(this.ch(lit.end))) return null;
    return this.scanNumberToken(i, allowSign);
  }

  /** `-Name`, `-Name:`; anything else starting with a dash is a bareword argument. */
  private tryParameter(i: number): Tok | null {
    const first = this.ch(i + 1);
    if (first === '' || forcesNewToken(first) || isQuote(first) || first === '$' || first === '`' || first === ':') return null;
    let j = i + 1;
    while (j < this.text.length) {
      const c = this.ch(j);
      if (forcesNewToken(c) || c === ':' || isQuote(c) || c === '$' || c === '`') break;
      j++;
    }
    const name = this.text.slice(i + 1, j);
    if (this.ch(j) === ':') {
      return this.simple('Parameter', i, j + 1, { name: normalizeDashes(name), colon: true });
    }
    if (!forcesNewToken(this.ch(j))) return null;
    return this.simple('Parameter', i, j, { name: normalizeDashes(name), colon: false });
  }

  /**
   * A bareword argument: everything up to a character that forces a new token, with quoted
   * pieces, backtick escapes and `$` expansions inside it (`a"$b"c`, `$HOME/x`, `a$(1)`).
   */
  scanGeneric(i: number): Tok {
    const sb: StringBuild = { parts: [], literal: '', literalStart: i, raw: '', errors: [], spans: [] };
    let j = i;
    let plain = true;
    while (j < this.text.length) {
      const c = this.text[j];
      if (forcesNewToken(c)) break;
      if (c === '`') {
        const next = this.ch(j + 1);
        if (isNewlineChar(next)) break;
        plain = false;
        if (next === '') {
          sb.errors.push(this.error('IncompleteString', messages.IncompleteString(), j, j + 1, true));
          j++;
          break;
        }
        j = this.scanEscape(j, sb);
        continue;
      }
      if (isSingleQuote(c)) {
        plain = false;
        j = this.scanSingleQuotedBody(j + 1, sb, c, j);
        continue;
      }
      if (isDoubleQuote(c)) {
        plain = false;
        j = this.scanDoubleQuotedBody(j + 1, sb, j);
        continue;
      }
      if (c === '$') {
        const next = this.scanDollarPart(j, sb);
        if (next !== j) {
          plain = false;
          j = next;
          continue;
        }
      }
      sb.literal += c;
      sb.raw += c;
      j++;
    }
    if (j === i) {
      // A lone character the caller could not place (never a terminator); keep moving.
      j = i + 1;
      sb.literal = this.text[i] ?? '';
      sb.raw = sb.literal;
    }
    const expr = this.finishString(sb, i, j, 'BareWord');
    return this.simple('Generic', i, j, {
      expr,
      plain,
      errors: sb.errors.length > 0 ? sb.errors : undefined,
      spans: sb.spans,
    });
  }

  // -------------------------------------------------------------------------------------------
  // Variables
  // -------------------------------------------------------------------------------------------

  private scanSplat(i: number): Tok {
    let j = i + 1;
    while (isVariableNameChar(this.ch(j))) j++;
    const path = this.variablePath(this.text.slice(i + 1, j));
    return this.simple('Splat', i, j, {
      expr: { kind: 'Variable', extent: this.host.extent(i, j), variablePath: path, splatted: true, braced: false },
    });
  }

  /**
   * `$name`, `$scope:name`, `${any}`, `$$`, `$?`, `$^`. In command mode a variable followed
   * by more argument text is part of an expandable bareword (`$HOME/x`).
   */
  private scanVariableToken(i: number, mode: LexMode): Tok {
    const v = this.scanVariable(i);
    if (v === null) {
      if (mode === 'command') return this.scanGeneric(i);
      return this.simple('Unknown', i, i + 1, {
        errors: [this.error('InvalidVariableReference', messages.InvalidVariableReference(), i, i + 1)],
      });
    }
    if (mode === 'command') {
      const next = this.ch(v.end);
      if (!forcesNewToken(next) && next !== '.' && next !== '[') return this.scanGeneric(i);
    }
    return this.simple('Variable', i, v.end, { expr: v.node, errors: v.errors.length > 0 ? v.errors : undefined });
  }

  /** Scans a variable reference at `$`; null when `$` is not followed by a name. */
  scanVariable(i: number): { node: VariableExpressionAst; end: number; errors: ParseError[] } | null {
    const c1 = this.ch(i + 1);
    const errors: ParseError[] = [];
    if (c1 === '{') {
      let j = i + 2;
      let name = '';
      let closed = false;
      while (j < this.text.length) {
        const c = this.text[j];
        if (c === '}') {
          closed = true;
          j++;
          break;
        }
        if (c === '`' && j + 1 < this.text.length) {
          name += this.text[j + 1];
          j += 2;
          continue;
        }
        name += c;
        j++;
      }
      if (!closed) {
        errors.push(this.error('IncompleteDollarVariableReference', messages.IncompleteDollarVariableReference(), i, j, true));
      } else if (name.length === 0) {
        errors.push(this.error('EmptyVariableReference', messages.EmptyVariableReference(), i, j));
      }
      const node: VariableExpressionAst = {
        kind: 'Variable',
        extent: this.host.extent(i, j),
        variablePath: this.variablePath(name),
        splatted: false,
        braced: true,
      };
      return { node, end: j, errors };
    }
    let j = i + 1;
    if (c1 === '$' || c1 === '^') {
      j = i + 2;
    } else if (isVariableNameChar(c1)) {
      while (isVariableNameChar(this.ch(j))) j++;
      if (this.ch(j) === ':' && this.ch(j + 1) !== ':') {
        if (isVariableNameChar(this.ch(j + 1))) {
          j++;
          while (isVariableNameChar(this.ch(j))) j++;
        } else {
          errors.push(this.error('InvalidVariableReferenceWithDrive', messages.InvalidVariableReferenceWithDrive(), i, j + 1));
        }
      }
    } else {
      return null;
    }
    const node: VariableExpressionAst = {
      kind: 'Variable',
      extent: this.host.extent(i, j),
      variablePath: this.variablePath(this.text.slice(i + 1, j)),
      splatted: false,
      braced: false,
    };
    return { node, end: j, errors };
  }

  variablePath(userPath: string): VariablePath {
    const colon = userPath.indexOf(':');
    if (colon <= 0) return { userPath, scope: null, drive: null, name: userPath };
    const qualifier = userPath.slice(0, colon).toLowerCase();
    const name = userPath.slice(colon + 1);
    const scopes: readonly string[] = ['global', 'script', 'local', 'private', 'using'];
    if (scopes.includes(qualifier)) return { userPath, scope: qualifier as VariableScope, drive: null, name };
    return { userPath, scope: null, drive: qualifier, name };
  }

  // -------------------------------------------------------------------------------------------
  // Strings
  // -------------------------------------------------------------------------------------------

  private scanQuotedToken(i: number, mode: LexMode): Tok {
    const c = this.text[i];
    const sb: StringBuild = { parts: [], literal: '', literalStart: i + 1, raw: '', errors: [], spans: [] };
    const end = isSingleQuote(c) ? this.scanSingleQuotedBody(i + 1, sb, c, i) : this.scanDoubleQuotedBody(i + 1, sb, i);
    if (mode === 'command') {
      const next = this.ch(end);
      if (!forcesNewToken(next) && next !== '.' && next !== '[') return this.scanGeneric(i);
    }
    const type: StringConstantType = isSingleQuote(c) ? 'SingleQuoted' : 'DoubleQuoted';
    const closed = !sb.errors.some((e) => e.errorId === 'TerminatorExpectedAtEndOfString');
    const expr = this.finishString(sb, i, end, type, closed ? 1 : 0);
    return this.simple('String', i, end, { expr, errors: sb.errors.length > 0 ? sb.errors : undefined, spans: sb.spans });
  }

  /** Scans after an opening single quote; returns the offset after the closing one. */
  private scanSingleQuotedBody(j: number, sb: StringBuild, quote: string, openAt: number): number {
    this.flushLiteralStart(sb, j);
    while (j < this.text.length) {
      const c = this.text[j];
      if (isSingleQuote(c)) {
        if (isSingleQuote(this.ch(j + 1))) {
          sb.literal += this.text[j + 1];
          sb.raw += this.text[j + 1];
          j += 2;
          continue;
        }
        return j + 1;
      }
      sb.literal += c;
      sb.raw += c;
      j++;
    }
    sb.errors.push(
      this.error('TerminatorExpectedAtEndOfString', messages.TerminatorExpectedAtEndOfString(quote === "'" ? "'" : quote), openAt, j, true),
    );
    return j;
  }

  /** Scans after an opening double quote, expanding `$`; returns the offset after the closing quote. */
  private scanDoubleQuotedBody(j: number, sb: StringBuild, openAt: number): number {
    this.flushLiteralStart(sb, j);
    const quote = this.text[openAt];
    while (j < this.text.length) {
      const c = this.text[j];
      if (isDoubleQuote(c)) {
        if (isDoubleQuote(this.ch(j + 1))) {
          sb.literal += this.text[j + 1];
          sb.raw += this.text[j + 1];
          j += 2;
          continue;
        }
        return j + 1;
      }
      if (c === '`') {
        if (j + 1 >= this.text.length) break;
        j = this.scanEscape(j, sb);
        continue;
      }
      if (c === '$') {
        const next = this.scanDollarPart(j, sb);
        if (next !== j) {
          j = next;
          continue;
        }
      }
      sb.literal += c;
      sb.raw += c;
      j++;
    }
    sb.errors.push(
      this.error('TerminatorExpectedAtEndOfString', messages.TerminatorExpectedAtEndOfString(quote === '"' ? '"' : quote), openAt, this.text.length, true),
    );
    return this.text.length;
  }

  private flushLiteralStart(sb: StringBuild, at: number): void {
    if (sb.literal.length === 0) sb.literalStart = at;
  }

  /** Appends the literal text so far as a part. */
  private flushLiteral(sb: StringBuild, end: number, type: StringConstantType): void {
    if (sb.literal.length > 0) {
      sb.parts.push({ kind: 'StringConstant', extent: this.host.extent(sb.literalStart, end), value: sb.literal, stringConstantType: type });
    }
    sb.literal = '';
    sb.literalStart = end;
  }

  /**
   * At a `$` inside an expandable string: appends a variable or sub-expression part and
   * returns the offset after it, or returns `j` unchanged when the `$` is literal.
   */
  private scanDollarPart(j: number, sb: StringBuild): number {
    const c1 = this.ch(j + 1);
    if (c1 === '(') {
      this.flushLiteral(sb, j, 'DoubleQuoted');
      const nested = this.host.parseNestedSubExpression(j);
      sb.parts.push(nested.node);
      sb.errors.push(...nested.errors);
      sb.spans.push(...nested.spans);
      sb.raw += this.text.slice(j, nested.end);
      sb.literalStart = nested.end;
      return nested.end;
    }
    const v = this.scanVariable(j);
    if (v === null) return j;
    this.flushLiteral(sb, j, 'DoubleQuoted');
    sb.parts.push(v.node);
    sb.errors.push(...v.errors);
    sb.spans.push({ kind: 'variable', start: j, end: v.end });
    sb.raw += this.text.slice(j, v.end);
    sb.literalStart = v.end;
    return v.end;
  }

  /** A backtick escape at `j`; appends the character it stands for and returns the next offset. */
  private scanEscape(j: number, sb: StringBuild): number {
    const e = this.text[j + 1];
    this.flushLiteralStart(sb, j);
    let value: string;
    let next = j + 2;
    switch (e) {
      case '0':
        value = '\0';
        break;
      case 'a':
        value = '\x07';
        break;
      case 'b':
        value = '\b';
        break;
      case 'e':
        value = '\x1b';
        break;
      case 'f':
        value = '\f';
        break;
      case 'n':
        value = '\n';
        break;
      case 'r':
        value = '\r';
        break;
      case 't':
        value = '\t';
        break;
      case 'v':
        value = '\v';
        break;
      case 'u': {
        const u = this.scanUnicodeEscape(j);
        value = u.value;
        next = u.end;
        if (u.error !== null) sb.errors.push(u.error);
        break;
      }
      case '\r':
        value = this.ch(j + 2) === '\n' ? '\r\n' : '\r';
        next = j + 1 + value.length;
        break;
      default:
        value = e;
        break;
    }
    sb.literal += value;
    sb.raw += value;
    return next;
  }

  private scanUnicodeEscape(j: number): { value: string; end: number; error: ParseError | null } {
    if (this.ch(j + 2) !== '{') {
      return { value: 'u', end: j + 2, error: this.error('InvalidUnicodeEscapeSequence', messages.InvalidUnicodeEscapeSequence(), j, j + 2) };
    }
    let k = j + 3;
    while (isHexDigit(this.ch(k))) k++;
    const digits = this.text.slice(j + 3, k);
    if (digits.length === 0) {
      return { value: '', end: k, error: this.error('InvalidUnicodeEscapeSequence', messages.InvalidUnicodeEscapeSequence(), j, k) };
    }
    if (digits.length > 6) {
      return { value: '', end: k, error: this.error('TooManyDigitsInUnicodeEscapeSequence', messages.TooManyDigitsInUnicodeEscapeSequence(), j, k) };
    }
    if (this.ch(k) !== '}') {
      return { value: '', end: k, error: this.error('MissingUnicodeEscapeSequenceTerminator', messages.MissingUnicodeEscapeSequenceTerminator(), j, k) };
    }
    const code = parseInt(digits, 16);
    if (code > 0x10ffff) {
      return { value: '', end: k + 1, error: this.error('InvalidUnicodeEscapeSequenceValue', messages.InvalidUnicodeEscapeSequenceValue(), j, k + 1) };
    }
    return { value: String.fromCodePoint(code), end: k + 1, error: null };
  }

  /**
   * Here-strings: `@'` or `@"`, the rest of the line empty, then lines up to one starting with
   * `'@` / `"@`. The newline after the header and the one before the footer are not content.
   */
  private scanHereString(i: number): Tok {
    const quote = this.text[i + 1];
    const single = isSingleQuote(quote);
    const terminator = `${single ? "'" : '"'}@`;
    const errors: ParseError[] = [];
    let j = i + 2;
    while (j < this.text.length && isSpace(this.text[j])) j++;
    if (j < this.text.length && !isNewlineChar(this.text[j])) {
      errors.push(this.error('UnexpectedCharactersAfterHereStringHeader', messages.UnexpectedCharactersAfterHereStringHeader(), j, j + 1));
      let k = j;
      while (k < this.text.length && !isNewlineChar(this.text[k])) k++;
      j = k;
    }
    if (j >= this.text.length) {
      errors.push(this.error('TerminatorExpectedAtEndOfString', messages.TerminatorExpectedAtEndOfString(terminator), i, this.text.length, true));
      return this.finishHere(i, this.text.length, this.text.length, this.text.length, single, errors);
    }
    const contentStart = this.text[j] === '\r' && this.ch(j + 1) === '\n' ? j + 2 : j + 1;
    if (this.isFooterAt(contentStart)) {
      return this.finishHere(i, contentStart, contentStart, contentStart + 2, single, errors);
    }
    // The footer is a line that starts with the closing quote and `@`.
    let k = contentStart;
    while (k < this.text.length) {
      const c = this.text[k];
      if (isNewlineChar(c)) {
        const lineStart = c === '\r' && this.ch(k + 1) === '\n' ? k + 2 : k + 1;
        if (this.isFooterAt(lineStart)) return this.finishHere(i, contentStart, k, lineStart + 2, single, errors);
        k = lineStart;
        continue;
      }
      k++;
    }
    errors.push(this.error('TerminatorExpectedAtEndOfString', messages.TerminatorExpectedAtEndOfString(terminator), i, this.text.length, true));
    return this.finishHere(i, contentStart, this.text.length, this.text.length, single, errors);
  }

  private isFooterAt(k: number): boolean {
    const c = this.ch(k);
    return (isSingleQuote(c) || isDoubleQuote(c)) && this.ch(k + 1) === '@';
  }

  private finishHere(
    start: number,
    contentStart: number,
    contentEnd: number,
    end: number,
    single: boolean,
    errors: ParseError[],
  ): Tok {
    const sb: StringBuild = { parts: [], literal: '', literalStart: contentStart, raw: '', errors, spans: [] };
    if (single) {
      sb.literal = this.text.slice(contentStart, contentEnd);
      sb.raw = sb.literal;
    } else {
      let j = contentStart;
      while (j < contentEnd) {
        const c = this.text[j];
        if (c === '`' && j + 1 < contentEnd) {
          j = this.scanEscape(j, sb);
          continue;
        }
        if (c === '$') {
          const next = this.scanDollarPart(j, sb);
          if (next !== j) {
            j = next;
            continue;
          }
        }
        sb.literal += c;
        sb.raw += c;
        j++;
      }
    }
    const type: StringConstantType = single ? 'SingleQuotedHereString' : 'DoubleQuotedHereString';
    const expr = this.finishStringWithin(sb, start, end, contentEnd, type);
    return this.simple('String', start, end, { expr, errors: errors.length > 0 ? errors : undefined, spans: sb.spans });
  }

  /** Builds a StringConstant, or an ExpandableString when a part expands. */
  private finishString(sb: StringBuild, start: number, end: number, type: StringConstantType, closeLength = 0): ExpressionAst {
    return this.finishStringWithin(sb, start, end, end - closeLength, type);
  }

  private finishStringWithin(
    sb: StringBuild,
    start: number,
    end: number,
    contentEnd: number,
    type: StringConstantType,
  ): ExpressionAst {
    const extent = this.host.extent(start, end);
    if (sb.parts.length === 0) {
      const node: StringConstantExpressionAst = { kind: 'StringConstant', extent, value: sb.literal, stringConstantType: type };
      return node;
    }
    const partType: StringConstantType =
      type === 'BareWord' ? 'BareWord' : type === 'DoubleQuotedHereString' ? 'DoubleQuotedHereString' : 'DoubleQuoted';
    this.flushLiteral(sb, Math.max(sb.literalStart, contentEnd), partType);
    const parts = sb.parts.map((p) => (p.kind === 'StringConstant' ? { ...p, stringConstantType: partType } : p));
    return {
      kind: 'ExpandableString',
      extent,
      value: sb.raw,
      stringConstantType: partType === 'BareWord' || partType === 'DoubleQuotedHereString' ? partType : 'DoubleQuoted',
      parts,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Helpers for the parser
  // -------------------------------------------------------------------------------------------

  /** The character at an offset ('' at the end). */
  charAt(i: number): string {
    return this.ch(i);
  }

  /** A bareword (command name, or an argument that looked like a parameter) after `pos`. */
  scanBareword(pos: number): Tok {
    const start = this.skipTrivia(pos);
    const key = start * 3 + 2;
    let tok = this.cache.get(key);
    if (tok === undefined) {
      tok = this.scanGeneric(start);
      this.cache.set(key, tok);
    }
    return this.withTriviaErrors(pos, start, tok);
  }

  /** A label `:name` at `i`, or null. */
  scanLabel(i: number): Tok | null {
    if (this.ch(i) !== ':' || !isIdentifierChar(this.ch(i + 1))) return null;
    let j = i + 1;
    while (isIdentifierChar(this.ch(j))) j++;
    return this.simple('Label', i, j, { name: this.text.slice(i + 1, j) });
  }
}

/** Any dash look-alike becomes `-`, for parameter names and operators in the AST. */
export function normalizeDashes(s: string): string {
  return s.replace(/[\u2013\u2014\u2015]/g, '-');
}
