/** Select-Object: picks objects (-First, -Last, -Skip, -Index, -Unique) and properties (-Property, -ExpandProperty). */
import { propertyNames } from '../formatting/properties.js';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { PSSwitch, ScriptBlock } from '@dpmsh/runtime';
import { defineCmdlet, type CmdletContext } from '../session/cmdlet.js';
import {
  errorRecord,
  RuntimeError,
  StopUpstreamError,
  toText,
  typeNamesOf,
  typeNameForMessage,
  CUSTOM_OBJECT_TYPE_NAMES,
  enumerableItems,
  isScriptBlock,
  PSHashtable,
  PSObject,
  hasWildcard,
  matchWildcard,
  isSwitchOn,
} from '@dpmsh/runtime';
import { compareValues, evaluateBlock, readNamed } from './object-keys.js';

const all = ALL_PARAMETER_SETS;
const NON_NEGATIVE = [{ kind: 'range', min: 0, max: 2147483647 }] as const;
const PROPERTY_SETS = { DefaultParameter: { position: 0 }, SkipLastParameter: { position: 0 } };
const NAMED_SETS = { DefaultParameter: {}, SkipLastParameter: {} };

interface SelectParameters {
  InputObject?: unknown;
  Property?: unknown[];
  ExcludeProperty?: string[];
  ExpandProperty?: string;
  Unique?: PSSwitch;
  CaseInsensitive?: PSSwitch;
  First?: number;
  Last?: number;
  Skip?: number;
  SkipLast?: number;
  Wait?: PSSwitch;
  Index?: number[];
  SkipIndex?: number[];
}

/** One -Property entry: a name or pattern, or a calculated property. */
type Selector = { readonly kind: 'name'; readonly name: string } | { readonly kind: 'calculated'; readonly name: string; readonly expression: string | ScriptBlock };

function selectorError(message: string, errorId: string): RuntimeError {
  return new RuntimeError(errorRecord(message, errorId, 'InvalidArgument', { typeName: 'System.NotSupportedException' }));
}

function unwrap(value: unknown): unknown {
  return value instanceof PSObject && value.baseObject !== undefined ? value.baseObject : value;
}

const SELECT_KEYS = ['Name', 'Label', 'Expression'] as const;

function calculated(table: PSHashtable): Selector {
  let name: string | undefined;
  let expression: string | ScriptBlock | undefined;
  for (const [k, v] of table.entries()) {
    const key = String(k);
    const matches = SELECT_KEYS.filter((s) => key.length > 0 && s.toLowerCase().startsWith(key.toLowerCase()));
    if (matches.length === 0) throw selectorError(`The ${key} key is not valid.`, 'DictionaryKeyIllegal');
    const value = unwrap(v);
    if (matches[0] === 'Expression') {
      if (typeof value !== 'string' && !isScriptBlock(value)) {
        throw selectorError(`The "${key}" key has a type, ${typeNameForMessage(value)}, that is not valid; expected types are {System.String, System.Management.Automation.ScriptBlock}.`, 'DictionaryKeyIllegalValue1');
      }
      expression = value;
    } else {
      if (name !== undefined) throw selectorError(`The duplicated key "${key}" conflicts with "name".`, 'DictionaryKeyDuplicate');
      name = toText(value);
    }
  }
  if (expression === undefined) throw selectorError('A mandatory entry for expression is missing.', 'DictionaryKeyMandatoryEntry');
  return { kind: 'calculated', name: name ?? (typeof expression === 'string' ? expression : expression.text), expression };
}

function parseSelectors(values: readonly unknown[]): Selector[] {
  return values.map((raw) => {
    const value = unwrap(raw);
    if (typeof value === 'string') return { kind: 'name', name: value };
    if (isScriptBlock(value)) return { kind: 'calculated', name: value.text, expression: value };
    if (value instanceof PSHashtable) return calculated(value);
    throw selectorError(`Cannot convert ${typeNameForMessage(value)} to one of the following types {System.String, System.Management.Automation.ScriptBlock}.`, 'DictionaryKeyUnknownType');
  });
}

