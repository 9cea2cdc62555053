import type { ExpressionAst, StatementAst } from '../ast.js';
import type { ParseError } from '../errors.js';
import { parse } from '../index.js';
import { printScriptBlock } from './print.js';

/** Parses text that must be valid and renders it with `print`; a parse error fails loudly. */
export function printed(text: string): string {
  const { ast, errors } = parse(text);
  if (errors.length > 0) {
    throw new Error(`unexpected parse errors for ${JSON.stringify(text)}: ${errors.map((e) => `${e.errorId}: ${e.message}`).join('; ')}`);
  }
  return printScriptBlock(ast);
}

/** The statements of a valid script's unnamed end block. */
export function statementsOf(text: string): readonly StatementAst[] {
  const { ast, errors } = parse(text);
  if (errors.length > 0) throw new Error(`unexpected parse errors: ${errors.map((e) => e.message).join('; ')}`);
  return ast.endBlock?.statements ?? [];
}

/** The single expression of a one-statement script like `1 + 2`. */
export function expressionOf(text: string): ExpressionAst {
  const [statement] = statementsOf(text);
  if (statement?.kind !== 'Pipeline' || statement.pipelineElements[0].kind !== 'CommandExpression') {
    throw new Error(`not an expression statement: ${text}`);
  }
  return statement.pipelineElements[0].expression;
}

/** The errors of a parse, as compact `id@line:col` strings plus the messages. */
export function errorsOf(text: string): { id: string; at: string; message: string; incomplete: boolean }[] {
  return parse(text).errors.map((e: ParseError) => ({
    id: e.errorId,
    at: `${e.extent.startLine}:${e.extent.startColumn}`,
    message: e.message,
    incomplete: e.incompleteInput,
  }));
}

/** Every node of a tree, depth first (for invariants like "extents stay inside the text"). */
export function* walk(node: unknown): Generator<{ kind: string; extent: { startOffset: number; endOffset: number; text: string } }> {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) yield* walk(item);
    return;
  }
  const record = node as Record<string, unknown>;
  if (typeof record.kind === 'string' && typeof record.extent === 'object' && record.extent !== null) {
    yield record as { kind: string; extent: { startOffset: number; endOffset: number; text: string } };
  }
  for (const [key, value] of Object.entries(record)) {
    if (key === 'extent' || key === 'operatorExtent' || key === 'nameExtent') continue;
    yield* walk(value);
  }
}

