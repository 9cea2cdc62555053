/**
 * The syntax tree the parser produces and the interpreter walks.
 *
 * The shapes follow PowerShell's own `System.Management.Automation.Language` AST closely
 * (same node names, same split between statements, pipelines, command elements and
 * expressions) so that behaviour documented against PowerShell's AST maps one to one.
 * Every node is a plain object with a `kind` discriminant and an `extent`.
 *
 * Stability: the interpreter is written against these types. Add fields or kinds; do not
 * rename or remove them.
 */

/** A span of source text; lines and columns are 1-based, offsets are 0-based and end-exclusive. */
export interface Extent {
  /** Name of the file the text came from, or '' for interactive input. */
  readonly file: string;
  readonly startOffset: number;
  readonly endOffset: number;
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The exact source slice (original characters, e.g. an en dash stays an en dash). */
  readonly text: string;
  /** The full text of the line the extent starts on, without its line terminator, for error markers. */
  readonly startLineText: string;
}

/** Fields shared by every node. */
export interface NodeBase {
  readonly extent: Extent;
}

// ---------------------------------------------------------------------------------------------
// Script blocks, named blocks, statement blocks
// ---------------------------------------------------------------------------------------------

/**
 * A whole script, a function body or a `{ ... }` literal. When the text has no named blocks
 * its statements are in `endBlock` with `unnamed: true`, as in PowerShell.
 */
export interface ScriptBlockAst extends NodeBase {
  readonly kind: 'ScriptBlock';
  /** Attributes written before `param(...)` are on the param block; this holds `#requires` text lines. */
  readonly requires: readonly string[];
  readonly paramBlock: ParamBlockAst | null;
  readonly beginBlock: NamedBlockAst | null;
  readonly processBlock: NamedBlockAst | null;
  readonly endBlock: NamedBlockAst | null;
  readonly cleanBlock: NamedBlockAst | null;
}

/** The kind of a named block: `begin`, `process`, `end` or `clean`. */
export type BlockKind = 'begin' | 'process' | 'end' | 'clean';

/** One of `begin {}` / `process {}` / `end {}` / `clean {}`, or the implicit end block. */
export interface NamedBlockAst extends NodeBase {
  readonly kind: 'NamedBlock';
  readonly blockKind: BlockKind;
  /** True for the implicit end block of a script block with no named blocks. */
  readonly unnamed: boolean;
  /** Statements in order, without trap statements. */
  readonly statements: readonly StatementAst[];
  /** `trap` statements of this block; they apply to the whole block wherever they are written. */
  readonly traps: readonly TrapStatementAst[];
}

/** A `{ ... }` body of a statement (if, loops, try, switch clauses...). */
export interface StatementBlockAst extends NodeBase {
  readonly kind: 'StatementBlock';
  /** Statements in order, without trap statements. */
  readonly statements: readonly StatementAst[];
  readonly traps: readonly TrapStatementAst[];
}

/** `param(...)`, with the attributes written before it (`[CmdletBinding()]`, `[OutputType()]`). */
export interface ParamBlockAst extends NodeBase {
  readonly kind: 'ParamBlock';
  readonly attributes: readonly AttributeAst[];
  readonly parameters: readonly ParameterAst[];
}

/** One parameter: `[Parameter(Mandatory)][string[]]$Name = 'x'`. */
export interface ParameterAst extends NodeBase {
  readonly kind: 'Parameter';
  readonly name: VariableExpressionAst;
  /** Attributes and type constraints in source order. */
  readonly attributes: readonly (AttributeAst | TypeConstraintAst)[];
  readonly defaultValue: ExpressionAst | null;
}

// ---------------------------------------------------------------------------------------------
// Type names, attributes
// ---------------------------------------------------------------------------------------------

/** A type name as written inside `[...]`. Whether it resolves is the interpreter's business. */
export type TypeName = SimpleTypeName | ArrayTypeName | GenericTypeName;

