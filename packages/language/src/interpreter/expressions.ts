/**
 * Evaluating expressions. Every evaluation is async because any expression may run commands
 * (`$(Get-Item x)`, a script block property, a method that invokes a script block).
 */
import { convertTo, enumerableItems, getMember, getStaticMember, invokeMethod, invokeStaticMethod, isEnumerable, DecimalValue, makeDecimal, makeInteger, makeNumber, PSChar, PSHashtable, PSObject, PSTypeLiteral, requireType, toBoolean, toText } from '@dpmsh/runtime';
import type { NumericType as RuntimeNumericType, TypeInfo } from '@dpmsh/runtime';
import type {
  ConstantExpressionAst,
  ConvertExpressionAst,
  ExpandableStringExpressionAst,
  ExpressionAst,
  HashtableAst,
  IndexExpressionAst,
  InvokeMemberExpressionAst,
  MemberExpressionAst,
  PipelineBaseAst,
  StatementAst,
  TypeName,
  UnaryExpressionAst,
  VariablePath,
} from '../parser/ast.js';
import { arithmetic, bitwiseNot, negate } from './arithmetic.js';
import { assignTo, readTarget } from './assignment.js';
import { createReference, isReference } from './automatic-objects.js';
import { derive, type ExecutionContext } from './context.js';
import { atPosition, nullIndex, nullMethodCall, scriptError } from './errors.js';
import { ScriptBlockValue } from './script-block.js';
import { binaryOperation, unaryJoin, unarySplit } from './operators.js';
import { unwrapCollected } from './output.js';
import { collectStatements, executeStatement, executeStatementKind } from './statements.js';
import { assignVariable, readVariable } from './variables.js';

const MATCHES: VariablePath = { userPath: 'Matches', scope: null, drive: null, name: 'Matches' };

/** Evaluates an expression to its value. */
export async function evaluate(node: ExpressionAst, ctx: ExecutionContext): Promise<unknown> {
  try {
    return isSyncExpression(node) ? evaluateSyncNode(node, ctx) : await evaluateNode(node, ctx);
  } catch (error) {
    throw atPosition(error, node.extent);
  }
}

/** Returned by the synchronous fast paths when the node needs the general, awaiting path. */
export const NOT_SYNC: unique symbol = Symbol('not sync');

const syncExpressions = new WeakMap<ExpressionAst, boolean>();

/**
 * Whether an expression can be evaluated without awaiting: it runs no command, no script block and
 * no member that might (a property or method may run script). Cached per syntax-tree node.
 */
export function isSyncExpression(node: ExpressionAst): boolean {
  let known = syncExpressions.get(node);
  if (known === undefined) {
    known = computeSync(node);
    syncExpressions.set(node, known);
  }
  return known;
}

function computeSync(node: ExpressionAst): boolean {
  switch (node.kind) {
    case 'Constant':
    case 'StringConstant':
    case 'TypeExpression':
      return true;
    case 'Variable':
      return !node.splatted;
    case 'ExpandableString':
      return node.parts.every((part) => part.kind === 'StringConstant' || (part.kind === 'Variable' && !part.splatted));
    case 'ArrayLiteral':
      return node.elements.every(isSyncExpression);
    case 'ParenExpression':
      return syncStatementExpression(node.pipeline) !== undefined;
    case 'UnaryExpression':
      if (node.operator === '++' || node.operator === '--') return node.child.kind === 'Variable' && !node.child.splatted;
      return isSyncExpression(node.child);
    case 'BinaryExpression':
      // -replace may run a script block per match, so it awaits.
      return node.operator !== '-replace' && isSyncExpression(node.left) && isSyncExpression(node.right);
    case 'TernaryExpression':
      return isSyncExpression(node.condition) && isSyncExpression(node.ifTrue) && isSyncExpression(node.ifFalse);
    case 'ConvertExpression': {
      const name = node.type.typeName.fullName.toLowerCase();
      if (name === 'ordered' || name === 'ref' || name === 'system.management.automation.psreference') return false;
      return isSyncExpression(node.child);
    }
    case 'AttributedExpression':
      return isSyncExpression(node.child);
    case 'IndexExpression':
      return isSyncExpression(node.target) && isSyncExpression(node.index);
    default:
      return false;
  }
}

