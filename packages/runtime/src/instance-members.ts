/**
 * The instance members of the .NET types dpmsh models: [string], numbers, [char], [bool],
 * [datetime], [timespan], arrays, ArrayList and List[T], [hashtable] and [ordered], type objects,
 * enum values, script blocks, [regex], [version], [guid], [securestring], [switch], error records
 * and exceptions, and Encoding objects. Each type is a member table (see member-support.ts).
 */
import {
  PSChar,
  PSDateTime,
  PSEnumValue,
  PSGuid,
  PSHashtable,
  PSList,
  PSNumber,
  PSObject,
  PSRegex,
  PSSecureString,
  PSSwitch,
  PSTimeSpan,
  PSTypeLiteral,
  PSVersion,
  TICKS_PER_MS,
  isScriptBlock,
  makeNumber,
  numericType,
} from './values.js';
import type { Numeric, NumericType, ScriptBlock } from './values.js';
import { ErrorRecord, PSException } from './errors.js';
import type { InvocationInfo } from './errors.js';
import {
  addMilliseconds,
  addMonths,
  addTimeSpan,
  compareDateTime,
  dateFields,
  dateKindValue,
  dateOnly,
  dateTicks,
  dayOfWeekValue,
  formatDateTime,
  formatTimeSpan,
  localOffsetMs,
  subtractDates,
  timeOfDay,
  timeSpanParts,
  toFileTime,
  toLocalTime,
  toUniversalTime,
  TICKS_PER_DAY,
  TICKS_PER_HOUR,
  TICKS_PER_MINUTE,
  TICKS_PER_SECOND,
} from './datetime.js';
import { formatNumeric } from './dotnet-format.js';
import { compareNumeric, numericEquals } from './numeric.js';
import {
  argumentException,
  argumentOutOfRange,
  dotnetEquals,
  dotnetException,
  memberTable,
} from './member-support.js';
import type { MemberTable, MethodArgs, MemberContext } from './member-support.js';
import type { DotNetRegex } from './dotnet-regex.js';
import { compileRegex, regexIsMatch, regexMatch, regexMatches, regexOptionsValue, regexReplace, regexSplit } from './dotnet-regex.js';
import { convertTo } from './convert.js';
import { resolveType, typeOf } from './types.js';
import type { TypeInfo } from './types.js';
import { toText } from './text.js';

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

/** The full .NET type name of a value, as GetType() reports it (errors and exceptions included). */
export function typeNameOf(value: unknown): string {
  if (value instanceof ErrorRecord) return 'System.Management.Automation.ErrorRecord';
  if (value instanceof PSException) return value.typeName;
  if (value instanceof Error) return 'System.Exception';
  if (value instanceof EncodingObject) return value.typeName;
  return typeOf(value).fullName;
}

/** What `$value.ToString()` returns: .NET's ToString() (not PowerShell's string conversion: `@(1,2).ToString()` is 'System.Object[]'). */
export function toStringMethod(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number' || value instanceof PSNumber) return formatNumeric(value);
  if (value instanceof PSDateTime) return formatDateTime(value);
  if (value instanceof PSTimeSpan) return formatTimeSpan(value);
  if (value instanceof PSObject) {
    if (value.toDotNetString) return value.toDotNetString();
    return value.baseObject !== undefined && value.baseObject !== null ? toStringMethod(value.baseObject) : '';
  }
  if (isScriptBlock(value)) return value.text;
  if (value instanceof ErrorRecord) return value.message;
  if (value instanceof PSException) return `${value.typeName}: ${value.message}`;
  if (value instanceof Error) return `System.Exception: ${value.message}`;
  if (
    value instanceof PSChar ||
    value instanceof PSEnumValue ||
    value instanceof PSSecureString ||
    value instanceof PSSwitch ||
    value instanceof PSRegex ||
    value instanceof PSVersion ||
    value instanceof PSGuid ||
    value instanceof PSTypeLiteral
  ) {
    return value.toString();
  }
  const registered = registeredTables.find((r) => r.isInstance(value));
  if (registered) return registered.text(value as never);
  return typeNameOf(value);
}

/** GetType(): the value's type as a type object. */
export function getTypeObject(value: unknown): PSTypeLiteral {
  return new PSTypeLiteral(typeNameOf(value));
}

function hashString(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

const typeCode = (name: string, value: number): PSEnumValue => new PSEnumValue('System.TypeCode', name, value);

/** Culture-aware comparison as .NET's default string comparer does on ICU (lower case before upper). */
const CULTURE = new Intl.Collator('en-US', { sensitivity: 'variant' });
const CULTURE_IGNORE_CASE = new Intl.Collator('en-US', { sensitivity: 'accent' });

/** String.Compare with the current culture; -1, 0 or 1. */
export function cultureCompare(a: string, b: string, ignoreCase = false): number {
  return Math.sign((ignoreCase ? CULTURE_IGNORE_CASE : CULTURE).compare(a, b));
}

/** Comparer.Default: the order List.Sort and [array]::Sort use. */
export function defaultCompare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'string' && typeof b === 'string') return cultureCompare(a, b);
  if (a instanceof PSDateTime && b instanceof PSDateTime) return compareDateTime(a, b);
  if (a instanceof PSTimeSpan && b instanceof PSTimeSpan) return Math.sign(a.ticks - b.ticks);
  if (a instanceof PSVersion && b instanceof PSVersion) return compareVersions(a, b);
  const x = Number(a instanceof PSChar ? a.code : a);
  const y = Number(b instanceof PSChar ? b.code : b);
  if (!Number.isNaN(x) && !Number.isNaN(y)) return Math.sign(x - y);
  return cultureCompare(toStringMethod(a), toStringMethod(b));
}

function compareVersions(a: PSVersion, b: PSVersion): number {
  const pa = [a.major, a.minor, a.build, a.revision];
  const pb = [b.major, b.minor, b.build, b.revision];
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  return 0;
}

/** The members every object has: Equals, GetHashCode, GetType, ToString. */
export const OBJECT_MEMBERS: MemberTable<unknown> = memberTable<unknown>({
  methods: {
    Equals: { overloads: ['bool Equals(System.Object obj)'], invoke: (self, a) => dotnetEquals(self, a.at(0)) },
    GetHashCode: { overloads: ['int GetHashCode()'], invoke: (self) => hashString(toStringMethod(self)) },
    GetType: { overloads: ['type GetType()'], invoke: (self) => getTypeObject(self) },
    ToString: { overloads: ['string ToString()'], invoke: (self) => toStringMethod(self) },
  },
});

// ---------------------------------------------------------------------------------------------
// [string]
// ---------------------------------------------------------------------------------------------

/** .NET's char.IsWhiteSpace set. */
export const DOTNET_WHITESPACE = '\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

/** Characters from a char, a string or a list of either (a char[] argument). */
function charsOf(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (value instanceof PSChar) return [value.toString()];
  if (Array.isArray(value)) return value.flatMap(charsOf);
  return [...toText(value)];
}

function trimChars(s: string, chars: string[], start: boolean, end: boolean): string {
  const set = chars.length ? chars : [...DOTNET_WHITESPACE];
  let i = 0;
  let j = s.length;
  if (start) while (i < j && set.includes(s[i]!)) i++;
  if (end) while (j > i && set.includes(s[j - 1]!)) j--;
  return s.slice(i, j);
}

function trimArgs(a: MethodArgs): string[] {
  return a.values.flatMap(charsOf);
}

/** [System.StringSplitOptions] as flags: RemoveEmptyEntries 1, TrimEntries 2. */
function splitOptions(value: unknown): { removeEmpty: boolean; trim: boolean } | undefined {
  let n: number | undefined;
  if (value instanceof PSEnumValue && value.typeName === 'System.StringSplitOptions') n = value.value;
  else if (typeof value === 'string') {
    const names = value.split(',').map((x) => x.trim().toLowerCase());
    if (!names.every((x) => ['none', 'removeemptyentries', 'trimentries'].includes(x))) return undefined;
    n = (names.includes('removeemptyentries') ? 1 : 0) | (names.includes('trimentries') ? 2 : 0);
  }
  return n === undefined ? undefined : { removeEmpty: (n & 1) !== 0, trim: (n & 2) !== 0 };
}

function splitString(s: string, separators: string[], count: number, options: { removeEmpty: boolean; trim: boolean }): string[] {
  if (count === 0) return [];
  const finish = (piece: string): string => (options.trim ? trimChars(piece, [], true, true) : piece);
  const out: string[] = [];
  if (separators.length === 0) separators = [...DOTNET_WHITESPACE];
  let start = 0;
  let i = 0;
  while (i <= s.length && out.length < count - 1) {
    const sep = i < s.length ? separators.find((x) => x !== '' && s.startsWith(x, i)) : undefined;
    if (sep === undefined) {
      i++;
      continue;
    }
    const piece = finish(s.slice(start, i));
    if (!(options.removeEmpty && piece === '')) out.push(piece);
    i += sep.length;
    start = i;
  }
  const rest = finish(s.slice(start));
  if (!(options.removeEmpty && rest === '')) out.push(rest);
  return out;
}

function splitMethod(s: string, a: MethodArgs): string[] {
  const first = a.at(0);
  let separators: string[];
  const rest = a.values.slice(1);
  if (a.length === 0 || first === null) separators = [];
  else if (first instanceof PSChar) separators = [first.toString()];
  else if (Array.isArray(first)) {
    const opts = rest.length ? splitOptions(rest[rest.length - 1]) : undefined;
    if (first.every((x) => x instanceof PSChar)) separators = first.map((x) => String(x));
    else if (opts) separators = first.map((x) => toText(x));
    // PowerShell 7 binds a lone string array to Split(string separator): the array joined by spaces.
    else separators = [toText(first)];
  } else {
    // A string binds to Split(string separator, ...) in PowerShell 7 (one separator, not its characters).
    const text = toText(first);
    if (text === '') return [s];
    separators = [text];
  }
  let count = Number.MAX_SAFE_INTEGER;
  let options = { removeEmpty: false, trim: false };
  for (const arg of rest) {
    const opts = splitOptions(arg);
    if (opts) options = opts;
    else {
      count = Number(convertTo(arg, 'System.Int32'));
      if (count < 0) throw argumentOutOfRange('count', 'Count cannot be less than zero.');
    }
  }
  return splitString(s, separators, count, options);
}

function checkStart(s: string, start: number, param = 'startIndex'): void {
  if (start < 0 || start > s.length) throw argumentOutOfRange(param, 'Index was out of range. Must be non-negative and less than the size of the collection.');
}

