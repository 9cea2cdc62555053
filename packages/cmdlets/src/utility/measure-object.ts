/** Measure-Object: counts, sums, averages, extremes and standard deviation of objects, or lines, words and characters of text. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { PSSwitch } from '@dpmsh/runtime';
import { defineCmdlet, type CmdletContext } from '../session/cmdlet.js';
import { tryConvert, errorRecord, toText, baseOf, DOUBLE_TYPE, makeNumber, PSNumber, PSObject, hasWildcard, matchWildcard, isSwitchOn } from '@dpmsh/runtime';
import { propertyNames } from '../formatting/properties.js';
import { compareValues, evaluateKey, keyText, parseKeys, readNamed, type ObjectKey } from './object-keys.js';

const all = ALL_PARAMETER_SETS;

/** The type names of Measure-Object's output. */
export const GENERIC_MEASURE_INFO_TYPE = 'Microsoft.PowerShell.Commands.GenericMeasureInfo';
export const TEXT_MEASURE_INFO_TYPE = 'Microsoft.PowerShell.Commands.TextMeasureInfo';
const MEASURE_INFO_TYPE = 'Microsoft.PowerShell.Commands.MeasureInfo';

interface MeasureParameters {
  InputObject?: unknown;
  Property?: unknown[];
  StandardDeviation?: PSSwitch;
  Sum?: PSSwitch;
  AllStats?: PSSwitch;
  Average?: PSSwitch;
  Maximum?: PSSwitch;
  Minimum?: PSSwitch;
  Line?: PSSwitch;
  Word?: PSSwitch;
  Character?: PSSwitch;
  IgnoreWhiteSpace?: PSSwitch;
}

/** Running statistics of one property (or of the objects themselves). */
interface Statistics {
  readonly name: string;
  count: number;
  sum: number;
  /** Welford's running mean and sum of squared deviations, for the standard deviation. */
  mean: number;
  m2: number;
  max: unknown;
  min: unknown;
  /** False until a value of this property was seen (an error names properties no object had). */
  seen: boolean;
  /** The -Property entry that measured it. */
  pattern?: string;
  lines: number;
  words: number;
  characters: number;
}

interface MeasureState {
  keys: ObjectKey[];
  stats: Statistics[];
  /** Objects counted when there is no -Property. */
  count: number;
}

const states = new WeakMap<object, MeasureState>();

function stateOf(ctx: CmdletContext<MeasureParameters>): MeasureState {
  const state = states.get(ctx);
  if (!state) throw new Error('bug: Measure-Object state missing');
  return state;
}

function newStatistics(name: string): Statistics {
  return { name, count: 0, sum: 0, mean: 0, m2: 0, max: undefined, min: undefined, seen: false, lines: 0, words: 0, characters: 0 };
}

function wantsNumbers(p: MeasureParameters): boolean {
  return isSwitchOn(p.Sum) || isSwitchOn(p.Average) || isSwitchOn(p.StandardDeviation) || isSwitchOn(p.AllStats);
}

function wantsExtremes(p: MeasureParameters): boolean {
  return isSwitchOn(p.Maximum) || isSwitchOn(p.Minimum) || isSwitchOn(p.AllStats);
}

function numericValue(value: unknown): number | undefined {
  const base = baseOf(value);
  if (typeof base === 'number') return base;
  if (base instanceof PSNumber) return base.value;
  const converted = tryConvert(base, DOUBLE_TYPE);
  if (!converted.ok) return undefined;
  const v = converted.value;
  return typeof v === 'number' ? v : v instanceof PSNumber ? v.value : undefined;
}

function notNumeric(value: unknown): ReturnType<typeof errorRecord> {
  return errorRecord(`Input object "${toText(value)}" is not numeric.`, 'NonNumericInputObject', 'InvalidType', { typeName: 'System.Management.Automation.PSInvalidOperationException', targetObject: value });
}