/** `int`, `System.IO.FileInfo`. */
export interface SimpleTypeName extends NodeBase {
  readonly kind: 'TypeName';
  /** The name as written, e.g. `System.IO.FileInfo`. */
  readonly name: string;
  /** Same as `name`; present on every type-name kind for uniform printing. */
  readonly fullName: string;
}

/** `int[]`, `string[,]`. */
export interface ArrayTypeName extends NodeBase {
  readonly kind: 'ArrayTypeName';
  readonly elementType: TypeName;
  /** 1 for `[]`, 2 for `[,]`... */
  readonly rank: number;
  /** Normalized text, e.g. `int[]`. */
  readonly fullName: string;
}

/** `System.Collections.Generic.List[string]`, `Dictionary[string,int]`. */
export interface GenericTypeName extends NodeBase {
  readonly kind: 'GenericTypeName';
  readonly typeName: SimpleTypeName;
  readonly genericArguments: readonly TypeName[];
  /** Normalized text, e.g. `System.Collections.Generic.List[string]`. */
  readonly fullName: string;
}

/** `[Parameter(Mandatory, Position = 0)]`, `[CmdletBinding()]`, `[ValidateSet('a', 'b')]`. */
export interface AttributeAst extends NodeBase {
  readonly kind: 'Attribute';
  readonly typeName: TypeName;
  readonly positionalArguments: readonly ExpressionAst[];
  readonly namedArguments: readonly NamedAttributeArgumentAst[];
}

/** `Name = expr` or a bare `Name` (meaning `$true`) inside an attribute's parentheses. */
export interface NamedAttributeArgumentAst extends NodeBase {
  readonly kind: 'NamedAttributeArgument';
  readonly argumentName: string;
  /** For a bare `Name`, a synthesized `$true` variable expression whose extent is the name. */
  readonly argument: ExpressionAst;
  /** True when written as a bare `Name`. */
  readonly expressionOmitted: boolean;
}

/** A type written as `[int]` in a position that constrains (parameter, catch, trap, cast). */
export interface TypeConstraintAst extends NodeBase {
  readonly kind: 'TypeConstraint';
  readonly typeName: TypeName;
}

// ---------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------

/** Anything that can stand as a statement. */
export type StatementAst =
  | PipelineBaseAst
  | IfStatementAst
  | SwitchStatementAst
  | ForEachStatementAst
  | ForStatementAst
  | WhileStatementAst
  | DoWhileStatementAst
  | DoUntilStatementAst
  | BreakStatementAst
  | ContinueStatementAst
  | ReturnStatementAst
  | ExitStatementAst
  | ThrowStatementAst
  | TryStatementAst
  | TrapStatementAst
  | FunctionDefinitionAst
  | BlockStatementAst;

/** What may appear where PowerShell expects a pipeline (conditions, parens, `return`...). */
export type PipelineBaseAst = PipelineAst | PipelineChainAst | AssignmentStatementAst | ErrorStatementAst;

/** `a | b | c`; a single expression statement is a one-element pipeline of a CommandExpression. */
export interface PipelineAst extends NodeBase {
  readonly kind: 'Pipeline';
  readonly pipelineElements: readonly CommandBaseAst[];
  /** True when the pipeline ends with `&` (PowerShell 7 background job). */
  readonly background: boolean;
}

/** `a && b`, `a || b` (PowerShell 7); left-associative, so `lhs` may itself be a chain. */
export interface PipelineChainAst extends NodeBase {
  readonly kind: 'PipelineChain';
  readonly lhs: PipelineAst | PipelineChainAst;
  readonly rhs: PipelineAst;
  readonly operator: '&&' | '||';
  readonly background: boolean;
}

/** Assignment operators. */
export type AssignmentOperator = '=' | '+=' | '-=' | '*=' | '/=' | '%=' | '??=';

/**
 * `$x = 1`, `[int]$x = '5'`, `$a, $b = 1, 2`, `$h.Key += 1`, `$x = if ($c) { 1 } else { 2 }`.
 * `left` is a Variable, a Convert (typed variable), a Member, an Index, an ArrayLiteral
 * (multiple assignment) or a Paren around one of those.
 */