function indexOfMethod(s: string, a: MethodArgs, last: boolean): number {
  const needle = a.at(0) instanceof PSChar ? a.char(0) : a.string(0);
  let ignoreCase = false;
  let start = last ? s.length - 1 : 0;
  let count: number | undefined;
  const rest = a.values.slice(1);
  if (rest.length && (rest[rest.length - 1] instanceof PSEnumValue || (typeof rest[rest.length - 1] === 'string' && isNaN(Number(rest[rest.length - 1]))))) {
    ignoreCase = a.ignoreCase(a.length - 1);
    rest.pop();
  }
  if (rest.length >= 1) start = a.int(1);
  if (rest.length >= 2) count = a.int(2);
  const hay = ignoreCase ? s.toLowerCase() : s;
  const pin = ignoreCase ? needle.toLowerCase() : needle;
  if (!last) {
    checkStart(s, start);
    const end = count === undefined ? s.length : start + count;
    if (count !== undefined && (count < 0 || end > s.length)) throw argumentOutOfRange('count', 'Count must be positive and count must refer to a location within the string/array/collection.');
    const at = hay.indexOf(pin, start);
    return at >= 0 && at + pin.length <= end ? at : -1;
  }
  if (s.length === 0) return pin === '' ? 0 : -1;
  if (start < 0 || start >= s.length) throw argumentOutOfRange('startIndex', 'Index was out of range. Must be non-negative and less than the size of the collection.');
  const low = count === undefined ? 0 : start - count + 1;
  const at = hay.lastIndexOf(pin, start - pin.length + 1);
  return at >= low ? at : -1;
}

function indexOfAnyMethod(s: string, a: MethodArgs, last: boolean): number {
  const chars = charsOf(a.at(0));
  if (!last) {
    const start = a.length > 1 ? a.int(1) : 0;
    checkStart(s, start);
    const end = a.length > 2 ? start + a.int(2) : s.length;
    for (let i = start; i < end; i++) if (chars.includes(s[i]!)) return i;
    return -1;
  }
  const start = a.length > 1 ? a.int(1) : s.length - 1;
  const low = a.length > 2 ? start - a.int(2) + 1 : 0;
  for (let i = start; i >= low; i--) if (chars.includes(s[i]!)) return i;
  return -1;
}

