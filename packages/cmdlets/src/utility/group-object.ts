/** Group-Object: GroupInfo objects (Count, Name, Group, Values) of objects with equal keys. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { PSSwitch } from '@dpmsh/runtime';
import { defineCmdlet, type CmdletContext } from '../session/cmdlet.js';
import { errorRecord, dotNetToString, baseOf, typeNamesOf, enumerableItems, PSHashtable, PSList, PSObject, isSwitchOn } from '@dpmsh/runtime';
import { compareRows, keyValues, parseKeys, simpleKey, sortEntries, type KeyValue, type ObjectKey } from './object-keys.js';

const all = ALL_PARAMETER_SETS;

/** The type names of Group-Object's output. */
export const GROUP_INFO_TYPE = 'Microsoft.PowerShell.Commands.GroupInfo';
export const GROUP_INFO_NO_ELEMENT_TYPE = 'Microsoft.PowerShell.Commands.GroupInfoNoElement';

interface GroupParameters {
  InputObject?: unknown;
  Property?: unknown[];
  NoElement?: PSSwitch;
  AsHashTable?: PSSwitch;
  AsString?: PSSwitch;
  CaseSensitive?: PSSwitch;
  Culture?: string;
}

interface Entry {
  readonly value: unknown;
  readonly keys: readonly KeyValue[];
}

interface Group {
  readonly keys: readonly KeyValue[];
  readonly items: unknown[];
}

interface GroupState {
  keys: ObjectKey[];
  entries: Entry[];
  /** The value types of the first entry's keys; undefined once entries differ (then groups keep first-seen order). */
  types: (string | undefined)[] | undefined;
  mixed: boolean;
}

const states = new WeakMap<object, GroupState>();

function stateOf(ctx: CmdletContext<GroupParameters>): GroupState {
  const state = states.get(ctx);
  if (!state) throw new Error('bug: Group-Object state missing');
  return state;
}

function valueType(v: KeyValue): string | undefined {
  const base = baseOf(v.value);
  return base === null || base === undefined ? undefined : typeNamesOf(base)[0];
}

/** GroupInfo.Name: the key values' strings joined with ', ', a collection as {a, b}. */
function groupName(keys: readonly KeyValue[]): string {
  const parts: string[] = [];
  for (const k of keys) {
    if (k.value === null || k.value === undefined) continue;
    const items = enumerableItems(baseOf(k.value));
    parts.push(items ? `{${items.map((i) => dotNetToString(i)).join(', ')}}` : dotNetToString(k.value));
  }
  return parts.join(', ');
}

function groupInfo(group: Group, noElement: boolean): PSObject {
  const o = new PSObject(noElement ? [GROUP_INFO_NO_ELEMENT_TYPE, GROUP_INFO_TYPE, 'System.Object'] : [GROUP_INFO_TYPE, 'System.Object']);
  o.addProperty({ name: 'Name', kind: 'Property', value: groupName(group.keys), typeName: 'System.String' });
  o.addProperty({ name: 'Count', kind: 'Property', value: group.items.length, typeName: 'System.Int32' });
  o.addProperty({ name: 'Group', kind: 'Property', value: noElement ? [] : group.items, typeName: 'System.Collections.ObjectModel.Collection[psobject]' });
  o.addProperty({ name: 'Values', kind: 'Property', value: new PSList(group.keys.map((k) => k.value)), typeName: 'System.Collections.ArrayList' });
  o.toDotNetString = () => GROUP_INFO_TYPE;
  return o;
}

/** Puts entries into groups: adjacent runs of sorted entries, or (mixed key types) first-seen groups matched by comparison. */
function buildGroups(state: GroupState, caseSensitive: boolean): Group[] {
  const ascending = state.entries[0]?.keys.map(() => true) ?? [];
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  const ordered = !state.mixed;
  const entries = ordered ? sortEntries([...state.entries], ascending, caseSensitive) : state.entries;
  for (const e of entries) {
    const hash = simpleKey(e.keys, caseSensitive);
    const known = hash === undefined ? undefined : byKey.get(hash);
    if (known) {
      known.items.push(e.value);
      continue;
    }
    const candidates = ordered ? groups.slice(-1) : groups;
    const match = candidates.find((g) => compareRows(g.keys, e.keys, ascending, caseSensitive) === 0);
    if (match) {
      match.items.push(e.value);
      continue;
    }
    const group: Group = { keys: e.keys, items: [e.value] };
    groups.push(group);
    if (hash !== undefined) byKey.set(hash, group);
  }
  return groups;
}

