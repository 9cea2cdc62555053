/**
 * The BindState handed to callers, and the binder's own bookkeeping behind it (kept out of the
 * public shape so callers cannot depend on it).
 */
import type { Binding, Snapshot } from './binding.js';
import { parameterSetName } from './compiled-command.js';
import type { CompiledParameter } from './compiled-command.js';
import type { BindFailure, BindState } from './types.js';

const snapshots = new WeakMap<BindState, Snapshot>();

/** Freezes a finished command-line binding into the state callers see. */
export function stateOf(b: Binding, missing: readonly CompiledParameter[], unboundArguments: readonly unknown[]): BindState {
  const snapshot = b.snapshot();
  const state: BindState = {
    metadata: b.command.metadata,
    commandName: b.commandName,
    expectingInput: b.expectingInput,
    parameterSetName: parameterSetName(b.command, b.flags),
    values: snapshot.values,
    unboundArguments,
    boundPositionally: snapshot.boundPositionally,
    pipelineBound: new Set(),
    extents: snapshot.extents,
    missingMandatory: missing.map((p) => p.metadata),
    delayBind: snapshot.delayBind,
  };
  snapshots.set(state, snapshot);
  return state;
}

/** The binder's bookkeeping behind a state this module made. */
export function snapshotOf(state: BindState): Snapshot {
  const snapshot = snapshots.get(state);
  if (!snapshot) throw new Error('The binding state was not made by bindArguments.');
  return snapshot;
}

/** True when a binding call failed. */
export function isBindFailure<T extends object>(result: T | BindFailure): result is BindFailure {
  return 'error' in result && 'errorId' in result;
}