function compareCased(a: string, b: string, ignoreCase: boolean): boolean {
  return ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** Does argument i (and any StringComparison/ignoreCase after it) ask to ignore case? */
function caseArg(a: MethodArgs, from: number): boolean {
  return a.length > from ? a.ignoreCase(from) : false;
}

function padMethod(s: string, a: MethodArgs, left: boolean): string {
  const width = a.int(0);
  if (width < 0) throw argumentOutOfRange('totalWidth', 'Non-negative number required.');
  const ch = a.length > 1 ? a.char(1) : ' ';
  return left ? s.padStart(width, ch) : s.padEnd(width, ch);
}

function replaceMethod(s: string, a: MethodArgs): string {
  if (a.at(0) instanceof PSChar) return s.split(a.char(0)).join(a.char(1));
  const oldValue = a.nullableString(0);
  if (oldValue === null) throw dotnetException('System.ArgumentNullException', "Value cannot be null. (Parameter 'oldValue')");
  if (oldValue === '') throw argumentException('String cannot be of zero length.', 'oldValue');
  const newValue = a.nullableString(1) ?? '';
  const ignoreCase = a.length > 2 ? a.ignoreCase(2) : false;
  if (!ignoreCase) return s.split(oldValue).join(newValue);
  let out = '';
  const hay = s.toLowerCase();
  const pin = oldValue.toLowerCase();
  let last = 0;
  for (let at = hay.indexOf(pin); at >= 0; at = hay.indexOf(pin, last)) {
    out += s.slice(last, at) + newValue;
    last = at + pin.length;
  }
  return out + s.slice(last);
}

const NORMALIZATION_FORMS = ['FormC', 'FormD', 'FormKC', 'FormKD'] as const;
function normalizationForm(a: MethodArgs): 'NFC' | 'NFD' | 'NFKC' | 'NFKD' {
  if (a.length === 0) return 'NFC';
  const raw = a.at(0);
  let name: string;
  if (raw instanceof PSEnumValue) name = raw.name.toLowerCase();
  else if (typeof raw === 'string') name = raw.toLowerCase();
  else {
    const n = Number(raw);
    name = ({ 1: 'formc', 2: 'formd', 5: 'formkc', 6: 'formkd' } as Record<number, string>)[n] ?? '';
  }
  const hit = NORMALIZATION_FORMS.find((f) => f.toLowerCase() === name);
  if (!hit) throw argumentException('Invalid normalization form.', 'normalizationForm');
  return `NF${hit.slice(4)}` as 'NFC';
}

/** The members of [string]. */
export const STRING_MEMBERS: MemberTable<string> = memberTable<string>(
  {
    properties: { Length: { type: 'int', get: (s) => s.length } },
    methods: {
      Chars: {
        overloads: ['char Chars(int index)'],
        invoke: (s, a) => {
          const i = a.int(0);
          if (i < 0 || i >= s.length) throw dotnetException('System.IndexOutOfRangeException', 'Index was outside the bounds of the array.');
          return new PSChar(s.charCodeAt(i));
        },
      },
      Clone: { overloads: ['System.Object Clone()'], invoke: (s) => s },
      CompareTo: {
        overloads: ['int CompareTo(System.Object value)', 'int CompareTo(string strB)'],
        invoke: (s, a) => (a.at(0) === null ? 1 : cultureCompare(s, a.string(0))),
      },
      Contains: {
        overloads: [
          'bool Contains(string value)',
          'bool Contains(string value, System.StringComparison comparisonType)',
          'bool Contains(char value)',
          'bool Contains(char value, System.StringComparison comparisonType)',
        ],
        invoke: (s, a) => {
          const v = a.at(0) instanceof PSChar ? a.char(0) : a.string(0);
          return caseArg(a, 1) ? s.toLowerCase().includes(v.toLowerCase()) : s.includes(v);
        },
      },
      EndsWith: {
        overloads: [
          'bool EndsWith(string value)',
          'bool EndsWith(string value, System.StringComparison comparisonType)',
          'bool EndsWith(string value, bool ignoreCase, cultureinfo culture)',
          'bool EndsWith(char value)',
        ],
        invoke: (s, a) => {
          const v = a.at(0) instanceof PSChar ? a.char(0) : a.string(0);
          return caseArg(a, 1) ? s.toLowerCase().endsWith(v.toLowerCase()) : s.endsWith(v);
        },
      },
      Equals: {
        overloads: ['bool Equals(System.Object obj)', 'bool Equals(string value)', 'bool Equals(string value, System.StringComparison comparisonType)'],
        invoke: (s, a) => {
          const other = a.at(0);
          if (a.length === 1) return typeof other === 'string' && other === s;
          return other !== null && compareCased(s, a.string(0), a.ignoreCase(1));
        },
      },
      GetTypeCode: { overloads: ['System.TypeCode GetTypeCode()'], invoke: () => typeCode('String', 18) },
      IndexOf: {
        overloads: [
          'int IndexOf(char value)',
          'int IndexOf(char value, int startIndex)',
          'int IndexOf(char value, System.StringComparison comparisonType)',
          'int IndexOf(char value, int startIndex, int count)',
          'int IndexOf(string value)',
          'int IndexOf(string value, int startIndex)',
          'int IndexOf(string value, int startIndex, int count)',
          'int IndexOf(string value, System.StringComparison comparisonType)',
          'int IndexOf(string value, int startIndex, System.StringComparison comparisonType)',
          'int IndexOf(string value, int startIndex, int count, System.StringComparison comparisonType)',
        ],
        invoke: (s, a) => indexOfMethod(s, a, false),
      },
      IndexOfAny: {
        overloads: ['int IndexOfAny(char[] anyOf)', 'int IndexOfAny(char[] anyOf, int startIndex)', 'int IndexOfAny(char[] anyOf, int startIndex, int count)'],
        invoke: (s, a) => indexOfAnyMethod(s, a, false),
      },
      Insert: {
        overloads: ['string Insert(int startIndex, string value)'],
        invoke: (s, a) => {
          const i = a.int(0);
          if (i < 0 || i > s.length) throw argumentOutOfRange('startIndex');
          return s.slice(0, i) + a.string(1) + s.slice(i);
        },
      },
      IsNormalized: {
        overloads: ['bool IsNormalized()', 'bool IsNormalized(System.Text.NormalizationForm normalizationForm)'],
        invoke: (s, a) => s.normalize(normalizationForm(a)) === s,
      },
      LastIndexOf: {
        overloads: [
          'int LastIndexOf(char value)',
          'int LastIndexOf(char value, int startIndex)',
          'int LastIndexOf(char value, int startIndex, int count)',
          'int LastIndexOf(string value)',
          'int LastIndexOf(string value, int startIndex)',
          'int LastIndexOf(string value, int startIndex, int count)',
          'int LastIndexOf(string value, System.StringComparison comparisonType)',
          'int LastIndexOf(string value, int startIndex, System.StringComparison comparisonType)',
          'int LastIndexOf(string value, int startIndex, int count, System.StringComparison comparisonType)',
        ],
        invoke: (s, a) => indexOfMethod(s, a, true),
      },
      LastIndexOfAny: {
        overloads: ['int LastIndexOfAny(char[] anyOf)', 'int LastIndexOfAny(char[] anyOf, int startIndex)', 'int LastIndexOfAny(char[] anyOf, int startIndex, int count)'],
        invoke: (s, a) => indexOfAnyMethod(s, a, true),
      },
      Normalize: {
        overloads: ['string Normalize()', 'string Normalize(System.Text.NormalizationForm normalizationForm)'],
        invoke: (s, a) => s.normalize(normalizationForm(a)),
      },
      PadLeft: { overloads: ['string PadLeft(int totalWidth)', 'string PadLeft(int totalWidth, char paddingChar)'], invoke: (s, a) => padMethod(s, a, true) },
      PadRight: { overloads: ['string PadRight(int totalWidth)', 'string PadRight(int totalWidth, char paddingChar)'], invoke: (s, a) => padMethod(s, a, false) },
      Remove: {
        overloads: ['string Remove(int startIndex, int count)', 'string Remove(int startIndex)'],
        invoke: (s, a) => {
          const start = a.int(0);
          if (a.length === 1) {
            if (start < 0) throw argumentOutOfRange('startIndex', 'StartIndex cannot be less than zero.');
            if (start >= s.length) throw argumentOutOfRange('startIndex', 'startIndex must be less than length of string.');
            return s.slice(0, start);
          }
          const count = a.int(1);
          if (start < 0) throw argumentOutOfRange('startIndex', 'StartIndex cannot be less than zero.');
          if (count < 0) throw argumentOutOfRange('count', 'Count cannot be less than zero.');
          if (start + count > s.length) throw argumentOutOfRange('count', 'Index and count must refer to a location within the string.');
          return s.slice(0, start) + s.slice(start + count);
        },
      },
      Replace: {
        overloads: [
          'string Replace(string oldValue, string newValue)',
          'string Replace(char oldChar, char newChar)',
          'string Replace(string oldValue, string newValue, bool ignoreCase, cultureinfo culture)',
          'string Replace(string oldValue, string newValue, System.StringComparison comparisonType)',
        ],
        invoke: replaceMethod,
      },
      Split: {
        overloads: [
          'string[] Split(char separator, System.StringSplitOptions options = System.StringSplitOptions.None)',
          'string[] Split(char separator, int count, System.StringSplitOptions options = System.StringSplitOptions.None)',
          'string[] Split(Params char[] separator)',
          'string[] Split(char[] separator, int count)',
          'string[] Split(char[] separator, System.StringSplitOptions options)',
          'string[] Split(char[] separator, int count, System.StringSplitOptions options)',
          'string[] Split(string separator, System.StringSplitOptions options = System.StringSplitOptions.None)',
          'string[] Split(string separator, int count, System.StringSplitOptions options = System.StringSplitOptions.None)',
          'string[] Split(string[] separator, System.StringSplitOptions options)',
          'string[] Split(string[] separator, int count, System.StringSplitOptions options)',
        ],
        invoke: splitMethod,
      },
      StartsWith: {
        overloads: [
          'bool StartsWith(string value)',
          'bool StartsWith(string value, System.StringComparison comparisonType)',
          'bool StartsWith(string value, bool ignoreCase, cultureinfo culture)',
          'bool StartsWith(char value)',
        ],
        invoke: (s, a) => {
          const v = a.at(0) instanceof PSChar ? a.char(0) : a.string(0);
          return caseArg(a, 1) ? s.toLowerCase().startsWith(v.toLowerCase()) : s.startsWith(v);
        },
      },
      Substring: {
        overloads: ['string Substring(int startIndex)', 'string Substring(int startIndex, int length)'],
        invoke: (s, a) => {
          const start = a.int(0);
          if (start < 0) throw argumentOutOfRange('startIndex', 'StartIndex cannot be less than zero.');
          if (a.length === 1) {
            if (start > s.length) throw argumentOutOfRange('startIndex', 'startIndex cannot be larger than length of string.');
            return s.slice(start);
          }
          const length = a.int(1);
          if (length < 0) throw argumentOutOfRange('length', 'Length cannot be less than zero.');
          if (start + length > s.length) throw argumentOutOfRange('length', 'Index and length must refer to a location within the string.');
          return s.slice(start, start + length);
        },
      },
      ToCharArray: {
        overloads: ['char[] ToCharArray()', 'char[] ToCharArray(int startIndex, int length)'],
        invoke: (s, a) => {
          const start = a.length ? a.int(0) : 0;
          const length = a.length ? a.int(1) : s.length;
          if (start < 0 || length < 0 || start + length > s.length) throw argumentOutOfRange('startIndex', 'Index was out of range. Must be non-negative and less than the size of the collection.');
          return Array.from({ length }, (_, i) => new PSChar(s.charCodeAt(start + i)));
        },
      },
      ToLower: { overloads: ['string ToLower()', 'string ToLower(cultureinfo culture)'], invoke: (s) => s.toLowerCase() },
      ToLowerInvariant: { overloads: ['string ToLowerInvariant()'], invoke: (s) => s.toLowerCase() },
      ToString: { overloads: ['string ToString()', 'string ToString(System.IFormatProvider provider)'], invoke: (s) => s },
      ToUpper: { overloads: ['string ToUpper()', 'string ToUpper(cultureinfo culture)'], invoke: (s) => s.toUpperCase() },
      ToUpperInvariant: { overloads: ['string ToUpperInvariant()'], invoke: (s) => s.toUpperCase() },
      Trim: {
        overloads: ['string Trim()', 'string Trim(char trimChar)', 'string Trim(Params char[] trimChars)'],
        invoke: (s, a) => trimChars(s, trimArgs(a), true, true),
      },
      TrimEnd: {
        overloads: ['string TrimEnd()', 'string TrimEnd(char trimChar)', 'string TrimEnd(Params char[] trimChars)'],
        invoke: (s, a) => trimChars(s, trimArgs(a), false, true),
      },
      TrimStart: {
        overloads: ['string TrimStart()', 'string TrimStart(char trimChar)', 'string TrimStart(Params char[] trimChars)'],
        invoke: (s, a) => trimChars(s, trimArgs(a), true, false),
      },
    },
  },
  OBJECT_MEMBERS,
);

// ---------------------------------------------------------------------------------------------
// Numbers, [char], [bool]
// ---------------------------------------------------------------------------------------------

const SHORT_NUMERIC: Record<NumericType, string> = {
  Byte: 'byte',
  SByte: 'sbyte',
  Int16: 'short',
  UInt16: 'ushort',
  Int32: 'int',
  UInt32: 'uint',
  Int64: 'long',
  UInt64: 'ulong',
  Single: 'float',
  Double: 'double',
  Decimal: 'decimal',
};
const TYPE_CODES: Record<NumericType, number> = {
  SByte: 5,
  Byte: 6,
  Int16: 7,
  UInt16: 8,
  Int32: 9,
  UInt32: 10,
  Int64: 11,
  UInt64: 12,
  Single: 13,
  Double: 14,
  Decimal: 15,
};

/** A format argument, ignoring an IFormatProvider (dpmsh formats in en-US). */
function formatArg(a: MethodArgs): string | undefined {
  const v = a.at(0);
  if (a.length === 0 || v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  return a.length === 1 ? undefined : a.string(0);
}

const numberTables = new Map<NumericType, MemberTable<Numeric>>();

/** The members of a numeric type. */
export function numberMembers(type: NumericType): MemberTable<Numeric> {
  let table = numberTables.get(type);
  if (table) return table;
  const t = SHORT_NUMERIC[type];
  table = memberTable<Numeric>(
    {
      methods: {
        CompareTo: {
          overloads: [`int CompareTo(System.Object value)`, `int CompareTo(${t} value)`],
          invoke: (n, a) => {
            const other = a.at(0);
            if (other === null) return 1;
            return compareNumeric(n, a.to(0, `System.${type}`) as Numeric);
          },
        },
        Equals: {
          overloads: [`bool Equals(System.Object obj)`, `bool Equals(${t} obj)`],
          invoke: (n, a) => {
            const other = a.at(0);
            if (typeof other === 'number' || other instanceof PSNumber) return numericEquals(other, n) && (numericType(other) === type || typeof other === 'number');
            return false;
          },
        },
        GetTypeCode: { overloads: ['System.TypeCode GetTypeCode()'], invoke: () => typeCode(type, TYPE_CODES[type]) },
        ToString: {
          overloads: ['string ToString()', 'string ToString(string format)', 'string ToString(System.IFormatProvider provider)', 'string ToString(string format, System.IFormatProvider provider)'],
          invoke: (n, a) => formatNumeric(n, formatArg(a)),
        },
      },
    },
    OBJECT_MEMBERS,
  );
  numberTables.set(type, table);
  return table;
}

/** The members of [char]. */
export const CHAR_MEMBERS: MemberTable<PSChar> = memberTable<PSChar>(
  {
    methods: {
      CompareTo: {
        overloads: ['int CompareTo(System.Object value)', 'int CompareTo(char value)'],
        invoke: (c, a) => (a.at(0) === null ? 1 : Math.sign(c.code - a.char(0).charCodeAt(0))),
      },
      Equals: {
        overloads: ['bool Equals(System.Object obj)', 'bool Equals(char obj)'],
        invoke: (c, a) => a.at(0) instanceof PSChar && (a.at(0) as PSChar).code === c.code,
      },
      GetTypeCode: { overloads: ['System.TypeCode GetTypeCode()'], invoke: () => typeCode('Char', 4) },
      ToString: { overloads: ['string ToString()', 'string ToString(System.IFormatProvider provider)'], invoke: (c) => c.toString() },
    },
  },
  OBJECT_MEMBERS,
);

/** The members of [bool]. */
export const BOOL_MEMBERS: MemberTable<boolean> = memberTable<boolean>(
  {
    methods: {
      CompareTo: {
        overloads: ['int CompareTo(System.Object obj)', 'int CompareTo(bool value)'],
        invoke: (b, a) => (a.at(0) === null ? 1 : Number(b) - Number(a.bool(0))),
      },
      Equals: { overloads: ['bool Equals(System.Object obj)', 'bool Equals(bool obj)'], invoke: (b, a) => a.at(0) === b },
      GetTypeCode: { overloads: ['System.TypeCode GetTypeCode()'], invoke: () => typeCode('Boolean', 3) },
      ToString: { overloads: ['string ToString()', 'string ToString(System.IFormatProvider provider)'], invoke: (b) => (b ? 'True' : 'False') },
    },
  },
  OBJECT_MEMBERS,
);

// ---------------------------------------------------------------------------------------------
// [datetime] and [timespan]
// ---------------------------------------------------------------------------------------------

const addUnit =
  (msPerUnit: number) =>
  (d: PSDateTime, a: MethodArgs): PSDateTime => {
    const value = a.double(0);
    // .NET rounds the added amount to whole milliseconds for every AddX but AddTicks.
    return addMilliseconds(d, Math.round(value * msPerUnit));
  };

/** The members of [datetime]. */
export const DATETIME_MEMBERS: MemberTable<PSDateTime> = memberTable<PSDateTime>(
  {
    properties: {
      Date: { type: 'datetime', get: (d) => dateOnly(d) },
      Day: { type: 'int', get: (d) => dateFields(d).day },
      DayOfWeek: { type: 'System.DayOfWeek', get: (d) => dayOfWeekValue(d) },
      DayOfYear: { type: 'int', get: (d) => dateFields(d).dayOfYear },
      Hour: { type: 'int', get: (d) => dateFields(d).hour },
      Kind: { type: 'System.DateTimeKind', get: (d) => dateKindValue(d) },
      Millisecond: { type: 'int', get: (d) => dateFields(d).millisecond },
      Microsecond: { type: 'int', get: (d) => Math.floor((dateFields(d).fractionTicks % 10_000) / 10) },
      Minute: { type: 'int', get: (d) => dateFields(d).minute },
      Month: { type: 'int', get: (d) => dateFields(d).month },
      Second: { type: 'int', get: (d) => dateFields(d).second },
      Ticks: { type: 'long', get: (d) => dateTicks(d) },
      TimeOfDay: { type: 'timespan', get: (d) => timeOfDay(d) },
      Year: { type: 'int', get: (d) => dateFields(d).year },
      // PowerShell's type data adds DateTime: the long date and long time.
      DateTime: { type: 'System.Object', kind: 'ScriptProperty', get: (d) => formatDateTime(d, 'F') },
    },
    methods: {
      Add: { overloads: ['datetime Add(timespan value)'], invoke: (d, a) => addTimeSpan(d, a.to(0, 'timespan') as PSTimeSpan) },
      AddDays: { overloads: ['datetime AddDays(double value)'], invoke: addUnit(86_400_000) },
      AddHours: { overloads: ['datetime AddHours(double value)'], invoke: addUnit(3_600_000) },
      AddMilliseconds: { overloads: ['datetime AddMilliseconds(double value)'], invoke: (d, a) => addMilliseconds(d, a.double(0)) },
      AddMinutes: { overloads: ['datetime AddMinutes(double value)'], invoke: addUnit(60_000) },
      AddMonths: { overloads: ['datetime AddMonths(int months)'], invoke: (d, a) => addMonths(d, a.int(0)) },
      AddSeconds: { overloads: ['datetime AddSeconds(double value)'], invoke: addUnit(1000) },
      AddTicks: { overloads: ['datetime AddTicks(long value)'], invoke: (d, a) => addMilliseconds(d, a.long(0) / TICKS_PER_MS) },
      AddYears: {
        overloads: ['datetime AddYears(int value)'],
        invoke: (d, a) => {
          const years = a.int(0);
          if (Math.abs(years) > 10_000) throw argumentOutOfRange('years', 'Years value must be between +/-10000.');
          return addMonths(d, years * 12);
        },
      },
      CompareTo: {
        overloads: ['int CompareTo(System.Object value)', 'int CompareTo(datetime value)'],
        invoke: (d, a) => (a.at(0) === null ? 1 : compareDateTime(d, a.to(0, 'datetime') as PSDateTime)),
      },
      Equals: {
        overloads: ['bool Equals(datetime value)', 'bool Equals(System.Object value)'],
        invoke: (d, a) => a.at(0) instanceof PSDateTime && compareDateTime(d, a.at(0) as PSDateTime) === 0,
      },
      GetTypeCode: { overloads: ['System.TypeCode GetTypeCode()'], invoke: () => typeCode('DateTime', 16) },
      IsDaylightSavingTime: {
        overloads: ['bool IsDaylightSavingTime()'],
        invoke: (d) => {
          if (d.kind === 'Utc') return false;
          const year = dateFields(d).year;
          const jan = localOffsetMs(Date.UTC(year, 0, 1));
          const jul = localOffsetMs(Date.UTC(year, 6, 1));
          return jan !== jul && localOffsetMs(d.ms) === Math.max(jan, jul);
        },
      },
      Subtract: {
        overloads: ['timespan Subtract(datetime value)', 'datetime Subtract(timespan value)'],
        invoke: (d, a) => {
          const v = a.at(0);
          if (v instanceof PSTimeSpan) return addTimeSpan(d, new PSTimeSpan(-v.ticks));
          return subtractDates(d, a.to(0, 'datetime') as PSDateTime);
        },
      },
      ToFileTime: { overloads: ['long ToFileTime()'], invoke: (d) => toFileTime(d) },
      ToFileTimeUtc: { overloads: ['long ToFileTimeUtc()'], invoke: (d) => toFileTime(d) },
      ToLocalTime: { overloads: ['datetime ToLocalTime()'], invoke: (d) => toLocalTime(d) },
      ToLongDateString: { overloads: ['string ToLongDateString()'], invoke: (d) => formatDateTime(d, 'D') },
      ToLongTimeString: { overloads: ['string ToLongTimeString()'], invoke: (d) => formatDateTime(d, 'T') },
      ToOADate: {
        overloads: ['double ToOADate()'],
        invoke: (d) => {
          // OLE dates before 1899-12-30 keep a positive time of day after a negative day number.
          let ms = (dateTicks(d) - 599_264_352_000_000_000) / TICKS_PER_MS;
          if (ms < 0) {
            const frac = ms % 86_400_000;
            if (frac !== 0) ms -= (86_400_000 + frac) * 2;
          }
          return makeNumber('Double', ms / 86_400_000);
        },
      },
      ToShortDateString: { overloads: ['string ToShortDateString()'], invoke: (d) => formatDateTime(d, 'd') },
      ToShortTimeString: { overloads: ['string ToShortTimeString()'], invoke: (d) => formatDateTime(d, 't') },
      ToString: {
        overloads: ['string ToString()', 'string ToString(string format)', 'string ToString(System.IFormatProvider provider)', 'string ToString(string format, System.IFormatProvider provider)'],
        invoke: (d, a) => formatDateTime(d, formatArg(a)),
      },
      ToUniversalTime: { overloads: ['datetime ToUniversalTime()'], invoke: (d) => toUniversalTime(d) },
    },
  },
  OBJECT_MEMBERS,
);

const tsDouble = (n: number): Numeric => makeNumber('Double', n);

/** The members of [timespan]. */
export const TIMESPAN_MEMBERS: MemberTable<PSTimeSpan> = memberTable<PSTimeSpan>(
  {
    properties: {
      Days: { type: 'int', get: (t) => timeSpanParts(t).days },
      Hours: { type: 'int', get: (t) => timeSpanParts(t).hours },
      Milliseconds: { type: 'int', get: (t) => timeSpanParts(t).milliseconds },
      Microseconds: { type: 'int', get: (t) => (Math.sign(t.ticks) * Math.floor((Math.abs(timeSpanParts(t).fractionTicks) % 10_000) / 10)) || 0 },
      Minutes: { type: 'int', get: (t) => timeSpanParts(t).minutes },
      Seconds: { type: 'int', get: (t) => timeSpanParts(t).seconds },
      Ticks: { type: 'long', get: (t) => t.ticks },
      TotalDays: { type: 'double', get: (t) => tsDouble(t.ticks / TICKS_PER_DAY) },
      TotalHours: { type: 'double', get: (t) => tsDouble(t.ticks / TICKS_PER_HOUR) },
      TotalMilliseconds: { type: 'double', get: (t) => tsDouble(t.ticks / TICKS_PER_MS) },
      TotalMinutes: { type: 'double', get: (t) => tsDouble(t.ticks / TICKS_PER_MINUTE) },
      TotalSeconds: { type: 'double', get: (t) => tsDouble(t.ticks / TICKS_PER_SECOND) },
    },
    methods: {
      Add: { overloads: ['timespan Add(timespan ts)'], invoke: (t, a) => new PSTimeSpan(t.ticks + (a.to(0, 'timespan') as PSTimeSpan).ticks) },
      CompareTo: {
        overloads: ['int CompareTo(System.Object value)', 'int CompareTo(timespan value)'],
        invoke: (t, a) => (a.at(0) === null ? 1 : Math.sign(t.ticks - (a.to(0, 'timespan') as PSTimeSpan).ticks)),
      },
      Divide: {
        overloads: ['timespan Divide(double divisor)', 'double Divide(timespan ts)'],
        invoke: (t, a) => {
          const v = a.at(0);
          if (v instanceof PSTimeSpan) return tsDouble(t.ticks / v.ticks);
          const divisor = a.double(0);
          if (Number.isNaN(divisor)) throw argumentException('TimeSpan does not accept floating point Not-a-Number values.', 'divisor');
          return new PSTimeSpan(Math.round(t.ticks / divisor));
        },
      },
      Duration: { overloads: ['timespan Duration()'], invoke: (t) => new PSTimeSpan(Math.abs(t.ticks)) },
      Equals: {
        overloads: ['bool Equals(System.Object value)', 'bool Equals(timespan obj)'],
        invoke: (t, a) => a.at(0) instanceof PSTimeSpan && (a.at(0) as PSTimeSpan).ticks === t.ticks,
      },
      Multiply: { overloads: ['timespan Multiply(double factor)'], invoke: (t, a) => new PSTimeSpan(Math.round(t.ticks * a.double(0))) },
      Negate: { overloads: ['timespan Negate()'], invoke: (t) => new PSTimeSpan(-t.ticks || 0) },
      Subtract: { overloads: ['timespan Subtract(timespan ts)'], invoke: (t, a) => new PSTimeSpan(t.ticks - (a.to(0, 'timespan') as PSTimeSpan).ticks) },
      ToString: {
        overloads: ['string ToString()', 'string ToString(string format)', 'string ToString(string format, System.IFormatProvider formatProvider)'],
        invoke: (t, a) => formatTimeSpan(t, formatArg(a)),
      },
    },
  },
  OBJECT_MEMBERS,
);

// ---------------------------------------------------------------------------------------------
// Arrays and lists
// ---------------------------------------------------------------------------------------------

function fixedSize(): never {
  throw dotnetException('System.NotSupportedException', 'Collection was of a fixed size.');
}

function listIndexOf(items: readonly unknown[], value: unknown, start = 0, last = false): number {
  if (last) {
    for (let i = items.length - 1; i >= 0; i--) if (dotnetEquals(items[i], value)) return i;
    return -1;
  }
  for (let i = start; i < items.length; i++) if (dotnetEquals(items[i], value)) return i;
  return -1;
}

function checkIndex(items: readonly unknown[], i: number, param = 'index'): void {
  if (!Number.isInteger(i) || i < 0 || i >= items.length) {
    throw argumentOutOfRange(param, 'Index was out of range. Must be non-negative and less than the size of the collection.');
  }
}

/** The members of an array (System.Object[] and other T[]). */
export const ARRAY_MEMBERS: MemberTable<unknown[]> = memberTable<unknown[]>(
  {
    properties: {
      Count: { type: 'int', kind: 'AliasProperty', get: (a) => a.length },
      IsFixedSize: { type: 'bool', get: () => true },
      IsReadOnly: { type: 'bool', get: () => false },
      IsSynchronized: { type: 'bool', get: () => false },
      Length: { type: 'int', get: (a) => a.length },
      LongLength: { type: 'long', get: (a) => a.length },
      Rank: { type: 'int', get: () => 1 },
      SyncRoot: { type: 'System.Object', get: (a) => a },
    },
    methods: {
      Add: { overloads: ['int IList.Add(System.Object value)'], invoke: fixedSize },
      Clear: {
        overloads: ['void IList.Clear()'],
        invoke: (arr) => {
          arr.fill(null);
          return undefined;
        },
      },
      Clone: { overloads: ['System.Object Clone()'], invoke: (arr) => [...arr] },
      Contains: { overloads: ['bool IList.Contains(System.Object value)'], invoke: (arr, a) => listIndexOf(arr, a.at(0)) >= 0 },
      CopyTo: {
        overloads: ['void CopyTo(array array, int index)', 'void CopyTo(array array, long index)'],
        invoke: (arr, a) => {
          const target = a.at(0);
          const index = a.int(1);
          if (!Array.isArray(target)) throw argumentException('Destination array was not long enough.');
          if (index < 0 || index + arr.length > target.length) throw argumentException('Destination array was not long enough. Check the destination index, length, and the array\'s lower bounds.', 'destinationArray');
          arr.forEach((v, i) => (target[index + i] = v));
          return undefined;
        },
      },
      GetLength: {
        overloads: ['int GetLength(int dimension)'],
        invoke: (arr, a) => {
          if (a.int(0) !== 0) throw dotnetException('System.IndexOutOfRangeException', 'Index was outside the bounds of the array.');
          return arr.length;
        },
      },
      GetLowerBound: { overloads: ['int GetLowerBound(int dimension)'], invoke: () => 0 },
      GetUpperBound: { overloads: ['int GetUpperBound(int dimension)'], invoke: (arr) => arr.length - 1 },
      GetValue: {
        overloads: ['System.Object GetValue(int index)', 'System.Object GetValue(long index)'],
        invoke: (arr, a) => {
          const i = a.int(0);
          if (i < 0 || i >= arr.length) throw dotnetException('System.IndexOutOfRangeException', 'Index was outside the bounds of the array.');
          return arr[i];
        },
      },
      IndexOf: { overloads: ['int IList.IndexOf(System.Object value)'], invoke: (arr, a) => listIndexOf(arr, a.at(0)) },
      Insert: { overloads: ['void IList.Insert(int index, System.Object value)'], invoke: fixedSize },
      Remove: { overloads: ['void IList.Remove(System.Object value)'], invoke: fixedSize },
      RemoveAt: { overloads: ['void IList.RemoveAt(int index)'], invoke: fixedSize },
      SetValue: {
        overloads: ['void SetValue(System.Object value, int index)', 'void SetValue(System.Object value, long index)'],
        invoke: (arr, a) => {
          const i = a.int(1);
          if (i < 0 || i >= arr.length) throw dotnetException('System.IndexOutOfRangeException', 'Index was outside the bounds of the array.');
          arr[i] = a.at(0);
          return undefined;
        },
      },
    },
  },
  OBJECT_MEMBERS,
);

/** An item as a List[T] stores it: converted to T. */
function listItem(list: PSList, value: unknown): unknown {
  return list.elementType ? convertTo(value, list.elementType) : value;
}

function itemsOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value instanceof PSList) return value.items;
  if (value === null || value === undefined) throw dotnetException('System.ArgumentNullException', "Value cannot be null. (Parameter 'collection')");
  return [value];
}