/** The expression a statement is when it is a lone expression that can be evaluated synchronously. */
export function syncStatementExpression(statement: StatementAst | PipelineBaseAst): ExpressionAst | undefined {
  if (statement.kind !== 'Pipeline' || statement.pipelineElements.length !== 1) return undefined;
  const only = statement.pipelineElements[0];
  if (only.kind !== 'CommandExpression' || only.redirections.length !== 0) return undefined;
  return isSyncExpression(only.expression) ? only.expression : undefined;
}

/** Evaluates an expression that isSyncExpression accepts, reporting errors at its position as evaluate does. */
export function evaluateSync(node: ExpressionAst, ctx: ExecutionContext): unknown {
  try {
    return evaluateSyncNode(node, ctx);
  } catch (error) {
    throw atPosition(error, node.extent);
  }
}

/** The value of a statement without awaiting, or NOT_SYNC when it needs the general path. */
export function valueOfStatementSync(statement: StatementAst | PipelineBaseAst, ctx: ExecutionContext): unknown {
  const expression = syncStatementExpression(statement);
  return expression === undefined ? NOT_SYNC : evaluateSync(expression, ctx);
}

function evaluateSyncNode(node: ExpressionAst, ctx: ExecutionContext): unknown {
  switch (node.kind) {
    case 'Constant':
      return constantValue(node);
    case 'StringConstant':
      return node.value;
    case 'Variable':
      return readVariable(node.variablePath, ctx, node.extent);
    case 'TypeExpression':
      return new PSTypeLiteral(resolveTypeName(node.typeName).fullName);
    case 'ExpandableString': {
      let text = '';
      for (const part of node.parts) {
        if (part.kind === 'StringConstant') text += part.value;
        else if (part.kind === 'Variable') text += toText(readVariable(part.variablePath, ctx, part.extent), ctx.scope);
      }
      return text;
    }
    case 'ArrayLiteral': {
      const values: unknown[] = [];
      for (const element of node.elements) values.push(evaluateSync(element, ctx));
      return values;
    }
    case 'ParenExpression': {
      const expression = syncStatementExpression(node.pipeline);
      if (expression === undefined) throw new Error('bug: a paren expression that needs awaiting ran synchronously');
      return evaluateSync(expression, ctx);
    }
    case 'UnaryExpression':
      return unarySync(node, ctx);
    case 'BinaryExpression':
      switch (node.operator) {
        case '-and':
          return toBoolean(evaluateSync(node.left, ctx)) && toBoolean(evaluateSync(node.right, ctx));
        case '-or':
          return toBoolean(evaluateSync(node.left, ctx)) || toBoolean(evaluateSync(node.right, ctx));
        case '??': {
          const left = evaluateSync(node.left, ctx);
          return left === null || left === undefined ? evaluateSync(node.right, ctx) : left;
        }
        default: {
          const left = evaluateSync(node.left, ctx);
          const right = evaluateSync(node.right, ctx);
          return binaryOperation(node.operator, node.caseSensitive, left, right, (matches) => assignVariable(MATCHES, matches, ctx, node.extent));
        }
      }
    case 'TernaryExpression':
      return toBoolean(evaluateSync(node.condition, ctx)) ? evaluateSync(node.ifTrue, ctx) : evaluateSync(node.ifFalse, ctx);
    case 'ConvertExpression': {
      const type = resolveTypeName(node.type.typeName);
      const value = evaluateSync(node.child, ctx);
      if (type.kind === 'void') return undefined;
      return convertTo(value, type);
    }
    case 'AttributedExpression':
      return evaluateSync(node.child, ctx);
    case 'IndexExpression': {
      const target = evaluateSync(node.target, ctx);
      if (target === null || target === undefined) {
        if (node.nullConditional) return null;
        throw nullIndex(node.extent);
      }
      return indexInto(target, evaluateSync(node.index, ctx));
    }
    default:
      throw new Error(`bug: a ${node.kind} expression ran synchronously`);
  }
}

/** A prefix operator other than ++/-- applied to its operand's value. */
function applyUnary(operator: Exclude<UnaryExpressionAst['operator'], '++' | '--'>, value: unknown): unknown {
  switch (operator) {
    case '-not':
      return !toBoolean(value);
    case '-':
      return negate(value);
    case '+':
      return arithmetic('+', 0, value);
    case '-bnot':
      return bitwiseNot(value);
    case '-split':
      return unarySplit(value);
    case '-join':
      return unaryJoin(value);
  }
}

/** The value ++/-- gives and the one it stores: the old one for postfix, the new one for prefix. */
function stepped(operator: '++' | '--', before: unknown): unknown {
  return arithmetic(operator === '++' ? '+' : '-', before === null ? 0 : before, 1);
}

