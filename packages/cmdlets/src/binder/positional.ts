/**
 * Positional binding: the values no `-Name` took go to the unbound parameters in Position order,
 * for the parameter sets still possible. Each value is tried on the default set without
 * conversion, then on every possible set without conversion, then on the default set with
 * conversion, then on every set with conversion (PowerShell's BindPositionalParameters).
 */
import type { Argument, PositionalArgument } from './arguments.js';
import type { Binding } from './binding.js';
import { isInSets, membershipsIn } from './compiled-command.js';
import type { CompiledMembership, CompiledParameter } from './compiled-command.js';
import { BindError, bindFailure, text } from './messages.js';

interface Candidate {
  readonly parameter: CompiledParameter;
  memberships: CompiledMembership[];
}

/** The unbound positional parameters by position, ascending. Two parameters at one position of one set are a metadata error. */
function positionalParameters(b: Binding): [number, Candidate[]][] {
  const byPosition = new Map<number, Candidate[]>();
  for (const parameter of b.unboundParameters()) {
    if (!isInSets(parameter, b.flags)) continue;
    for (const m of membershipsIn(parameter, b.flags)) {
      if (m.remaining || m.position === undefined) continue;
      let candidates = byPosition.get(m.position);
      if (!candidates) byPosition.set(m.position, (candidates = []));
      const clash = candidates.some((c) => c.parameter !== parameter && c.memberships.some((o) => (o.flag & m.flag) !== 0 || o.flag === m.flag));
      if (clash) {
        throw new BindError(
          bindFailure({ message: text.ambiguousPositionalParameterNoName(), errorId: 'AmbiguousPositionalParameterNoName', commandName: b.commandName }),
          'binding',
        );
      }
      const own = candidates.find((c) => c.parameter === parameter);
      if (own) own.memberships.push(m);
      else candidates.push({ parameter, memberships: [m] });
    }
  }
  return [...byPosition.entries()].sort((x, y) => x[0] - y[0]);
}

/** The result of positional binding. */
export interface PositionalResult {
  /** The arguments positional binding left: unmatched names (with the value after them) and unplaced values. */
  readonly remaining: Argument[];
  /** The last conversion failure while trying positions: reported if a value finds no parameter. */
  readonly lastError: BindError | undefined;
}

/** Binds the positional values (PowerShell's BindPositionalParameters). */
export function bindPositionalArguments(b: Binding, args: readonly Argument[]): PositionalResult {
  if (!args.some((a) => a.kind === 'positional')) return { remaining: [...args], lastError: undefined };
  const positions = positionalParameters(b);
  if (positions.length === 0) return { remaining: [...args], lastError: undefined };
  const remaining: Argument[] = [];
  let lastError: BindError | undefined;
  let index = 0;
  let valid = b.flags;
  const defaultFlag = b.command.defaultSetFlag;

  const nextValue = (): PositionalArgument | undefined => {
    while (index < args.length) {
      const a = args[index++] as Argument;
      if (a.kind === 'positional') return a;
      remaining.push(a);
      // An unmatched name keeps the value written after it.
      const following = args[index];
      if (following?.kind === 'positional') {
        remaining.push(following);
        index++;
      }
    }
    return undefined;
  };

  const tryIn = (candidates: readonly Candidate[], sets: number, argument: PositionalArgument, convert: boolean): boolean => {
    lastError = undefined;
    let bound = false;
    for (const { parameter, memberships } of candidates) {
      if (b.bound.has(parameter)) continue;
      for (const m of memberships) {
        if ((sets & m.flag) === 0 && m.flag !== 0) continue;
        let ok = false;
        try {
          ok = b.bind(parameter, argument.value, { convert, extent: argument.extent, delayBind: true });
        } catch (e) {
          // A failed conversion only means this parameter does not take the value; other failures stop binding.
          if (!(e instanceof BindError) || e.kind !== 'binding') throw e;
          lastError = e;
        }
        if (ok) {
          bound = true;
          b.boundPositionally.add(parameter.name);
          break;
        }
      }
    }
    return bound;
  };

  for (const [, candidates] of positions) {
    if (candidates.length === 0) continue;
    const argument = nextValue();
    if (!argument) break;
    const defaultPossible = defaultFlag !== 0 && (valid & defaultFlag) !== 0;
    const bound =
      (defaultPossible && tryIn(candidates, defaultFlag, argument, false)) ||
      tryIn(candidates, valid, argument, false) ||
      (defaultPossible && tryIn(candidates, defaultFlag, argument, true)) ||
      tryIn(candidates, valid, argument, true);
    if (!bound) {
      remaining.push(argument);
    } else if (valid !== b.flags) {
      valid = b.flags;
      for (const [, others] of positions) {
        for (const c of others) c.memberships = c.memberships.filter((m) => m.flag === 0 || (m.flag & valid) !== 0);
        others.splice(0, others.length, ...others.filter((c) => c.memberships.length > 0 && !b.bound.has(c.parameter)));
      }
    }
  }
  while (index < args.length) remaining.push(args[index++] as Argument);
  return { remaining, lastError };
}