export interface AssignmentStatementAst extends NodeBase {
  readonly kind: 'AssignmentStatement';
  readonly left: ExpressionAst;
  readonly operator: AssignmentOperator;
  readonly right: StatementAst;
  /** Position of the operator, for error messages. */
  readonly operatorExtent: Extent;
}

/** A statement the parser could not make sense of, or one dpmsh does not support; never run. */
export interface ErrorStatementAst extends NodeBase {
  readonly kind: 'ErrorStatement';
  /** Whatever parsed inside it, for tools; the interpreter never runs a script with errors. */
  readonly nestedAsts: readonly Ast[];
}

/** One `if (c) { }` or `elseif (c) { }` clause. */
export interface IfClause {
  readonly condition: PipelineBaseAst;
  readonly body: StatementBlockAst;
}

/** `if (c) { } elseif (c) { } else { }`. */
export interface IfStatementAst extends NodeBase {
  readonly kind: 'IfStatement';
  readonly clauses: readonly IfClause[];
  readonly elseClause: StatementBlockAst | null;
}

/** Options of a `switch` statement; at most one of regex/wildcard/exact (the last written wins in PowerShell). */
export interface SwitchFlags {
  readonly regex: boolean;
  readonly wildcard: boolean;
  readonly exact: boolean;
  readonly caseSensitive: boolean;
  /** `-file`: `condition` is the path expression. */
  readonly file: boolean;
}

/** One `value { ... }` clause of a switch. */
export interface SwitchClause {
  /** A constant, an expression, or a ScriptBlockExpression run as a predicate on `$_`. */
  readonly condition: ExpressionAst;
  readonly body: StatementBlockAst;
}

/** `switch -regex ($x) { 'a' { } { $_ -gt 5 } { } default { } }`. */
export interface SwitchStatementAst extends NodeBase {
  readonly kind: 'SwitchStatement';
  readonly label: string | null;
  readonly flags: SwitchFlags;
  readonly condition: PipelineBaseAst;
  readonly clauses: readonly SwitchClause[];
  readonly defaultClause: StatementBlockAst | null;
}

/** `foreach ($x in $items) { }`. */
export interface ForEachStatementAst extends NodeBase {
  readonly kind: 'ForEachStatement';
  readonly label: string | null;
  readonly variable: VariableExpressionAst;
  readonly condition: PipelineBaseAst;
  readonly body: StatementBlockAst;
}

/** `for (init; cond; iter) { }`; each part may be empty. */
export interface ForStatementAst extends NodeBase {
  readonly kind: 'ForStatement';
  readonly label: string | null;
  readonly initializer: PipelineBaseAst | null;
  readonly condition: PipelineBaseAst | null;
  readonly iterator: PipelineBaseAst | null;
  readonly body: StatementBlockAst;
}

/** `while (c) { }`. */
export interface WhileStatementAst extends NodeBase {
  readonly kind: 'WhileStatement';
  readonly label: string | null;
  readonly condition: PipelineBaseAst;
  readonly body: StatementBlockAst;
}

/** `do { } while (c)`. */
export interface DoWhileStatementAst extends NodeBase {
  readonly kind: 'DoWhileStatement';
  readonly label: string | null;
  readonly condition: PipelineBaseAst;
  readonly body: StatementBlockAst;
}

/** `do { } until (c)`. */
export interface DoUntilStatementAst extends NodeBase {
  readonly kind: 'DoUntilStatement';
  readonly label: string | null;
  readonly condition: PipelineBaseAst;
  readonly body: StatementBlockAst;
}

/** `break`, `break outer`, `break $label`: a bareword label is a BareWord StringConstant. */
export interface BreakStatementAst extends NodeBase {
  readonly kind: 'BreakStatement';
  readonly label: ExpressionAst | null;
}

/** `continue`, `continue outer`. */
export interface ContinueStatementAst extends NodeBase {
  readonly kind: 'ContinueStatement';
  readonly label: ExpressionAst | null;
}

/** `return`, `return $x | Sort-Object`. */
export interface ReturnStatementAst extends NodeBase {
  readonly kind: 'ReturnStatement';
  readonly pipeline: PipelineBaseAst | null;
}

