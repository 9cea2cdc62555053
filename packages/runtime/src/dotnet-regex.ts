/**
 * [regex] as .NET has it: Match objects with Success, Value, Index, Length and Groups (numbered
 * the .NET way: unnamed groups first, then named ones), Matches, Replace with .NET's `$1`,
 * `${name}`, `$$`, `$&` substitutions or a script block evaluator, Split, Escape and Unescape.
 * Patterns are translated by regex.ts (which maps JS capture groups to .NET's numbers); .NET
 * regexes are case-sensitive unless RegexOptions.IgnoreCase is given.
 */
import { PSEnumValue, PSList, PSObject, PSRegex, isScriptBlock } from './values.js';
import type { ScriptBlock } from './values.js';
import { compileDotNetRegex, regexOptionsFromNames } from './regex.js';
import type { CompiledRegex } from './regex.js';
import { toText } from './text.js';
import { dotnetException } from './member-support.js';
import type { MemberContext } from './member-support.js';

/** [System.Text.RegularExpressions.RegexOptions] flag values by name. */
const REGEX_OPTIONS: readonly (readonly [string, number])[] = [
  ['None', 0],
  ['IgnoreCase', 1],
  ['Multiline', 2],
  ['ExplicitCapture', 4],
  ['Compiled', 8],
  ['Singleline', 16],
  ['IgnorePatternWhitespace', 32],
  ['RightToLeft', 64],
  ['ECMAScript', 256],
  ['CultureInvariant', 512],
  ['NonBacktracking', 1024],
];

/** RegexOptions names from whatever a script passed: 'IgnoreCase, Multiline', an enum value, a number or a list. */
export function regexOptionNames(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(regexOptionNames);
  const fromNumber = (n: number): string[] => REGEX_OPTIONS.filter(([, v]) => v !== 0 && (n & v) === v).map(([name]) => name);
  if (value instanceof PSEnumValue) return fromNumber(value.value);
  if (typeof value === 'string') {
    const names: string[] = [];
    for (const part of value.split(',')) {
      const hit = REGEX_OPTIONS.find(([name]) => name.toLowerCase() === part.trim().toLowerCase());
      if (!hit) throw dotnetException('System.ArgumentException', `Requested value '${part.trim()}' was not found.`);
      if (hit[1] !== 0) names.push(hit[0]);
    }
    return names;
  }
  return fromNumber(Number(value));
}

/** The RegexOptions of a [regex] as an enum value. */
export function regexOptionsValue(names: readonly string[]): PSEnumValue {
  const value = names.reduce((acc, n) => acc | (REGEX_OPTIONS.find(([name]) => name === n)?.[1] ?? 0), 0);
  return new PSEnumValue('System.Text.RegularExpressions.RegexOptions', names.length ? names.join(', ') : 'None', value);
}

/** A compiled .NET pattern with a JS RegExp that has the `g` and `d` (match indices) flags. */
export interface DotNetRegex {
  readonly compiled: CompiledRegex;
  readonly re: RegExp;
}

const withIndices = new WeakMap<CompiledRegex, RegExp>();

/** Compiles a .NET pattern (a string or a [regex]) with RegexOptions names for Match, Replace and Split. */
export function compileRegex(pattern: string | PSRegex, options: readonly string[] = []): DotNetRegex {
  const source = pattern instanceof PSRegex ? pattern.pattern : pattern;
  const names = pattern instanceof PSRegex ? [...pattern.options, ...options] : [...options];
  const compiled = compileDotNetRegex(source, regexOptionsFromNames(names));
  let re = withIndices.get(compiled);
  if (!re) {
    const flags = new Set(compiled.regex.flags.split(''));
    flags.add('g');
    flags.add('d');
    re = new RegExp(compiled.regex.source, [...flags].join(''));
    withIndices.set(compiled, re);
  }
  return { compiled, re };
}