function alreadyExists(name: string, expand: boolean, target: unknown): ReturnType<typeof errorRecord> {
  return errorRecord(
    `The property cannot be processed because the property "${name}" already exists.`,
    expand ? 'AlreadyExistingUserSpecifiedPropertyExpand' : 'AlreadyExistingUserSpecifiedPropertyNoExpand',
    'InvalidOperation',
    { typeName: 'System.Management.Automation.PSArgumentException', targetObject: target },
  );
}

/** A property's value; a script property's getter (a script block) is awaited. */
async function readValue(obj: unknown, name: string): Promise<unknown> {
  return (await readNamed(obj, name).value) as unknown;
}

/** The properties -Property and -ExcludeProperty select from one object, as (name, value) pairs. */
async function selectedProperties(obj: unknown, selectors: readonly Selector[], exclude: readonly string[], ctx: CmdletContext<SelectParameters>): Promise<[string, unknown][]> {
  const out: [string, unknown][] = [];
  const seen = new Set<string>();
  const excluded = (name: string): boolean => exclude.some((p) => matchWildcard(name, p));
  const add = (name: string, value: unknown, fromPattern: boolean): void => {
    const key = name.toLowerCase();
    if (seen.has(key)) {
      if (!fromPattern) ctx.writeError(alreadyExists(name, false, obj));
      return;
    }
    seen.add(key);
    out.push([name, value]);
  };
  for (const s of selectors) {
    if (s.kind === 'calculated') {
      const value = typeof s.expression === 'string' ? await readValue(obj, s.expression) : await evaluateBlock(s.expression, obj, ctx);
      add(s.name, value, false);
      continue;
    }
    if (hasWildcard(s.name)) {
      for (const name of propertyNames(obj)) if (matchWildcard(name, s.name) && !excluded(name)) add(name, await readValue(obj, name), true);
      continue;
    }
    if (excluded(s.name)) continue;
    const actual = propertyNames(obj).find((n) => n.toLowerCase() === s.name.toLowerCase()) ?? s.name;
    add(actual, await readValue(obj, s.name), false);
  }
  return out;
}

function selectedTypeNames(obj: unknown): string[] {
  const first = typeNamesOf(obj)[0];
  return first ? [`Selected.${first}`, ...CUSTOM_OBJECT_TYPE_NAMES] : [...CUSTOM_OBJECT_TYPE_NAMES];
}

function expandNotFound(name: string, target: unknown): ReturnType<typeof errorRecord> {
  return errorRecord(`Property "${name}" cannot be found.`, 'ExpandPropertyNotFound', 'InvalidArgument', { typeName: 'System.Management.Automation.PSArgumentException', targetObject: target });
}

interface SelectState {
  selectors: Selector[];
  exclude: string[];
  index: number;
  taken: number;
  indices?: Set<number>;
  maxIndex: number;
  buffer: unknown[];
  unique: unknown[];
}

const states = new WeakMap<object, SelectState>();

function stateOf(ctx: CmdletContext<SelectParameters>): SelectState {
  const state = states.get(ctx);
  if (!state) throw new Error('bug: Select-Object state missing');
  return state;
}