/** `exit`, `exit 3`. */
export interface ExitStatementAst extends NodeBase {
  readonly kind: 'ExitStatement';
  readonly pipeline: PipelineBaseAst | null;
}

/** `throw`, `throw 'message'`, `throw $_`. */
export interface ThrowStatementAst extends NodeBase {
  readonly kind: 'ThrowStatement';
  readonly pipeline: PipelineBaseAst | null;
}

/** `catch [T1], [T2] { }`; no types means catch-all. */
export interface CatchClauseAst extends NodeBase {
  readonly kind: 'CatchClause';
  readonly catchTypes: readonly TypeConstraintAst[];
  readonly body: StatementBlockAst;
  readonly isCatchAll: boolean;
}

/** `try { } catch { } finally { }`. */
export interface TryStatementAst extends NodeBase {
  readonly kind: 'TryStatement';
  readonly body: StatementBlockAst;
  readonly catchClauses: readonly CatchClauseAst[];
  readonly finally: StatementBlockAst | null;
}

/** `trap { }`, `trap [System.IO.IOException] { }`. */
export interface TrapStatementAst extends NodeBase {
  readonly kind: 'TrapStatement';
  readonly trapType: TypeConstraintAst | null;
  readonly body: StatementBlockAst;
}

/** `function Name { }`, `function Name($a, $b) { }`, `filter Name { }`. */
export interface FunctionDefinitionAst extends NodeBase {
  readonly kind: 'FunctionDefinition';
  /** The name as written (may contain `-`, `:` or `.`, e.g. `global:Get-Thing`). */
  readonly name: string;
  readonly isFilter: boolean;
  /** The `($a, $b)` parameters written after the name, or null when absent. */
  readonly parameters: readonly ParameterAst[] | null;
  readonly body: ScriptBlockAst;
  /** Extent of the name token, for error messages. */
  readonly nameExtent: Extent;
}

/** Reserved for statement kinds like `parallel {}`; the parser does not produce it today. */
export interface BlockStatementAst extends NodeBase {
  readonly kind: 'BlockStatement';
  readonly keyword: string;
  readonly body: StatementBlockAst;
}

// ---------------------------------------------------------------------------------------------
// Pipeline elements, command elements, redirections
// ---------------------------------------------------------------------------------------------

/** One element of a pipeline. */
export type CommandBaseAst = CommandAst | CommandExpressionAst;

/** The element of a command invocation after its name: arguments and parameters. */
export type CommandElementAst = ExpressionAst | CommandParameterAst;

/**
 * A command invocation in argument mode: `Get-Item -Path x`, `& $sb 1`, `. ./lib.ps1`.
 * `commandElements[0]` is the command name (usually a BareWord StringConstant; any
 * expression after `&` or `.`). An end-of-parameters `--` stays in the list as a BareWord
 * StringConstant `--` (native commands receive it; PowerShell commands drop it and bind what
 * follows positionally); elements after it are never CommandParameters.
 */
export interface CommandAst extends NodeBase {
  readonly kind: 'Command';
  readonly commandElements: readonly CommandElementAst[];
  /** `&` (call), `.` (dot-source), or null for a plain command. */
  readonly invocationOperator: '&' | '.' | null;
  readonly redirections: readonly RedirectionAst[];
}

/** An expression used as a pipeline element: `1 + 2`, `$x | ...`, `'a' > file.txt`. */
export interface CommandExpressionAst extends NodeBase {
  readonly kind: 'CommandExpression';
  readonly expression: ExpressionAst;
  readonly redirections: readonly RedirectionAst[];
}

/**
 * `-Name`, `-Name:value`, `-Name: value`. `parameterName` has no leading dash and dash
 * look-alikes (en/em dash, horizontal bar) are normalized; `--verbose` gives `-verbose`. The
 * extent keeps the original text, which is what a native command is passed. `--` alone is not
 * a parameter (see CommandAst).
 */