/** [System.Text.RegularExpressions.GroupCollection]: a list of groups that can also be looked up by name. */
export class PSGroupCollection extends PSList {
  /** The group of a name or number, as `$m.Groups['name']` and `$m.Groups[1]` give. */
  byName(name: string): PSObject | undefined {
    const key = name.toLowerCase();
    return this.items.find((g) => g instanceof PSObject && String(g.read('Name')).toLowerCase() === key) as PSObject | undefined;
  }
}

const CAPTURE_TYPES = ['System.Text.RegularExpressions.Capture', 'System.Object'];
const GROUP_TYPES = ['System.Text.RegularExpressions.Group', ...CAPTURE_TYPES];
const MATCH_TYPES = ['System.Text.RegularExpressions.Match', ...GROUP_TYPES];

function capture(types: readonly string[], props: Record<string, unknown>): PSObject {
  const o = new PSObject(types);
  for (const [k, v] of Object.entries(props)) o.addProperty({ name: k, kind: 'Property', value: v });
  const value = String(props.Value ?? '');
  o.toDotNetString = () => value;
  return o;
}

function groupObject(name: string, value: string | undefined, index: number): PSObject {
  const success = value !== undefined;
  const captures = success ? [capture(CAPTURE_TYPES, { Index: index, Length: value.length, Value: value })] : [];
  return capture(GROUP_TYPES, {
    Success: success,
    Name: name,
    Captures: captures,
    Index: success ? index : 0,
    Length: success ? value.length : 0,
    Value: value ?? '',
  });
}

/** A Match object for a JS match (exec with the 'd' flag), or Match.Empty for none. */
export function matchObject(m: RegExpExecArray | null, rx: DotNetRegex): PSObject {
  const groups: PSObject[] = [];
  if (!m) groups.push(groupObject('0', undefined, 0));
  else {
    for (const g of rx.compiled.groups) {
      const index = g.jsIndex === 0 ? m.index : (m.indices?.[g.jsIndex]?.[0] ?? 0);
      groups.push(groupObject(g.name ?? String(g.number), m[g.jsIndex], index));
    }
  }
  const whole = groups[0]!;
  return capture(MATCH_TYPES, {
    Groups: new PSGroupCollection(groups),
    Success: m !== null,
    Name: '0',
    Captures: m ? whole.read('Captures') : [],
    Index: whole.read('Index'),
    Length: whole.read('Length'),
    Value: whole.read('Value'),
  });
}

/** Regex.Match(input[, startat]). */
export function regexMatch(input: string, rx: DotNetRegex, startAt = 0): PSObject {
  rx.re.lastIndex = startAt;
  return matchObject(rx.re.exec(input), rx);
}

/** Regex.Matches(input): every match, as MatchCollection's items. */
export function regexMatches(input: string, rx: DotNetRegex, startAt = 0): PSObject[] {
  const out: PSObject[] = [];
  const { re } = rx;
  re.lastIndex = startAt;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    out.push(matchObject(m, rx));
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

/** Regex.IsMatch(input). */
export function regexIsMatch(input: string, rx: DotNetRegex): boolean {
  rx.re.lastIndex = 0;
  return rx.re.test(input);
}

/** The text of a match's group by .NET number or name, undefined when there is no such group. */
function groupText(match: PSObject, key: string): string | undefined {
  const groups = match.read('Groups') as PSGroupCollection;
  const g = groups.byName(key);
  return g ? String(g.read('Value')) : undefined;
}

/** Expands .NET replacement syntax: $n, ${name}, $$, $&, $`, $', $+, $_. */
export function expandReplacement(template: string, match: PSObject, input: string): string {
  const groups = match.read('Groups') as PSGroupCollection;
  const index = Number(match.read('Index'));
  const value = String(match.read('Value'));
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c !== '$' || i + 1 >= template.length) {
      out += c;
      continue;
    }
    const next = template[i + 1]!;
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '&') {
      out += value;
      i++;
    } else if (next === '`') {
      out += input.slice(0, index);
      i++;
    } else if (next === "'") {
      out += input.slice(index + value.length);
      i++;
    } else if (next === '_') {
      out += input;
      i++;
    } else if (next === '+') {
      const last = groups.items[groups.items.length - 1] as PSObject;
      out += groups.items.length > 1 ? String(last.read('Value')) : '';
      i++;
    } else if (next === '{') {
      const end = template.indexOf('}', i + 2);
      const text = end < 0 ? undefined : groupText(match, template.slice(i + 2, end));
      if (text === undefined) out += c;
      else {
        out += text;
        i = end;
      }
    } else if (/\d/.test(next)) {
      // The longest run of digits that names an existing group.
      let digits = /^\d+/.exec(template.slice(i + 1))![0];
      while (digits && groupText(match, String(Number(digits))) === undefined) digits = digits.slice(0, -1);
      if (!digits) out += c;
      else {
        out += groupText(match, String(Number(digits)));
        i += digits.length;
      }
    } else out += c;
  }
  return out;
}

