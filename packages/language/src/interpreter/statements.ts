/**
 * Running statements: blocks with their traps, control flow, loops, switch, try/catch/finally,
 * throw, function definitions. Errors follow PowerShell: a statement-terminating error is
 * reported and the script goes on, unless a try or trap encloses it or $ErrorActionPreference
 * is Stop; a script-terminating error unwinds to the nearest handler.
 */
import { ErrorRecord, isEnumerable, PSException, RuntimeError, equals, like, regexMatchTable, toBoolean, toText } from '@dpmsh/runtime';
import type { PSHashtable } from '@dpmsh/runtime';
import { readFile } from 'node:fs/promises';
import type {
  CatchClauseAst,
  ExpressionAst,
  ForEachStatementAst,
  StatementAst,
  SwitchStatementAst,
  TrapStatementAst,
  TryStatementAst,
} from '../parser/ast.js';
import { executeAssignment } from './assignment.js';
import { commandTerminating, LoopEnumerator } from './automatic-objects.js';
import { derive, type ExecutionContext } from './context.js';
import { BreakSignal, ContinueSignal, ExitSignal, loopTakes, ReturnSignal } from './control-flow.js';
import { atPosition } from './errors.js';
import { findHandler } from './exception-types.js';
import { evaluate, evaluateSync, NOT_SYNC, syncStatementExpression, valueOfStatement, valueOfStatementSync } from './expressions.js';
import { defineFunction } from './functions.js';
import { enumerateValue, writeEnumerated } from './output.js';
import { runPipelineStatement } from './pipelines.js';
import { ScriptBlockValue } from './script-block.js';
import { sessionState } from './session-state.js';
import { arithmetic } from './arithmetic.js';
import { assignVariable, setAutomatic } from './variables.js';

/** Runs statements in order, handling the block's traps; output goes to the context's sink. */
export async function executeStatements(statements: readonly StatementAst[], traps: readonly TrapStatementAst[], ctx: ExecutionContext): Promise<void> {
  if (traps.length === 0) {
    const pending = executeStatementsFast(statements, ctx);
    if (pending !== undefined) await pending;
    return;
  }
  const inner = traps.length > 0 ? derive(ctx, { handlers: ctx.handlers + 1 }) : ctx;
  for (const statement of statements) {
    if (ctx.signal.aborted) throw ctx.signal.reason instanceof Error ? ctx.signal.reason : new Error('aborted');
    if (traps.length === 0) {
      await executeStatement(statement, ctx);
      continue;
    }
    try {
      await executeStatement(statement, inner);
    } catch (error) {
      if (!(error instanceof RuntimeError)) throw error;
      const trap = traps[findHandler(error.errorRecord.exception, traps.map((t) => (t.trapType === null ? null : [t.trapType.typeName.fullName])))];
      if (!trap) throw error;
      await runTrap(trap, error, ctx);
    }
  }
}

/**
 * Runs statements of a block without traps, synchronously as far as they allow: undefined when
 * all ran without awaiting, else a promise for the rest.
 */
function executeStatementsFast(statements: readonly StatementAst[], ctx: ExecutionContext): Promise<void> | undefined {
  for (let i = 0; i < statements.length; i++) {
    if (ctx.signal.aborted) throw ctx.signal.reason instanceof Error ? ctx.signal.reason : new Error('aborted');
    const statement = statements[i];
    const done = runStatementFast(statement, ctx);
    if (done === NOT_SYNC) return continueStatements(statements, i, ctx);
    if (done !== undefined) return done.then(() => continueStatements(statements, i + 1, ctx));
  }
  return undefined;
}

async function continueStatements(statements: readonly StatementAst[], from: number, ctx: ExecutionContext): Promise<void> {
  for (let i = from; i < statements.length; i++) {
    if (i > from && ctx.signal.aborted) throw ctx.signal.reason instanceof Error ? ctx.signal.reason : new Error('aborted');
    const statement = statements[i];
    const done = i === from ? NOT_SYNC : runStatementFast(statement, ctx);
    if (done === NOT_SYNC) await executeStatement(statement, ctx);
    else if (done !== undefined) await done;
  }
}

