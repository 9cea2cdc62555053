/**
 * Assignment: to variables (typed ones keep converting), members, indexes, and several
 * variables at once (`$a, $b = 1, 2, 3` gives $b the rest).
 */
import { convertTo, enumerableItems, ErrorRecord, getMember, isEnumerable, PSException, PSHashtable, PSList, RuntimeError, setMember, toText } from '@dpmsh/runtime';
import type { AssignmentStatementAst, ExpressionAst } from '../parser/ast.js';
import { arithmetic } from './arithmetic.js';
import type { ExecutionContext } from './context.js';
import { nullIndex, scriptError } from './errors.js';
import { evaluate, resolveTypeName, valueOfStatement } from './expressions.js';
import { assignVariable, defineConstrained, readVariable } from './variables.js';

function unwrapTarget(target: ExpressionAst): ExpressionAst {
  let t = target;
  while (t.kind === 'ParenExpression' && t.pipeline.kind === 'Pipeline' && t.pipeline.pipelineElements.length === 1) {
    const only = t.pipeline.pipelineElements[0];
    if (only.kind !== 'CommandExpression') break;
    t = only.expression;
  }
  while (t.kind === 'AttributedExpression') t = t.child;
  return t;
}

/** The current value of an assignable expression. */
export async function readTarget(target: ExpressionAst, ctx: ExecutionContext): Promise<unknown> {
  const t = unwrapTarget(target);
  if (t.kind === 'ConvertExpression' && t.child.kind === 'Variable') return readVariable(t.child.variablePath, ctx, t.extent);
  return evaluate(t, ctx);
}

/**
 * Converts a value for a typed variable: a value that does not convert fails as the variable's
 * type attribute does in pwsh, with an ArgumentTransformationMetadataException (MetadataError).
 */
export function convertForVariable(value: unknown, type: Parameters<typeof convertTo>[1]): unknown {
  try {
    return convertTo(value, type);
  } catch (error) {
    if (!(error instanceof RuntimeError)) throw error;
    const exception = new PSException(error.errorRecord.message, {
      typeName: 'System.Management.Automation.ArgumentTransformationMetadataException',
      inner: error.errorRecord.exception,
    });
    throw new RuntimeError(new ErrorRecord({ exception, errorId: 'RuntimeException', category: 'MetadataError', targetObject: value }));
  }
}

/** Stores a value in an assignable expression. */
export async function assignTo(target: ExpressionAst, value: unknown, ctx: ExecutionContext): Promise<void> {
  const t = unwrapTarget(target);
  switch (t.kind) {
    case 'Variable':
      assignVariable(t.variablePath, value, ctx, t.extent);
      return;
    case 'ConvertExpression': {
      if (t.child.kind !== 'Variable') break;
      const type = resolveTypeName(t.type.typeName);
      defineConstrained(t.child.variablePath, value, (v) => convertForVariable(v, type), ctx);
      return;
    }
    case 'MemberExpression': {
      const owner = await evaluate(t.expression, ctx);
      const name = t.member.kind === 'StringConstant' ? t.member.value : toText(await evaluate(t.member, ctx));
      if (owner === null || owner === undefined) {
        throw scriptError(`The property '${name}' cannot be found on this object. Verify that the property exists and can be set.`, 'PropertyNotFound', t.extent, {
          category: 'InvalidOperation',
        });
      }
      setMember(owner, name, value);
      return;
    }
    case 'IndexExpression': {
      const owner = await evaluate(t.target, ctx);
      const index = await evaluate(t.index, ctx);
      if (owner === null || owner === undefined) throw nullIndex(t.extent);
      if (owner instanceof PSHashtable) {
        owner.set(index, value);
        return;
      }
      const items = owner instanceof PSList ? owner.items : isEnumerable(owner) ? owner : undefined;
      if (items) {
        let n = Number(convertTo(index, 'int'));
        if (n < 0) n += items.length;
        if (n < 0 || n >= items.length) {
          throw scriptError('Index was outside the bounds of the array.', 'System.IndexOutOfRangeException', t.extent, { category: 'OperationStopped', typeName: 'System.IndexOutOfRangeException' });
        }
        items[n] = value;
        return;
      }
      throw scriptError(`Unable to index into an object of type ${toText(getMember(owner, 'GetType'))}.`, 'CannotIndex', t.extent);
    }
    case 'ArrayLiteral': {
      const values = enumerableItems(value) ?? [value];
      const targets = t.elements;
      for (let i = 0; i < targets.length; i++) {
        const last = i === targets.length - 1;
        const rest = values.slice(i);
        const v = last ? (rest.length === 0 ? null : rest.length === 1 ? rest[0] : rest) : (values[i] ?? null);
        await assignTo(targets[i], v, ctx);
      }
      return;
    }
    default:
      break;
  }
  throw scriptError('The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.', 'InvalidLeftHandSide', t.extent, { category: 'ParserError' });
}

/** Runs `left op= right`. */
export async function executeAssignment(node: AssignmentStatementAst, ctx: ExecutionContext): Promise<void> {
  if (node.operator === '=') {
    await assignTo(node.left, await valueOfStatement(node.right, ctx), ctx);
    return;
  }
  const current = await readTarget(node.left, ctx);
  if (node.operator === '??=') {
    if (current === null || current === undefined) await assignTo(node.left, await valueOfStatement(node.right, ctx), ctx);
    return;
  }
  const right = await valueOfStatement(node.right, ctx);
  const op = node.operator[0] as '+' | '-' | '*' | '/' | '%';
  await assignTo(node.left, arithmetic(op, current, right), ctx);
}