export interface CommandParameterAst extends NodeBase {
  readonly kind: 'CommandParameter';
  readonly parameterName: string;
  /** The value bound with a colon, or null. */
  readonly argument: ExpressionAst | null;
  /** True when written with a colon (`-Name:` even if the value is missing, as an error). */
  readonly hasColon: boolean;
}

/** Output streams named by redirection operators. */
export type RedirectionStream =
  | 'all' // *
  | 'output' // 1
  | 'error' // 2
  | 'warning' // 3
  | 'verbose' // 4
  | 'debug' // 5
  | 'information'; // 6

/** A redirection on a pipeline element. */
export type RedirectionAst = FileRedirectionAst | MergingRedirectionAst;

/** `> file`, `>> file`, `2> $null`, `*> log.txt`. */
export interface FileRedirectionAst extends NodeBase {
  readonly kind: 'FileRedirection';
  readonly fromStream: RedirectionStream;
  readonly append: boolean;
  /** The target path (a BareWord string, an expandable string, `$null`, any argument). */
  readonly location: ExpressionAst;
}

/** `2>&1`, `*>&1`. */
export interface MergingRedirectionAst extends NodeBase {
  readonly kind: 'MergingRedirection';
  readonly fromStream: RedirectionStream;
  readonly toStream: RedirectionStream;
}

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

/** Any expression. */
export type ExpressionAst =
  | BinaryExpressionAst
  | UnaryExpressionAst
  | TernaryExpressionAst
  | ConvertExpressionAst
  | AttributedExpressionAst
  | ConstantExpressionAst
  | StringConstantExpressionAst
  | ExpandableStringExpressionAst
  | VariableExpressionAst
  | MemberExpressionAst
  | InvokeMemberExpressionAst
  | IndexExpressionAst
  | TypeExpressionAst
  | ArrayLiteralAst
  | ArrayExpressionAst
  | SubExpressionAst
  | ParenExpressionAst
  | HashtableAst
  | ScriptBlockExpressionAst
  | ErrorExpressionAst;

/**
 * Binary operators, normalized: comparison-family operators drop their `i`/`c` prefix
 * (see `caseSensitive`) and are lower case; any dash character becomes `-`.
 */
export type BinaryOperator =
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '..'
  | '-f'
  | '??'
  | '-and'
  | '-or'
  | '-xor'
  | '-band'
  | '-bor'
  | '-bxor'
  | '-shl'
  | '-shr'
  | '-eq'
  | '-ne'
  | '-gt'
  | '-ge'
  | '-lt'
  | '-le'
  | '-like'
  | '-notlike'
  | '-match'
  | '-notmatch'
  | '-contains'
  | '-notcontains'
  | '-in'
  | '-notin'
  | '-replace'
  | '-split'
  | '-join'
  | '-is'
  | '-isnot'
  | '-as';

/** `a -eq b`, `1 + 2`, `'{0}' -f $x`, `1..10`. */
export interface BinaryExpressionAst extends NodeBase {
  readonly kind: 'BinaryExpression';
  readonly operator: BinaryOperator;
  /** True for the `-c...` forms (`-ceq`, `-cmatch`, `-creplace`...); false for plain and `-i...`. */
  readonly caseSensitive: boolean;
  readonly left: ExpressionAst;
  readonly right: ExpressionAst;
  readonly operatorExtent: Extent;
}

/**
 * Unary operators, normalized: `!` becomes `-not`; `++`/`--` are prefix or postfix per
 * `UnaryExpressionAst.postfix`.
 */
export type UnaryOperator = '-' | '+' | '-not' | '-bnot' | '-split' | '-join' | '++' | '--';

/** `-$x`, `!$ok`, `-not $ok`, `-split 'a b'`, `++$i`, `$i++`. */
export interface UnaryExpressionAst extends NodeBase {
  readonly kind: 'UnaryExpression';
  readonly operator: UnaryOperator;
  /** True for `$i++` / `$i--`. */
  readonly postfix: boolean;
  /** True for `-csplit`. */
  readonly caseSensitive: boolean;
  readonly child: ExpressionAst;
}