/** Projects one object: the selected custom object, or the expanded values; written through `emit`. */
async function project(obj: unknown, ctx: CmdletContext<SelectParameters>, emit: (value: unknown) => Promise<void>): Promise<void> {
  const { selectors, exclude } = stateOf(ctx);
  const p = ctx.params;
  const expand = p.ExpandProperty;
  const shaping = selectors.length > 0 || exclude.length > 0;
  if (expand === undefined) {
    if (!shaping) return emit(obj);
    const effective = selectors.length > 0 ? selectors : [{ kind: 'name', name: '*' } as const];
    const result = new PSObject(selectedTypeNames(obj));
    for (const [name, value] of await selectedProperties(obj, effective, exclude, ctx)) result.addNote(name, value);
    return emit(result);
  }
  const matches = hasWildcard(expand) ? propertyNames(obj).filter((n) => matchWildcard(n, expand)) : [expand];
  const found = matches.length === 1 ? readNamed(obj, matches[0]!) : { exists: false, value: null };
  if (matches.length > 1) {
    ctx.writeError(errorRecord(`Multiple properties cannot be expanded.`, 'MutlipleExpandProperties', 'InvalidArgument', { typeName: 'System.Management.Automation.PSArgumentException', targetObject: obj }));
    return;
  }
  if (!found.exists) {
    ctx.writeError(expandNotFound(expand, obj));
    return;
  }
  const extra = selectors.length > 0 ? await selectedProperties(obj, selectors, exclude, ctx) : [];
  const expanded: unknown = await found.value;
  const items = enumerableItems(expanded) ?? [expanded];
  for (const item of items) {
    if (extra.length === 0) {
      await emit(item);
      continue;
    }
    const target = item instanceof PSObject ? item : new PSObject(typeNamesOf(item), item);
    let ok = true;
    for (const [name, value] of extra) {
      if (propertyNames(target).some((n) => n.toLowerCase() === name.toLowerCase())) {
        ctx.writeError(alreadyExists(name, true, item));
        ok = false;
        continue;
      }
      target.addNote(name, value);
    }
    if (ok || target !== item) await emit(target);
  }
}

function uniqueEquals(a: unknown, b: unknown, caseSensitive: boolean): boolean {
  if (a instanceof PSObject && a.baseObject === undefined && b instanceof PSObject && b.baseObject === undefined) {
    const pa = a.properties;
    const pb = b.properties;
    if (pa.length !== pb.length) return false;
    return pa.every((p, i) => p.name.toLowerCase() === pb[i]!.name.toLowerCase() && compareValues(a.read(p.name), b.read(p.name), caseSensitive) === 0);
  }
  return compareValues(a, b, caseSensitive) === 0;
}