/** The members of [System.Collections.ArrayList] and List[T]. */
export const LIST_MEMBERS: MemberTable<PSList> = memberTable<PSList>(
  {
    properties: {
      Capacity: { type: 'int', get: (l) => Math.max(l.items.length, 4), set: () => undefined },
      Count: { type: 'int', get: (l) => l.items.length },
      IsFixedSize: { type: 'bool', get: () => false },
      IsReadOnly: { type: 'bool', get: () => false },
      IsSynchronized: { type: 'bool', get: () => false },
      SyncRoot: { type: 'System.Object', get: (l) => l },
    },
    methods: {
      Add: {
        overloads: ['int Add(System.Object value)'],
        invoke: (l, a) => {
          l.items.push(listItem(l, a.at(0)));
          // ArrayList.Add returns the new index (why scripts pipe it to Out-Null); List[T].Add is void.
          return l.elementType ? undefined : l.items.length - 1;
        },
      },
      AddRange: {
        overloads: ['void AddRange(System.Collections.ICollection c)'],
        invoke: (l, a) => {
          l.items.push(...itemsOf(a.at(0)).map((v) => listItem(l, v)));
          return undefined;
        },
      },
      Clear: {
        overloads: ['void Clear()'],
        invoke: (l) => {
          l.items.length = 0;
          return undefined;
        },
      },
      Clone: { overloads: ['System.Object Clone()'], invoke: (l) => new PSList(l.items, l.elementType) },
      Contains: { overloads: ['bool Contains(System.Object item)'], invoke: (l, a) => listIndexOf(l.items, a.at(0)) >= 0 },
      GetRange: {
        overloads: ['System.Collections.ArrayList GetRange(int index, int count)'],
        invoke: (l, a) => {
          const index = a.int(0);
          const count = a.int(1);
          if (index < 0 || count < 0) throw argumentOutOfRange(index < 0 ? 'index' : 'count', 'Non-negative number required.');
          if (index + count > l.items.length) throw argumentException('Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.');
          return new PSList(l.items.slice(index, index + count), l.elementType);
        },
      },
      IndexOf: {
        overloads: ['int IndexOf(System.Object value)', 'int IndexOf(System.Object value, int startIndex)'],
        invoke: (l, a) => listIndexOf(l.items, a.at(0), a.length > 1 ? a.int(1) : 0),
      },
      Insert: {
        overloads: ['void Insert(int index, System.Object value)'],
        invoke: (l, a) => {
          const i = a.int(0);
          if (i < 0 || i > l.items.length) throw argumentOutOfRange('index', 'Index must be within the bounds of the List.');
          l.items.splice(i, 0, listItem(l, a.at(1)));
          return undefined;
        },
      },
      InsertRange: {
        overloads: ['void InsertRange(int index, System.Collections.ICollection c)'],
        invoke: (l, a) => {
          const i = a.int(0);
          if (i < 0 || i > l.items.length) throw argumentOutOfRange('index', 'Index must be within the bounds of the List.');
          l.items.splice(i, 0, ...itemsOf(a.at(1)).map((v) => listItem(l, v)));
          return undefined;
        },
      },
      LastIndexOf: { overloads: ['int LastIndexOf(System.Object value)'], invoke: (l, a) => listIndexOf(l.items, a.at(0), 0, true) },
      Remove: {
        overloads: ['void Remove(System.Object obj)'],
        invoke: (l, a) => {
          const i = listIndexOf(l.items, l.elementType ? listItem(l, a.at(0)) : a.at(0));
          if (i >= 0) l.items.splice(i, 1);
          // List[T].Remove says whether it removed; ArrayList.Remove is void.
          return l.elementType ? i >= 0 : undefined;
        },
      },
      RemoveAt: {
        overloads: ['void RemoveAt(int index)'],
        invoke: (l, a) => {
          const i = a.int(0);
          checkIndex(l.items, i);
          l.items.splice(i, 1);
          return undefined;
        },
      },
      RemoveRange: {
        overloads: ['void RemoveRange(int index, int count)'],
        invoke: (l, a) => {
          const index = a.int(0);
          const count = a.int(1);
          if (index < 0 || count < 0) throw argumentOutOfRange(index < 0 ? 'index' : 'count', 'Non-negative number required.');
          if (index + count > l.items.length) throw argumentException('Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.');
          l.items.splice(index, count);
          return undefined;
        },
      },
      Reverse: {
        overloads: ['void Reverse()'],
        invoke: (l) => {
          l.items.reverse();
          return undefined;
        },
      },
      Sort: {
        overloads: ['void Sort()'],
        invoke: (l) => {
          l.items.sort(defaultCompare);
          return undefined;
        },
      },
      ToArray: { overloads: ['System.Object[] ToArray()'], invoke: (l) => [...l.items] },
    },
  },
  OBJECT_MEMBERS,
);

