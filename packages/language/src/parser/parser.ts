/**
 * The hand-written PowerShell parser: recursive descent over a mode-driven tokenizer, following
 * the PowerShell language specification and about_Parsing / about_Operator_Precedence. It
 * never throws on bad input: errors are collected (with PowerShell's ids and messages) and the
 * parse goes on, so the REPL can highlight and detect incomplete input on every keystroke.
 */
import type {
  ArrayLiteralAst,
  AssignmentOperator,
  AssignmentStatementAst,
  Ast,
  AttributeAst,
  BinaryOperator,
  BlockKind,
  BreakStatementAst,
  CatchClauseAst,
  CommandAst,
  CommandBaseAst,
  CommandElementAst,
  CommandExpressionAst,
  CommandParameterAst,
  ContinueStatementAst,
  ErrorExpressionAst,
  ErrorStatementAst,
  ExpressionAst,
  Extent,
  FunctionDefinitionAst,
  HashtableAst,
  HashtableEntry,
  IfClause,
  IndexExpressionAst,
  MemberExpressionAst,
  NamedAttributeArgumentAst,
  NamedBlockAst,
  ParamBlockAst,
  ParameterAst,
  PipelineAst,
  PipelineBaseAst,
  PipelineChainAst,
  RedirectionAst,
  ScriptBlockAst,
  ScriptBlockExpressionAst,
  SimpleTypeName,
  StatementAst,
  StatementBlockAst,
  StringConstantExpressionAst,
  SubExpressionAst,
  SwitchClause,
  SwitchFlags,
  TrapStatementAst,
  TypeConstraintAst,
  TypeName,
  UnaryOperator,
  VariableExpressionAst,
} from './ast.js';
import { forcesNewToken, isDash, isDigit, isIdentifierChar, isLetter, isNewlineChar, isQuote, isSpace, isVariableNameChar } from './chars.js';
import type { ParseError, ParseErrorId } from './errors.js';
import { messages } from './errors.js';
import { SourceText } from './extent.js';
import type { HighlightSpan, LexerHost, LexMode, Tok, TokKind } from './lexer.js';
import { Lexer, statementKeywords } from './lexer.js';
import { scanNumber } from './numbers.js';
import type { TokenKind } from './token.js';

/**
 * Nesting (parentheses, blocks, unary chains...) deeper than this stops the parse with
 * ScriptTooComplicated rather than overflowing the JavaScript stack.
 */
const MAX_DEPTH = 400;

/** Everything one parse produces. */
export interface ParseOutput {
  readonly ast: ScriptBlockAst;
  readonly errors: ParseError[];
  readonly spans: HighlightSpan[];
  readonly trivia: HighlightSpan[];
}

interface ScriptBody {
  readonly paramBlock: ParamBlockAst | null;
  readonly beginBlock: NamedBlockAst | null;
  readonly processBlock: NamedBlockAst | null;
  readonly endBlock: NamedBlockAst | null;
  readonly cleanBlock: NamedBlockAst | null;
}

interface Mark {
  readonly pos: number;
  readonly lastEnd: number;
  readonly errors: number;
  readonly spans: number;
}

type StartKind = 'expression' | 'command' | 'call' | 'dot' | 'label' | 'pipe';

/** The error a parenthesized comma list reports when its `)` is missing; each names its list. */
type MissingCloseParenId =
  | 'MissingEndParenthesisInFunctionParameterList'
  | 'MissingEndParenthesisInMethodCall'
  | 'MissingEndParenthesisInExpression';

interface BinaryInfo {
  readonly precedence: number;
  readonly operator: BinaryOperator;
  readonly caseSensitive: boolean;
}

const comparisonFamily = [
  'eq',
  'ne',
  'gt',
  'ge',
  'lt',
  'le',
  'like',
  'notlike',
  'match',
  'notmatch',
  'contains',
  'notcontains',
  'in',
  'notin',
  'replace',
  'split',
] as const;

/** Binary operators by normalized token text, with PowerShell's precedence (higher binds tighter). */
const binaryOperators = new Map<string, BinaryInfo>();
{
  const add = (token: string, precedence: number, operator: BinaryOperator, caseSensitive = false): void => {
    binaryOperators.set(token, { precedence, operator, caseSensitive });
  };
  add('..', 13, '..');
  add('-f', 12, '-f');
  add('*', 10, '*');
  add('/', 10, '/');
  add('%', 10, '%');
  add('+', 9, '+');
  add('-', 9, '-');
  add('??', 7, '??');
  for (const op of comparisonFamily) {
    const operator = `-${op}` as BinaryOperator;
    add(`-${op}`, 5, operator);
    add(`-i${op}`, 5, operator);
    add(`-c${op}`, 5, operator, true);
  }
  for (const op of ['-join', '-is', '-isnot', '-as', '-shl', '-shr'] as const) add(op, 5, op);
  for (const op of ['-band', '-bor', '-bxor'] as const) add(op, 2, op);
  for (const op of ['-and', '-or', '-xor'] as const) add(op, 1, op);
}

const unaryOperators = new Map<string, { readonly operator: UnaryOperator; readonly caseSensitive: boolean }>([
  ['-', { operator: '-', caseSensitive: false }],
  ['+', { operator: '+', caseSensitive: false }],
  ['!', { operator: '-not', caseSensitive: false }],
  ['-not', { operator: '-not', caseSensitive: false }],
  ['-bnot', { operator: '-bnot', caseSensitive: false }],
  ['-split', { operator: '-split', caseSensitive: false }],
  ['-isplit', { operator: '-split', caseSensitive: false }],
  ['-csplit', { operator: '-split', caseSensitive: true }],
  ['-join', { operator: '-join', caseSensitive: false }],
  ['++', { operator: '++', caseSensitive: false }],
  ['--', { operator: '--', caseSensitive: false }],
]);

/** Word operators that may start an expression statement (`-not $x`), unlike other `-words`. */
const unaryWordOperators = new Set(['not', 'bnot', 'split', 'isplit', 'csplit', 'join']);

const assignmentOperators = new Set<string>(['=', '+=', '-=', '*=', '/=', '%=', '??=']);

const namedBlockKeywords = new Set(['begin', 'process', 'end', 'clean', 'dynamicparam']);

const unsupportedKeywords = new Set([
  'class',
  'enum',
  'data',
  'workflow',
  'configuration',
  'using',
  'parallel',
  'sequence',
  'inlinescript',
]);

const switchFlagNames = ['regex', 'wildcard', 'exact', 'casesensitive', 'file', 'parallel'] as const;

function defaultHighlight(kind: TokKind): TokenKind {
  switch (kind) {
    case 'NewLine':
      return 'newline';
    case 'Semi':
    case 'LParen':
    case 'RParen':
    case 'LCurly':
    case 'RCurly':
    case 'LBracket':
    case 'RBracket':
    case 'AtParen':
    case 'AtCurly':
    case 'DollarParen':
      return 'punctuation';
    case 'Variable':
    case 'Splat':
      return 'variable';
    case 'Number':
      return 'number';
    case 'String':
      return 'string';
    case 'Generic':
      return 'generic';
    case 'Parameter':
    case 'EndOfParameters':
      return 'parameter';
    case 'Label':
      return 'label';
    case 'Unknown':
    case 'Identifier':
    case 'EOF':
      return 'unknown';
    default:
      return 'operator';
  }
}

/** Tokens after which a command's argument list is over. */
function endsCommand(tok: Tok): boolean {
  switch (tok.kind) {
    case 'NewLine':
    case 'Semi':
    case 'EOF':
    case 'RParen':
    case 'RCurly':
    case 'Pipe':
    case 'AndAnd':
    case 'OrOr':
    case 'Ampersand':
      return true;
    default:
      return false;
  }
}

/** Tokens that can start a unary expression, so `[int]` before them is a cast. */
function startsUnary(tok: Tok): boolean {
  switch (tok.kind) {
    case 'Variable':
    case 'Splat':
    case 'Number':
    case 'String':
    case 'LParen':
    case 'DollarParen':
    case 'AtParen':
    case 'AtCurly':
    case 'LCurly':
    case 'LBracket':
      return true;
    case 'Operator':
      return unaryOperators.has(tok.op ?? '');
    default:
      return false;
  }
}

function isTypeNameChar(c: string): boolean {
  return isIdentifierChar(c) || c === '.' || c === '`' || c === '+';
}

/** See the module comment. */
export class Parser implements LexerHost {
  private readonly src: SourceText;
  private readonly text: string;
  private readonly lexer: Lexer;
  private pos = 0;
  /** End of the last consumed token: where "expected X here" errors point. */
  private lastEnd = 0;
  /** One-token lookahead cache: the token scanned at `peekPos` in `peekMode`. */
  private peeked: Tok | null = null;
  private peekPos = -1;
  private peekMode: LexMode = 'expression';
  private errors: ParseError[] = [];
  private spans: HighlightSpan[] = [];
  private readonly trivia = new Map<number, HighlightSpan>();
  private depth = 0;
  private aborted = false;
  /** Kept apart so that nothing (backtracking, nested string parses) can drop it. */
  private abortError: ParseError | null = null;

  constructor(text: string, file: string) {
    this.src = new SourceText(text, file);
    this.text = text;
    this.lexer = new Lexer(text, this);
  }