/** executeStatement for a statement that needs no awaiting: NOT_SYNC when it does, else undefined or a promise for writing its output. */
function runStatementFast(statement: StatementAst, ctx: ExecutionContext): typeof NOT_SYNC | Promise<void> | undefined {
  let done: typeof NOT_SYNC | Promise<void> | undefined;
  try {
    done = statementKindSync(statement, ctx);
  } catch (error) {
    handleStatementError(error, statement, ctx);
    return undefined;
  }
  if (done instanceof Promise) return done.catch((error: unknown) => handleStatementError(error, statement, ctx));
  return done;
}

/** executeStatementKind for a lone synchronous expression or an assignment of one to a variable; NOT_SYNC for anything else. */
function statementKindSync(statement: StatementAst, ctx: ExecutionContext): typeof NOT_SYNC | Promise<void> | undefined {
  if (statement.kind === 'AssignmentStatement') {
    const target = statement.left;
    if (target.kind !== 'Variable' || target.splatted) return NOT_SYNC;
    const right = syncStatementExpression(statement.right);
    if (right === undefined) return NOT_SYNC;
    if (statement.operator === '=') {
      assignVariable(target.variablePath, evaluateSync(right, ctx), ctx, target.extent);
    } else {
      const current = evaluateSync(target, ctx);
      if (statement.operator === '??=') {
        if (current === null || current === undefined) assignVariable(target.variablePath, evaluateSync(right, ctx), ctx, target.extent);
      } else {
        const value = evaluateSync(right, ctx);
        assignVariable(target.variablePath, arithmetic(statement.operator[0] as '+' | '-' | '*' | '/' | '%', current, value), ctx, target.extent);
      }
    }
    sessionState(ctx.session).lastSuccess = true;
    return undefined;
  }
  const expression = syncStatementExpression(statement);
  if (expression === undefined) return NOT_SYNC;
  const value = evaluateSync(expression, ctx);
  // `$i++` alone is a statement that outputs nothing; `($i++)` outputs the old value.
  const silent = value === undefined || (expression.kind === 'UnaryExpression' && (expression.operator === '++' || expression.operator === '--'));
  if (silent) {
    sessionState(ctx.session).lastSuccess = true;
    return undefined;
  }
  return writeEnumerated(value, ctx.output).then(() => {
    sessionState(ctx.session).lastSuccess = true;
  });
}

/** A condition's truth, without awaiting when the condition allows. */
function conditionTruth(condition: StatementAst, ctx: ExecutionContext): boolean | Promise<boolean> {
  const value = valueOfStatementSync(condition, ctx);
  return value === NOT_SYNC ? valueOfStatement(condition, ctx).then(toBoolean) : toBoolean(value);
}

/** runDiscarding, without awaiting when the statement allows. */
function discardFast(statement: StatementAst, ctx: ExecutionContext): Promise<void> | undefined {
  if (statement.kind === 'AssignmentStatement') {
    const done = statementKindSync(statement, ctx);
    return done === NOT_SYNC ? runDiscarding(statement, ctx) : done;
  }
  const expression = syncStatementExpression(statement);
  if (expression === undefined) return runDiscarding(statement, ctx);
  evaluateSync(expression, ctx);
  sessionState(ctx.session).lastSuccess = true;
  return undefined;
}

/** A trap runs with $_ set to the error; `continue` resumes silently, `break` rethrows, falling off the end reports and resumes. */
async function runTrap(trap: TrapStatementAst, error: RuntimeError, ctx: ExecutionContext): Promise<void> {
  const trapScope = ctx.scope.child('block');
  setAutomatic(trapScope, '_', error.errorRecord);
  setAutomatic(trapScope, 'PSItem', error.errorRecord);
  try {
    await executeStatements(trap.body.statements, trap.body.traps, derive(ctx, { scope: trapScope }));
  } catch (signal) {
    if (signal instanceof ContinueSignal && signal.label === null) {
      sessionState(ctx.session).lastSuccess = false;
      return;
    }
    if (signal instanceof BreakSignal && signal.label === null) throw error;
    throw signal;
  }
  reportError(error.errorRecord, ctx);
}

/** Reports an error that nothing handled: into $Error and the error stream. */
export function reportError(record: ErrorRecord, ctx: ExecutionContext): void {
  ctx.writeError(record);
  sessionState(ctx.session).lastSuccess = false;
}

/** Collects what statements output. */
export async function collectStatements(statements: readonly StatementAst[], traps: readonly TrapStatementAst[], ctx: ExecutionContext): Promise<unknown[]> {
  const items: unknown[] = [];
  await executeStatements(statements, traps, derive(ctx, { output: (v) => void items.push(v) }));
  return items;
}