/** Group-Object. */
export const groupObject = defineCmdlet<GroupParameters>({
  name: 'Group-Object',
  defaultParameterSet: 'Default',
  parameters: [
    { name: 'InputObject', type: 'psobject', sets: { [all]: { valueFromPipeline: true } }, description: 'The objects to group.' },
    { name: 'Property', type: 'object[]', sets: { [all]: { position: 0 } }, description: 'The keys to group by: property names, script blocks or @{Expression=...}.' },
    { name: 'NoElement', type: 'switch', sets: { [all]: {} }, description: 'Leaves the Group property empty (only counts and names).' },
    { name: 'AsHashTable', type: 'switch', aliases: ['AHT'], sets: { HashTable: {} }, description: 'Writes one hashtable: each key value to its group.' },
    { name: 'AsString', type: 'switch', sets: { HashTable: {} }, description: 'With -AsHashTable, uses the group names (strings) as keys.' },
    { name: 'CaseSensitive', type: 'switch', sets: { [all]: {} }, description: 'Keys that differ only in case make different groups.' },
    { name: 'Culture', type: 'string', sets: { [all]: {} }, description: 'The culture of string comparisons (dpmsh uses the invariant culture).' },
  ],
  outputType: [GROUP_INFO_TYPE, 'System.Collections.Hashtable'],
  help: {
    synopsis: 'Groups objects that contain the same value for specified properties.',
    description:
      'Groups objects by the values of one or more keys and writes a GroupInfo object per group: Count, Name (the key values as text), Group (the objects) and Values. Groups are sorted by key when every key has the same type. -AsHashTable writes a hashtable of groups instead.',
    examples: [
      {
        title: 'Count the words',
        code: "'b','a','b' | Group-Object",
        output: '\nCount Name                      Group\n----- ----                      -----\n    1 a                         {a}\n    2 b                         {b, b}',
      },
      {
        title: 'Group numbers by a computed key',
        code: '1..5 | Group-Object { $_ % 2 } -NoElement',
        output: '\nCount Name\n----- ----\n    2 0\n    3 1',
      },
    ],
  },
  begin(ctx) {
    const p = ctx.params;
    if (isSwitchOn(p.AsString) && !isSwitchOn(p.AsHashTable)) {
      ctx.throwTerminating(errorRecord('The AsString parameter cannot be specified without the AsHashTable parameter.', 'ArgumentException', 'InvalidArgument', { typeName: 'System.ArgumentException' }));
    }
    const keys = parseKeys(p.Property, false);
    if (isSwitchOn(p.AsHashTable) && !isSwitchOn(p.AsString) && keys.length > 1) {
      ctx.throwTerminating(errorRecord('The AsHashTable parameter can be specified with a single property only.', 'ArgumentException', 'InvalidArgument', { typeName: 'System.ArgumentException' }));
    }
    states.set(ctx, { keys, entries: [], types: undefined, mixed: false });
  },
  async process(ctx) {
    const value = ctx.params.InputObject;
    if (value === null || value === undefined) return;
    const state = stateOf(ctx);
    const keys = await keyValues(state.keys, value, ctx);
    state.entries.push({ value, keys });
    if (state.mixed) return;
    if (!state.types) {
      state.types = keys.map(valueType);
      return;
    }
    for (let i = 0; i < keys.length; i++) {
      const t = valueType(keys[i]!);
      if (t === undefined) continue;
      if (state.types[i] === undefined) state.types[i] = t;
      else if (state.types[i] !== t) {
        state.mixed = true;
        break;
      }
    }
  },
  async end(ctx) {
    const state = stateOf(ctx);
    const p = ctx.params;
    const groups = buildGroups(state, isSwitchOn(p.CaseSensitive));
    if (groups.length === 0) return;
    if (isSwitchOn(p.AsHashTable)) {
      const table = new PSHashtable();
      for (const g of groups) table.set(isSwitchOn(p.AsString) ? groupName(g.keys) : baseOf(g.keys[0]?.value ?? null), g.items);
      await ctx.write(table);
      return;
    }
    for (const g of groups) await ctx.write(groupInfo(g, isSwitchOn(p.NoElement)));
  },
});