/** Adds one value to a property's statistics; a sum or average of a value that is not a number is an error. */
function addValue(s: Statistics, value: unknown, p: MeasureParameters, ctx: CmdletContext<MeasureParameters>): void {
  s.seen = true;
  if (isSwitchOn(p.Line) || isSwitchOn(p.Word) || isSwitchOn(p.Character)) {
    const text = toText(value);
    s.count++;
    s.lines += text === '' ? 0 : text.split('\n').length;
    s.words += text.split(/\s+/).filter((w) => w !== '').length;
    s.characters += isSwitchOn(p.IgnoreWhiteSpace) ? text.replace(/\s/g, '').length : text.length;
    return;
  }
  if (value === null || value === undefined) return;
  const needNumber = wantsNumbers(p);
  const n = needNumber || wantsExtremes(p) ? numericValue(value) : undefined;
  if (needNumber && n === undefined) {
    ctx.writeError(notNumeric(value));
    return;
  }
  s.count++;
  if (n !== undefined) {
    s.sum += n;
    const delta = n - s.mean;
    s.mean += delta / s.count;
    s.m2 += delta * (n - s.mean);
  }
  if (wantsExtremes(p)) {
    // Numbers compare as numbers; other values (strings, dates) by PowerShell's ordering.
    const comparable = n !== undefined ? n : baseOf(value);
    if (s.max === undefined || compareValues(comparable, s.max, false) > 0) s.max = comparable;
    if (s.min === undefined || compareValues(comparable, s.min, false) < 0) s.min = comparable;
  }
}

function double(n: number): number | PSNumber {
  return makeNumber('Double', n);
}

function extreme(v: unknown): unknown {
  return typeof v === 'number' ? double(v) : (v ?? null);
}

function genericInfo(s: Statistics, p: MeasureParameters, property: string | null): PSObject {
  const o = new PSObject([GENERIC_MEASURE_INFO_TYPE, MEASURE_INFO_TYPE, 'System.Object']);
  const stats = isSwitchOn(p.AllStats);
  const prop = (name: string, value: unknown, typeName: string): void => o.addProperty({ name, kind: 'Property', value, typeName });
  prop('Count', s.count, 'System.Int32');
  prop('Average', (isSwitchOn(p.Average) || stats) && s.count > 0 ? double(s.sum / s.count) : null, 'System.Nullable[double]');
  prop('Sum', isSwitchOn(p.Sum) || stats ? double(s.sum) : null, 'System.Nullable[double]');
  prop('Maximum', isSwitchOn(p.Maximum) || stats ? extreme(s.max) : null, 'System.Object');
  prop('Minimum', isSwitchOn(p.Minimum) || stats ? extreme(s.min) : null, 'System.Object');
  prop('StandardDeviation', (isSwitchOn(p.StandardDeviation) || stats) && s.count > 0 ? double(s.count > 1 ? Math.sqrt(s.m2 / (s.count - 1)) : 0) : null, 'System.Nullable[double]');
  prop('Property', property, 'System.String');
  o.toDotNetString = () => GENERIC_MEASURE_INFO_TYPE;
  return o;
}

function textInfo(s: Statistics, p: MeasureParameters, property: string | null): PSObject {
  const o = new PSObject([TEXT_MEASURE_INFO_TYPE, MEASURE_INFO_TYPE, 'System.Object']);
  o.addProperty({ name: 'Lines', kind: 'Property', value: isSwitchOn(p.Line) ? s.lines : null, typeName: 'System.Nullable[int]' });
  o.addProperty({ name: 'Words', kind: 'Property', value: isSwitchOn(p.Word) ? s.words : null, typeName: 'System.Nullable[int]' });
  o.addProperty({ name: 'Characters', kind: 'Property', value: isSwitchOn(p.Character) ? s.characters : null, typeName: 'System.Nullable[int]' });
  o.addProperty({ name: 'Property', kind: 'Property', value: property, typeName: 'System.String' });
  o.toDotNetString = () => TEXT_MEASURE_INFO_TYPE;
  return o;
}

const GENERIC = { GenericMeasure: {} };
const TEXT = { TextMeasure: {} };