function errorActionIsStop(ctx: ExecutionContext): boolean {
  const pref = ctx.scope.lookup('ErrorActionPreference')?.value;
  return typeof pref === 'string' ? pref.toLowerCase() === 'stop' : toText(pref).toLowerCase() === 'stop';
}

/** Runs one statement, reporting a statement-terminating error where nothing handles it. */
export async function executeStatement(statement: StatementAst, ctx: ExecutionContext): Promise<void> {
  try {
    await executeStatementKind(statement, ctx);
  } catch (error) {
    handleStatementError(error, statement, ctx);
  }
}

/** What executeStatement does with an error: reports it in place, or rethrows it to a handler. */
function handleStatementError(error: unknown, statement: StatementAst, ctx: ExecutionContext): void {
  if (!(error instanceof RuntimeError)) throw error;
  atPosition(error, statement.extent);
  if (ctx.handlers > 0 || error.terminates === 'script' || commandTerminating.has(error)) throw error;
  if (errorActionIsStop(ctx)) throw new RuntimeError(error.errorRecord, 'script');
  reportError(error.errorRecord, ctx);
}

/**
 * Runs one statement without reporting its errors: for a pipeline inside an expression
 * (`(Get-Item x).Name`), whose error terminates the enclosing statement.
 */
export async function executeStatementKind(statement: StatementAst, ctx: ExecutionContext): Promise<void> {
  switch (statement.kind) {
    case 'Pipeline':
      await runPipelineStatement(statement, ctx);
      return;
    case 'PipelineChain': {
      await executeStatementKind(statement.lhs, ctx);
      const succeeded = sessionState(ctx.session).lastSuccess;
      if (statement.operator === '&&' ? succeeded : !succeeded) await runPipelineStatement(statement.rhs, ctx);
      return;
    }
    case 'AssignmentStatement':
      await executeAssignment(statement, ctx);
      sessionState(ctx.session).lastSuccess = true;
      return;
    case 'IfStatement':
      for (const clause of statement.clauses) {
        if (toBoolean(await valueOfStatement(clause.condition, ctx))) {
          await executeStatements(clause.body.statements, clause.body.traps, ctx);
          return;
        }
      }
      if (statement.elseClause) await executeStatements(statement.elseClause.statements, statement.elseClause.traps, ctx);
      return;
    case 'ForEachStatement':
      await runForEach(statement, ctx);
      return;
    case 'ForStatement': {
      if (statement.initializer) await runDiscarding(statement.initializer, ctx);
      const { condition, iterator } = statement;
      await loop(statement.label, ctx, () => (condition ? conditionTruth(condition, ctx) : true), statement.body, iterator ? () => discardFast(iterator, ctx) : undefined);
      return;
    }
    case 'WhileStatement':
      await loop(statement.label, ctx, () => conditionTruth(statement.condition, ctx), statement.body);
      return;
    case 'DoWhileStatement':
    case 'DoUntilStatement': {
      const until = statement.kind === 'DoUntilStatement';
      let first = true;
      await loop(statement.label, ctx, async () => {
        if (first) {
          first = false;
          return true;
        }
        const value = toBoolean(await valueOfStatement(statement.condition, ctx));
        return until ? !value : value;
      }, statement.body);
      return;
    }
    case 'BreakStatement':
      throw new BreakSignal(await labelOf(statement.label, ctx));
    case 'ContinueStatement':
      throw new ContinueSignal(await labelOf(statement.label, ctx));
    case 'ReturnStatement':
      if (statement.pipeline) await executeStatementKind(statement.pipeline, ctx);
      throw new ReturnSignal();
    case 'ExitStatement': {
      const value = statement.pipeline ? await valueOfStatement(statement.pipeline, ctx) : 0;
      const code = Number(value ?? 0);
      throw new ExitSignal(Number.isFinite(code) ? Math.trunc(code) : 0);
    }
    case 'ThrowStatement':
      throw await throwError(statement, ctx);
    case 'TryStatement':
      await runTry(statement, ctx);
      return;
    case 'TrapStatement':
      return; // traps are collected by the block that holds them
    case 'FunctionDefinition':
      await defineFunction(statement, ctx);
      return;
    case 'SwitchStatement':
      await runSwitch(statement, ctx);
      return;
    case 'ErrorStatement':
    case 'BlockStatement':
      throw new Error(`bug: a ${statement.kind} was run`);
  }
}