function unarySync(node: UnaryExpressionAst, ctx: ExecutionContext): unknown {
  if (node.operator !== '++' && node.operator !== '--') return applyUnary(node.operator, evaluateSync(node.child, ctx));
  const child = node.child;
  if (child.kind !== 'Variable') throw new Error('bug: ++ on a non-variable ran synchronously');
  const before = evaluateSync(child, ctx);
  const after = stepped(node.operator, before);
  assignVariable(child.variablePath, after, ctx, child.extent);
  return node.postfix ? before : after;
}

async function evaluateNode(node: ExpressionAst, ctx: ExecutionContext): Promise<unknown> {
  switch (node.kind) {
    case 'Constant':
      return constantValue(node);
    case 'StringConstant':
      return node.value;
    case 'ExpandableString':
      return expandString(node, ctx);
    case 'Variable':
      if (node.splatted) {
        throw scriptError('The splatting operator \'@\' cannot be used to reference variables in an expression. \'@' + node.variablePath.userPath + '\' can be used only as an argument to a command. To reference variables in an expression use \'$' + node.variablePath.userPath + '\'.', 'SplattingNotPermitted', node.extent, { category: 'ParserError' });
      }
      return readVariable(node.variablePath, ctx, node.extent);
    case 'TypeExpression':
      return new PSTypeLiteral(resolveTypeName(node.typeName).fullName);
    case 'ArrayLiteral': {
      const values: unknown[] = [];
      for (const element of node.elements) values.push(await evaluate(element, ctx));
      return values;
    }
    case 'ArrayExpression':
      return collectStatements(node.subExpression.statements, node.subExpression.traps, ctx);
    case 'SubExpression':
      return unwrapCollected(await collectStatements(node.subExpression.statements, node.subExpression.traps, ctx));
    case 'ParenExpression':
      return valueOfStatement(node.pipeline, ctx);
    case 'Hashtable':
      return buildHashtable(node, ctx, false);
    case 'ScriptBlockExpression':
      return new ScriptBlockValue(node.scriptBlock, ctx);
    case 'UnaryExpression':
      return unary(node, ctx);
    case 'BinaryExpression':
      return binary(node.operator, node, ctx);
    case 'TernaryExpression':
      return toBoolean(await evaluate(node.condition, ctx)) ? evaluate(node.ifTrue, ctx) : evaluate(node.ifFalse, ctx);
    case 'ConvertExpression':
      return convert(node, ctx);
    case 'AttributedExpression':
      return evaluate(node.child, ctx);
    case 'MemberExpression':
      return member(node, ctx);
    case 'InvokeMemberExpression':
      return invokeMember(node, ctx);
    case 'IndexExpression':
      return indexValue(node, ctx);
    case 'ErrorExpression':
      throw new Error('bug: an expression with parse errors was run');
  }
}

/** The value a statement produces where a value is needed: `(…)`, an assignment's right side, a condition. */
export async function valueOfStatement(statement: StatementAst | PipelineBaseAst, ctx: ExecutionContext): Promise<unknown> {
  if (statement.kind === 'Pipeline' && statement.pipelineElements.length === 1) {
    const only = statement.pipelineElements[0];
    if (only.kind === 'CommandExpression' && only.redirections.length === 0) return evaluate(only.expression, ctx);
  }
  if (statement.kind === 'AssignmentStatement') {
    await executeStatement(statement, ctx);
    return readTarget(statement.left, ctx);
  }
  const items: unknown[] = [];
  await executeStatementKind(statement, derive(ctx, { output: (v) => void items.push(v) }));
  return unwrapCollected(items);
}

const NUMERIC_TYPES: Record<ConstantExpressionAst['numericType'], RuntimeNumericType> = {
  Int32: 'Int32', Int64: 'Int64', Decimal: 'Decimal', Double: 'Double', Byte: 'Byte', SByte: 'SByte',
  Int16: 'Int16', UInt16: 'UInt16', UInt32: 'UInt32', UInt64: 'UInt64', BigInteger: 'Int64',
};

/** Literals whose value is a PSNumber, made once per literal (numbers are immutable). */
const exactConstants = new WeakMap<ConstantExpressionAst, unknown>();

function constantValue(node: ConstantExpressionAst): unknown {
  if (node.numericType === 'Int32') return node.value;
  let value = exactConstants.get(node);
  if (value === undefined) {
    value = exactConstant(node);
    exactConstants.set(node, value);
  }
  return value;
}