// ---------------------------------------------------------------------------------------------
// [hashtable] and [ordered]
// ---------------------------------------------------------------------------------------------

const DICTIONARY_ENTRY_TYPES = ['System.Collections.DictionaryEntry', 'System.ValueType', 'System.Object'];

/** A DictionaryEntry (what GetEnumerator yields), with PowerShell's Name alias for Key. */
export function dictionaryEntry(key: unknown, value: unknown): PSObject {
  const entry = new PSObject(DICTIONARY_ENTRY_TYPES);
  entry.addProperty({ name: 'Name', kind: 'AliasProperty', get: () => key, typeName: 'System.Object' });
  entry.addProperty({ name: 'Key', kind: 'Property', value: key, typeName: 'System.Object' });
  entry.addProperty({ name: 'Value', kind: 'Property', value, typeName: 'System.Object' });
  entry.toDotNetString = () => 'System.Collections.DictionaryEntry';
  return entry;
}

function hashtableAdd(h: PSHashtable, a: MethodArgs): undefined {
  const key = a.at(0);
  if (key === null || key === undefined) throw dotnetException('System.ArgumentNullException', "Key cannot be null. (Parameter 'key')");
  if (h.has(key)) {
    const existing = h.keys().find((k) => toStringMethod(k).toLowerCase() === toStringMethod(key).toLowerCase()) ?? key;
    throw argumentException(`Item has already been added. Key in dictionary: '${toStringMethod(existing)}'  Key being added: '${toStringMethod(key)}'`);
  }
  h.set(key, a.at(1));
  return undefined;
}

const HASHTABLE_BASE = {
  properties: {
    Count: { type: 'int', get: (h: PSHashtable) => h.size },
    IsFixedSize: { type: 'bool', get: () => false },
    IsReadOnly: { type: 'bool', get: () => false },
    IsSynchronized: { type: 'bool', get: () => false },
    Keys: { type: 'System.Collections.ICollection', get: (h: PSHashtable) => h.keys() },
    SyncRoot: { type: 'System.Object', get: (h: PSHashtable) => h },
    Values: { type: 'System.Collections.ICollection', get: (h: PSHashtable) => h.values() },
  },
  methods: {
    Add: { overloads: ['void Add(System.Object key, System.Object value)'], invoke: hashtableAdd },
    Clear: {
      overloads: ['void Clear()'],
      invoke: (h: PSHashtable) => {
        h.clear();
        return undefined;
      },
    },
    Clone: { overloads: ['System.Object Clone()'], invoke: (h: PSHashtable) => h.clone() },
    Contains: { overloads: ['bool Contains(System.Object key)'], invoke: (h: PSHashtable, a: MethodArgs) => h.has(a.at(0)) },
    ContainsKey: { overloads: ['bool ContainsKey(System.Object key)'], invoke: (h: PSHashtable, a: MethodArgs) => h.has(a.at(0)) },
    ContainsValue: { overloads: ['bool ContainsValue(System.Object value)'], invoke: (h: PSHashtable, a: MethodArgs) => h.values().some((v) => dotnetEquals(v, a.at(0))) },
    GetEnumerator: {
      overloads: ['System.Collections.IDictionaryEnumerator GetEnumerator()'],
      invoke: (h: PSHashtable) => h.entries().map(([k, v]) => dictionaryEntry(k, v)),
    },
    Item: { overloads: ['System.Object Item(System.Object key)'], invoke: (h: PSHashtable, a: MethodArgs) => h.get(a.at(0)) },
    Remove: {
      overloads: ['void Remove(System.Object key)'],
      invoke: (h: PSHashtable, a: MethodArgs) => {
        h.delete(a.at(0));
        return undefined;
      },
    },
  },
};

