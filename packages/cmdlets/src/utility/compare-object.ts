/** Compare-Object: the objects of two sets that differ (or match), with a SideIndicator. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { PSSwitch } from '@dpmsh/runtime';
import { defineCmdlet, type CmdletContext } from '../session/cmdlet.js';
import { typeNamesOf, PSObject, isSwitchOn } from '@dpmsh/runtime';
import { compareRows, keyText, keyValues, parseKeys, type KeyValue, type ObjectKey } from './object-keys.js';

const all = ALL_PARAMETER_SETS;

interface CompareParameters {
  ReferenceObject: unknown[];
  DifferenceObject: unknown[];
  SyncWindow?: number;
  Property?: unknown[];
  ExcludeDifferent?: PSSwitch;
  IncludeEqual?: PSSwitch;
  PassThru?: PSSwitch;
  Culture?: string;
  CaseSensitive?: PSSwitch;
}

interface Entry {
  readonly value: unknown;
  readonly keys: readonly KeyValue[];
}

interface CompareState {
  keys: ObjectKey[];
  reference: Entry[] | undefined;
  next: number;
  referenceBacklog: Entry[];
  differenceBacklog: Entry[];
}

const states = new WeakMap<object, CompareState>();

function stateOf(ctx: CmdletContext<CompareParameters>): CompareState {
  const state = states.get(ctx);
  if (!state) throw new Error('bug: Compare-Object state missing');
  return state;
}

async function entries(values: readonly unknown[], keys: readonly ObjectKey[], ctx: CmdletContext<CompareParameters>): Promise<Entry[]> {
  const out: Entry[] = [];
  for (const value of values) out.push({ value, keys: await keyValues(keys, value, ctx) });
  return out;
}

function same(a: Entry, b: Entry, ctx: CmdletContext<CompareParameters>): boolean {
  return compareRows(a.keys, b.keys, [], isSwitchOn(ctx.params.CaseSensitive)) === 0;
}

function takeMatch(entry: Entry, list: Entry[], ctx: CmdletContext<CompareParameters>): Entry | undefined {
  const i = list.findIndex((e) => same(entry, e, ctx));
  return i < 0 ? undefined : list.splice(i, 1)[0];
}

async function emit(ctx: CmdletContext<CompareParameters>, entry: Entry, side: '==' | '=>' | '<='): Promise<void> {
  const p = ctx.params;
  const includeEqual = isSwitchOn(p.IncludeEqual) || (isSwitchOn(p.ExcludeDifferent) && !ctx.boundParameters.has('IncludeEqual'));
  if (side === '==' ? !includeEqual : isSwitchOn(p.ExcludeDifferent)) return;
  const { keys } = stateOf(ctx);
  let out: PSObject;
  if (isSwitchOn(p.PassThru)) {
    out = entry.value instanceof PSObject ? entry.value : new PSObject(typeNamesOf(entry.value), entry.value);
  } else {
    out = new PSObject();
    if (keys.length === 0) out.addNote('InputObject', entry.value);
    else keys.forEach((k, i) => out.hasProperty(keyText(k)) || out.addNote(keyText(k), entry.keys[i]?.value ?? null));
  }
  out.removeProperty('SideIndicator');
  out.addNote('SideIndicator', side);
  await ctx.write(out);
}

/** One step of PowerShell's windowed comparison: the next reference entry against a difference entry (either may be absent). */
async function step(ctx: CmdletContext<CompareParameters>, incoming: Entry | undefined): Promise<void> {
  const state = stateOf(ctx);
  const window = ctx.params.SyncWindow ?? 2147483647;
  let reference = state.reference && state.next < state.reference.length ? state.reference[state.next++] : undefined;
  let difference = incoming;
  if (reference && difference && same(reference, difference, ctx)) return emit(ctx, reference, '==');
  if (difference) {
    const match = takeMatch(difference, state.referenceBacklog, ctx);
    if (match) {
      await emit(ctx, match, '==');
      difference = undefined;
    }
  }
  if (reference && takeMatch(reference, state.differenceBacklog, ctx)) {
    await emit(ctx, reference, '==');
    reference = undefined;
  }
  if (difference) {
    if (window > 0) {
      while (state.differenceBacklog.length >= window) await emit(ctx, state.differenceBacklog.shift()!, '=>');
      state.differenceBacklog.push(difference);
    } else await emit(ctx, difference, '=>');
  }
  if (reference) {
    if (window > 0) {
      while (state.referenceBacklog.length >= window) await emit(ctx, state.referenceBacklog.shift()!, '<=');
      state.referenceBacklog.push(reference);
    } else await emit(ctx, reference, '<=');
  }
}