/** A literal's value with every digit it was written with: 9223372036854775807, 1.10d. */
function exactConstant(node: ConstantExpressionAst): unknown {
  if (node.decimalText !== null) {
    const d = DecimalValue.parse(node.decimalText);
    if (d !== undefined) return makeDecimal(d);
  }
  if (node.integerValue !== null && node.numericType !== 'BigInteger') return makeInteger(NUMERIC_TYPES[node.numericType], node.integerValue);
  return makeNumber(NUMERIC_TYPES[node.numericType], node.value);
}

/** A type name from the syntax tree, resolved (or PowerShell's "Unable to find type"). */
export function resolveTypeName(typeName: TypeName): TypeInfo {
  return requireType(typeName.fullName);
}

async function expandString(node: ExpandableStringExpressionAst, ctx: ExecutionContext): Promise<string> {
  let text = '';
  for (const part of node.parts) {
    if (part.kind === 'StringConstant') text += part.value;
    else if (part.kind === 'Variable') text += toText(readVariable(part.variablePath, ctx, part.extent), ctx.scope);
    else text += toText(unwrapCollected(await collectStatements(part.subExpression.statements, part.subExpression.traps, ctx)), ctx.scope);
  }
  return text;
}

/** Builds a hashtable literal; `ordered` for `[ordered]@{...}`. */
async function buildHashtable(node: HashtableAst, ctx: ExecutionContext, ordered: boolean): Promise<PSHashtable> {
  const table = new PSHashtable(ordered);
  for (const pair of node.pairs) {
    const key = pair.key.kind === 'StringConstant' ? pair.key.value : await evaluate(pair.key, ctx);
    if (table.has(key)) {
      throw scriptError(`Duplicate keys '${toText(key)}' are not allowed in hash literals.`, 'DuplicateKeyInHashLiteral', pair.key.extent, { category: 'ParserError' });
    }
    table.set(key, await valueOfStatement(pair.value, ctx));
  }
  return table;
}

async function convert(node: ConvertExpressionAst, ctx: ExecutionContext): Promise<unknown> {
  const name = node.type.typeName.fullName.toLowerCase();
  if (name === 'ordered') {
    if (node.child.kind !== 'Hashtable') {
      throw scriptError('The ordered attribute can be specified only on a hash literal node.', 'OrderedAttributeOnlyOnHashLiteralNode', node.extent, { category: 'ParserError' });
    }
    return buildHashtable(node.child, ctx, true);
  }
  if (name === 'ref' || name === 'system.management.automation.psreference') return reference(node.child, ctx);
  const type = resolveTypeName(node.type.typeName);
  const value = await evaluate(node.child, ctx);
  if (type.kind === 'void') return undefined;
  return convertTo(value, type);
}

/** `[ref]$x` refers to the variable itself; `[ref]value` holds a value; a reference stays itself. */
async function reference(child: ExpressionAst, ctx: ExecutionContext): Promise<unknown> {
  if (child.kind === 'Variable' && !child.splatted && child.variablePath.drive === null) {
    const path = child.variablePath;
    const found = path.scope === 'global' ? ctx.scope.global.local(path.name) : path.scope === 'script' ? ctx.scope.nearest('script').local(path.name) : ctx.scope.lookup(path.name);
    if (found) return isReference(found.value) ? found.value : createReference({ variable: found });
    assignVariable(path, null, ctx, child.extent);
    const created = ctx.scope.lookup(path.name);
    if (created) return createReference({ variable: created });
  }
  const value = await evaluate(child, ctx);
  return isReference(value) ? value : createReference({ value });
}

async function unary(node: UnaryExpressionAst, ctx: ExecutionContext): Promise<unknown> {
  if (node.operator !== '++' && node.operator !== '--') return applyUnary(node.operator, await evaluate(node.child, ctx));
  const before = await readTarget(node.child, ctx);
  const after = stepped(node.operator, before);
  await assignTo(node.child, after, ctx);
  return node.postfix ? before : after;
}

async function binary(op: string, node: Extract<ExpressionAst, { kind: 'BinaryExpression' }>, ctx: ExecutionContext): Promise<unknown> {
  switch (op) {
    case '-and':
      return toBoolean(await evaluate(node.left, ctx)) && toBoolean(await evaluate(node.right, ctx));
    case '-or':
      return toBoolean(await evaluate(node.left, ctx)) || toBoolean(await evaluate(node.right, ctx));
    case '??': {
      const left = await evaluate(node.left, ctx);
      return left === null || left === undefined ? evaluate(node.right, ctx) : left;
    }
  }
  const left = await evaluate(node.left, ctx);
  const right = await evaluate(node.right, ctx);
  return await binaryOperation(node.operator, node.caseSensitive, left, right, (matches) => assignVariable(MATCHES, matches, ctx, node.extent));
}