/** The members of [hashtable]. */
export const HASHTABLE_MEMBERS: MemberTable<PSHashtable> = memberTable<PSHashtable>(HASHTABLE_BASE, OBJECT_MEMBERS);

/** The members of [ordered] (OrderedDictionary): a hashtable's plus positional Insert and RemoveAt. */
export const ORDERED_MEMBERS: MemberTable<PSHashtable> = memberTable<PSHashtable>(
  {
    methods: {
      Insert: {
        overloads: ['void Insert(int index, System.Object key, System.Object value)'],
        invoke: (h, a) => {
          const index = a.int(0);
          if (index < 0 || index > h.size) throw argumentOutOfRange('index');
          if (h.has(a.at(1))) {
            throw argumentException(`Item has already been added. Key in dictionary: '${toStringMethod(a.at(1))}'  Key being added: '${toStringMethod(a.at(1))}'`);
          }
          const entries = h.entries();
          entries.splice(index, 0, [a.at(1), a.at(2)]);
          h.clear();
          for (const [k, v] of entries) h.set(k, v);
          return undefined;
        },
      },
      RemoveAt: {
        overloads: ['void RemoveAt(int index)'],
        invoke: (h, a) => {
          const index = a.int(0);
          const keys = h.keys();
          checkIndex(keys, index);
          h.delete(keys[index]);
          return undefined;
        },
      },
    },
  },
  HASHTABLE_MEMBERS,
);

// ---------------------------------------------------------------------------------------------
// Type objects and enum values
// ---------------------------------------------------------------------------------------------

function typeInfoOf(t: PSTypeLiteral): TypeInfo | undefined {
  return resolveType(t.fullName);
}

function enumMembersOf(t: PSTypeLiteral): readonly { name: string; value: number }[] {
  const info = typeInfoOf(t);
  if (!info?.isEnum) throw argumentException('Type provided must be an Enum.', 'enumType');
  return info.enumMembers ?? [];
}

// The types dpmsh models that .NET marks [Serializable]: the value types, strings, arrays,
// exceptions and the common collections.
const SERIALIZABLE = new Set(['system.object', 'system.string', 'system.version', 'system.collections.hashtable', 'system.collections.arraylist', 'system.collections.specialized.ordereddictionary']);

function isSerializableType(t: PSTypeLiteral): boolean {
  const info = typeInfoOf(t);
  const bases = info?.baseTypeNames ?? [];
  if (info?.isEnum || info?.isArray || bases.includes('System.ValueType') || bases.includes('System.Exception')) return true;
  const name = (info?.fullName ?? t.fullName).toLowerCase();
  return SERIALIZABLE.has(name) || name.startsWith('system.collections.generic.list`1') || name.startsWith('system.collections.generic.dictionary`2');
}

/** The members of a type object ([int], $x.GetType()). */
export const TYPE_MEMBERS: MemberTable<PSTypeLiteral> = memberTable<PSTypeLiteral>(
  {
    properties: {
      BaseType: {
        type: 'type',
        get: (t) => {
          const base = typeInfoOf(t)?.baseTypeNames[0];
          return base ? new PSTypeLiteral(base) : null;
        },
      },
      FullName: { type: 'string', get: (t) => t.fullName },
      IsArray: { type: 'bool', get: (t) => typeInfoOf(t)?.isArray ?? t.fullName.endsWith('[]') },
      IsClass: { type: 'bool', get: (t) => !(typeInfoOf(t)?.baseTypeNames ?? []).includes('System.ValueType') && !typeInfoOf(t)?.isEnum },
      IsEnum: { type: 'bool', get: (t) => typeInfoOf(t)?.isEnum ?? false },
      IsPublic: { type: 'bool', get: () => true },
      IsSerializable: { type: 'bool', get: (t) => isSerializableType(t) },
      IsValueType: { type: 'bool', get: (t) => (typeInfoOf(t)?.baseTypeNames ?? []).includes('System.ValueType') || (typeInfoOf(t)?.isEnum ?? false) },
      Name: { type: 'string', get: (t) => typeInfoOf(t)?.name ?? t.name },
      Namespace: {
        type: 'string',
        get: (t) => {
          const dot = t.fullName.lastIndexOf('.', t.fullName.includes('[') ? t.fullName.indexOf('[') : undefined);
          return dot < 0 ? null : t.fullName.slice(0, dot);
        },
      },
      UnderlyingSystemType: { type: 'type', get: (t) => t },
    },
    methods: {
      Equals: { overloads: ['bool Equals(System.Object o)', 'bool Equals(type o)'], invoke: (t, a) => a.at(0) instanceof PSTypeLiteral && (a.at(0) as PSTypeLiteral).fullName === t.fullName },
      GetElementType: {
        overloads: ['type GetElementType()'],
        invoke: (t) => {
          const el = typeInfoOf(t)?.elementType;
          return el && typeInfoOf(t)?.isArray ? new PSTypeLiteral(el.fullName) : null;
        },
      },
      GetEnumNames: { overloads: ['string[] GetEnumNames()'], invoke: (t) => enumMembersOf(t).map((m) => m.name) },
      GetEnumUnderlyingType: {
        overloads: ['type GetEnumUnderlyingType()'],
        invoke: (t) => {
          enumMembersOf(t);
          return new PSTypeLiteral('System.Int32');
        },
      },
      GetEnumValues: { overloads: ['array GetEnumValues()'], invoke: (t) => enumMembersOf(t).map((m) => new PSEnumValue(t.fullName, m.name, m.value)) },
      GetType: { overloads: ['type GetType()'], invoke: () => new PSTypeLiteral('System.RuntimeType') },
      IsInstanceOfType: { overloads: ['bool IsInstanceOfType(System.Object o)'], invoke: (t, a) => typeInfoOf(t)?.isInstance(a.at(0)) ?? false },
      ToString: { overloads: ['string ToString()'], invoke: (t) => t.fullName },
    },
  },
  OBJECT_MEMBERS,
);

/** The members of an enum value. */
export const ENUM_MEMBERS: MemberTable<PSEnumValue> = memberTable<PSEnumValue>(
  {
    properties: { value__: { type: 'int', get: (e) => e.value } },
    methods: {
      CompareTo: { overloads: ['int CompareTo(System.Object target)'], invoke: (e, a) => (a.at(0) === null ? 1 : Math.sign(e.value - Number(a.at(0) instanceof PSEnumValue ? (a.at(0) as PSEnumValue).value : a.int(0)))) },
      Equals: { overloads: ['bool Equals(System.Object obj)'], invoke: (e, a) => dotnetEquals(e, a.at(0)) },
      GetTypeCode: { overloads: ['System.TypeCode GetTypeCode()'], invoke: () => typeCode('Int32', 9) },
      HasFlag: {
        overloads: ['bool HasFlag(System.Enum flag)'],
        invoke: (e, a) => {
          const flag = a.at(0) instanceof PSEnumValue ? (a.at(0) as PSEnumValue).value : Number(a.to(0, e.typeName) instanceof PSEnumValue ? (a.to(0, e.typeName) as PSEnumValue).value : a.int(0));
          return (e.value & flag) === flag;
        },
      },
      ToString: {
        overloads: ['string ToString()', 'string ToString(string format)'],
        invoke: (e, a) => {
          const format = formatArg(a);
          if (format === undefined) return e.name;
          return formatNumericEnum(e, format);
        },
      },
    },
  },
  OBJECT_MEMBERS,
);

function formatNumericEnum(e: PSEnumValue, format: string): string {
  switch (format) {
    case 'G':
    case 'g':
    case 'F':
    case 'f':
      return e.name;
    case 'D':
    case 'd':
      return String(e.value);
    case 'X':
    case 'x':
      return (e.value >>> 0).toString(16).toUpperCase().padStart(8, '0');
    default:
      throw dotnetException('System.FormatException', 'Format string can be only "G", "g", "X", "x", "F", "f", "D" or "d".');
  }
}

// ---------------------------------------------------------------------------------------------
// Script blocks, [switch], [securestring], [version], [guid], [regex]
// ---------------------------------------------------------------------------------------------

/** The members of a script block. */
export const SCRIPTBLOCK_MEMBERS: MemberTable<ScriptBlock> = memberTable<ScriptBlock>(
  {
    properties: {
      File: { type: 'string', get: (sb) => sb.file ?? null },
      IsFilter: { type: 'bool', get: () => false },
    },
    methods: {
      GetNewClosure: { overloads: ['scriptblock GetNewClosure()'], invoke: (sb, _a, ctx) => (sb.getNewClosure && ctx.scope ? sb.getNewClosure(ctx.scope) : sb) },
      Invoke: {
        overloads: ['System.Collections.ObjectModel.Collection[psobject] Invoke(Params System.Object[] args)'],
        invoke: (sb, a, ctx) => sb.invoke({ args: [...a.values], scope: ctx.scope, signal: ctx.signal }),
      },
      InvokeReturnAsIs: {
        overloads: ['System.Object InvokeReturnAsIs(Params System.Object[] args)'],
        invoke: async (sb, a, ctx) => {
          const out = await sb.invoke({ args: [...a.values], scope: ctx.scope, signal: ctx.signal });
          return out.length === 0 ? null : out.length === 1 ? out[0] : out;
        },
      },
      ToString: { overloads: ['string ToString()'], invoke: (sb) => sb.text },
    },
  },
  OBJECT_MEMBERS,
);

/** The members of [switch]. */
export const SWITCH_MEMBERS: MemberTable<PSSwitch> = memberTable<PSSwitch>(
  {
    properties: { IsPresent: { type: 'bool', get: (s) => s.isPresent } },
    methods: {
      ToBool: { overloads: ['bool ToBool()'], invoke: (s) => s.isPresent },
      ToString: { overloads: ['string ToString()'], invoke: (s) => s.toString() },
    },
  },
  OBJECT_MEMBERS,
);