/** Measure-Object. */
export const measureObject = defineCmdlet<MeasureParameters>({
  name: 'Measure-Object',
  defaultParameterSet: 'GenericMeasure',
  parameters: [
    { name: 'InputObject', type: 'psobject', sets: { [all]: { valueFromPipeline: true } }, description: 'The objects to measure.' },
    { name: 'Property', type: 'object[]', sets: { [all]: { position: 0 } }, description: 'The properties to measure (names, wildcards or script blocks); the objects themselves when absent.' },
    { name: 'StandardDeviation', type: 'switch', sets: GENERIC, description: 'Computes the sample standard deviation.' },
    { name: 'Sum', type: 'switch', sets: GENERIC, description: 'Adds the values.' },
    { name: 'AllStats', type: 'switch', sets: GENERIC, description: 'Computes every statistic.' },
    { name: 'Average', type: 'switch', sets: GENERIC, description: 'Averages the values.' },
    { name: 'Maximum', type: 'switch', sets: GENERIC, description: 'Finds the largest value.' },
    { name: 'Minimum', type: 'switch', sets: GENERIC, description: 'Finds the smallest value.' },
    { name: 'Line', type: 'switch', sets: TEXT, description: 'Counts the lines of text input.' },
    { name: 'Word', type: 'switch', sets: TEXT, description: 'Counts the words of text input.' },
    { name: 'Character', type: 'switch', sets: TEXT, description: 'Counts the characters of text input.' },
    { name: 'IgnoreWhiteSpace', type: 'switch', sets: TEXT, description: 'Leaves white space out of the character count.' },
  ],
  outputType: [GENERIC_MEASURE_INFO_TYPE, TEXT_MEASURE_INFO_TYPE],
  help: {
    synopsis: 'Calculates the numeric properties of objects, and the characters, words, and lines in string objects.',
    description:
      'Counts the input objects and, on request, computes the sum, average, maximum, minimum and standard deviation of their values or of the properties named by -Property (one result per property). With -Line, -Word or -Character it measures text instead.',
    examples: [
      { title: 'Count objects', code: '(1..10 | Measure-Object).Count', output: '10' },
      {
        title: 'Statistics of numbers',
        code: '1..4 | Measure-Object -Sum -Average -Maximum -Minimum',
        output: '\nCount             : 4\nAverage           : 2.5\nSum               : 10\nMaximum           : 4\nMinimum           : 1\nStandardDeviation :\nProperty          :',
      },
      {
        title: 'Measure text',
        code: "'one two', 'three' | Measure-Object -Line -Word -Character",
        output: '\nLines Words Characters Property\n----- ----- ---------- --------\n    2     3         12',
      },
    ],
  },
  begin(ctx) {
    const keys = parseKeys(ctx.params.Property, false);
    states.set(ctx, { keys, stats: keys.length === 0 ? [newStatistics('')] : [], count: 0 });
  },
  async process(ctx) {
    if (!ctx.boundParameters.has('InputObject') && ctx.input === undefined) return;
    const state = stateOf(ctx);
    const p = ctx.params;
    const value = p.InputObject;
    if (state.keys.length === 0) {
      addValue(state.stats[0]!, value, p, ctx);
      return;
    }
    for (const key of state.keys) {
      const measured: [string, unknown][] = [];
      if (typeof key.expression === 'string') {
        const pattern = key.expression;
        const names = propertyNames(value).filter((n) => (hasWildcard(pattern) ? matchWildcard(n, pattern) : n.toLowerCase() === pattern.toLowerCase()));
        for (const name of names) measured.push([name, readNamed(value, name).value]);
        if (names.length === 0 && !hasWildcard(pattern)) {
          const found = readNamed(value, pattern);
          if (found.exists) measured.push([pattern, found.value]);
        }
      } else {
        const found = await evaluateKey(key, value, ctx);
        measured.push([keyText(key), found.value]);
      }
      for (const [name, v] of measured) {
        let s = state.stats.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!s) {
          s = newStatistics(name);
          state.stats.push(s);
        }
        s.pattern = keyText(key);
        addValue(s, v, p, ctx);
      }
    }
  },
  async end(ctx) {
    const state = stateOf(ctx);
    const p = ctx.params;
    const text = ctx.parameterSetName === 'TextMeasure';
    if (state.keys.length === 0) {
      const s = state.stats[0]!;
      await ctx.write(text ? textInfo(s, p, null) : genericInfo(s, p, null));
      return;
    }
    for (const key of state.keys) {
      const name = keyText(key);
      const found = state.stats.filter((x) => x.pattern === name);
      for (const s of found) await ctx.write(text ? textInfo(s, p, s.name) : genericInfo(s, p, s.name));
      if (found.length === 0) {
        ctx.writeError(
          errorRecord(`The property "${name}" cannot be found in the input for any objects.`, 'GenericMeasurePropertyNotFound', 'InvalidArgument', {
            typeName: 'System.Management.Automation.PSArgumentException',
            targetObject: name,
          }),
        );
      }
    }
  },
});