/** `cond ? a : b` (PowerShell 7). */
export interface TernaryExpressionAst extends NodeBase {
  readonly kind: 'TernaryExpression';
  readonly condition: ExpressionAst;
  readonly ifTrue: ExpressionAst;
  readonly ifFalse: ExpressionAst;
}

/**
 * `[int]$x`, `[string[]]$list`, `[ordered]@{...}`, `[pscustomobject]@{...}`. As an
 * assignment target it is a typed variable.
 */
export interface ConvertExpressionAst extends NodeBase {
  readonly kind: 'ConvertExpression';
  readonly type: TypeConstraintAst;
  readonly child: ExpressionAst;
}

/** `[ValidateRange(1, 10)][int]$x`: an attribute (not a type) applied to an expression. */
export interface AttributedExpressionAst extends NodeBase {
  readonly kind: 'AttributedExpression';
  readonly attribute: AttributeAst;
  readonly child: ExpressionAst;
}

/** The .NET type PowerShell gives a numeric literal. */
export type NumericType =
  | 'Int32'
  | 'Int64'
  | 'Decimal'
  | 'Double'
  | 'Byte'
  | 'SByte'
  | 'Int16'
  | 'UInt16'
  | 'UInt32'
  | 'UInt64'
  | 'BigInteger';

/** A numeric literal: `42`, `0x1F`, `1kb`, `1.5e3`, `10d`, `5l`. */
export interface ConstantExpressionAst extends NodeBase {
  readonly kind: 'Constant';
  /** The value as a JS number (may round for large Int64/UInt64/Decimal/BigInteger values). */
  readonly value: number;
  readonly numericType: NumericType;
  /** The exact value for integral types (Int32...BigInteger), else null. */
  readonly integerValue: bigint | null;
  /** The exact value of a Decimal literal as decimal text keeping its scale (`1.50`), else null. */
  readonly decimalText: string | null;
}

/** How a string was written. */
export type StringConstantType =
  | 'SingleQuoted'
  | 'SingleQuotedHereString'
  | 'DoubleQuoted'
  | 'DoubleQuotedHereString'
  | 'BareWord';

/** A string with no expansion: `'text'`, a bareword argument, a member name, or a `"..."` with nothing to expand. */
export interface StringConstantExpressionAst extends NodeBase {
  readonly kind: 'StringConstant';
  /** The value with quotes removed and escapes processed. */
  readonly value: string;
  readonly stringConstantType: StringConstantType;
}

/**
 * `"Hello $name, $($x + 1)"`, or an argument bareword with `$` in it. `parts` alternate
 * literal text (StringConstant) with Variable and SubExpression nodes, in order; empty
 * literal parts are omitted. Part extents point into the original source.
 */
export interface ExpandableStringExpressionAst extends NodeBase {
  readonly kind: 'ExpandableString';
  /** The text between the quotes, escapes processed but nothing expanded (for diagnostics). */
  readonly value: string;
  readonly stringConstantType: 'DoubleQuoted' | 'DoubleQuotedHereString' | 'BareWord';
  readonly parts: readonly ExpandableStringPart[];
}

/** One part of an expandable string. */
export type ExpandableStringPart = StringConstantExpressionAst | VariableExpressionAst | SubExpressionAst;

/** Variable scope qualifiers. */
export type VariableScope = 'global' | 'script' | 'local' | 'private' | 'using';

/** A parsed variable name: `$x`, `$script:x`, `$env:PATH`, `${c:\odd name}`. */
export interface VariablePath {
  /** The name as written without `$`/`@` or braces, e.g. `env:PATH`, `script:x`, `_`. */
  readonly userPath: string;
  /** The scope qualifier (lower case), or null. */
  readonly scope: VariableScope | null;
  /** A drive qualifier like `env`, `variable`, `function` (lower case), or null. */
  readonly drive: string | null;
  /** The name without any qualifier. */
  readonly name: string;
}

/** `$x`, `$_`, `$?`, `${a b}`, `$env:X`, or splatted `@params`. */
export interface VariableExpressionAst extends NodeBase {
  readonly kind: 'Variable';
  readonly variablePath: VariablePath;
  /** True for `@name` (splatting). */
  readonly splatted: boolean;
  /** True for `${...}`. */
  readonly braced: boolean;
}

