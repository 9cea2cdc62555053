/** Sort-Object: orders objects by keys, stably, with PowerShell's comparison rules. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { PSSwitch } from '@dpmsh/runtime';
import { defineCmdlet, type CmdletContext } from '../session/cmdlet.js';
import { compareRows, keyValues, parseKeys, sortEntries, type KeyValue, type ObjectKey } from './object-keys.js';
import { isSwitchOn } from '@dpmsh/runtime';

const all = ALL_PARAMETER_SETS;

interface SortParameters {
  InputObject?: unknown;
  Property?: unknown[];
  Descending?: PSSwitch;
  Unique?: PSSwitch;
  Top?: number;
  Bottom?: number;
  Stable?: PSSwitch;
  CaseSensitive?: PSSwitch;
  Culture?: string;
}

interface Entry {
  readonly value: unknown;
  readonly keys: readonly KeyValue[];
}

const collected = new WeakMap<object, { keys: ObjectKey[]; entries: Entry[] }>();

function stateOf(ctx: CmdletContext<SortParameters>): { keys: ObjectKey[]; entries: Entry[] } {
  const state = collected.get(ctx);
  if (!state) throw new Error('bug: Sort-Object state missing');
  return state;
}

/** Sort-Object. */
export const sortObject = defineCmdlet<SortParameters>({
  name: 'Sort-Object',
  defaultParameterSet: 'Default',
  parameters: [
    { name: 'InputObject', type: 'psobject', sets: { [all]: { valueFromPipeline: true } }, description: 'The objects to sort.' },
    { name: 'Property', type: 'object[]', sets: { [all]: { position: 0 } }, description: 'The keys: property names, script blocks, or @{Expression=...; Descending=$true}.' },
    { name: 'Descending', type: 'switch', sets: { [all]: {} }, description: 'Sorts from the largest to the smallest.' },
    { name: 'Unique', type: 'switch', sets: { [all]: {} }, description: 'Keeps one object of each run of equal keys.' },
    { name: 'Top', type: 'int', sets: { Top: { mandatory: true } }, validation: [{ kind: 'range', min: 1, max: 2147483647 }], description: 'Writes only this many objects from the start of the sorted list.' },
    { name: 'Bottom', type: 'int', sets: { Bottom: { mandatory: true } }, validation: [{ kind: 'range', min: 1, max: 2147483647 }], description: 'Writes only this many objects from the end of the sorted list.' },
    { name: 'Stable', type: 'switch', sets: { Default: {} }, description: 'Keeps equal objects in input order (dpmsh always does).' },
    { name: 'CaseSensitive', type: 'switch', sets: { [all]: {} }, description: 'Compares strings case-sensitively (lower case first).' },
    { name: 'Culture', type: 'string', sets: { [all]: {} }, description: 'The culture of string comparisons (dpmsh uses the invariant culture).' },
  ],
  outputType: ['System.Management.Automation.PSObject'],
  help: {
    synopsis: 'Sorts objects by property values.',
    description:
      'Sorts objects by one or more keys: property names, script blocks, or hashtables with Expression and Ascending or Descending. Strings compare case-insensitively unless -CaseSensitive; objects without a key property come last. Equal objects keep their input order.',
    examples: [
      { title: 'Numbers, largest first', code: '3, 1, 2 | Sort-Object -Descending', output: '3\n2\n1' },
      { title: 'Unique words', code: "'b','a','B','c' | Sort-Object -Unique", output: 'a\nb\nc' },
      { title: 'The two smallest', code: '5, 3, 9, 1 | Sort-Object -Top 2', output: '1\n3' },
    ],
  },
  begin(ctx) {
    collected.set(ctx, { keys: parseKeys(ctx.params.Property, true), entries: [] });
  },
  async process(ctx) {
    if (!ctx.boundParameters.has('InputObject') && ctx.input === undefined) return;
    const state = stateOf(ctx);
    const value = ctx.params.InputObject;
    state.entries.push({ value, keys: await keyValues(state.keys, value, ctx) });
  },
  async end(ctx) {
    const { keys, entries } = stateOf(ctx);
    const p = ctx.params;
    const descending = isSwitchOn(p.Descending);
    const ascending = keys.length === 0 ? [!descending] : keys.map((k) => (k.ascending === undefined ? !descending : k.ascending));
    const caseSensitive = isSwitchOn(p.CaseSensitive);
    let sorted = sortEntries(entries, ascending, caseSensitive);
    if (isSwitchOn(p.Unique)) {
      const kept: Entry[] = [];
      for (const e of sorted) if (kept.length === 0 || compareRows(kept[kept.length - 1]!.keys, e.keys, ascending, caseSensitive) !== 0) kept.push(e);
      sorted = kept;
    }
    if (p.Top !== undefined) sorted = sorted.slice(0, p.Top);
    else if (p.Bottom !== undefined) sorted = sorted.slice(Math.max(0, sorted.length - p.Bottom));
    for (const e of sorted) await ctx.write(e.value);
  },
});
