/**
 * Pipeline statements: the interpreter evaluates each command's arguments in argument mode,
 * resolves the command, and hands the pipeline to the cmdlet framework's runner, which binds
 * every command before any runs and streams objects through them.
 */
import { commandNotFound, runPipeline } from '@dpmsh/cmdlets';
import { enumerableItems, isEnumerable, isScriptBlock, PSHashtable, RuntimeError, toText } from '@dpmsh/runtime';
import type { CommandArgument, CommandInfo, PipelineElementSpec, PipelineRedirection } from '@dpmsh/cmdlets';
import type { CommandAst, CommandElementAst, ExpressionAst, PipelineAst, RedirectionAst, RedirectionStream } from '../parser/ast.js';
import type { ExecutionContext } from './context.js';
import { scriptExtent } from './errors.js';
import { evaluate } from './expressions.js';
import { binaryOperation, lazyRange } from './operators.js';
import { writeEnumerated } from './output.js';
import { ScriptBlockValue } from './script-block.js';
import { sessionState } from './session-state.js';

/** Commands the interpreter runs in the caller's scope (`. ./lib.ps1`, `. { ... }`). */
export const dotSourced = new WeakSet<CommandInfo>();

/** Runs a pipeline statement, writing its output to the context's sink and setting $?. */
export async function runPipelineStatement(pipeline: PipelineAst, ctx: ExecutionContext): Promise<void> {
  const elements = pipeline.pipelineElements;
  const first = elements[0];
  // The common case, an expression alone: no runner needed.
  if (elements.length === 1 && first.kind === 'CommandExpression' && first.redirections.length === 0) {
    const value = await evaluate(first.expression, ctx);
    if (!isStatementWithoutOutput(first.expression)) await writeEnumerated(value, ctx.output);
    sessionState(ctx.session).lastSuccess = true;
    return;
  }
  let input: Iterable<unknown> | undefined;
  const specs: PipelineElementSpec[] = [];
  for (const [index, element] of elements.entries()) {
    if (element.kind === 'CommandExpression') {
      if (index !== 0) throw new Error('bug: an expression after the first pipeline element');
      const expression = element.expression;
      let value: unknown;
      if (expression.kind === 'BinaryExpression' && expression.operator === '..') {
        const left = await evaluate(expression.left, ctx);
        const right = await evaluate(expression.right, ctx);
        const lazy = lazyRange(left, right);
        if (lazy) {
          input = lazy;
          specs.push(...(await outputRedirections(element.redirections, ctx)));
          continue;
        }
        value = binaryOperation('..', false, left, right, () => undefined);
      } else value = await evaluate(expression, ctx);
      input = value === undefined ? [] : [...(enumerableItems(value) ?? [value])];
      specs.push(...(await outputRedirections(element.redirections, ctx)));
      continue;
    }
    specs.push(await commandSpec(element, ctx));
  }
  if (specs.length === 0) {
    for (const item of input ?? []) await ctx.output(item);
    sessionState(ctx.session).lastSuccess = true;
    return;
  }
  const result = await runPipeline({
    session: ctx.session,
    scope: ctx.scope,
    elements: specs,
    input,
    sink: ctx.output,
    signal: ctx.signal,
    streams: ctx.streams,
    hostContext: ctx,
  });
  sessionState(ctx.session).lastSuccess = result.succeeded;
}

function isStatementWithoutOutput(expression: ExpressionAst): boolean {
  // `$i++` alone is a statement that outputs nothing; `($i++)` outputs the old value.
  return expression.kind === 'UnaryExpression' && (expression.operator === '++' || expression.operator === '--');
}

/**
 * The pipeline elements an expression's redirections add: only those of the output stream take its
 * output (`'a' 3>$null` still prints 'a'; an expression writes to no other stream).
 */
async function outputRedirections(redirections: readonly RedirectionAst[], ctx: ExecutionContext): Promise<PipelineElementSpec[]> {
  const specs: PipelineElementSpec[] = [];
  for (const r of redirections) {
    if (r.kind === 'FileRedirection' && (r.fromStream === 'output' || r.fromStream === 'all')) specs.push(await outFileFor(r, ctx));
  }
  return specs;
}

/** `expr > file` is `expr | Out-File file`. */
async function outFileFor(redirection: RedirectionAst, ctx: ExecutionContext): Promise<PipelineElementSpec> {
  const command = ctx.session.registry.resolve('Out-File', ctx.scope);
  if (!command || redirection.kind !== 'FileRedirection') {
    return { command: resolveOrFail('Out-Null', ctx, redirection), args: [], extent: scriptExtent(redirection.extent) };
  }
  const target = await evaluate(redirection.location, ctx);
  if (target === null) return { command: resolveOrFail('Out-Null', ctx, redirection), args: [], extent: scriptExtent(redirection.extent) };
  const args: CommandArgument[] = [{ kind: 'value', value: toText(target) }];
  if (redirection.append) args.push({ kind: 'parameter', name: 'Append', hasValue: false });
  return { command, args, extent: scriptExtent(redirection.extent) };
}