/** Regex.Replace(input, replacement | evaluator[, count]); a script block evaluator makes it async. */
export function regexReplace(
  input: string,
  rx: DotNetRegex,
  replacement: string | ScriptBlock,
  count = -1,
  ctx: MemberContext = {},
): string | Promise<string> {
  const matches = regexMatches(input, rx).slice(0, count < 0 ? undefined : count);
  const assemble = (texts: readonly string[]): string => {
    let out = '';
    let last = 0;
    matches.forEach((m, k) => {
      const index = Number(m.read('Index'));
      out += input.slice(last, index) + texts[k];
      last = index + Number(m.read('Length'));
    });
    return out + input.slice(last);
  };
  if (!isScriptBlock(replacement)) return assemble(matches.map((m) => expandReplacement(replacement, m, input)));
  return (async () => {
    const texts: string[] = [];
    for (const m of matches) {
      const output = await replacement.invoke({ args: [m], dollarUnder: m, scope: ctx.scope, signal: ctx.signal });
      texts.push(toText(output.length === 1 ? output[0] : output));
    }
    return assemble(texts);
  })();
}

/** Regex.Split(input[, count]): captured groups are included, as .NET does. */
export function regexSplit(input: string, rx: DotNetRegex, count = 0): string[] {
  const matches = regexMatches(input, rx);
  const limit = count > 0 ? count - 1 : Infinity;
  const out: string[] = [];
  let last = 0;
  for (const m of matches.slice(0, limit)) {
    const index = Number(m.read('Index'));
    out.push(input.slice(last, index));
    const groups = (m.read('Groups') as PSGroupCollection).items.slice(1) as PSObject[];
    for (const g of groups) if (g.read('Success') === true) out.push(String(g.read('Value')));
    last = index + Number(m.read('Length'));
  }
  out.push(input.slice(last));
  return out;
}

/** Regex.Escape: the metacharacters and white space, as .NET escapes them. */
export function regexEscape(text: string): string {
  let out = '';
  for (const c of text) {
    if ('\\*+?|{[()^$.#'.includes(c)) out += `\\${c}`;
    else if (c === ' ') out += '\\ ';
    else if (c === '\t') out += '\\t';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\f') out += '\\f';
    else out += c;
  }
  return out;
}

/** Regex.Unescape: undoes Escape and reads the character escapes. */
export function regexUnescape(text: string): string {
  return text.replace(/\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|(.))/g, (_all, hex: string | undefined, uni: string | undefined, ch: string | undefined) => {
    if (hex) return String.fromCharCode(parseInt(hex, 16));
    if (uni) return String.fromCharCode(parseInt(uni, 16));
    const map: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f', v: '\v', a: '\x07', e: '\x1b' };
    return map[ch!] ?? ch!;
  });
}