/** `$x.Name`, `$x.$prop`, `$x.'quoted'`, `[datetime]::Now`, `$x?.Name`. */
export interface MemberExpressionAst extends NodeBase {
  readonly kind: 'MemberExpression';
  readonly expression: ExpressionAst;
  /** A BareWord StringConstant for a plain name; otherwise the expression giving the name. */
  readonly member: ExpressionAst;
  /** True for `::`. */
  readonly isStatic: boolean;
  /** True for `?.` (PowerShell 7). */
  readonly nullConditional: boolean;
}

/** `$x.Method(a, b)`, `[math]::Round(1.5)`; no whitespace is allowed before `(`. */
export interface InvokeMemberExpressionAst extends NodeBase {
  readonly kind: 'InvokeMemberExpression';
  readonly expression: ExpressionAst;
  readonly member: ExpressionAst;
  readonly arguments: readonly ExpressionAst[];
  readonly isStatic: boolean;
  readonly nullConditional: boolean;
}

/** `$a[0]`, `$a[-1]`, `$a[1..3]`, `$a[0, 2]` (the index is then an ArrayLiteral), `$a?[0]`. */
export interface IndexExpressionAst extends NodeBase {
  readonly kind: 'IndexExpression';
  readonly target: ExpressionAst;
  readonly index: ExpressionAst;
  readonly nullConditional: boolean;
}

/** A type literal used as a value: `[int]`, `[System.DayOfWeek]`. */
export interface TypeExpressionAst extends NodeBase {
  readonly kind: 'TypeExpression';
  readonly typeName: TypeName;
}

/** `1, 2, 3` (the comma operator); also a multiple-assignment target. */
export interface ArrayLiteralAst extends NodeBase {
  readonly kind: 'ArrayLiteral';
  readonly elements: readonly ExpressionAst[];
}

/** `@( ... )`: always an array. */
export interface ArrayExpressionAst extends NodeBase {
  readonly kind: 'ArrayExpression';
  readonly subExpression: StatementBlockAst;
}

/** `$( ... )`: any statements, in an expression. */
export interface SubExpressionAst extends NodeBase {
  readonly kind: 'SubExpression';
  readonly subExpression: StatementBlockAst;
}

/** `( pipeline )`. */
export interface ParenExpressionAst extends NodeBase {
  readonly kind: 'ParenExpression';
  readonly pipeline: PipelineBaseAst;
}

/** One `key = value` entry of a hashtable. */
export interface HashtableEntry {
  /** A BareWord StringConstant for a bareword key, else the key expression. */
  readonly key: ExpressionAst;
  /** Usually a Pipeline; may be any statement (`a = if ($x) { 1 }`). */
  readonly value: StatementAst;
}

/** `@{ a = 1; 'b' = 2 }`. `[ordered]@{}` is a ConvertExpression around it. */
export interface HashtableAst extends NodeBase {
  readonly kind: 'Hashtable';
  readonly pairs: readonly HashtableEntry[];
}

/** `{ ... }` as a value. */
export interface ScriptBlockExpressionAst extends NodeBase {
  readonly kind: 'ScriptBlockExpression';
  readonly scriptBlock: ScriptBlockAst;
}

/** An expression the parser could not make sense of; never run. */
export interface ErrorExpressionAst extends NodeBase {
  readonly kind: 'ErrorExpression';
  readonly nestedAsts: readonly Ast[];
}

// ---------------------------------------------------------------------------------------------
// Unions
// ---------------------------------------------------------------------------------------------

/** Every node kind. */
export type Ast =
  | ScriptBlockAst
  | NamedBlockAst
  | StatementBlockAst
  | ParamBlockAst
  | ParameterAst
  | AttributeAst
  | NamedAttributeArgumentAst
  | TypeConstraintAst
  | StatementAst
  | CommandBaseAst
  | CommandParameterAst
  | RedirectionAst
  | CatchClauseAst
  | ExpressionAst;

/** The `kind` strings of every node. */
export type AstKind = Ast['kind'];