function resolveOrFail(name: string, ctx: ExecutionContext, at: { extent: CommandAst['extent'] }): CommandInfo {
  const info = ctx.session.registry.resolve(name, ctx.scope);
  if (!info) throw new RuntimeError(commandNotFound(name, { extent: scriptExtent(at.extent) }));
  return info;
}

const STREAMS: Record<RedirectionStream, PipelineRedirection['from']> = {
  all: 'all', output: 'output', error: 'error', warning: 'warning', verbose: 'verbose', debug: 'debug', information: 'information',
};

async function redirectionsOf(command: CommandAst, ctx: ExecutionContext): Promise<PipelineRedirection[]> {
  const out: PipelineRedirection[] = [];
  for (const r of command.redirections) {
    if (r.kind === 'MergingRedirection') {
      out.push({ kind: 'merge', from: STREAMS[r.fromStream], to: STREAMS[r.toStream] });
    } else {
      const target = await evaluate(r.location, ctx);
      out.push({ kind: 'file', from: STREAMS[r.fromStream], path: target === null ? null : ctx.session.resolvePath(toText(target)), append: r.append });
    }
  }
  return out;
}

/** Resolves the command of a pipeline element and evaluates its arguments. */
async function commandSpec(command: CommandAst, ctx: ExecutionContext): Promise<PipelineElementSpec> {
  const [nameElement, ...rest] = command.commandElements;
  const info = await resolveCommand(command, nameElement, ctx);
  const args = await evaluateArguments(rest, ctx);
  return { command: info, args, extent: scriptExtent(command.extent), redirections: await redirectionsOf(command, ctx) };
}

async function resolveCommand(command: CommandAst, nameElement: CommandElementAst, ctx: ExecutionContext): Promise<CommandInfo> {
  const dotSource = command.invocationOperator === '.';
  let target: unknown;
  if (nameElement.kind === 'StringConstant' && command.invocationOperator === null) target = nameElement.value;
  else if (nameElement.kind === 'CommandParameter') target = nameElement.extent.text;
  else target = await evaluate(nameElement, ctx);

  if (target instanceof ScriptBlockValue || isScriptBlock(target)) {
    const block = target as ScriptBlockValue;
    const info: CommandInfo = { kind: 'Function', name: '', metadata: await block.metadata(), scriptBlock: block };
    if (dotSource) dotSourced.add(info);
    return info;
  }
  if (isCommandInfo(target)) return target;
  const name = toText(target);
  const resolved = ctx.session.registry.resolve(name, ctx.scope);
  if (!resolved) throw new RuntimeError(commandNotFound(name, { extent: scriptExtent(nameElement.extent) }));
  if (dotSource && (resolved.kind === 'ExternalScript' || resolved.kind === 'Function')) {
    const copy = { ...resolved };
    dotSourced.add(copy);
    return copy;
  }
  return resolved;
}

function isCommandInfo(value: unknown): value is CommandInfo {
  return typeof value === 'object' && value !== null && 'kind' in value && 'name' in value && ['Cmdlet', 'Function', 'Filter', 'Alias', 'ExternalScript', 'Application'].includes(String((value as { kind: unknown }).kind));
}

/** Evaluates command arguments in argument mode: parameters, values, splatting. */
async function evaluateArguments(elements: readonly CommandElementAst[], ctx: ExecutionContext): Promise<CommandArgument[]> {
  const args: CommandArgument[] = [];
  for (const element of elements) {
    const extent = scriptExtent(element.extent);
    if (element.kind === 'CommandParameter') {
      if (element.argument) args.push({ kind: 'parameter', name: element.parameterName, value: await evaluate(element.argument, ctx), hasValue: true, extent });
      else args.push({ kind: 'parameter', name: element.parameterName, hasValue: false, extent });
      continue;
    }
    if (element.kind === 'Variable' && element.splatted) {
      const value = await evaluate({ ...element, splatted: false }, ctx);
      if (value instanceof PSHashtable) {
        for (const [key, v] of value.entries()) args.push({ kind: 'parameter', name: toText(key), value: v, hasValue: true, extent });
      } else if (isEnumerable(value)) {
        for (const v of value) args.push({ kind: 'value', value: v, extent, splatted: true });
      } else if (value !== null) {
        args.push({ kind: 'value', value, extent, splatted: true });
      }
      continue;
    }
    if (element.kind === 'StringConstant' && element.stringConstantType === 'BareWord' && element.value === '--') continue;
    args.push({ kind: 'value', value: await evaluate(element, ctx), extent });
  }
  return args;
}