async function memberName(node: ExpressionAst, ctx: ExecutionContext): Promise<string> {
  return node.kind === 'StringConstant' ? node.value : toText(await evaluate(node, ctx));
}

async function member(node: MemberExpressionAst, ctx: ExecutionContext): Promise<unknown> {
  const name = await memberName(node.member, ctx);
  if (node.isStatic) {
    const target = await evaluate(node.expression, ctx);
    return getStaticMember(staticType(target, node), name);
  }
  const target = await evaluate(node.expression, ctx);
  if (target === null || target === undefined) {
    if (ctx.scope.strictVersion >= 2 && !node.nullConditional) {
      throw scriptError(`The property '${name}' cannot be found on this object. Verify that the property exists.`, 'PropertyNotFoundStrict', node.extent, { category: 'NotSpecified' });
    }
    // `$null.Count` and `$null.Length` are 0, as for an empty collection; `$null?.Count` is $null.
    return node.nullConditional ? null : getMember(null, name);
  }
  return getMember(target, name, { strict: ctx.scope.strictVersion >= 2 });
}

function staticType(target: unknown, node: { extent: MemberExpressionAst['extent'] }): TypeInfo {
  if (target instanceof PSTypeLiteral) return requireType(target.fullName);
  if (typeof target === 'string') return requireType(target);
  throw scriptError('Unable to find type: the left side of :: must be a type, such as [math]::Round.', 'StaticMemberOnNonType', node.extent);
}

async function invokeMember(node: InvokeMemberExpressionAst, ctx: ExecutionContext): Promise<unknown> {
  const target = await evaluate(node.expression, ctx);
  const name = await memberName(node.member, ctx);
  const args: unknown[] = [];
  for (const a of node.arguments) args.push(await evaluate(a, ctx));
  if (node.isStatic) return invokeStaticMethod(staticType(target, node), name, args);
  if (target === null || target === undefined) {
    if (node.nullConditional) return null;
    throw nullMethodCall(node.extent);
  }
  return invokeMethod(target, name, args, { scope: ctx.scope });
}

function isInt32(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function inRange(index: unknown, length: number): boolean {
  const n = Number(convertTo(index, 'int'));
  return n < length && n >= -length;
}

/** `target[index]` with PowerShell's rules: negative indexes count from the end, out of range is $null, an array of indexes slices. */
export function indexInto(target: unknown, index: unknown): unknown {
  if (target instanceof PSHashtable) {
    // [ordered]'s OrderedDictionary has an int indexer: $o[1] is the second entry's value.
    const entry = (k: unknown): unknown => (target.ordered && isInt32(k) ? (target.values()[k < 0 ? -1 : k] ?? null) : target.get(k));
    return isEnumerable(index) ? index.map(entry) : entry(index);
  }
  if (target instanceof PSObject && target.baseObject !== undefined) return indexInto(target.baseObject, index);
  const items = typeof target === 'string' ? target : enumerableItems(target);
  if (items !== undefined) {
    const length = items.length;
    const at = (i: unknown): unknown => {
      let n = Number(convertTo(i, 'int'));
      if (n < 0) n += length;
      if (n < 0 || n >= length) return null;
      return typeof items === 'string' ? new PSChar(items.charCodeAt(n)) : items[n];
    };
    // A slice leaves out the indexes that are out of range: (1, 2, 3)[1..10] is 2, 3.
    if (isEnumerable(index)) return index.filter((i) => inRange(i, length)).map(at);
    return at(index);
  }
  // Any other scalar indexes like a one-element array: $x[0] is $x, $x[-1] too.
  if (isEnumerable(index)) return index.map((i) => indexInto(target, i));
  const n = Number(convertTo(index, 'int'));
  return n === 0 || n === -1 ? target : null;
}

async function indexValue(node: IndexExpressionAst, ctx: ExecutionContext): Promise<unknown> {
  const target = await evaluate(node.target, ctx);
  if (target === null || target === undefined) {
    if (node.nullConditional) return null;
    throw nullIndex(node.extent);
  }
  const index = await evaluate(node.index, ctx);
  return indexInto(target, index);
}