/** The members of [securestring]; its content never comes out. */
export const SECURESTRING_MEMBERS: MemberTable<PSSecureString> = memberTable<PSSecureString>(
  {
    properties: { Length: { type: 'int', get: (s) => s.length } },
    methods: {
      Copy: { overloads: ['securestring Copy()'], invoke: (s) => new PSSecureString(s.reveal()) },
      Dispose: { overloads: ['void Dispose()'], invoke: () => undefined },
      IsReadOnly: { overloads: ['bool IsReadOnly()'], invoke: () => false },
      MakeReadOnly: { overloads: ['void MakeReadOnly()'], invoke: () => undefined },
    },
  },
  OBJECT_MEMBERS,
);

/** The members of [version]. */
export const VERSION_MEMBERS: MemberTable<PSVersion> = memberTable<PSVersion>(
  {
    properties: {
      Build: { type: 'int', get: (v) => v.build },
      Major: { type: 'int', get: (v) => v.major },
      MajorRevision: { type: 'int16', get: (v) => (v.revision < 0 ? -1 : v.revision >> 16) },
      Minor: { type: 'int', get: (v) => v.minor },
      MinorRevision: { type: 'int16', get: (v) => (v.revision < 0 ? -1 : v.revision & 0xffff) },
      Revision: { type: 'int', get: (v) => v.revision },
    },
    methods: {
      CompareTo: {
        overloads: ['int CompareTo(System.Object version)', 'int CompareTo(version value)'],
        invoke: (v, a) => (a.at(0) === null ? 1 : compareVersions(v, a.to(0, 'System.Version') as PSVersion)),
      },
      Equals: { overloads: ['bool Equals(System.Object obj)', 'bool Equals(version obj)'], invoke: (v, a) => dotnetEquals(v, a.at(0)) },
      ToString: {
        overloads: ['string ToString()', 'string ToString(int fieldCount)'],
        invoke: (v, a) => {
          if (a.length === 0) return v.toString();
          const count = a.int(0);
          const parts = [v.major, v.minor, v.build, v.revision];
          const defined = parts.filter((p) => p >= 0).length;
          if (count < 0 || count > 4 || count > defined) throw argumentException(`Argument must be between 0 and ${defined}.`, 'fieldCount');
          return parts.slice(0, count).join('.');
        },
      },
    },
  },
  OBJECT_MEMBERS,
);

/** Guid.ToString(format): N, D, B, P or X. */
export function guidText(g: PSGuid, format = 'D'): string {
  const hex = g.text.replace(/-/g, '');
  switch (format || 'D') {
    case 'N':
    case 'n':
      return hex;
    case 'D':
    case 'd':
      return g.text;
    case 'B':
    case 'b':
      return `{${g.text}}`;
    case 'P':
    case 'p':
      return `(${g.text})`;
    case 'X':
    case 'x': {
      const b = (i: number, n: number): string => hex.slice(i, i + n);
      const tail = Array.from({ length: 8 }, (_, k) => `0x${b(16 + k * 2, 2)}`).join(',');
      return `{0x${b(0, 8)},0x${b(8, 4)},0x${b(12, 4)},{${tail}}}`;
    }
    default:
      throw dotnetException('System.FormatException', 'Format string can be only "D", "d", "N", "n", "P", "p", "B", "b", "X" or "x".');
  }
}

/** The members of [guid]. */
export const GUID_MEMBERS: MemberTable<PSGuid> = memberTable<PSGuid>(
  {
    methods: {
      CompareTo: { overloads: ['int CompareTo(System.Object value)', 'int CompareTo(guid value)'], invoke: (g, a) => Math.sign(g.text.localeCompare(String(a.at(0)))) },
      Equals: { overloads: ['bool Equals(System.Object o)', 'bool Equals(guid g)'], invoke: (g, a) => dotnetEquals(g, a.at(0)) },
      ToByteArray: {
        overloads: ['byte[] ToByteArray()'],
        invoke: (g) => {
          const hex = g.text.replace(/-/g, '');
          const bytes = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
          // .NET stores the first three fields little-endian.
          const order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
          return order.map((i) => makeNumber('Byte', bytes[i]!));
        },
      },
      ToString: { overloads: ['string ToString()', 'string ToString(string format)'], invoke: (g, a) => guidText(g, a.length ? a.string(0) : 'D') },
    },
  },
  OBJECT_MEMBERS,
);

function regexOf(r: PSRegex): DotNetRegex {
  return compileRegex(r);
}

/** The members of a [regex] object. */
export const REGEX_MEMBERS: MemberTable<PSRegex> = memberTable<PSRegex>(
  {
    properties: {
      Options: { type: 'System.Text.RegularExpressions.RegexOptions', get: (r) => regexOptionsValue(r.options) },
      RightToLeft: { type: 'bool', get: (r) => r.options.includes('RightToLeft') },
      MatchTimeout: { type: 'timespan', get: () => new PSTimeSpan(-10_000) },
    },
    methods: {
      GetGroupNames: {
        overloads: ['string[] GetGroupNames()'],
        invoke: (r) => (regexMatch('', regexOf(r)).read('Groups') as PSList).items.map((g) => String((g as PSObject).read('Name'))),
      },
      IsMatch: { overloads: ['bool IsMatch(string input)', 'bool IsMatch(string input, int startat)'], invoke: (r, a) => regexIsMatch(a.string(0), regexOf(r)) },
      Match: {
        overloads: ['System.Text.RegularExpressions.Match Match(string input)', 'System.Text.RegularExpressions.Match Match(string input, int startat)'],
        invoke: (r, a) => regexMatch(a.string(0), regexOf(r), a.length > 1 ? a.int(1) : 0),
      },
      Matches: {
        overloads: ['System.Text.RegularExpressions.MatchCollection Matches(string input)', 'System.Text.RegularExpressions.MatchCollection Matches(string input, int startat)'],
        invoke: (r, a) => regexMatches(a.string(0), regexOf(r), a.length > 1 ? a.int(1) : 0),
      },
      Replace: {
        overloads: [
          'string Replace(string input, string replacement)',
          'string Replace(string input, string replacement, int count)',
          'string Replace(string input, System.Text.RegularExpressions.MatchEvaluator evaluator)',
          'string Replace(string input, System.Text.RegularExpressions.MatchEvaluator evaluator, int count)',
        ],
        invoke: (r, a, ctx) => {
          const replacement = a.at(1);
          return regexReplace(a.string(0), regexOf(r), isScriptBlock(replacement) ? replacement : a.string(1), a.length > 2 ? a.int(2) : -1, ctx);
        },
      },
      Split: {
        overloads: ['string[] Split(string input)', 'string[] Split(string input, int count)'],
        invoke: (r, a) => regexSplit(a.string(0), regexOf(r), a.length > 1 ? a.int(1) : 0),
      },
      ToString: { overloads: ['string ToString()'], invoke: (r) => r.pattern },
    },
  },
  OBJECT_MEMBERS,
);

// ---------------------------------------------------------------------------------------------
// Error records and exceptions
// ---------------------------------------------------------------------------------------------

function categoryInfoObject(r: ErrorRecord): PSObject {
  const o = PSObject.from(
    {
      Category: new PSEnumValue('System.Management.Automation.ErrorCategory', r.category, 0),
      Activity: r.categoryInfoOverrides?.activity ?? r.invocationInfo?.commandName ?? '',
      Reason: r.categoryInfoOverrides?.reason ?? r.exception.typeName.slice(r.exception.typeName.lastIndexOf('.') + 1),
      TargetName: r.categoryInfoOverrides?.targetName ?? (r.targetObject === null ? '' : toText(r.targetObject)),
      TargetType: r.categoryInfoOverrides?.targetType ?? (r.targetObject === null ? '' : typeNameOf(r.targetObject).slice(typeNameOf(r.targetObject).lastIndexOf('.') + 1)),
    },
    'System.Management.Automation.ErrorCategoryInfo',
  );
  o.toDotNetString = () => r.categoryInfo;
  return o;
}

/** An InvocationInfo as the object `$err.InvocationInfo` (and a stream record's) reads. */
export function invocationInfoObject(info: InvocationInfo | undefined): PSObject {
  const extent = info?.extent;
  return PSObject.from(
    {
      MyCommand: info?.commandName ?? null,
      InvocationName: info?.commandName ?? '',
      ScriptName: info?.scriptName ?? extent?.file ?? '',
      ScriptLineNumber: extent?.startLine ?? 0,
      OffsetInLine: extent?.startColumn ?? 0,
      Line: extent?.lineText ?? '',
      PositionMessage: extent ? `At ${extent.file ?? 'line'}:${extent.startLine} char:${extent.startColumn}\n+ ${extent.lineText}` : '',
    },
    'System.Management.Automation.InvocationInfo',
  );
}

/** The members of an ErrorRecord ($_ in a catch block, $Error[0]). */
export const ERROR_RECORD_MEMBERS: MemberTable<ErrorRecord> = memberTable<ErrorRecord>(
  {
    properties: {
      CategoryInfo: { type: 'System.Management.Automation.ErrorCategoryInfo', get: (r) => categoryInfoObject(r) },
      ErrorDetails: {
        type: 'System.Management.Automation.ErrorDetails',
        get: (r) => (r.detailsMessage === undefined ? null : PSObject.from({ Message: r.detailsMessage, RecommendedAction: r.recommendedAction ?? '' }, 'System.Management.Automation.ErrorDetails')),
      },
      Exception: { type: 'System.Exception', get: (r) => r.exception },
      FullyQualifiedErrorId: { type: 'string', get: (r) => r.fullyQualifiedErrorId },
      InvocationInfo: { type: 'System.Management.Automation.InvocationInfo', get: (r) => invocationInfoObject(r.invocationInfo) },
      PipelineIterationInfo: { type: 'System.Collections.ObjectModel.ReadOnlyCollection[int]', get: () => [] },
      ScriptStackTrace: { type: 'string', get: () => '' },
      TargetObject: { type: 'System.Object', get: (r) => r.targetObject },
    },
    methods: {
      ToString: { overloads: ['string ToString()'], invoke: (r) => r.message },
    },
  },
  OBJECT_MEMBERS,
);