/** Select-Object. */
export const selectObject = defineCmdlet<SelectParameters>({
  name: 'Select-Object',
  defaultParameterSet: 'DefaultParameter',
  parameters: [
    { name: 'InputObject', type: 'psobject', sets: { [all]: { valueFromPipeline: true } }, description: 'The objects to select from.' },
    { name: 'Property', type: 'object[]', sets: PROPERTY_SETS, description: 'The properties to select: names (wildcards allowed), script blocks, or calculated properties @{Name=...; Expression=...}.' },
    { name: 'ExcludeProperty', type: 'string[]', sets: NAMED_SETS, description: 'Properties to leave out (wildcards allowed).' },
    { name: 'ExpandProperty', type: 'string', sets: NAMED_SETS, description: 'A property whose value (each element of a collection) is written instead of the object.' },
    { name: 'Unique', type: 'switch', sets: { [all]: {} }, description: 'Writes an object only the first time it appears (case-sensitive unless -CaseInsensitive).' },
    { name: 'CaseInsensitive', type: 'switch', sets: { [all]: {} }, description: 'Makes -Unique ignore case.' },
    { name: 'Last', type: 'int', sets: { DefaultParameter: {} }, validation: NON_NEGATIVE, description: 'Selects this many objects from the end (after the -First ones when both are given).' },
    { name: 'First', type: 'int', sets: { DefaultParameter: {} }, validation: NON_NEGATIVE, description: 'Selects this many objects from the start; upstream commands stop once they are taken.' },
    { name: 'Skip', type: 'int', sets: { DefaultParameter: {} }, validation: NON_NEGATIVE, description: 'Skips this many objects (from the end with -Last).' },
    { name: 'SkipLast', type: 'int', sets: { SkipLastParameter: {} }, validation: NON_NEGATIVE, description: 'Skips this many objects at the end.' },
    { name: 'Wait', type: 'switch', sets: { DefaultParameter: {}, IndexParameter: {} }, description: 'Lets upstream commands run to the end after -First is satisfied.' },
    { name: 'Index', type: 'int[]', sets: { IndexParameter: {} }, description: 'Selects the objects at these zero-based positions.' },
    { name: 'SkipIndex', type: 'int[]', sets: { SkipIndexParameter: {} }, description: 'Skips the objects at these zero-based positions.' },
  ],
  outputType: ['System.Management.Automation.PSObject'],
  help: {
    synopsis: 'Selects objects or object properties.',
    description:
      'Selects properties of objects, making new custom objects of type Selected.<type> (names, wildcards and calculated properties), or selects objects by position (-First, -Last, -Skip, -SkipLast, -Index) or uniqueness. -ExpandProperty writes the value of one property instead. With -First, the commands before it stop as soon as enough objects are taken.',
    examples: [
      { title: 'The first objects', code: '1..10 | Select-Object -First 3', output: '1\n2\n3' },
      { title: 'Skip from the end', code: '1..5 | Select-Object -SkipLast 2', output: '1\n2\n3' },
      {
        title: 'A calculated property',
        code: "'one','three' | Select-Object @{Name='Word'; Expression={$_}}, Length",
        output: '\nWord  Length\n----  ------\none        3\nthree      5',
      },
      { title: 'Expand a property', code: "[pscustomobject]@{Names='a','b'} | Select-Object -ExpandProperty Names", output: 'a\nb' },
    ],
  },
  begin(ctx) {
    const p = ctx.params;
    const indices = p.Index ?? p.SkipIndex;
    states.set(ctx, {
      selectors: parseSelectors(p.Property ?? []),
      exclude: p.ExcludeProperty ?? [],
      index: 0,
      taken: 0,
      indices: indices ? new Set(indices) : undefined,
      maxIndex: indices ? Math.max(...indices) : -1,
      buffer: [],
      unique: [],
    });
  },
  async process(ctx) {
    if (!ctx.boundParameters.has('InputObject') && ctx.input === undefined) return;
    const state = stateOf(ctx);
    const p = ctx.params;
    const obj = p.InputObject;
    const position = state.index++;
    const emit = async (value: unknown): Promise<void> => {
      if (isSwitchOn(p.Unique)) {
        const caseSensitive = !isSwitchOn(p.CaseInsensitive);
        if (!state.unique.some((u) => uniqueEquals(u, value, caseSensitive))) state.unique.push(value);
        return;
      }
      await ctx.write(value);
    };
    if (state.indices && p.Index) {
      if (state.indices.has(position)) await project(obj, ctx, emit);
      if (position >= state.maxIndex && !isSwitchOn(p.Wait)) throw new StopUpstreamError(ctx);
      return;
    }
    if (state.indices && p.SkipIndex) {
      if (!state.indices.has(position)) await project(obj, ctx, emit);
      return;
    }
    if (p.SkipLast !== undefined) {
      state.buffer.push(obj);
      if (state.buffer.length > p.SkipLast) await project(state.buffer.shift(), ctx, emit);
      return;
    }
    if (p.Last !== undefined) {
      // With -First too, the first objects go out at once and the rest queue for -Last (no object twice).
      if (p.First !== undefined && state.taken < p.First) {
        state.taken++;
        await project(obj, ctx, emit);
        return;
      }
      state.buffer.push(obj);
      const keep = p.Last + (p.Skip ?? 0);
      if (state.buffer.length > keep) state.buffer.shift();
      return;
    }
    if (position < (p.Skip ?? 0)) return;
    if (p.First !== undefined && state.taken >= p.First) return;
    state.taken++;
    await project(obj, ctx, emit);
    if (p.First !== undefined && state.taken >= p.First && !isSwitchOn(p.Wait) && !isSwitchOn(p.Unique)) throw new StopUpstreamError(ctx);
  },
  async end(ctx) {
    const state = stateOf(ctx);
    const p = ctx.params;
    const emitUnique = async (value: unknown): Promise<void> => {
      if (!isSwitchOn(p.Unique)) return ctx.write(value);
      if (!state.unique.some((u) => uniqueEquals(u, value, !isSwitchOn(p.CaseInsensitive)))) state.unique.push(value);
    };
    if (p.Last !== undefined && p.SkipLast === undefined) {
      const items = state.buffer.slice(0, Math.max(0, state.buffer.length - (p.Skip ?? 0)));
      for (const item of items) await project(item, ctx, emitUnique);
    }
    if (isSwitchOn(p.Unique)) for (const value of state.unique) await ctx.write(value);
  },
});