async function runDiscarding(statement: StatementAst, ctx: ExecutionContext): Promise<void> {
  await executeStatementKind(statement, derive(ctx, { output: () => undefined }));
}

async function labelOf(label: ExpressionAst | null, ctx: ExecutionContext): Promise<string | null> {
  if (!label) return null;
  if (label.kind === 'StringConstant') return label.value;
  return toText(await evaluate(label, ctx));
}

/** Runs a loop body while `next` says so, taking break/continue meant for this loop. */
async function loop(
  label: string | null,
  ctx: ExecutionContext,
  next: () => boolean | Promise<boolean>,
  body: { statements: readonly StatementAst[]; traps: readonly TrapStatementAst[] },
  after?: () => Promise<void> | undefined,
): Promise<void> {
  const inner = derive(ctx, { loopDepth: ctx.loopDepth + 1 });
  const { statements, traps } = body;
  let iterations = 0;
  for (;;) {
    const proceed = next();
    if (!(proceed instanceof Promise ? await proceed : proceed)) break;
    // Awaits of settled promises never leave the microtask queue; yield now and then so a
    // Ctrl+C (a signal handler, a macrotask) can abort even `while ($true) {}`.
    if (++iterations % 1024 === 0) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (ctx.signal.aborted) throw ctx.signal.reason instanceof Error ? ctx.signal.reason : new Error('aborted');
    }
    try {
      const pending = traps.length === 0 ? executeStatementsFast(statements, inner) : executeStatements(statements, traps, inner);
      if (pending !== undefined) await pending;
    } catch (signal) {
      if (signal instanceof BreakSignal && loopTakes(label, signal.label)) return;
      if (!(signal instanceof ContinueSignal && loopTakes(label, signal.label))) throw signal;
    }
    if (after) {
      const pending = after();
      if (pending !== undefined) await pending;
    }
  }
}

async function runForEach(statement: ForEachStatementAst, ctx: ExecutionContext): Promise<void> {
  const enumerator = new LoopEnumerator(enumerateValue(await valueOfStatement(statement.condition, ctx)));
  const variable = statement.variable;
  // $foreach is the loop's enumerator: MoveNext() in the body skips an item.
  const previous = ctx.scope.local('foreach');
  setAutomatic(ctx.scope, 'foreach', enumerator.object);
  try {
    await loop(statement.label, ctx, async () => {
      if (!enumerator.moveNext()) return false;
      assignVariable(variable.variablePath, enumerator.current, ctx, variable.extent);
      return true;
    }, statement.body);
  } finally {
    restoreAutomatic(ctx, 'foreach', previous?.value ?? null);
  }
}

/** Puts an automatic variable back as it was before a loop set it. */
function restoreAutomatic(ctx: ExecutionContext, name: string, value: unknown): void {
  setAutomatic(ctx.scope, name, value);
}

async function runSwitch(statement: SwitchStatementAst, ctx: ExecutionContext): Promise<void> {
  const { flags } = statement;
  let items: Iterable<unknown>;
  if (flags.file) {
    const path = toText(await valueOfStatement(statement.condition, ctx));
    const text = await readFile(ctx.session.resolvePath(path), 'utf8');
    items = text.split(/\r?\n/).filter((line, i, all) => i < all.length - 1 || line !== '');
  } else {
    const value = await valueOfStatement(statement.condition, ctx);
    items = value === null || value === undefined ? [null] : isEnumerable(value) ? value : [value];
  }
  const inner = derive(ctx, { loopDepth: ctx.loopDepth + 1 });
  const previous = ctx.scope.local('_')?.value;
  // $switch is the enumerator over the items: MoveNext() in a clause skips one.
  const enumerator = new LoopEnumerator(items);
  const previousSwitch = ctx.scope.local('switch')?.value;
  setAutomatic(ctx.scope, 'switch', enumerator.object);
  try {
    while (enumerator.moveNext()) {
      const item = enumerator.current;
      setAutomatic(ctx.scope, '_', item);
      setAutomatic(ctx.scope, 'PSItem', item);
      let matched = false;
      try {
        for (const clause of statement.clauses) {
          if (await switchClauseMatches(clause.condition, item, statement, ctx)) {
            matched = true;
            await executeStatements(clause.body.statements, clause.body.traps, inner);
          }
        }
        if (!matched && statement.defaultClause) await executeStatements(statement.defaultClause.statements, statement.defaultClause.traps, inner);
      } catch (signal) {
        if (signal instanceof BreakSignal && loopTakes(statement.label, signal.label)) return;
        if (signal instanceof ContinueSignal && loopTakes(statement.label, signal.label)) continue;
        throw signal;
      }
    }
  } finally {
    setAutomatic(ctx.scope, '_', previous ?? null);
    setAutomatic(ctx.scope, 'PSItem', previous ?? null);
    restoreAutomatic(ctx, 'switch', previousSwitch ?? null);
  }
}