/** The members of an exception ($_.Exception). */
export const EXCEPTION_MEMBERS: MemberTable<Error> = memberTable<Error>(
  {
    properties: {
      Data: { type: 'System.Collections.IDictionary', get: () => new PSHashtable() },
      HResult: { type: 'int', get: () => -2146233087 },
      HelpLink: { type: 'string', get: () => null },
      InnerException: { type: 'System.Exception', get: (e) => (e instanceof PSException ? (e.innerException ?? null) : null) },
      Message: { type: 'string', get: (e) => e.message },
      Source: { type: 'string', get: () => null },
      StackTrace: { type: 'string', get: () => null },
      TargetSite: { type: 'System.Reflection.MethodBase', get: () => null },
      WasThrownFromThrowStatement: { type: 'bool', get: (e) => e instanceof PSException && e.thrownValue !== undefined },
    },
    methods: {
      GetBaseException: {
        overloads: ['System.Exception GetBaseException()'],
        invoke: (e) => {
          let inner: Error = e;
          while (inner instanceof PSException && inner.innerException) inner = inner.innerException;
          return inner;
        },
      },
    },
  },
  OBJECT_MEMBERS,
);

// ---------------------------------------------------------------------------------------------
// [System.Text.Encoding]
// ---------------------------------------------------------------------------------------------

/** A System.Text.Encoding instance ([Text.Encoding]::UTF8...). */
export class EncodingObject {
  constructor(
    readonly webName: 'utf-8' | 'us-ascii' | 'utf-16' | 'utf-16BE' | 'utf-32' | 'iso-8859-1',
    readonly encodingName: string,
    readonly codePage: number,
    readonly typeName: string,
  ) {}
}

function bytesOf(value: unknown): number[] {
  const items = Array.isArray(value) ? value : value instanceof PSList ? value.items : [value];
  return items.map((b) => Number(b) & 0xff);
}

function encode(enc: EncodingObject, text: string): number[] {
  switch (enc.webName) {
    case 'utf-8':
      return [...Buffer.from(text, 'utf8')];
    case 'us-ascii':
      return [...text].map((c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : 0x3f));
    case 'iso-8859-1':
      return [...text].map((c) => (c.charCodeAt(0) < 0x100 ? c.charCodeAt(0) : 0x3f));
    case 'utf-16':
      return [...Buffer.from(text, 'utf16le')];
    case 'utf-16BE':
      return [...Buffer.from(text, 'utf16le').swap16()];
    case 'utf-32': {
      const out: number[] = [];
      for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        out.push(cp & 0xff, (cp >> 8) & 0xff, (cp >> 16) & 0xff, (cp >> 24) & 0xff);
      }
      return out;
    }
  }
}

function decode(enc: EncodingObject, bytes: number[]): string {
  const buf = Buffer.from(bytes);
  switch (enc.webName) {
    case 'utf-8':
      return buf.toString('utf8');
    case 'us-ascii':
      return bytes.map((b) => (b < 0x80 ? String.fromCharCode(b) : '?')).join('');
    case 'iso-8859-1':
      return buf.toString('latin1');
    case 'utf-16':
      return buf.toString('utf16le');
    case 'utf-16BE':
      return Buffer.from(buf).swap16().toString('utf16le');
    case 'utf-32': {
      let out = '';
      for (let i = 0; i + 3 < bytes.length; i += 4) out += String.fromCodePoint(bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
      return out;
    }
  }
}

const PREAMBLES: Record<EncodingObject['webName'], number[]> = {
  'utf-8': [0xef, 0xbb, 0xbf],
  'us-ascii': [],
  'iso-8859-1': [],
  'utf-16': [0xff, 0xfe],
  'utf-16BE': [0xfe, 0xff],
  'utf-32': [0xff, 0xfe, 0, 0],
};

const asBytes = (values: number[]): Numeric[] => values.map((b) => makeNumber('Byte', b));

/** The members of an Encoding object. */
export const ENCODING_MEMBERS: MemberTable<EncodingObject> = memberTable<EncodingObject>(
  {
    properties: {
      BodyName: { type: 'string', get: (e) => e.webName },
      CodePage: { type: 'int', get: (e) => e.codePage },
      EncodingName: { type: 'string', get: (e) => e.encodingName },
      HeaderName: { type: 'string', get: (e) => e.webName },
      IsSingleByte: { type: 'bool', get: (e) => e.webName === 'us-ascii' || e.webName === 'iso-8859-1' },
      WebName: { type: 'string', get: (e) => e.webName },
    },
    methods: {
      GetByteCount: { overloads: ['int GetByteCount(string s)', 'int GetByteCount(char[] chars)'], invoke: (e, a) => encode(e, charText(a.at(0))).length },
      GetBytes: {
        overloads: ['byte[] GetBytes(string s)', 'byte[] GetBytes(char[] chars)', 'byte[] GetBytes(string s, int index, int count)'],
        invoke: (e, a) => {
          let text = charText(a.at(0));
          if (a.length === 3) text = text.slice(a.int(1), a.int(1) + a.int(2));
          return asBytes(encode(e, text));
        },
      },
      GetPreamble: { overloads: ['byte[] GetPreamble()'], invoke: (e) => asBytes(PREAMBLES[e.webName]) },
      GetString: {
        overloads: ['string GetString(byte[] bytes)', 'string GetString(byte[] bytes, int index, int count)'],
        invoke: (e, a) => {
          let bytes = bytesOf(a.at(0));
          if (a.length === 3) {
            const index = a.int(1);
            const count = a.int(2);
            if (index < 0 || count < 0 || index + count > bytes.length) throw argumentOutOfRange(index < 0 ? 'index' : 'count', 'Index and count must refer to a location within the buffer.');
            bytes = bytes.slice(index, index + count);
          }
          return decode(e, bytes);
        },
      },
      ToString: { overloads: ['string ToString()'], invoke: (e) => e.typeName },
    },
  },
  OBJECT_MEMBERS,
);

function charText(value: unknown): string {
  if (value === null || value === undefined) throw dotnetException('System.ArgumentNullException', "Value cannot be null. (Parameter 's')");
  if (Array.isArray(value)) return value.map((c) => (c instanceof PSChar ? c.toString() : toText(c))).join('');
  return toText(value);
}

/** The Encoding objects [System.Text.Encoding] hands out, by its static property names. */
export const ENCODINGS = {
  UTF8: new EncodingObject('utf-8', 'Unicode (UTF-8)', 65001, 'System.Text.UTF8Encoding+UTF8EncodingSealed'),
  ASCII: new EncodingObject('us-ascii', 'US-ASCII', 20127, 'System.Text.ASCIIEncoding+ASCIIEncodingSealed'),
  Unicode: new EncodingObject('utf-16', 'Unicode', 1200, 'System.Text.UnicodeEncoding'),
  BigEndianUnicode: new EncodingObject('utf-16BE', 'Unicode (Big-Endian)', 1201, 'System.Text.UnicodeEncoding'),
  UTF32: new EncodingObject('utf-32', 'Unicode (UTF-32)', 12000, 'System.Text.UTF32Encoding'),
  Latin1: new EncodingObject('iso-8859-1', 'Western European (ISO)', 28591, 'System.Text.Latin1Encoding'),
} as const;

/** Encoding.GetEncoding(name or code page). */
export function encodingByName(name: string | number): EncodingObject | undefined {
  const key = String(name).toLowerCase();
  return Object.values(ENCODINGS).find(
    (e) => e.webName.toLowerCase() === key || String(e.codePage) === key || (key === 'utf8' && e.webName === 'utf-8') || (key === 'ascii' && e.webName === 'us-ascii') || (key === 'unicode' && e.webName === 'utf-16') || (key === 'latin1' && e.webName === 'iso-8859-1'),
  );
}

/** Member tables of classes modelled outside the runtime (the stream records of pipeline/records.ts). */
const registeredTables: { readonly isInstance: (value: unknown) => boolean; readonly table: MemberTable<never>; readonly text: (value: never) => string }[] = [];

/** Gives the values of a class defined elsewhere their .NET members and what their ToString() returns. */
export function registerInstanceMembers<T>(isInstance: (value: unknown) => value is T, table: MemberTable<T>, text: (value: T) => string): void {
  registeredTables.push({ isInstance, table: table as unknown as MemberTable<never>, text: text as (value: never) => string });
}

/** The member table for a value, undefined for PSObjects (members.ts reads their own properties) and $null. */
export function instanceTable(value: unknown): MemberTable<never> | undefined {
  const t = (table: MemberTable<never>): MemberTable<never> => table;
  if (value === null || value === undefined || value instanceof PSObject) return undefined;
  if (typeof value === 'string') return t(STRING_MEMBERS as MemberTable<never>);
  if (typeof value === 'number' || value instanceof PSNumber) return t(numberMembers(numericType(value)) as MemberTable<never>);
  if (typeof value === 'boolean') return t(BOOL_MEMBERS as MemberTable<never>);
  if (value instanceof PSChar) return t(CHAR_MEMBERS as MemberTable<never>);
  if (value instanceof PSDateTime) return t(DATETIME_MEMBERS as MemberTable<never>);
  if (value instanceof PSTimeSpan) return t(TIMESPAN_MEMBERS as MemberTable<never>);
  if (Array.isArray(value)) return t(ARRAY_MEMBERS as MemberTable<never>);
  if (value instanceof PSList) return t(LIST_MEMBERS as MemberTable<never>);
  if (value instanceof PSHashtable) return t((value.ordered ? ORDERED_MEMBERS : HASHTABLE_MEMBERS) as MemberTable<never>);
  if (value instanceof PSTypeLiteral) return t(TYPE_MEMBERS as MemberTable<never>);
  if (value instanceof PSEnumValue) return t(ENUM_MEMBERS as MemberTable<never>);
  if (isScriptBlock(value)) return t(SCRIPTBLOCK_MEMBERS as MemberTable<never>);
  if (value instanceof PSSwitch) return t(SWITCH_MEMBERS as MemberTable<never>);
  if (value instanceof PSSecureString) return t(SECURESTRING_MEMBERS as MemberTable<never>);
  if (value instanceof PSVersion) return t(VERSION_MEMBERS as MemberTable<never>);
  if (value instanceof PSGuid) return t(GUID_MEMBERS as MemberTable<never>);
  if (value instanceof PSRegex) return t(REGEX_MEMBERS as MemberTable<never>);
  if (value instanceof ErrorRecord) return t(ERROR_RECORD_MEMBERS as MemberTable<never>);
  if (value instanceof Error) return t(EXCEPTION_MEMBERS as MemberTable<never>);
  if (value instanceof EncodingObject) return t(ENCODING_MEMBERS as MemberTable<never>);
  for (const r of registeredTables) if (r.isInstance(value)) return r.table;
  return t(OBJECT_MEMBERS as MemberTable<never>);
}

/** Context type re-exported for the tables' users. */
export type { MemberContext };