/** Compare-Object. */
export const compareObject = defineCmdlet<CompareParameters>({
  name: 'Compare-Object',
  parameters: [
    { name: 'ReferenceObject', type: 'psobject[]', sets: { [all]: { mandatory: true, position: 0 } }, allowEmptyCollection: true, description: 'The objects compared against.' },
    { name: 'DifferenceObject', type: 'psobject[]', sets: { [all]: { mandatory: true, position: 1, valueFromPipeline: true } }, allowEmptyCollection: true, description: 'The objects compared with the reference objects.' },
    { name: 'SyncWindow', type: 'int', sets: { [all]: {} }, validation: [{ kind: 'range', min: 0, max: 2147483647 }], description: 'How many neighbouring objects are searched for a match.' },
    { name: 'Property', type: 'object[]', sets: { [all]: {} }, description: 'The properties (or script blocks) compared.' },
    { name: 'ExcludeDifferent', type: 'switch', sets: { [all]: {} }, description: 'Leaves out the objects that differ (and so shows the equal ones).' },
    { name: 'IncludeEqual', type: 'switch', sets: { [all]: {} }, description: 'Also writes the objects found in both sets (SideIndicator ==).' },
    { name: 'PassThru', type: 'switch', sets: { [all]: {} }, description: 'Writes the objects themselves, with a SideIndicator property added.' },
    { name: 'Culture', type: 'string', sets: { [all]: {} }, description: 'The culture of string comparisons (dpmsh uses the invariant culture).' },
    { name: 'CaseSensitive', type: 'switch', sets: { [all]: {} }, description: 'Compares strings case-sensitively.' },
  ],
  outputType: ['System.Management.Automation.PSCustomObject'],
  help: {
    synopsis: 'Compares two sets of objects.',
    description:
      'Compares a reference set with a difference set and writes the objects found in only one of them, with a SideIndicator of <= (reference only) or => (difference only); -IncludeEqual adds those in both (==). -Property compares those properties instead of the whole objects.',
    examples: [
      {
        title: 'Compare two lists',
        code: "Compare-Object -ReferenceObject 'a','b','c' -DifferenceObject 'b','c','d'",
        output: '\nInputObject SideIndicator\n----------- -------------\nd           =>\na           <=',
      },
    ],
  },
  async begin(ctx) {
    const keys = parseKeys(ctx.params.Property, false);
    states.set(ctx, { keys, reference: undefined, next: 0, referenceBacklog: [], differenceBacklog: [] });
  },
  async process(ctx) {
    const state = stateOf(ctx);
    const p = ctx.params;
    const difference = p.DifferenceObject ?? [];
    const reference = p.ReferenceObject ?? [];
    if (reference.length === 0) {
      for (const e of await entries(difference, state.keys, ctx)) await emit(ctx, e, '=>');
      return;
    }
    state.reference ??= await entries(reference, state.keys, ctx);
    if (difference.length === 0) {
      await step(ctx, undefined);
      return;
    }
    for (const e of await entries(difference, state.keys, ctx)) await step(ctx, e);
  },
  async end(ctx) {
    const state = stateOf(ctx);
    if (state.reference) while (state.next < state.reference.length) await step(ctx, undefined);
    for (const e of state.differenceBacklog) await emit(ctx, e, '=>');
    state.differenceBacklog.length = 0;
    for (const e of state.referenceBacklog) await emit(ctx, e, '<=');
    state.referenceBacklog.length = 0;
  },
});
