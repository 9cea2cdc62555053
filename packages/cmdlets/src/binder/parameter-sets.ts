/**
 * Parameter-set resolution: which set the bound parameters leave, the default set when it is still
 * possible, else the only set whose mandatory parameters are all bound; AmbiguousParameterSet when
 * that leaves none or several. With pipeline input still to come, mandatory parameters that take
 * pipeline input count as satisfiable and the choice may wait for the input.
 */
import type { Binding } from './binding.js';
import { ALL_SETS, isInSets, membershipsIn, validSetCount } from './compiled-command.js';
import type { CompiledParameter } from './compiled-command.js';
import { BindError, bindFailure, text } from './messages.js';

/** PowerShell's AmbiguousParameterSet error. */
export function ambiguousParameterSet(b: Binding): BindError {
  return new BindError(bindFailure({ message: text.ambiguousParameterSet(), errorId: 'AmbiguousParameterSet', commandName: b.commandName }), 'binding');
}

/** True when an unbound parameter of the sets takes pipeline input. */
function anUnboundParameterTakesPipelineInput(b: Binding, flags: number): boolean {
  for (const p of b.command.pipelineParameters) {
    if (b.bound.has(p) || !isInSets(p, flags)) continue;
    for (const m of p.memberships) {
      if ((m.flag === 0 || (m.flag & flags) !== 0) && (m.byValue || m.byPropertyName)) return true;
    }
  }
  return false;
}

/** Narrows to the one set left once the sets with an unbound mandatory parameter are removed; -1 when not exactly one is left. */
function resolveByMandatoryParameters(b: Binding): number {
  let remaining = b.flags & b.command.usedSetFlags;
  for (const p of b.command.mandatoryParameters) {
    if (b.bound.has(p)) continue;
    for (const m of p.memberships) if (m.mandatory) remaining &= ~m.flag;
  }
  if (validSetCount(remaining) !== 1) return -1;
  b.flags = remaining;
  return 1;
}

/**
 * PowerShell's ValidateParameterSets. Returns how many sets are still possible. `prePipelineInput`
 * lets several sets stand while one of them can still take pipeline input; `setDefault` settles on
 * the default set when it is among them.
 */
export function validateParameterSets(b: Binding, prePipelineInput: boolean, setDefault: boolean): number {
  const command = b.command;
  let count = validSetCount(b.flags);
  if (count === 0) throw ambiguousParameterSet(b);
  if (count > 1) {
    const defaultFlag = command.defaultSetFlag;
    if (defaultFlag !== 0 && (b.flags & defaultFlag) !== 0) {
      if (setDefault) {
        b.flags = defaultFlag;
        count = 1;
      }
    } else if (prePipelineInput && anUnboundParameterTakesPipelineInput(b, b.flags)) {
      // Wait for the pipeline input to decide.
    } else {
      count = resolveByMandatoryParameters(b);
      if (count !== 1) throw ambiguousParameterSet(b);
    }
  } else if (b.flags === ALL_SETS) {
    count = Math.max(command.setNames.length, 1);
    if (prePipelineInput && anUnboundParameterTakesPipelineInput(b, b.flags)) {
      // Wait for the pipeline input to decide.
    } else if (command.defaultSetFlag !== 0) {
      if (setDefault) {
        b.flags = command.defaultSetFlag;
        count = 1;
      }
    } else if (count > 1) {
      count = resolveByMandatoryParameters(b);
      if (count !== 1) throw ambiguousParameterSet(b);
    }
  }
  return count;
}

/** Settles on a set once nothing more can be bound: the default set, or AmbiguousParameterSet. */
export function verifyParameterSetSelected(b: Binding): void {
  if (b.command.setNames.length <= 1 || b.flags !== ALL_SETS) return;
  if (b.command.defaultSetFlag === 0) throw ambiguousParameterSet(b);
  b.flags = b.command.defaultSetFlag;
}

/** With several sets possible and input to come, drops the sets no unbound parameter could take the input in. */
export function dropSetsTakingNoPipelineInput(b: Binding): number {
  let taking = 0;
  for (const name of b.delayBind.keys()) {
    const p = b.command.parameters.find((q) => q.name === name);
    if (p) taking |= p.setFlags;
  }
  for (const p of b.command.pipelineParameters) {
    if (b.bound.has(p)) continue;
    for (const m of membershipsIn(p, b.flags)) {
      if (!m.byValue && !m.byPropertyName) continue;
      if (m.flag === 0) return b.flags;
      taking |= m.flag;
    }
  }
  return taking !== 0 ? b.flags & taking : b.flags;
}

/** The sets a flags value stands for, one flag each ([ALL_SETS] for a command without sets). */
function setsOf(b: Binding): number[] {
  const all = b.flags === ALL_SETS ? b.command.usedSetFlags | b.command.defaultSetFlag : b.flags;
  const sets: number[] = [];
  for (let i = 0; i < b.command.setNames.length; i++) if ((all & (1 << i)) !== 0) sets.push(1 << i);
  return sets.length > 0 ? sets : [ALL_SETS];
}

interface SetNeeds {
  readonly flag: number;
  /** Unbound mandatory parameters only the command line (or a prompt) can fill. */
  readonly fromCommandLine: CompiledParameter[];
  /** Unbound mandatory parameters the pipeline input may fill. */
  readonly fromPipeline: CompiledParameter[];
}

function needsOf(b: Binding, flag: number, expectingInput: boolean): SetNeeds {
  const needs: SetNeeds = { flag, fromCommandLine: [], fromPipeline: [] };
  for (const p of b.command.mandatoryParameters) {
    if (b.bound.has(p)) continue;
    const mandatory = membershipsIn(p, flag).filter((m) => m.mandatory);
    if (mandatory.length === 0) continue;
    const pipeline = expectingInput && mandatory.some((m) => m.byValue || m.byPropertyName);
    (pipeline ? needs.fromPipeline : needs.fromCommandLine).push(p);
  }
  return needs;
}

/**
 * The mandatory parameters still missing, once the parameter set is chosen as far as it can be.
 * Without pipeline input the set is already known. With input to come, mandatory pipeline
 * parameters count as satisfiable: the sets the input can still complete stay possible; when none
 * can, the default set (or the only set that takes pipeline input) is chosen and its other
 * mandatory parameters are the missing ones.
 */
export function missingMandatoryParameters(b: Binding, expectingInput: boolean): CompiledParameter[] {
  if (!expectingInput) {
    return b.command.mandatoryParameters.filter((p) => !b.bound.has(p) && membershipsIn(p, b.flags).some((m) => m.mandatory));
  }
  const sets = setsOf(b).map((flag) => needsOf(b, flag, true));
  if (sets.every((s) => s.fromCommandLine.length === 0 && s.fromPipeline.length === 0)) return [];
  if (sets.length === 1) return (sets[0] as SetNeeds).fromCommandLine;
  const satisfiable = sets.filter((s) => s.fromCommandLine.length === 0);
  if (satisfiable.length > 0) {
    b.flags = satisfiable.reduce((flags, s) => flags | s.flag, 0);
    return [];
  }
  const chosen =
    sets.find((s) => s.flag === b.command.defaultSetFlag) ??
    (sets.filter((s) => s.fromPipeline.length > 0).length === 1 ? sets.find((s) => s.fromPipeline.length > 0) : undefined);
  if (!chosen) throw ambiguousParameterSet(b);
  b.flags = chosen.flag;
  return chosen.fromCommandLine;
}
