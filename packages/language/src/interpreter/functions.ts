/**
 * `function` and `filter` statements: the function is stored in the scope the statement runs in
 * (or the one its name qualifies: `global:Name`, `script:Name`) with metadata from its param().
 */
import type { CommandInfo } from '@dpmsh/cmdlets';
import type { FunctionDefinitionAst } from '../parser/ast.js';
import type { ExecutionContext } from './context.js';
import { buildMetadata } from './metadata.js';
import { ScriptBlockValue } from './script-block.js';
import { functionParameters } from './script-processor.js';
import { qualifiedScope } from './variables.js';

/** Defines a function from its statement. */
export async function defineFunction(node: FunctionDefinitionAst, ctx: ExecutionContext): Promise<void> {
  const match = /^(global|script|local|private|function):(.+)$/i.exec(node.name);
  const qualifier = match ? match[1].toLowerCase() : '';
  const name = match ? match[2] : node.name;
  if (node.parameters) functionParameters.set(node.body, node.parameters);
  const metadata = await buildMetadata(name, node.body.paramBlock, node.parameters, ctx);
  const info: CommandInfo = {
    kind: node.isFilter ? 'Filter' : 'Function',
    name,
    metadata,
    scriptBlock: new ScriptBlockValue(node.body, ctx),
  };
  qualifiedScope(qualifier, ctx.scope).functions.set(name.toLowerCase(), info);
}