async function switchClauseMatches(condition: ExpressionAst, item: unknown, statement: SwitchStatementAst, ctx: ExecutionContext): Promise<boolean> {
  const caseSensitive = statement.flags.caseSensitive;
  if (condition.kind === 'ScriptBlockExpression') {
    const block = new ScriptBlockValue(condition.scriptBlock, ctx);
    const result = await block.invoke({ dollarUnder: item, scope: ctx.scope, dotSource: true });
    return result.length > 0 && toBoolean(result.length === 1 ? result[0] : result);
  }
  const value = condition.kind === 'StringConstant' ? condition.value : await evaluate(condition, ctx);
  if (statement.flags.regex) {
    const matches: PSHashtable | undefined = regexMatchTable(toText(item), toText(value), { caseSensitive });
    if (matches) assignVariable({ userPath: 'Matches', scope: null, drive: null, name: 'Matches' }, matches, ctx, condition.extent);
    return matches !== undefined;
  }
  if (statement.flags.wildcard) return like(toText(item), value, { caseSensitive });
  // The default and -exact compare as strings when the clause is a string, else by -eq with the item on the left.
  if (typeof value === 'string') return caseSensitive ? toText(item) === value : toText(item).toLowerCase() === value.toLowerCase();
  return equals(item, value, { caseSensitive });
}

async function throwError(statement: Extract<StatementAst, { kind: 'ThrowStatement' }>, ctx: ExecutionContext): Promise<RuntimeError> {
  if (!statement.pipeline && ctx.caught) return ctx.caught;
  const value = statement.pipeline ? await valueOfStatement(statement.pipeline, ctx) : null;
  if (value instanceof ErrorRecord) return new RuntimeError(value, 'script');
  if (value instanceof PSException) {
    return new RuntimeError(new ErrorRecord({ exception: value, errorId: value.typeName, category: 'OperationStopped', targetObject: null }), 'script');
  }
  const message = value === null || value === undefined ? 'ScriptHalted' : toText(value);
  const record = new ErrorRecord({
    exception: new PSException(message, { thrownValue: value }),
    errorId: value === null || value === undefined ? 'ScriptHalted' : message,
    category: 'OperationStopped',
    targetObject: value,
  });
  return atPosition(new RuntimeError(record, 'script'), statement.extent) as RuntimeError;
}

async function runTry(statement: TryStatementAst, ctx: ExecutionContext): Promise<void> {
  try {
    await executeStatements(statement.body.statements, statement.body.traps, derive(ctx, { handlers: ctx.handlers + 1 }));
  } catch (error) {
    if (!(error instanceof RuntimeError)) throw error;
    const handlers = statement.catchClauses.map((c) => (c.isCatchAll ? null : c.catchTypes.map((t) => t.typeName.fullName)));
    const clause = statement.catchClauses[findHandler(error.errorRecord.exception, handlers)];
    if (!clause) throw error;
    await runCatch(clause, error, ctx);
  } finally {
    if (statement.finally) await executeStatements(statement.finally.statements, statement.finally.traps, ctx);
  }
}

async function runCatch(clause: CatchClauseAst, error: RuntimeError, ctx: ExecutionContext): Promise<void> {
  // A caught error is in $Error too, as in PowerShell.
  ctx.session.recordError(error.errorRecord);
  const previous = ctx.scope.local('_')?.value ?? null;
  setAutomatic(ctx.scope, '_', error.errorRecord);
  setAutomatic(ctx.scope, 'PSItem', error.errorRecord);
  try {
    await executeStatements(clause.body.statements, clause.body.traps, derive(ctx, { caught: error }));
  } finally {
    setAutomatic(ctx.scope, '_', previous);
    setAutomatic(ctx.scope, 'PSItem', previous);
  }
}