  /** Parses the whole text as a script. */
  run(): ParseOutput {
    const body = this.parseScriptBlockBody('EOF', 0);
    // Taking the end token reports problems in trailing trivia (an unterminated `<#`).
    this.take(this.peek());
    const trivia = [...this.trivia.values()];
    const requires = trivia
      .filter((t) => t.kind === 'comment' && /^#requires\b/i.test(this.text.slice(t.start, t.end)))
      .map((t) => this.text.slice(t.start, t.end));
    const ast: ScriptBlockAst = {
      kind: 'ScriptBlock',
      extent: this.ext(0, this.text.length),
      requires,
      ...body,
    };
    const errors = this.abortError !== null ? [...this.errors, this.abortError] : this.errors;
    return { ast, errors, spans: this.spans, trivia };
  }

  // -------------------------------------------------------------------------------------------
  // LexerHost
  // -------------------------------------------------------------------------------------------

  extent(start: number, end: number): Extent {
    return this.src.extent(start, end);
  }

  makeError(id: ParseErrorId, message: string, start: number, end: number, incomplete: boolean): ParseError {
    return { errorId: id, message, extent: this.src.extent(start, end), incompleteInput: incomplete };
  }

  recordTrivia(span: HighlightSpan): void {
    this.trivia.set(span.start, span);
  }

  parseNestedSubExpression(start: number): { node: SubExpressionAst; end: number; errors: ParseError[]; spans: HighlightSpan[] } {
    // The string scanner calls back here, so nesting strings in strings recurses: count it.
    const entered = this.enter();
    try {
      if (!entered) {
        const empty: StatementBlockAst = { kind: 'StatementBlock', extent: this.ext(start, start), statements: [], traps: [] };
        const node: SubExpressionAst = { kind: 'SubExpression', extent: this.ext(start, start), subExpression: empty };
        return { node, end: this.text.length, errors: [], spans: [] };
      }
      const saved = { pos: this.pos, lastEnd: this.lastEnd };
      const errorCount = this.errors.length;
      const spanCount = this.spans.length;
      this.pos = start;
      this.lastEnd = start;
      this.peeked = null;
      const node = this.parseGroup('SubExpression');
      const end = this.aborted ? this.text.length : Math.max(this.lastEnd, start + 2);
      const errors = this.errors.splice(errorCount);
      const spans = this.spans.splice(spanCount);
      if (!this.aborted) {
        this.pos = saved.pos;
        this.lastEnd = saved.lastEnd;
        this.peeked = null;
      }
      return { node: node as SubExpressionAst, end, errors, spans };
    } finally {
      this.leave();
    }
  }

  // -------------------------------------------------------------------------------------------
  // Token plumbing
  // -------------------------------------------------------------------------------------------

  private ch(i: number): string {
    return i < this.text.length ? this.text[i] : '';
  }

  private ext(start: number, end: number): Extent {
    return this.src.extent(start, end);
  }

  private peek(mode: LexMode = 'expression'): Tok {
    if (this.peeked !== null && this.peekPos === this.pos && this.peekMode === mode) return this.peeked;
    const tok = this.lexer.scan(this.pos, mode);
    this.peeked = tok;
    this.peekPos = this.pos;
    this.peekMode = mode;
    return tok;
  }

  /** Consumes a token: records its highlight span and any errors found while scanning it. */
  private take(tok: Tok, kind?: TokenKind): Tok {
    if (tok.end > tok.start) this.spans.push({ kind: kind ?? defaultHighlight(tok.kind), start: tok.start, end: tok.end });
    if (tok.spans !== undefined) this.spans.push(...tok.spans);
    if (tok.errors !== undefined && !this.aborted) this.errors.push(...tok.errors);
    this.pos = tok.end;
    this.lastEnd = tok.end;
    this.peeked = null;
    return tok;
  }

  /** Consumes raw characters (type names, member names) the tokenizer has no token for. */
  private takeRange(start: number, end: number, kind: TokenKind): void {
    if (end > start) this.spans.push({ kind, start, end });
    this.pos = end;
    this.lastEnd = end;
    this.peeked = null;
  }

  private mark(): Mark {
    return { pos: this.pos, lastEnd: this.lastEnd, errors: this.errors.length, spans: this.spans.length };
  }

  private reset(m: Mark): void {
    // Once the parse has stopped (too deep), going back would undo the stop and its error.
    if (this.aborted) return;
    this.pos = m.pos;
    this.lastEnd = m.lastEnd;
    this.errors.length = m.errors;
    this.spans.length = m.spans;
    this.peeked = null;
  }

  private skipNewlines(): void {
    for (;;) {
      const tok = this.peek();
      if (tok.kind !== 'NewLine') return;
      this.take(tok);
    }
  }

  private skipNewlinesAndSemis(): void {
    for (;;) {
      const tok = this.peek();
      if (tok.kind !== 'NewLine' && tok.kind !== 'Semi') return;
      this.take(tok);
    }
  }

  private skipSpaces(i: number): number {
    while (isSpace(this.ch(i))) i++;
    return i;
  }

  /** The end of input, or a lone backtick there: the user has more to type. */
  private atEnd(tok: Tok): boolean {
    return tok.kind === 'EOF' || (tok.kind === 'Unknown' && tok.text === '`' && tok.end >= this.text.length);
  }

  /**
   * Records an error. `found` is the token met instead of what was expected: when it is the
   * end of input the error only means "keep typing".
   */
  private report(id: ParseErrorId, message: string, start: number, end: number, found?: Tok): void {
    if (this.aborted) return;
    this.errors.push(this.makeError(id, message, start, end, found !== undefined && this.atEnd(found)));
  }

  /** Enters a nesting level; false (and the parse stops) past MAX_DEPTH. Always pair with leave(). */
  private enter(): boolean {
    this.depth++;
    if (this.aborted) return false;
    if (this.depth > MAX_DEPTH) {
      this.abortError = this.makeError('ScriptTooComplicated', messages.ScriptTooComplicated(), this.pos, this.pos, false);
      this.aborted = true;
      this.pos = this.text.length;
      this.lastEnd = this.text.length;
      this.peeked = null;
      return false;
    }
    return true;
  }

  private leave(): void {
    this.depth--;
  }

  private nested<T>(fallback: T, parse: () => T): T {
    try {
      return this.enter() ? parse() : fallback;
    } finally {
      this.leave();
    }
  }

  private errorExpression(start: number, end: number, nested: readonly Ast[] = []): ErrorExpressionAst {
    return { kind: 'ErrorExpression', extent: this.ext(start, end), nestedAsts: nested };
  }

  private errorStatement(start: number, end: number, nested: readonly Ast[] = []): ErrorStatementAst {
    return { kind: 'ErrorStatement', extent: this.ext(start, end), nestedAsts: nested };
  }

  private exprOf(tok: Tok): ExpressionAst {
    return tok.expr ?? this.errorExpression(tok.start, tok.end);
  }

  // -------------------------------------------------------------------------------------------
  // Script blocks, param blocks, named blocks
  // -------------------------------------------------------------------------------------------

  /** The inside of a script or `{...}`: optional param block, then named blocks or statements. */
  private parseScriptBlockBody(closer: 'EOF' | 'RCurly', bodyStart: number): ScriptBody {
    this.skipNewlinesAndSemis();
    const paramBlock = this.tryParseParamBlock();
    if (paramBlock !== null) this.skipNewlinesAndSemis();
    if (this.peekNamedBlockKeyword() !== null) {
      return { paramBlock, ...this.parseNamedBlocks(closer) };
    }
    const listStart = paramBlock !== null ? this.lastEnd : bodyStart;
    const { statements, traps } = this.parseStatementList(closer);
    const first = Math.min(statements[0]?.extent.startOffset ?? Infinity, traps[0]?.extent.startOffset ?? Infinity, this.lastEnd);
    const blockStart = Number.isFinite(first) ? Math.max(first, listStart) : listStart;
    const endBlock: NamedBlockAst = {
      kind: 'NamedBlock',
      extent: this.ext(blockStart, Math.max(this.lastEnd, blockStart)),
      blockKind: 'end',
      unnamed: true,
      statements,
      traps,
    };
    return { paramBlock, beginBlock: null, processBlock: null, endBlock, cleanBlock: null };
  }

  /** `[attr()]... param(...)`, or null (having consumed nothing) when there is none. */
  private tryParseParamBlock(): ParamBlockAst | null {
    const start = this.mark();
    const attributes: AttributeAst[] = [];
    let startOffset = -1;
    for (;;) {
      const tok = this.peek();
      if (tok.kind !== 'LBracket') break;
      if (startOffset < 0) startOffset = tok.start;
      const attr = this.parseAttributeOrTypeConstraint();
      if (attr === null) {
        this.reset(start);
        return null;
      }
      if (attr.kind === 'Attribute') attributes.push(attr);
      this.skipNewlines();
    }
    const keyword = this.peekKeyword();
    if (keyword === null || keyword.text.toLowerCase() !== 'param') {
      this.reset(start);
      return null;
    }
    return this.parseParamBlock(keyword, attributes, startOffset < 0 ? keyword.start : startOffset);
  }

  private parseParamBlock(keyword: Tok, attributes: AttributeAst[], startOffset: number): ParamBlockAst {
    this.take(keyword, 'keyword');
    this.skipNewlines();
    const open = this.peek();
    let parameters: ParameterAst[] = [];
    if (open.kind !== 'LParen') {
      this.report('MissingOpenParenthesisAfterKeyword', messages.MissingOpenParenthesisAfterKeyword('param'), this.lastEnd, this.lastEnd, open);
    } else {
      this.take(open);
      parameters = this.parseParameterList();
    }
    return { kind: 'ParamBlock', extent: this.ext(startOffset, this.lastEnd), attributes, parameters };
  }

  /** Parameters separated by commas, after `(`, through the `)`. */
  private parseParameterList(): ParameterAst[] {
    return this.parseParenthesizedList(() => {
      const parameter = this.parseParameter();
      if (parameter === null) {
        const tok = this.peek();
        if (tok.kind !== 'RParen' && !this.atEnd(tok)) {
          this.report('InvalidFunctionParameter', messages.InvalidFunctionParameter(), tok.start, tok.end, tok);
        }
      }
      return parameter;
    }, 'MissingEndParenthesisInFunctionParameterList');
  }

  /**
   * The comma list of parameters, method arguments or attribute arguments, after its `(`, through
   * its `)`; newlines may stand around every item and comma. `parseItem` is told how many items
   * came before and returns null to end the list, having reported what that means in its place.
   */
  private parseParenthesizedList<T>(parseItem: (count: number) => T | null, missingClose: MissingCloseParenId): T[] {
    const items: T[] = [];
    this.skipNewlines();
    if (this.peek().kind !== 'RParen') {
      for (;;) {
        this.skipNewlines();
        const item = parseItem(items.length);
        if (item === null) break;
        items.push(item);
        this.skipNewlines();
        const comma = this.peek();
        if (comma.kind !== 'Comma') break;
        this.take(comma);
      }
    }
    this.skipNewlines();
    this.expectClosing('RParen', missingClose, messages[missingClose]());
    return items;
  }

  /** Takes the closing token a construct needs, or reports its error where the construct's text ends. */
  private expectClosing(kind: TokKind, id: ParseErrorId, message: string): void {
    const close = this.peek();
    if (close.kind === kind) {
      this.take(close);
    } else {
      this.report(id, message, this.lastEnd, this.lastEnd, close);
    }
  }

  private parseParameter(): ParameterAst | null {
    const attributes: (AttributeAst | TypeConstraintAst)[] = [];
    const start = this.peek().start;
    for (;;) {
      const tok = this.peek();
      if (tok.kind !== 'LBracket') break;
      const attr = this.parseAttributeOrTypeConstraint();
      if (attr === null) return null;
      attributes.push(attr);
      this.skipNewlines();
    }
    const variable = this.peek();
    if (variable.kind !== 'Variable') return null;
    this.take(variable);
    const name = this.exprOf(variable) as VariableExpressionAst;
    let defaultValue: ExpressionAst | null = null;
    const equals = this.peek();
    if (equals.kind === 'Operator' && equals.op === '=') {
      this.take(equals);
      this.skipNewlines();
      defaultValue = this.parseExpression(false);
      if (defaultValue === null) {
        this.report('MissingExpressionAfterToken', messages.MissingExpressionAfterToken('='), equals.end, equals.end, this.peek());
      }
    }
    return { kind: 'Parameter', extent: this.ext(start, this.lastEnd), name, attributes, defaultValue };
  }

  /** The block keyword (`begin`, `process`...) starting the next statement, if any. */
  private peekNamedBlockKeyword(): Tok | null {
    const tok = this.peekKeyword();
    return tok !== null && namedBlockKeywords.has(tok.text.toLowerCase()) ? tok : null;
  }

  private parseNamedBlocks(closer: 'EOF' | 'RCurly'): Omit<ScriptBody, 'paramBlock'> {
    const blocks: Partial<Record<BlockKind, NamedBlockAst>> = {};
    for (;;) {
      this.skipNewlinesAndSemis();
      const tok = this.peek();
      if (tok.kind === closer || tok.kind === 'EOF') break;
      if (tok.kind === 'RCurly' || tok.kind === 'RParen') {
        this.report('UnexpectedToken', messages.UnexpectedToken(tok.text), tok.start, tok.end);
        this.take(tok);
        continue;
      }
      const keyword = this.peekNamedBlockKeyword();
      if (keyword === null) {
        const bad = this.peek('command');
        this.report('MissingNamedBlocks', messages.MissingNamedBlocks(bad.text), bad.start, bad.end);
        const before = this.pos;
        this.parseStatement();
        if (this.pos === before) this.take(this.peek('command'));
        continue;
      }
      this.take(keyword, 'keyword');
      const name = keyword.text.toLowerCase();
      this.skipNewlines();
      const open = this.peek();
      if (open.kind !== 'LCurly') {
        this.report('MissingNamedStatementBlock', messages.MissingNamedStatementBlock(keyword.text), this.lastEnd, this.lastEnd, open);
        continue;
      }
      const body = this.parseBraceBlock();
      if (name === 'dynamicparam') {
        this.report('UnsupportedStatement', messages.UnsupportedStatement('dynamicparam'), keyword.start, keyword.end);
        continue;
      }
      const blockKind = name as BlockKind;
      if (blocks[blockKind] !== undefined) {
        this.report('DuplicateScriptCommandClause', messages.DuplicateScriptCommandClause(keyword.text), keyword.start, keyword.end);
        continue;
      }
      blocks[blockKind] = {
        kind: 'NamedBlock',
        extent: this.ext(keyword.start, this.lastEnd),
        blockKind,
        unnamed: false,
        statements: body.statements,
        traps: body.traps,
      };
    }
    return {
      beginBlock: blocks.begin ?? null,
      processBlock: blocks.process ?? null,
      endBlock: blocks.end ?? null,
      cleanBlock: blocks.clean ?? null,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Statement lists and blocks
  // -------------------------------------------------------------------------------------------

  private parseStatementList(closer: 'EOF' | 'RCurly' | 'RParen'): { statements: StatementAst[]; traps: TrapStatementAst[] } {
    const statements: StatementAst[] = [];
    const traps: TrapStatementAst[] = [];
    for (;;) {
      this.skipNewlinesAndSemis();
      const tok = this.peek();
      if (tok.kind === closer || tok.kind === 'EOF') break;
      if (tok.kind === 'RCurly' || tok.kind === 'RParen') {
        // A `}` while looking for `)` most likely closes an outer block: let the caller report.
        if (closer === 'RParen' && tok.kind === 'RCurly') break;
        this.report('UnexpectedToken', messages.UnexpectedToken(tok.text), tok.start, tok.end);
        this.take(tok);
        continue;
      }
      const before = this.pos;
      const statement = this.parseStatement();
      if (statement !== null) {
        if (statement.kind === 'TrapStatement') traps.push(statement);
        else statements.push(statement);
      }
      if (this.pos === before) {
        const stuck = this.peek('command');
        if (stuck.kind === 'EOF') break;
        this.report('UnexpectedToken', messages.UnexpectedToken(stuck.text), stuck.start, stuck.end);
        this.take(stuck);
      }
    }
    return { statements, traps };
  }

  /** `{ statements }`; the caller has seen the `{`. */
  private parseBraceBlock(): StatementBlockAst {
    const open = this.take(this.peek());
    const { statements, traps } = this.parseStatementList('RCurly');
    const close = this.peek();
    if (close.kind === 'RCurly') {
      this.take(close);
    } else {
      this.report('MissingEndCurlyBrace', messages.MissingEndCurlyBrace(), open.start, open.end, close);
    }
    return { kind: 'StatementBlock', extent: this.ext(open.start, this.lastEnd), statements, traps };
  }

  /** A `{...}` block, or null after reporting `id` when the next token is not `{`. */
  private parseBlockOrReport(id: ParseErrorId, message: string): StatementBlockAst | null {
    const open = this.peek();
    if (open.kind !== 'LCurly') {
      this.report(id, message, this.lastEnd, this.lastEnd, open);
      return null;
    }
    return this.parseBraceBlock();
  }

  // -------------------------------------------------------------------------------------------
  // Statements
  // -------------------------------------------------------------------------------------------

  /**
   * How the statement at the current position starts (about_Parsing): a bareword (or `&`, or
   * `.` and a space) starts a command; anything that can begin a value starts an expression.
   */
  private classifyStart(): StartKind {
    const i = this.lexer.skipTrivia(this.pos);
    const c = this.ch(i);
    const c1 = this.ch(i + 1);
    if (c === ':' && isIdentifierChar(c1)) return 'label';
    if (c === '&') return c1 === '&' ? 'expression' : 'call';
    if (c === '|') return 'pipe';
    if (c === '.') {
      if (isDigit(c1)) return 'expression';
      if (c1 === '' || isSpace(c1) || isNewlineChar(c1) || c1 === '$' || isQuote(c1) || c1 === '{' || c1 === '(') return 'dot';
      return 'command';
    }
    if (c === '$') {
      return isVariableNameChar(c1) || c1 === '{' || c1 === '(' || c1 === '$' || c1 === '^' ? 'expression' : 'command';
    }
    if (c === '@') return c1 === '(' || c1 === '{' || isQuote(c1) || isVariableNameChar(c1) ? 'expression' : 'command';
    if (isQuote(c)) return 'expression';
    switch (c) {
      case '(':
      case '{':
      case '[':
      case ',':
      case '!':
      case '+':
      case '>':
      case '<':
      case '=':
        return 'expression';
      default:
        break;
    }
    if (isDash(c)) {
      if (c1 === '' || isSpace(c1) || isNewlineChar(c1) || isDigit(c1) || isDash(c1) || isQuote(c1)) return 'expression';
      if (c1 === '.' || c1 === '$' || c1 === '(' || c1 === '@' || c1 === '[' || c1 === '+' || c1 === '!') return 'expression';
      let j = i + 1;
      while (isLetter(this.ch(j))) j++;
      const word = this.text.slice(i + 1, j).toLowerCase();
      return unaryWordOperators.has(word) && !isIdentifierChar(this.ch(j)) ? 'expression' : 'command';
    }
    if (isDigit(c)) {
      // `2+2` is an expression, `7z` a command.
      const n = scanNumber(this.text, i, false);
      return n !== null && !isIdentifierChar(this.ch(n.end)) ? 'expression' : 'command';
    }
    return 'command';
  }

  /** The bareword starting the next statement when it is one (no quotes, escapes or `$`). */
  private peekKeyword(): Tok | null {
    if (this.classifyStart() !== 'command') return null;
    const tok = this.lexer.scanBareword(this.pos);
    return tok.plain === true ? tok : null;
  }

  private parseStatement(): StatementAst | null {
    return this.nested<StatementAst | null>(null, () => this.parseStatementInner());
  }

  private parseStatementInner(): StatementAst | null {
    if (this.atStatementEnd()) return null;
    let start = this.classifyStart();
    let label: string | null = null;
    if (start === 'label') {
      const at = this.lexer.skipTrivia(this.pos);
      const tok = this.lexer.scanLabel(at);
      if (tok !== null) {
        this.take(tok, 'label');
        label = tok.name ?? null;
        this.skipNewlines();
        start = this.classifyStart();
      }
      if (start === 'label') start = 'command';
    }
    if (start === 'pipe') {
      const pipe = this.peek();
      this.report('EmptyPipeElement', messages.EmptyPipeElement(), pipe.start, pipe.end);
      this.take(pipe);
      return null;
    }
    if (start === 'command') {
      const name = this.lexer.scanBareword(this.pos);
      const keyword = name.text.toLowerCase();
      if (name.plain === true && statementKeywords.has(keyword)) {
        const statement = this.parseKeywordStatement(keyword, name, label);
        if (statement !== undefined) return statement;
      }
    }
    const pipeline = this.parsePipelineChainStatement();
    if (pipeline === null) return null;
    if (!('background' in pipeline && pipeline.background)) this.requireStatementEnd();
    return pipeline;
  }

  /** Nothing more of a statement follows: a terminator, a closing bracket, a chain operator. */
  private atStatementEnd(): boolean {
    switch (this.peek().kind) {
      case 'EOF':
      case 'NewLine':
      case 'Semi':
      case 'RCurly':
      case 'RParen':
      case 'AndAnd':
      case 'OrOr':
        return true;
      default:
        return false;
    }
  }

  /** After a pipeline: the statement must end here. */
  private requireStatementEnd(): void {
    const tok = this.peek();
    switch (tok.kind) {
      case 'NewLine':
      case 'Semi':
      case 'EOF':
      case 'RCurly':
      case 'RParen':
        return;
      default:
        this.report('UnexpectedToken', messages.UnexpectedToken(tok.text), tok.start, tok.end);
        this.skipToStatementEnd();
    }
  }

  /** Error recovery: skips to the end of the statement, keeping brackets balanced. */
  private skipToStatementEnd(): void {
    let depth = 0;
    for (;;) {
      const tok = this.peek('command');
      if (tok.kind === 'EOF') return;
      if (depth === 0 && (tok.kind === 'NewLine' || tok.kind === 'Semi' || tok.kind === 'RCurly' || tok.kind === 'RParen')) return;
      switch (tok.kind) {
        case 'LCurly':
        case 'LParen':
        case 'AtParen':
        case 'AtCurly':
        case 'DollarParen':
          depth++;
          break;
        case 'RCurly':
        case 'RParen':
          depth--;
          break;
        default:
          break;
      }
      this.take(tok);
    }
  }

  /** A statement introduced by a keyword; undefined when the word is a command name after all. */
  private parseKeywordStatement(keyword: string, tok: Tok, label: string | null): StatementAst | null | undefined {
    switch (keyword) {
      case 'if':
        return this.parseIf(tok);
      case 'switch':
        return this.parseSwitch(tok, label);
      case 'foreach':
        return this.parseForEach(tok, label);
      case 'for':
        return this.parseFor(tok, label);
      case 'while':
        return this.parseWhile(tok, label);
      case 'do':
        return this.parseDo(tok, label);
      case 'break':
      case 'continue':
        return this.parseBreakContinue(tok, keyword);
      case 'return':
      case 'exit':
      case 'throw':
        return this.parseFlow(tok, keyword);
      case 'try':
        return this.parseTry(tok);
      case 'trap':
        return this.parseTrap(tok);
      case 'function':
      case 'filter':
        return this.parseFunction(tok, keyword === 'filter');
      case 'param': {
        // A param block is only allowed first in a script block.
        this.report('UnexpectedToken', messages.UnexpectedToken(tok.text), tok.start, tok.end);
        const block = this.parseParamBlock(tok, [], tok.start);
        return this.errorStatement(tok.start, this.lastEnd, [block]);
      }
      case 'begin':
      case 'process':
      case 'end':
      case 'clean':
      case 'dynamicparam':
        return undefined;
      case 'define':
      case 'from':
      case 'var':
        this.report('ReservedKeywordNotAllowed', messages.ReservedKeywordNotAllowed(keyword), tok.start, tok.end);
        this.take(tok, 'keyword');
        this.skipToStatementEnd();
        return this.errorStatement(tok.start, this.lastEnd);
      default:
        break;
    }
    if (unsupportedKeywords.has(keyword)) {
      this.report('UnsupportedStatement', messages.UnsupportedStatement(keyword), tok.start, tok.end);
      this.take(tok, 'keyword');
      this.skipToStatementEnd();
      return this.errorStatement(tok.start, this.lastEnd);
    }
    // else, elseif, catch, finally, until, in: only valid inside their statements.
    this.report('UnexpectedToken', messages.UnexpectedToken(tok.text), tok.start, tok.end);
    this.take(tok, 'keyword');
    return null;
  }

  private parseIf(keyword: Tok): StatementAst {
    this.take(keyword, 'keyword');
    const clauses: IfClause[] = [];
    let elseClause: StatementBlockAst | null = null;
    let word = 'if';
    for (;;) {
      this.skipNewlines();
      const open = this.peek();
      if (open.kind !== 'LParen') {
        this.report('MissingOpenParenthesisInIfStatement', messages.MissingOpenParenthesisInIfStatement(word), this.lastEnd, this.lastEnd, open);
        break;
      }
      this.take(open);
      this.skipNewlines();
      const condition = this.parsePipelineChainStatement();
      if (condition === null) {
        this.report('IfStatementMissingCondition', messages.IfStatementMissingCondition(word), open.end, open.end, this.peek());
      }
      this.skipNewlines();
      this.expectClosing('RParen', 'MissingEndParenthesisAfterStatement', messages.MissingEndParenthesisAfterStatement(word));
      this.skipNewlines();
      const body = this.parseBlockOrReport('MissingStatementBlock', messages.MissingStatementBlock(word));
      if (body === null) break;
      clauses.push({ condition: condition ?? this.errorStatement(open.end, open.end), body });
      const m = this.mark();
      this.skipNewlines();
      const next = this.peekKeyword();
      const nextWord = next?.text.toLowerCase();
      if (next !== null && nextWord === 'elseif') {
        this.take(next, 'keyword');
        word = 'elseif';
        continue;
      }
      if (next !== null && nextWord === 'else') {
        this.take(next, 'keyword');
        this.skipNewlines();
        elseClause = this.parseBlockOrReport('MissingStatementBlockAfterElse', messages.MissingStatementBlockAfterElse());
        break;
      }
      this.reset(m);
      break;
    }
    if (clauses.length === 0) return this.errorStatement(keyword.start, this.lastEnd);
    return { kind: 'IfStatement', extent: this.ext(keyword.start, this.lastEnd), clauses, elseClause };
  }

  /** `( pipeline )` after a loop keyword; reports with the keyword's messages. */
  private parseLoopCondition(word: string): PipelineBaseAst | null {
    this.skipNewlines();
    const open = this.peek();
    if (open.kind !== 'LParen') {
      this.report('MissingOpenParenthesisAfterKeyword', messages.MissingOpenParenthesisAfterKeyword(word), this.lastEnd, this.lastEnd, open);
      return null;
    }
    this.take(open);
    this.skipNewlines();
    const condition = this.parsePipelineChainStatement();
    if (condition === null) {
      this.report('MissingExpressionAfterKeyword', messages.MissingExpressionAfterKeyword(word), open.end, open.end, this.peek());
    }
    this.skipNewlines();
    this.expectClosing('RParen', 'MissingEndParenthesisAfterStatement', messages.MissingEndParenthesisAfterStatement(word));
    return condition ?? this.errorStatement(open.end, this.lastEnd);
  }

  private parseWhile(keyword: Tok, label: string | null): StatementAst {
    this.take(keyword, 'keyword');
    const condition = this.parseLoopCondition('while');
    if (condition === null) return this.errorStatement(keyword.start, this.lastEnd);
    this.skipNewlines();
    const body = this.parseBlockOrReport('MissingLoopStatement', messages.MissingLoopStatement('while'));
    if (body === null) return this.errorStatement(keyword.start, this.lastEnd, [condition]);
    return { kind: 'WhileStatement', extent: this.ext(keyword.start, this.lastEnd), label, condition, body };
  }

  private parseDo(keyword: Tok, label: string | null): StatementAst {
    this.take(keyword, 'keyword');
    this.skipNewlines();
    const body = this.parseBlockOrReport('MissingLoopStatement', messages.MissingLoopStatement('do'));
    if (body === null) return this.errorStatement(keyword.start, this.lastEnd);
    this.skipNewlines();
    const next = this.peekKeyword();
    const word = next?.text.toLowerCase();
    if (next === null || (word !== 'while' && word !== 'until')) {
      this.report('MissingWhileOrUntilInDoWhile', messages.MissingWhileOrUntilInDoWhile(), this.lastEnd, this.lastEnd, this.peek());
      return this.errorStatement(keyword.start, this.lastEnd, [body]);
    }
    this.take(next, 'keyword');
    const condition = this.parseLoopCondition(word ?? 'while');
    if (condition === null) return this.errorStatement(keyword.start, this.lastEnd, [body]);
    const extent = this.ext(keyword.start, this.lastEnd);
    return word === 'while'
      ? { kind: 'DoWhileStatement', extent, label, condition, body }
      : { kind: 'DoUntilStatement', extent, label, condition, body };
  }

  private parseFor(keyword: Tok, label: string | null): StatementAst {
    this.take(keyword, 'keyword');
    this.skipNewlines();
    const open = this.peek();
    if (open.kind !== 'LParen') {
      this.report('MissingOpenParenthesisAfterKeyword', messages.MissingOpenParenthesisAfterKeyword('for'), this.lastEnd, this.lastEnd, open);
      return this.errorStatement(keyword.start, this.lastEnd);
    }
    this.take(open);
    // The three parts are separated by `;` or by newlines.
    const part = (): PipelineBaseAst | null => {
      this.skipNewlines();
      const tok = this.peek();
      if (tok.kind === 'Semi' || tok.kind === 'RParen' || tok.kind === 'EOF') return null;
      return this.parsePipelineChainStatement();
    };
    const separator = (): void => {
      this.skipNewlines();
      const tok = this.peek();
      if (tok.kind === 'Semi') this.take(tok);
    };
    const initializer = part();
    separator();
    const condition = part();
    separator();
    const iterator = part();
    this.skipNewlines();
    this.expectClosing('RParen', 'MissingEndParenthesisAfterStatement', messages.MissingEndParenthesisAfterStatement('for'));
    this.skipNewlines();
    const body = this.parseBlockOrReport('MissingLoopStatement', messages.MissingLoopStatement('for'));
    if (body === null) return this.errorStatement(keyword.start, this.lastEnd);
    return { kind: 'ForStatement', extent: this.ext(keyword.start, this.lastEnd), label, initializer, condition, iterator, body };
  }

  private parseForEach(keyword: Tok, label: string | null): StatementAst {
    this.take(keyword, 'keyword');
    for (;;) {
      const flag = this.peek('command');
      if (flag.kind !== 'Parameter') break;
      this.report('InvalidForeachFlag', messages.InvalidForeachFlag(flag.text), flag.start, flag.end);
      this.take(flag);
    }
    this.skipNewlines();
    const open = this.peek();
    if (open.kind !== 'LParen') {
      this.report('MissingOpenParenthesisAfterKeyword', messages.MissingOpenParenthesisAfterKeyword('foreach'), this.lastEnd, this.lastEnd, open);
      return this.errorStatement(keyword.start, this.lastEnd);
    }
    this.take(open);
    this.skipNewlines();
    const variableTok = this.peek();
    if (variableTok.kind !== 'Variable') {
      this.report('MissingVariableNameAfterForeach', messages.MissingVariableNameAfterForeach(), this.lastEnd, this.lastEnd, variableTok);
      this.skipToStatementEnd();
      return this.errorStatement(keyword.start, this.lastEnd);
    }
    this.take(variableTok);
    const variable = this.exprOf(variableTok) as VariableExpressionAst;
    this.skipNewlines();
    const inTok = this.peekKeyword();
    if (inTok === null || inTok.text.toLowerCase() !== 'in') {
      this.report('MissingInInForeach', messages.MissingInInForeach(), this.lastEnd, this.lastEnd, this.peek());
      this.skipToStatementEnd();
      return this.errorStatement(keyword.start, this.lastEnd, [variable]);
    }
    this.take(inTok, 'keyword');
    this.skipNewlines();
    const condition = this.parsePipelineChainStatement();
    if (condition === null) {
      this.report('MissingForeachExpression', messages.MissingForeachExpression(), this.lastEnd, this.lastEnd, this.peek());
    }
    this.skipNewlines();
    this.expectClosing('RParen', 'MissingEndParenthesisAfterForeach', messages.MissingEndParenthesisAfterForeach());
    this.skipNewlines();
    const body = this.parseBlockOrReport('MissingForeachStatement', messages.MissingForeachStatement());
    if (body === null || condition === null) return this.errorStatement(keyword.start, this.lastEnd, [variable]);
    return { kind: 'ForEachStatement', extent: this.ext(keyword.start, this.lastEnd), label, variable, condition, body };
  }

  private parseSwitch(keyword: Tok, label: string | null): StatementAst {
    this.take(keyword, 'keyword');
    const flags = { regex: false, wildcard: false, exact: false, caseSensitive: false, file: false };
    let condition: PipelineBaseAst | null = null;
    for (;;) {
      const flag = this.peek('command');
      if (flag.kind !== 'Parameter') break;
      this.take(flag);
      const name = (flag.name ?? '').toLowerCase();
      const matches = switchFlagNames.filter((f) => name.length > 0 && f.startsWith(name));
      const chosen = matches.length === 1 ? matches[0] : matches.find((f) => f === name);
      if (chosen === undefined || chosen === 'parallel') {
        this.report('InvalidSwitchFlag', messages.InvalidSwitchFlag(flag.text), flag.start, flag.end);
        continue;
      }
      if (chosen === 'regex' || chosen === 'wildcard' || chosen === 'exact') {
        flags.regex = chosen === 'regex';
        flags.wildcard = chosen === 'wildcard';
        flags.exact = chosen === 'exact';
      } else if (chosen === 'casesensitive') {
        flags.caseSensitive = true;
      } else {
        flags.file = true;
        const pathTok = this.peek('command');
        const path = endsCommand(pathTok) || pathTok.kind === 'LCurly' ? null : this.parseCommandArgument(true);
        if (path === null) {
          this.report('MissingFilenameOption', messages.MissingFilenameOption(), flag.end, flag.end, pathTok);
        } else {
          condition = this.wrapExpression(path);
        }
      }
    }
    if (!flags.file) {
      this.skipNewlines();
      const open = this.peek();
      if (open.kind !== 'LParen') {
        this.report('PipelineValueRequired', messages.PipelineValueRequired(), this.lastEnd, this.lastEnd, open);
        return this.errorStatement(keyword.start, this.lastEnd);
      }
      this.take(open);
      this.skipNewlines();
      condition = this.parsePipelineChainStatement();
      if (condition === null) {
        this.report('MissingSwitchValueExpression', messages.MissingSwitchValueExpression(), open.end, open.end, this.peek());
      }
      this.skipNewlines();
      this.expectClosing('RParen', 'MissingEndParenthesisInSwitchStatement', messages.MissingEndParenthesisInSwitchStatement());
    }
    this.skipNewlines();
    const open = this.peek();
    if (open.kind !== 'LCurly') {
      this.report('MissingCurlyBraceInSwitchStatement', messages.MissingCurlyBraceInSwitchStatement(), this.lastEnd, this.lastEnd, open);
      return this.errorStatement(keyword.start, this.lastEnd);
    }
    this.take(open);
    const clauses: SwitchClause[] = [];
    let defaultClause: StatementBlockAst | null = null;
    for (;;) {
      this.skipNewlinesAndSemis();
      const tok = this.peek('command');
      if (tok.kind === 'RCurly') {
        this.take(tok);
        break;
      }
      if (tok.kind === 'EOF') {
        this.report('MissingEndCurlyBrace', messages.MissingEndCurlyBrace(), open.start, open.end, tok);
        break;
      }
      const clauseCondition = this.parseCommandPrimary(false);
      if (clauseCondition === null) {
        this.report('MissingSwitchConditionExpression', messages.MissingSwitchConditionExpression(), tok.start, tok.end, tok);
        this.take(tok);
        continue;
      }
      const isDefault =
        clauseCondition.kind === 'StringConstant' &&
        clauseCondition.stringConstantType === 'BareWord' &&
        clauseCondition.extent.text.toLowerCase() === 'default';
      if (isDefault) this.retagLast(clauseCondition.extent.startOffset, 'keyword');
      this.skipNewlines();
      const body = this.parseBlockOrReport('MissingSwitchStatementClause', messages.MissingSwitchStatementClause());
      if (body === null) {
        this.skipToStatementEnd();
        continue;
      }
      if (!isDefault) {
        clauses.push({ condition: clauseCondition, body });
      } else if (defaultClause !== null) {
        this.report('MultipleSwitchDefaultClauses', messages.MultipleSwitchDefaultClauses(), clauseCondition.extent.startOffset, clauseCondition.extent.endOffset);
      } else {
        defaultClause = body;
      }
    }
    const switchFlags: SwitchFlags = flags;
    return {
      kind: 'SwitchStatement',
      extent: this.ext(keyword.start, this.lastEnd),
      label,
      flags: switchFlags,
      condition: condition ?? this.errorStatement(keyword.end, keyword.end),
      clauses,
      defaultClause,
    };
  }

  /** Changes the highlight of the span starting at `start` (a bareword that turned out to be a keyword). */
  private retagLast(start: number, kind: TokenKind): void {
    for (let i = this.spans.length - 1; i >= 0; i--) {
      const span = this.spans[i];
      if (span.start === start) {
        this.spans[i] = { ...span, kind };
        return;
      }
    }
  }

  /** An expression as a one-element pipeline, where the AST wants a pipeline. */
  private wrapExpression(expression: ExpressionAst): PipelineAst {
    const element: CommandExpressionAst = { kind: 'CommandExpression', extent: expression.extent, expression, redirections: [] };
    return { kind: 'Pipeline', extent: expression.extent, pipelineElements: [element], background: false };
  }

  private parseBreakContinue(keyword: Tok, word: 'break' | 'continue'): StatementAst {
    this.take(keyword, 'keyword');
    let label: ExpressionAst | null = null;
    const next = this.peek('command');
    if (!endsCommand(next)) {
      if (next.kind === 'Generic') {
        this.take(next, 'label');
        label = this.exprOf(next);
      } else {
        label = this.parseCommandArgument(false);
      }
    }
    this.requireStatementEnd();
    const extent = this.ext(keyword.start, this.lastEnd);
    const statement: BreakStatementAst | ContinueStatementAst =
      word === 'break' ? { kind: 'BreakStatement', extent, label } : { kind: 'ContinueStatement', extent, label };
    return statement;
  }

  private parseFlow(keyword: Tok, word: 'return' | 'exit' | 'throw'): StatementAst {
    this.take(keyword, 'keyword');
    const next = this.peek();
    let pipeline: PipelineBaseAst | null = null;
    if (!endsCommand(next)) pipeline = this.parsePipelineChainStatement();
    this.requireStatementEnd();
    const extent = this.ext(keyword.start, this.lastEnd);
    switch (word) {
      case 'return':
        return { kind: 'ReturnStatement', extent, pipeline };
      case 'exit':
        return { kind: 'ExitStatement', extent, pipeline };
      default:
        return { kind: 'ThrowStatement', extent, pipeline };
    }
  }

  private parseTry(keyword: Tok): StatementAst {
    this.take(keyword, 'keyword');
    this.skipNewlines();
    const body = this.parseBlockOrReport('MissingTryStatementBlock', messages.MissingTryStatementBlock());
    if (body === null) return this.errorStatement(keyword.start, this.lastEnd);
    const catchClauses: CatchClauseAst[] = [];
    let finallyBlock: StatementBlockAst | null = null;
    let sawCatchAll = false;
    for (;;) {
      const m = this.mark();
      this.skipNewlines();
      const next = this.peekKeyword();
      const word = next?.text.toLowerCase();
      if (next !== null && word === 'catch') {
        this.take(next, 'keyword');
        const catchTypes: TypeConstraintAst[] = [];
        for (;;) {
          const tok = this.peek();
          if (tok.kind !== 'LBracket') break;
          const type = this.parseAttributeOrTypeConstraint();
          if (type === null) break;
          if (type.kind === 'TypeConstraint') catchTypes.push(type);
          const comma = this.peek();
          if (comma.kind !== 'Comma') break;
          this.take(comma);
          this.skipNewlines();
        }
        this.skipNewlines();
        const handler = this.parseBlockOrReport('MissingCatchHandlerBlock', messages.MissingCatchHandlerBlock());
        if (handler === null) break;
        if (sawCatchAll) {
          this.report('EmptyCatchNotLast', messages.EmptyCatchNotLast(), next.start, next.end);
        }
        if (catchTypes.length === 0) sawCatchAll = true;
        catchClauses.push({
          kind: 'CatchClause',
          extent: this.ext(next.start, this.lastEnd),
          catchTypes,
          body: handler,
          isCatchAll: catchTypes.length === 0,
        });
        continue;
      }
      if (next !== null && word === 'finally') {
        this.take(next, 'keyword');
        this.skipNewlines();
        finallyBlock = this.parseBlockOrReport('MissingFinallyStatementBlock', messages.MissingFinallyStatementBlock());
        break;
      }
      this.reset(m);
      break;
    }
    if (catchClauses.length === 0 && finallyBlock === null) {
      const m = this.mark();
      this.skipNewlines();
      const found = this.peek();
      this.reset(m);
      this.report('MissingCatchOrFinally', messages.MissingCatchOrFinally(), this.lastEnd, this.lastEnd, found);
    }
    return {
      kind: 'TryStatement',
      extent: this.ext(keyword.start, this.lastEnd),
      body,
      catchClauses,
      finally: finallyBlock,
    };
  }

  private parseTrap(keyword: Tok): StatementAst {
    this.take(keyword, 'keyword');
    let trapType: TypeConstraintAst | null = null;
    if (this.peek().kind === 'LBracket') {
      const type = this.parseAttributeOrTypeConstraint();
      if (type !== null && type.kind === 'TypeConstraint') trapType = type;
    }
    this.skipNewlines();
    const body = this.parseBlockOrReport('MissingTrapStatement', messages.MissingTrapStatement());
    if (body === null) return this.errorStatement(keyword.start, this.lastEnd);
    const trap: TrapStatementAst = { kind: 'TrapStatement', extent: this.ext(keyword.start, this.lastEnd), trapType, body };
    return trap;
  }

  private parseFunction(keyword: Tok, isFilter: boolean): StatementAst {
    this.take(keyword, 'keyword');
    const nameTok = this.peek('command');
    if (nameTok.kind !== 'Generic') {
      this.report('MissingNameAfterKeyword', messages.MissingNameAfterKeyword(isFilter ? 'filter' : 'function'), this.lastEnd, this.lastEnd, nameTok);
      return this.errorStatement(keyword.start, this.lastEnd);
    }
    this.take(nameTok, 'command');
    const nameExpr = this.exprOf(nameTok);
    const name = nameExpr.kind === 'StringConstant' ? nameExpr.value : nameTok.text;
    this.skipNewlines();
    let parameters: ParameterAst[] | null = null;
    const paren = this.peek();
    if (paren.kind === 'LParen') {
      this.take(paren);
      parameters = this.parseParameterList();
      this.skipNewlines();
    }
    const open = this.peek();
    if (open.kind !== 'LCurly') {
      this.report('MissingFunctionBody', messages.MissingFunctionBody(), this.lastEnd, this.lastEnd, open);
      return this.errorStatement(keyword.start, this.lastEnd);
    }
    const body = this.parseScriptBlockExpression().scriptBlock;
    if (parameters !== null && body.paramBlock !== null) {
      this.report(
        'OnlyOneParameterListAllowed',
        messages.OnlyOneParameterListAllowed(),
        body.paramBlock.extent.startOffset,
        body.paramBlock.extent.endOffset,
      );
    }
    const definition: FunctionDefinitionAst = {
      kind: 'FunctionDefinition',
      extent: this.ext(keyword.start, this.lastEnd),
      name,
      isFilter,
      parameters,
      body,
      nameExtent: this.ext(nameTok.start, nameTok.end),
    };
    return definition;
  }

  // -------------------------------------------------------------------------------------------
  // Pipelines and commands
  // -------------------------------------------------------------------------------------------

  /** A pipeline, a `&&`/`||` chain of pipelines, or an assignment; with an optional trailing `&`. */
  private parsePipelineChainStatement(): PipelineBaseAst | null {
    const first = this.parsePipeline(true);
    if (first === null || first.kind !== 'Pipeline') return first;
    let chain: PipelineAst | PipelineChainAst = first;
    for (;;) {
      const op = this.peek();
      if (op.kind !== 'AndAnd' && op.kind !== 'OrOr') break;
      this.take(op);
      this.skipNewlines();
      const rhs = this.parsePipeline(false);
      if (rhs === null || rhs.kind !== 'Pipeline') {
        this.report('EmptyPipelineChainElement', messages.EmptyPipelineChainElement(), op.start, op.end, this.peek());
        break;
      }
      chain = {
        kind: 'PipelineChain',
        extent: this.ext(chain.extent.startOffset, rhs.extent.endOffset),
        lhs: chain,
        rhs,
        operator: op.kind === 'AndAnd' ? '&&' : '||',
        background: false,
      };
    }
    const amp = this.peek();
    if (amp.kind === 'Ampersand') {
      this.take(amp);
      const extent = this.ext(chain.extent.startOffset, amp.end);
      return chain.kind === 'Pipeline' ? { ...chain, extent, background: true } : { ...chain, extent, background: true };
    }
    return chain;
  }

  private parsePipeline(allowAssignment: boolean): PipelineAst | AssignmentStatementAst | null {
    return this.nested<PipelineAst | AssignmentStatementAst | null>(null, () => this.parsePipelineInner(allowAssignment));
  }

  private parsePipelineInner(allowAssignment: boolean): PipelineAst | AssignmentStatementAst | null {
    const first = this.parsePipelineElement(true);
    if (first === null) return null;
    if (allowAssignment && first.kind === 'CommandExpression' && first.redirections.length === 0) {
      const op = this.peek();
      if (op.kind === 'Operator' && assignmentOperators.has(op.op ?? '')) return this.parseAssignment(first.expression, op);
    }
    const elements: CommandBaseAst[] = [first];
    for (;;) {
      let pipe = this.peek();
      if (pipe.kind === 'NewLine' && this.leadingPipeFollows()) {
        this.skipNewlines();
        pipe = this.peek();
      }
      if (pipe.kind !== 'Pipe') break;
      this.take(pipe);
      this.skipNewlines();
      const next = this.peek();
      if (endsCommand(next) || next.kind === 'Pipe') {
        this.report('EmptyPipeElement', messages.EmptyPipeElement(), pipe.end, pipe.end, next);
        if (next.kind === 'Pipe') continue;
        break;
      }
      const element = this.parsePipelineElement(false);
      if (element === null) break;
      elements.push(element);
    }
    return {
      kind: 'Pipeline',
      extent: this.ext(first.extent.startOffset, elements[elements.length - 1].extent.endOffset),
      pipelineElements: elements,
      background: false,
    };
  }

  /** PowerShell 7.4: a line starting with `|` continues the pipeline of the line before. */
  private leadingPipeFollows(): boolean {
    let j = this.pos;
    for (;;) {
      j = this.lexer.skipTrivia(j);
      const c = this.ch(j);
      if (c === '\n') j++;
      else if (c === '\r') j += this.ch(j + 1) === '\n' ? 2 : 1;
      else break;
    }
    return this.ch(j) === '|' && this.ch(j + 1) !== '|';
  }

  private parseAssignment(left: ExpressionAst, op: Tok): AssignmentStatementAst {
    this.take(op);
    this.skipNewlines();
    let right = this.parseStatement();
    if (right === null) {
      this.report('ExpectedValueExpression', messages.ExpectedValueExpression(op.text), op.end, op.end, this.peek());
      right = this.errorStatement(op.end, op.end);
    }
    if (!this.isAssignable(left)) {
      this.report('InvalidLeftHandSide', messages.InvalidLeftHandSide(), left.extent.startOffset, left.extent.endOffset);
    }
    return {
      kind: 'AssignmentStatement',
      extent: this.ext(left.extent.startOffset, Math.max(right.extent.endOffset, op.end)),
      left,
      operator: (op.op ?? '=') as AssignmentOperator,
      right,
      operatorExtent: this.ext(op.start, op.end),
    };
  }

  private isAssignable(e: ExpressionAst): boolean {
    switch (e.kind) {
      case 'Variable':
        return !e.splatted;
      case 'MemberExpression':
      case 'IndexExpression':
      case 'InvokeMemberExpression':
        return true;
      case 'ConvertExpression':
      case 'AttributedExpression':
        return this.isAssignable(e.child);
      case 'ArrayLiteral':
        return e.elements.every((x) => this.isAssignable(x));
      case 'ParenExpression': {
        const p = e.pipeline;
        return p.kind === 'Pipeline' && p.pipelineElements.length === 1 && p.pipelineElements[0].kind === 'CommandExpression'
          ? this.isAssignable(p.pipelineElements[0].expression)
          : false;
      }
      case 'ErrorExpression':
        return true;
      default:
        return false;
    }
  }

  private parsePipelineElement(first: boolean): CommandBaseAst | null {
    if (this.atStatementEnd()) return null;
    const kind = this.classifyStart();
    if (kind === 'call' || kind === 'dot') {
      const op = this.peek();
      this.take(op, 'operator');
      return this.parseCommand(kind === 'call' ? '&' : '.', op.start);
    }
    if (kind === 'command' || kind === 'label') return this.parseCommand(null, this.lexer.skipTrivia(this.pos));
    if (kind === 'pipe') {
      const pipe = this.peek();
      this.report('EmptyPipeElement', messages.EmptyPipeElement(), pipe.start, pipe.end);
      return null;
    }
    const expression = this.parseExpression(true);
    if (expression === null) {
      const tok = this.peek();
      if (!endsCommand(tok)) {
        this.report('UnexpectedToken', messages.UnexpectedToken(tok.text), tok.start, tok.end);
        this.take(tok);
      }
      return null;
    }
    const redirections = this.parseRedirections();
    if (!first) {
      this.report(
        'ExpressionsMustBeFirstInPipeline',
        messages.ExpressionsMustBeFirstInPipeline(),
        expression.extent.startOffset,
        expression.extent.endOffset,
      );
    }
    return {
      kind: 'CommandExpression',
      extent: this.ext(expression.extent.startOffset, this.lastEnd),
      expression,
      redirections,
    };
  }

  private parseRedirections(): RedirectionAst[] {
    const redirections: RedirectionAst[] = [];
    for (;;) {
      const tok = this.peek();
      if (tok.kind !== 'Redirection') return redirections;
      const r = this.parseRedirection(tok);
      if (r !== null) redirections.push(r);
    }
  }

  private parseRedirection(tok: Tok): RedirectionAst | null {
    this.take(tok);
    const r = tok.redirection ?? { from: 'output' as const, append: false, to: null };
    if (tok.op === '<') {
      this.report('RedirectionNotSupported', messages.RedirectionNotSupported('<'), tok.start, tok.end);
      return null;
    }
    if (r.to !== null) {
      return { kind: 'MergingRedirection', extent: this.ext(tok.start, tok.end), fromStream: r.from, toStream: r.to };
    }
    const targetTok = this.peek('command');
    const target = endsCommand(targetTok) || targetTok.kind === 'Redirection' ? null : this.parseCommandPrimary(true);
    if (target === null) {
      this.report('MissingFileSpecification', messages.MissingFileSpecification(), tok.end, tok.end, targetTok);
    }
    return {
      kind: 'FileRedirection',
      extent: this.ext(tok.start, this.lastEnd),
      fromStream: r.from,
      append: r.append,
      location: target ?? this.errorExpression(tok.end, tok.end),
    };
  }

  /** A command: its name (or `&`/`.` and an expression), then parameters, arguments and redirections. */
  private parseCommand(invocation: '&' | '.' | null, start: number): CommandAst {
    const elements: CommandElementAst[] = [];
    const redirections: RedirectionAst[] = [];
    if (invocation === null) {
      const name = this.lexer.scanBareword(this.pos);
      this.take(name, 'command');
      elements.push(this.exprOf(name));
    } else {
      const target = this.peek('command');
      const element = endsCommand(target) ? null : this.parseCommandPrimary(true, 'command');
      if (element === null) {
        this.report('MissingExpression', messages.MissingExpression(invocation), this.lastEnd, this.lastEnd, target);
      } else {
        elements.push(element);
      }
    }
    let endOfParameters = false;
    for (;;) {
      const tok = this.peek('command');
      if (endsCommand(tok)) break;
      switch (tok.kind) {
        case 'Redirection': {
          const r = this.parseRedirection(tok);
          if (r !== null) redirections.push(r);
          continue;
        }
        case 'StopParsing':
          this.report('StopParsingNotSupported', messages.StopParsingNotSupported(), tok.start, tok.end);
          this.take(tok);
          for (let rest = this.peek('command'); rest.kind !== 'NewLine' && rest.kind !== 'EOF' && rest.kind !== 'Pipe'; rest = this.peek('command')) {
            this.take(rest, 'generic');
          }
          continue;
        case 'EndOfParameters': {
          this.take(tok, endOfParameters ? 'generic' : 'parameter');
          endOfParameters = true;
          const dashes: StringConstantExpressionAst = {
            kind: 'StringConstant',
            extent: this.ext(tok.start, tok.end),
            value: '--',
            stringConstantType: 'BareWord',
          };
          elements.push(dashes);
          continue;
        }
        case 'Comma':
          this.report('MissingArgument', messages.MissingArgument(), tok.start, tok.end);
          this.take(tok);
          this.skipNewlines();
          continue;
        case 'Parameter':
          // `$HOME.Length-more`: a dash word glued to the previous argument is an argument.
          if (!endOfParameters && (tok.start > this.pos || elements.length === 0)) {
            elements.push(this.parseParameterElement(tok));
            continue;
          }
          break;
        default:
          break;
      }
      const argument = this.parseCommandArgument(true);
      if (argument === null) {
        this.report('UnexpectedToken', messages.UnexpectedToken(tok.text), tok.start, tok.end);
        this.take(tok);
        continue;
      }
      elements.push(argument);
    }
    return {
      kind: 'Command',
      extent: this.ext(start, Math.max(start, this.lastEnd)),
      commandElements: elements,
      invocationOperator: invocation,
      redirections,
    };
  }

  private parseParameterElement(tok: Tok): CommandParameterAst {
    this.take(tok, 'parameter');
    let argument: ExpressionAst | null = null;
    if (tok.colon === true) {
      const next = this.peek('command');
      if (!endsCommand(next) && next.kind !== 'Redirection') argument = this.parseCommandArgument(true);
    }
    return {
      kind: 'CommandParameter',
      extent: this.ext(tok.start, this.lastEnd),
      parameterName: tok.name ?? '',
      argument,
      hasColon: tok.colon === true,
    };
  }

  /** One argument, or a comma list of them (`a,b,c`, `$a, $b`). */
  private parseCommandArgument(parametersAsText: boolean): ExpressionAst | null {
    const first = this.parseCommandPrimary(parametersAsText);
    if (first === null) return null;
    if (this.peek('command').kind !== 'Comma') return first;
    return this.parseArrayTail(first, 'command', () => (endsCommand(this.peek('command')) ? null : this.parseCommandPrimary(true)));
  }

  /**
   * The rest of `first, b, c` in either mode: each comma, newlines after it, then one element; a
   * comma with nothing after it is reported at the comma.
   */
  private parseArrayTail(first: ExpressionAst, mode: LexMode, parseElement: () => ExpressionAst | null): ArrayLiteralAst {
    const elements: ExpressionAst[] = [first];
    for (;;) {
      const comma = this.peek(mode);
      if (comma.kind !== 'Comma') break;
      this.take(comma);
      this.skipNewlines();
      const next = parseElement();
      if (next === null) {
        this.report('MissingExpressionAfterToken', messages.MissingExpressionAfterToken(','), comma.end, comma.end, this.peek(mode));
        break;
      }
      elements.push(next);
    }
    return { kind: 'ArrayLiteral', extent: this.ext(first.extent.startOffset, this.lastEnd), elements };
  }

  /** A single argument-mode value: bareword, number, string, variable, `(...)`, `$(...)`, `@(...)`, `@{...}`, `{...}`. */
  private parseCommandPrimary(parametersAsText: boolean, genericKind: TokenKind = 'generic'): ExpressionAst | null {
    const tok = this.peek('command');
    let expr: ExpressionAst;
    switch (tok.kind) {
      case 'Number':
      case 'String':
      case 'Variable':
        this.take(tok);
        expr = this.exprOf(tok);
        break;
      case 'Generic':
        this.take(tok, genericKind);
        return this.exprOf(tok);
      case 'Splat':
        this.take(tok);
        return this.exprOf(tok);
      case 'Parameter':
      case 'EndOfParameters':
      case 'StopParsing': {
        if (!parametersAsText) return null;
        const word = this.lexer.scanBareword(this.pos);
        this.take(word, genericKind);
        return this.exprOf(word);
      }
      case 'DollarParen':
        expr = this.parseGroup('SubExpression');
        break;
      case 'AtParen':
        expr = this.parseGroup('ArrayExpression');
        break;
      case 'AtCurly':
        expr = this.parseHashtable();
        break;
      case 'LParen':
        expr = this.parseParenExpression();
        break;
      case 'LCurly':
        expr = this.parseScriptBlockExpression();
        break;
      default:
        return null;
    }
    return this.parsePostfix(expr, 'command');
  }

  // -------------------------------------------------------------------------------------------
  // Expressions
  // -------------------------------------------------------------------------------------------

  /** An expression; `allowComma` is false where commas separate things (method and attribute arguments). */
  private parseExpression(allowComma: boolean): ExpressionAst | null {
    return this.nested<ExpressionAst | null>(null, () => this.parseTernary(allowComma));
  }

  private parseTernary(allowComma: boolean): ExpressionAst | null {
    const condition = this.parseBinary(1, allowComma);
    if (condition === null) return null;
    const question = this.peek();
    if (question.kind !== 'Operator' || question.op !== '?') return condition;
    this.take(question);
    this.skipNewlines();
    let ifTrue = this.parseExpression(allowComma);
    if (ifTrue === null) {
      this.report('ExpectedValueExpression', messages.ExpectedValueExpression('?'), question.end, question.end, this.peek());
      ifTrue = this.errorExpression(question.end, question.end);
    }
    const m = this.mark();
    this.skipNewlines();
    const colon = this.peek();
    let ifFalse: ExpressionAst | null = null;
    if (colon.kind === 'Operator' && colon.op === ':') {
      this.take(colon);
      this.skipNewlines();
      ifFalse = this.parseExpression(allowComma);
      if (ifFalse === null) {
        this.report('ExpectedValueExpression', messages.ExpectedValueExpression(':'), colon.end, colon.end, this.peek());
      }
    } else {
      this.reset(m);
      this.report('MissingColonInTernaryExpression', messages.MissingColonInTernaryExpression(), this.lastEnd, this.lastEnd, colon);
    }
    return {
      kind: 'TernaryExpression',
      extent: this.ext(condition.extent.startOffset, this.lastEnd),
      condition,
      ifTrue,
      ifFalse: ifFalse ?? this.errorExpression(this.lastEnd, this.lastEnd),
    };
  }

  /** Binary operators by precedence climbing; all are left-associative. */
  private parseBinary(minPrecedence: number, allowComma: boolean): ExpressionAst | null {
    let left = this.parseArrayLiteral(allowComma);
    if (left === null) return null;
    for (;;) {
      const op = this.peek();
      const info = op.kind === 'Operator' ? binaryOperators.get(op.op ?? '') : undefined;
      if (info === undefined || info.precedence < minPrecedence) return left;
      this.take(op);
      this.skipNewlines();
      let right = this.parseBinary(info.precedence + 1, allowComma);
      if (right === null) {
        this.report('ExpectedValueExpression', messages.ExpectedValueExpression(op.text), op.end, op.end, this.peek());
        right = this.errorExpression(op.end, op.end);
      }
      left = {
        kind: 'BinaryExpression',
        extent: this.ext(left.extent.startOffset, Math.max(right.extent.endOffset, op.end)),
        operator: info.operator,
        caseSensitive: info.caseSensitive,
        left,
        right,
        operatorExtent: this.ext(op.start, op.end),
      };
    }
  }

  /** `a, b, c`: the comma binds tighter than every binary operator. */
  private parseArrayLiteral(allowComma: boolean): ExpressionAst | null {
    const first = this.parseUnary();
    if (first === null || !allowComma || this.peek().kind !== 'Comma') return first;
    return this.parseArrayTail(first, 'expression', () => this.parseUnary());
  }

  private parseUnary(): ExpressionAst | null {
    return this.nested<ExpressionAst | null>(null, () => this.parseUnaryInner());
  }

  private parseUnaryInner(): ExpressionAst | null {
    const tok = this.peek();
    if (tok.kind === 'Operator') {
      const unary = unaryOperators.get(tok.op ?? '');
      if (unary !== undefined) {
        this.take(tok);
        let child = this.parseUnary();
        if (child === null) {
          this.report('MissingExpressionAfterOperator', messages.MissingExpressionAfterOperator(tok.text), tok.end, tok.end, this.peek());
          child = this.errorExpression(tok.end, tok.end);
        }
        return {
          kind: 'UnaryExpression',
          extent: this.ext(tok.start, Math.max(child.extent.endOffset, tok.end)),
          operator: unary.operator,
          postfix: false,
          caseSensitive: unary.caseSensitive,
          child,
        };
      }
      return null;
    }
    if (tok.kind === 'Comma') {
      // Unary comma: an array of one element.
      this.take(tok);
      let child = this.parseUnary();
      if (child === null) {
        this.report('MissingExpressionAfterOperator', messages.MissingExpressionAfterOperator(','), tok.end, tok.end, this.peek());
        child = this.errorExpression(tok.end, tok.end);
      }
      return { kind: 'ArrayLiteral', extent: this.ext(tok.start, this.lastEnd), elements: [child] };
    }
    if (tok.kind === 'LBracket') return this.parseTypePrefixed(tok);
    const primary = this.parsePrimary();
    if (primary === null) return null;
    const expr = this.parsePostfix(primary, 'expression');
    const post = this.peek();
    if (post.kind === 'Operator' && (post.op === '++' || post.op === '--')) {
      this.take(post);
      return {
        kind: 'UnaryExpression',
        extent: this.ext(expr.extent.startOffset, post.end),
        operator: post.op,
        postfix: true,
        caseSensitive: false,
        child: expr,
      };
    }
    return expr;
  }

  /** `[type]` or `[attribute(...)]` at the start of a unary expression: a cast, a type, or an attributed expression. */
  private parseTypePrefixed(open: Tok): ExpressionAst | null {
    const attr = this.parseAttributeOrTypeConstraint();
    if (attr === null) return this.errorExpression(open.start, this.lastEnd);
    if (attr.kind === 'Attribute') {
      const next = this.peek();
      const child = startsUnary(next) ? this.parseUnary() : null;
      if (child === null) {
        // An unclosed attribute already has its error; this one would hide that more is coming.
        if (this.text[attr.extent.endOffset - 1] === ']') {
          this.report('UnexpectedAttribute', messages.UnexpectedAttribute(attr.typeName.fullName), attr.extent.startOffset, attr.extent.endOffset);
        }
        return this.errorExpression(attr.extent.startOffset, attr.extent.endOffset, [attr]);
      }
      return { kind: 'AttributedExpression', extent: this.ext(attr.extent.startOffset, child.extent.endOffset), attribute: attr, child };
    }
    const c = this.ch(this.pos);
    const c1 = this.ch(this.pos + 1);
    const typeExpression: ExpressionAst = { kind: 'TypeExpression', extent: attr.extent, typeName: attr.typeName };
    if ((c === '.' && c1 !== '.') || (c === ':' && c1 === ':')) return this.parsePostfix(typeExpression, 'expression');
    const next = this.peek();
    if (startsUnary(next)) {
      const child = this.parseUnary();
      if (child !== null) {
        return { kind: 'ConvertExpression', extent: this.ext(attr.extent.startOffset, child.extent.endOffset), type: attr, child };
      }
    }
    return typeExpression;
  }

  private parsePrimary(): ExpressionAst | null {
    const tok = this.peek();
    switch (tok.kind) {
      case 'Number':
      case 'String':
      case 'Variable':
        this.take(tok);
        return this.exprOf(tok);
      case 'Splat': {
        this.take(tok);
        const name = (tok.expr as VariableExpressionAst | undefined)?.variablePath.userPath ?? '';
        this.report('SplattingNotPermitted', messages.SplattingNotPermitted(name), tok.start, tok.end);
        return this.exprOf(tok);
      }
      case 'LParen':
        return this.parseParenExpression();
      case 'DollarParen':
        return this.parseGroup('SubExpression');
      case 'AtParen':
        return this.parseGroup('ArrayExpression');
      case 'AtCurly':
        return this.parseHashtable();
      case 'LCurly':
        return this.parseScriptBlockExpression();
      default:
        return null;
    }
  }

  /** Member access, method calls and indexing glued to a value (no white space before `.`, `::` or `[`). */
  private parsePostfix(target: ExpressionAst, mode: LexMode): ExpressionAst {
    let expr = target;
    for (;;) {
      const c = this.ch(this.pos);
      const c1 = this.ch(this.pos + 1);
      if (c === '.' && c1 !== '.') {
        expr = this.parseMemberAccess(expr, 1, false, false, mode);
      } else if (c === ':' && c1 === ':') {
        expr = this.parseMemberAccess(expr, 2, true, false, mode);
      } else if (c === '?' && c1 === '.' && mode === 'expression') {
        expr = this.parseMemberAccess(expr, 2, false, true, mode);
      } else if (c === '[') {
        expr = this.parseIndex(expr, 1, false);
      } else if (c === '?' && c1 === '[' && mode === 'expression') {
        expr = this.parseIndex(expr, 2, true);
      } else {
        return expr;
      }
    }
  }

  private parseMemberAccess(target: ExpressionAst, opLength: number, isStatic: boolean, nullConditional: boolean, mode: LexMode): ExpressionAst {
    const start = target.extent.startOffset;
    this.takeRange(this.pos, this.pos + opLength, 'operator');
    const member = this.parseMemberName();
    if (member === null) {
      this.report('MissingPropertyName', messages.MissingPropertyName(), this.pos, this.pos, this.peek());
      const missing: MemberExpressionAst = {
        kind: 'MemberExpression',
        extent: this.ext(start, this.lastEnd),
        expression: target,
        member: this.errorExpression(this.pos, this.pos),
        isStatic,
        nullConditional,
      };
      return missing;
    }
    const c = this.ch(this.pos);
    if (c === '(' || (c === '{' && mode === 'expression')) {
      const args = c === '(' ? this.parseMethodArguments() : [this.parseScriptBlockExpression()];
      return {
        kind: 'InvokeMemberExpression',
        extent: this.ext(start, this.lastEnd),
        expression: target,
        member,
        arguments: args,
        isStatic,
        nullConditional,
      };
    }
    return { kind: 'MemberExpression', extent: this.ext(start, this.lastEnd), expression: target, member, isStatic, nullConditional };
  }

  /** A member name right after `.`/`::`: a bareword, `$var`, `$(...)`, a string, or `(...)`. */
  private parseMemberName(): ExpressionAst | null {
    const i = this.pos;
    const c = this.ch(i);
    if (isIdentifierChar(c)) {
      let j = i + 1;
      while (isIdentifierChar(this.ch(j))) j++;
      this.takeRange(i, j, 'member');
      const name: StringConstantExpressionAst = {
        kind: 'StringConstant',
        extent: this.ext(i, j),
        value: this.text.slice(i, j),
        stringConstantType: 'BareWord',
      };
      return name;
    }
    if (c === '$' || isQuote(c)) {
      const tok = this.peek();
      if (tok.kind === 'Variable' || tok.kind === 'String') {
        this.take(tok);
        return this.exprOf(tok);
      }
      if (tok.kind === 'DollarParen') return this.parseGroup('SubExpression');
      return null;
    }
    if (c === '(') return this.parseParenExpression();
    return null;
  }

  private parseMethodArguments(): ExpressionAst[] {
    this.take(this.peek());
    return this.parseParenthesizedList((count) => {
      const arg = this.parseExpression(false);
      if (arg === null && count > 0) {
        this.report('MissingExpressionAfterToken', messages.MissingExpressionAfterToken(','), this.lastEnd, this.lastEnd, this.peek());
      }
      return arg;
    }, 'MissingEndParenthesisInMethodCall');
  }

  private parseIndex(target: ExpressionAst, openLength: number, nullConditional: boolean): IndexExpressionAst {
    const openEnd = this.pos + openLength;
    this.takeRange(this.pos, openEnd, 'punctuation');
    this.skipNewlines();
    let index = this.parseExpression(true);
    if (index === null) {
      this.report('MissingArrayIndexExpression', messages.MissingArrayIndexExpression(), openEnd, openEnd, this.peek());
      index = this.errorExpression(openEnd, openEnd);
    }
    this.skipNewlines();
    this.expectClosing('RBracket', 'MissingEndSquareBracket', messages.MissingEndSquareBracket());
    return { kind: 'IndexExpression', extent: this.ext(target.extent.startOffset, this.lastEnd), target, index, nullConditional };
  }

  private parseParenExpression(): ExpressionAst {
    const open = this.take(this.peek());
    this.skipNewlines();
    const first = this.peek();
    let pipeline: PipelineBaseAst | null = null;
    if (first.kind === 'RParen') {
      this.report('ExpectedExpression', messages.ExpectedExpression(), open.end, open.end);
    } else if (!this.atEnd(first)) {
      pipeline = this.parsePipelineChainStatement();
    }
    this.skipNewlines();
    this.expectClosing('RParen', 'MissingEndParenthesisInExpression', messages.MissingEndParenthesisInExpression());
    return {
      kind: 'ParenExpression',
      extent: this.ext(open.start, this.lastEnd),
      pipeline: pipeline ?? this.errorStatement(open.end, open.end),
    };
  }

  /** `$( statements )` or `@( statements )`. */
  private parseGroup(kind: 'SubExpression' | 'ArrayExpression'): ExpressionAst {
    const open = this.take(this.peek());
    const { statements, traps } = this.parseStatementList('RParen');
    const close = this.peek();
    const innerEnd = close.kind === 'RParen' ? close.start : this.lastEnd;
    if (close.kind === 'RParen') {
      this.take(close);
    } else {
      this.report('MissingEndParenthesisInSubexpression', messages.MissingEndParenthesisInSubexpression(), this.lastEnd, this.lastEnd, close);
    }
    const block: StatementBlockAst = { kind: 'StatementBlock', extent: this.ext(open.end, innerEnd), statements, traps };
    return { kind, extent: this.ext(open.start, this.lastEnd), subExpression: block };
  }

  private parseHashtable(): HashtableAst {
    const open = this.take(this.peek());
    const pairs: HashtableEntry[] = [];
    for (;;) {
      this.skipNewlinesAndSemis();
      const tok = this.peek();
      if (tok.kind === 'RCurly') {
        this.take(tok);
        break;
      }
      if (tok.kind === 'EOF') {
        this.report('MissingEndCurlyBrace', messages.MissingEndCurlyBrace(), open.start, open.end, tok);
        break;
      }
      const key = this.parseHashKey();
      if (key === null) {
        this.report('MissingKeyInHashLiteral', messages.MissingKeyInHashLiteral(), tok.start, tok.end, tok);
        this.skipToStatementEnd();
        if (this.peek().kind === 'RParen') break;
        continue;
      }
      const equals = this.peek();
      if (equals.kind !== 'Operator' || equals.op !== '=') {
        this.report('MissingEqualsInHashLiteral', messages.MissingEqualsInHashLiteral(), this.lastEnd, this.lastEnd, equals);
        this.skipToStatementEnd();
        if (this.peek().kind === 'RParen') break;
        continue;
      }
      this.take(equals);
      this.skipNewlines();
      const value = this.parseStatement();
      if (value === null) {
        this.report('MissingStatementInHashLiteral', messages.MissingStatementInHashLiteral(), equals.end, equals.end, this.peek());
        if (this.atEnd(this.peek())) break;
        continue;
      }
      pairs.push({ key, value });
    }
    return { kind: 'Hashtable', extent: this.ext(open.start, this.lastEnd), pairs };
  }

  /** A hashtable key: a bareword (`Name`, `a-b`), or a unary expression (`'x'`, `1`, `$k`, `(expr)`). */
  private parseHashKey(): ExpressionAst | null {
    const i = this.lexer.skipTrivia(this.pos);
    const c = this.ch(i);
    if (c === '' || c === '=' || forcesNewToken(c)) {
      return c === '(' ? this.parseUnary() : null;
    }
    if (isDigit(c) || c === '$' || c === '@' || c === '[' || c === '.' || c === '+' || c === '!' || isQuote(c) || isDash(c)) {
      return this.parseUnary();
    }
    let j = i;
    while (j < this.text.length) {
      const k = this.text[j];
      if (forcesNewToken(k) || k === '=' || isQuote(k) || k === '$') break;
      j++;
    }
    this.takeRange(i, j, 'member');
    const key: StringConstantExpressionAst = {
      kind: 'StringConstant',
      extent: this.ext(i, j),
      value: this.text.slice(i, j),
      stringConstantType: 'BareWord',
    };
    return key;
  }

  private parseScriptBlockExpression(): ScriptBlockExpressionAst {
    const open = this.take(this.peek());
    const body = this.parseScriptBlockBody('RCurly', open.end);
    const close = this.peek();
    if (close.kind === 'RCurly') {
      this.take(close);
    } else {
      this.report('MissingEndCurlyBrace', messages.MissingEndCurlyBrace(), open.start, open.end, close);
    }
    const extent = this.ext(open.start, this.lastEnd);
    return { kind: 'ScriptBlockExpression', extent, scriptBlock: { kind: 'ScriptBlock', extent, requires: [], ...body } };
  }

  // -------------------------------------------------------------------------------------------
  // Types and attributes
  // -------------------------------------------------------------------------------------------

  /** `[TypeName]` or `[AttributeName(arguments)]`; the next token is `[`. Null after a reported error. */
  private parseAttributeOrTypeConstraint(): AttributeAst | TypeConstraintAst | null {
    const open = this.take(this.peek());
    const typeName = this.parseTypeName();
    if (typeName === null) {
      this.report('MissingTypename', messages.MissingTypename(), open.end, open.end, this.peek());
      const close = this.peek();
      if (close.kind === 'RBracket') this.take(close);
      return null;
    }
    const positional: ExpressionAst[] = [];
    const named: NamedAttributeArgumentAst[] = [];
    let isAttribute = false;
    const paren = this.peek();
    if (paren.kind === 'LParen') {
      isAttribute = true;
      this.take(paren);
      this.parseAttributeArguments(positional, named);
    }
    this.expectClosing('RBracket', 'EndSquareBracketExpectedAtEndOfAttribute', messages.EndSquareBracketExpectedAtEndOfAttribute());
    const extent = this.ext(open.start, this.lastEnd);
    if (isAttribute) {
      return { kind: 'Attribute', extent, typeName, positionalArguments: positional, namedArguments: named };
    }
    return { kind: 'TypeConstraint', extent, typeName };
  }

  private parseAttributeArguments(positional: ExpressionAst[], named: NamedAttributeArgumentAst[]): void {
    const args = this.parseParenthesizedList((): ExpressionAst | NamedAttributeArgumentAst | null => {
      const tok = this.peek();
      return tok.kind === 'Identifier' ? this.parseNamedAttributeArgument(tok) : this.parseExpression(false);
    }, 'MissingEndParenthesisInExpression');
    for (const arg of args) {
      if (arg.kind === 'NamedAttributeArgument') named.push(arg);
      else positional.push(arg);
    }
  }

  /** `Name = value`, or a bare `Name` that means `Name = $true`. */
  private parseNamedAttributeArgument(tok: Tok): NamedAttributeArgumentAst {
    this.take(tok, 'member');
    const afterName = this.lexer.skipTrivia(this.pos);
    const equals = this.peek();
    let argument: ExpressionAst;
    let omitted = false;
    if (equals.kind === 'Operator' && equals.op === '=' && this.ch(afterName + 1) !== '=') {
      this.take(equals);
      this.skipNewlines();
      const value = this.parseExpression(false);
      if (value === null) {
        this.report('MissingExpressionInNamedArgument', messages.MissingExpressionInNamedArgument(), equals.end, equals.end, this.peek());
      }
      argument = value ?? this.errorExpression(equals.end, equals.end);
    } else {
      omitted = true;
      const implicitTrue: VariableExpressionAst = {
        kind: 'Variable',
        extent: this.ext(tok.start, tok.end),
        variablePath: { userPath: 'true', scope: null, drive: null, name: 'true' },
        splatted: false,
        braced: false,
      };
      argument = implicitTrue;
    }
    return {
      kind: 'NamedAttributeArgument',
      extent: this.ext(tok.start, this.lastEnd),
      argumentName: tok.name ?? tok.text,
      argument,
      expressionOmitted: omitted,
    };
  }

  /** A type name inside `[...]`: `Name`, `Name[]`, `Name[,]`, `Name[Arg1, Arg2]`, nested. */
  private parseTypeName(): TypeName | null {
    return this.nested<TypeName | null>(null, () => this.parseTypeNameInner());
  }

  private parseTypeNameInner(): TypeName | null {
    const start = this.skipSpaces(this.pos);
    let j = start;
    while (isTypeNameChar(this.ch(j))) j++;
    if (j === start) return null;
    this.takeRange(start, j, 'type');
    const name = this.text.slice(start, j);
    let result: TypeName = { kind: 'TypeName', extent: this.ext(start, j), name, fullName: name };
    for (;;) {
      const open = this.pos;
      if (this.ch(open) !== '[') break;
      let k = this.skipSpaces(open + 1);
      let rank = 1;
      while (this.ch(k) === ',') {
        rank++;
        k = this.skipSpaces(k + 1);
      }
      if (this.ch(k) === ']') {
        this.takeRange(open, k + 1, 'punctuation');
        result = {
          kind: 'ArrayTypeName',
          extent: this.ext(start, k + 1),
          elementType: result,
          rank,
          fullName: `${result.fullName}[${','.repeat(rank - 1)}]`,
        };
        continue;
      }
      if (result.kind !== 'TypeName' || rank > 1) break;
      const generic = this.parseGenericArguments(open, result);
      if (generic === null) break;
      result = generic;
    }
    return result;
  }

  private parseGenericArguments(open: number, typeName: SimpleTypeName): TypeName | null {
    this.takeRange(open, open + 1, 'punctuation');
    const args: TypeName[] = [];
    for (;;) {
      this.pos = this.skipSpaces(this.pos);
      let arg: TypeName | null;
      if (this.ch(this.pos) === '[') {
        this.takeRange(this.pos, this.pos + 1, 'punctuation');
        arg = this.parseTypeName();
        this.pos = this.skipSpaces(this.pos);
        if (this.ch(this.pos) === ']') this.takeRange(this.pos, this.pos + 1, 'punctuation');
      } else {
        arg = this.parseTypeName();
      }
      if (arg === null) break;
      args.push(arg);
      this.pos = this.skipSpaces(this.pos);
      if (this.ch(this.pos) !== ',') break;
      this.takeRange(this.pos, this.pos + 1, 'punctuation');
    }
    this.pos = this.skipSpaces(this.pos);
    this.peeked = null;
    if (this.ch(this.pos) === ']') {
      this.takeRange(this.pos, this.pos + 1, 'punctuation');
    } else {
      this.report('EndSquareBracketExpectedAtEndOfType', messages.EndSquareBracketExpectedAtEndOfType(), this.pos, this.pos, this.peek());
    }
    if (args.length === 0) return null;
    return {
      kind: 'GenericTypeName',
      extent: this.ext(typeName.extent.startOffset, this.lastEnd),
      typeName,
      genericArguments: args,
      fullName: `${typeName.fullName}[${args.map((a) => a.fullName).join(',')}]`,
    };
  }
}
