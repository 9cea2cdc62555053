/**
 * .NET regular expressions on JavaScript's engine. Scripts write .NET syntax (`-match`,
 * `-replace`, `[regex]`, `Select-String`); this translates it where the two differ and keeps
 * .NET's group numbering, so `$Matches[1]` and `$1` mean what they mean in PowerShell:
 *
 * - `.` excludes only `\n`; `$` also matches before a final `\n`; `^`/`$` in Multiline mode
 *   break only at `\n`; `\A`, `\z`, `\Z` anchors.
 * - `\d`, `\w`, `\b` are Unicode-aware as in .NET (JS's are ASCII).
 * - Inline options `(?imnsx-imnsx)` at the start become flags; `(?'name')`, `\k'name'`, `(?#...)`
 *   comments, IgnorePatternWhitespace and ExplicitCapture are handled.
 * - Groups are numbered as .NET numbers them: unnamed groups first, then named ones.
 *
 * The [regex] members (Match objects, Replace, Split) build on this in dotnet-regex.ts.
 *
 * Not supported (the pattern fails with PowerShell's invalid-pattern error): balancing groups,
 * conditionals, character-class subtraction, RightToLeft. Approximated: atomic groups `(?>...)`
 * behave as plain groups; an inline option in the middle of a pattern applies to all of it.
 */
import { errorRecord, terminate } from './errors.js';
import { LruCache } from './lru-cache.js';
import { PSHashtable } from './values.js';

/** RegexOptions a pattern is compiled with (the names of [System.Text.RegularExpressions.RegexOptions]). */
export interface RegexCompileOptions {
  readonly ignoreCase?: boolean;
  readonly multiline?: boolean;
  readonly singleline?: boolean;
  readonly ignorePatternWhitespace?: boolean;
  readonly explicitCapture?: boolean;
  /** For replace and matching all: a /g RegExp. */
  readonly global?: boolean;
}

/** A compiled .NET pattern and how its JS capture groups map to .NET's group numbers and names. */
export interface CompiledRegex {
  readonly pattern: string;
  readonly regex: RegExp;
  /** For each JS capture group (index 1..n; index 0 unused), its .NET group number. */
  readonly groupNumbers: readonly number[];
  /** For each JS capture group, its .NET name when it is named. */
  readonly groupNames: readonly (string | undefined)[];
  /** .NET group numbers in order (0 first), with their names: what $Matches and -replace use. */
  readonly groups: readonly { readonly number: number; readonly name?: string; readonly jsIndex: number }[];
}

const WORD = '\\p{L}\\p{Mn}\\p{Nd}\\p{Pc}';
const SYNTAX = new Set(['^', '$', '\\', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '/']);

class RegexSyntaxError extends Error {}

/** The error PowerShell reports for a pattern .NET cannot parse. */
export function invalidRegexError(pattern: string): never {
  return terminate(
    errorRecord(`The regular expression pattern ${pattern} is not valid.`, 'InvalidRegularExpression', 'InvalidOperation', {
      typeName: 'System.Management.Automation.RuntimeException',
      targetObject: pattern,
    }),
  );
}

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  x: boolean;
  n: boolean;
}

function applyOptionLetters(letters: string, flags: Flags): boolean {
  let on = true;
  for (const c of letters) {
    if (c === '-') on = false;
    else if (c === 'i' || c === 'm' || c === 's' || c === 'x' || c === 'n') flags[c] = on;
    else return false;
  }
  return true;
}

function literal(c: string): string {
  return SYNTAX.has(c) ? `\\${c}` : c;
}

interface GroupInfo {
  readonly name?: string;
}

/**
 * Walks a .NET pattern. In the first pass it only records capture groups (so numeric
 * backreferences can be renumbered); in the second it emits the JS source.
 */
class Translator {
  private i = 0;
  private out = '';
  readonly groups: GroupInfo[] = [];
  readonly flags: Flags;

  constructor(
    private readonly src: string,
    flags: Flags,
    private readonly jsIndexOfNet?: Map<number, number>,
  ) {
    this.flags = { ...flags };
  }

  run(): string {
    // Leading inline options apply to the whole pattern.
    for (;;) {
      const m = /^\(\?([imnsx-]+)\)/.exec(this.src.slice(this.i));
      if (!m || !applyOptionLetters(m[1]!, this.flags)) break;
      this.i += m[0].length;
    }
    while (this.i < this.src.length) this.token();
    return this.out;
  }

  private token(): void {
    const c = this.src[this.i]!;
    if (this.flags.x && /\s/.test(c)) {
      this.i++;
      return;
    }
    if (this.flags.x && c === '#') {
      while (this.i < this.src.length && this.src[this.i] !== '\n') this.i++;
      return;
    }
    switch (c) {
      case '\\':
        this.out += this.escape(false);
        return;
      case '[':
        this.out += this.charClass();
        return;
      case '(':
        this.out += this.group();
        return;
      case '.':
        this.i++;
        this.out += this.flags.s ? '[\\s\\S]' : '[^\\n]';
        return;
      case '^':
        this.i++;
        this.out += this.flags.m ? '(?<![^\\n])' : '(?<![\\s\\S])';
        return;
      case '$':
        this.i++;
        this.out += this.flags.m ? '(?![^\\n])' : '(?=\\n?(?![\\s\\S]))';
        return;
      case '{': {
        const q = /^\{\d+(,\d*)?\}/.exec(this.src.slice(this.i));
        if (q) {
          this.i += q[0].length;
          this.out += q[0];
        } else {
          this.i++;
          this.out += '\\{';
        }
        return;
      }
      case '}':
      case ']':
        this.i++;
        this.out += `\\${c}`;
        return;
      default:
        this.i++;
        this.out += c;
    }
  }

  private escape(inClass: boolean): string {
    const next = this.src[this.i + 1];
    if (next === undefined) throw new RegexSyntaxError('Illegal \\ at end of pattern.');
    this.i += 2;
    switch (next) {
      case 'A':
        return inClass ? 'A' : '(?<![\\s\\S])';
      case 'z':
        return inClass ? 'z' : '(?![\\s\\S])';
      case 'Z':
        return inClass ? 'Z' : '(?=\\n?(?![\\s\\S]))';
      case 'G':
        // Only "at the start of this match attempt", which for one match is the start.
        return inClass ? 'G' : '(?<![\\s\\S])';
      case 'd':
        return '\\p{Nd}';
      case 'D':
        return '\\P{Nd}';
      case 'w':
        return inClass ? WORD : `[${WORD}]`;
      case 'W':
        return inClass ? '\\W' : `[^${WORD}]`;
      case 'b':
        return inClass ? '\\x08' : `(?:(?<=[${WORD}])(?![${WORD}])|(?<![${WORD}])(?=[${WORD}]))`;
      case 'B':
        return `(?:(?<=[${WORD}])(?=[${WORD}])|(?<![${WORD}])(?![${WORD}]))`;
      case 'e':
        return '\\x1B';
      case 'a':
        return '\\x07';
      case 's':
      case 'S':
      case 't':
      case 'n':
      case 'r':
      case 'f':
      case 'v':
        return `\\${next}`;
      case 'p':
      case 'P': {
        const m = /^\{[A-Za-z_]+\}/.exec(this.src.slice(this.i));
        if (!m) throw new RegexSyntaxError('Incomplete \\p{X} character escape.');
        this.i += m[0].length;
        return `\\${next}${m[0]}`;
      }
      case 'x': {
        const m = /^[0-9A-Fa-f]{2}/.exec(this.src.slice(this.i));
        if (!m) throw new RegexSyntaxError('Insufficient hexadecimal digits.');
        this.i += 2;
        return `\\x${m[0]}`;
      }
      case 'u': {
        const m = /^[0-9A-Fa-f]{4}/.exec(this.src.slice(this.i));
        if (!m) throw new RegexSyntaxError('Insufficient hexadecimal digits.');
        this.i += 4;
        return `\\u${m[0]}`;
      }
      case 'c': {
        const m = /^[A-Za-z]/.exec(this.src.slice(this.i));
        if (!m) throw new RegexSyntaxError('Missing control character.');
        this.i += 1;
        return `\\c${m[0]}`;
      }
      case 'k': {
        const m = /^(?:<([^>]+)>|'([^']+)')/.exec(this.src.slice(this.i));
        if (!m || inClass) throw new RegexSyntaxError('Malformed \\k<...> named back reference.');
        this.i += m[0].length;
        const name = m[1] ?? m[2]!;
        if (/^\d+$/.test(name)) return this.backReference(Number(name));
        return `\\k<${name}>`;
      }
      case '0': {
        const m = /^[0-7]{0,2}/.exec(this.src.slice(this.i))!;
        this.i += m[0].length;
        return `\\x${parseInt(`0${m[0]}`, 8).toString(16).padStart(2, '0')}`;
      }
      default:
        break;
    }
    if (/[1-9]/.test(next)) {
      if (inClass) throw new RegexSyntaxError('Back reference in a character class.');
      let digits = next;
      while (/[0-9]/.test(this.src[this.i] ?? '')) digits += this.src[this.i++];
      return this.backReference(Number(digits));
    }
    if (/[A-Za-z0-9_]/.test(next)) throw new RegexSyntaxError(`Unrecognized escape sequence \\${next}.`);
    if (inClass) return next === '-' || next === ']' || next === '\\' || next === '^' || next === '[' ? `\\${next}` : next;
    return literal(next);
  }

  private backReference(netNumber: number): string {
    if (!this.jsIndexOfNet) return '';
    const js = this.jsIndexOfNet.get(netNumber);
    if (js === undefined) throw new RegexSyntaxError(`Reference to undefined group number ${netNumber}.`);
    // A following digit must not extend the reference: \1 then '0' is written \1(?:)0.
    return `\\${js}(?:)`;
  }

  private charClass(): string {
    let out = '[';
    this.i++;
    if (this.src[this.i] === '^') {
      out += '^';
      this.i++;
    }
    // A ']' first in the class is a literal in .NET.
    if (this.src[this.i] === ']') {
      out += '\\]';
      this.i++;
    }
    while (this.i < this.src.length) {
      const c = this.src[this.i]!;
      if (c === ']') {
        this.i++;
        return `${out}]`;
      }
      if (c === '\\') {
        out += this.escape(true);
        continue;
      }
      if (c === '-' && this.src[this.i + 1] === '[') throw new RegexSyntaxError('Character class subtraction is not supported.');
      if (c === '[') {
        out += '\\[';
        this.i++;
        continue;
      }
      out += c;
      this.i++;
    }
    throw new RegexSyntaxError('Unterminated [] set.');
  }

  private group(): string {
    const rest = this.src.slice(this.i);
    if (!rest.startsWith('(?')) {
      this.i++;
      if (this.flags.n) return '(?:';
      this.groups.push({});
      return '(';
    }
    let m: RegExpExecArray | null;
    if ((m = /^\(\?#[^)]*\)/.exec(rest))) {
      this.i += m[0].length;
      return '';
    }
    if ((m = /^\(\?(?:<([A-Za-z_][A-Za-z0-9_]*)>|'([A-Za-z_][A-Za-z0-9_]*)')/.exec(rest))) {
      this.i += m[0].length;
      const name = m[1] ?? m[2]!;
      this.groups.push({ name });
      return `(?<${name}>`;
    }
    if ((m = /^\(\?(?:<(\d+)>|'(\d+)')/.exec(rest))) {
      // An explicitly numbered group: treated as the next unnamed group.
      this.i += m[0].length;
      this.groups.push({});
      return '(';
    }
    if ((m = /^\(\?(<=|<!|=|!|:)/.exec(rest))) {
      this.i += m[0].length;
      return m[0];
    }
    if (rest.startsWith('(?>')) {
      this.i += 3;
      return '(?:';
    }
    if ((m = /^\(\?([imnsx-]+)(\)|:)/.exec(rest)) && applyOptionLetters(m[1]!, this.flags)) {
      this.i += m[0].length;
      return m[2] === ':' ? '(?:' : '';
    }
    throw new RegexSyntaxError('Unsupported group construct.');
  }
}

function translate(pattern: string, options: RegexCompileOptions): CompiledRegex {
  const flags: Flags = {
    i: options.ignoreCase ?? false,
    m: options.multiline ?? false,
    s: options.singleline ?? false,
    x: options.ignorePatternWhitespace ?? false,
    n: options.explicitCapture ?? false,
  };
  // Pass 1: the groups in JS order, to number them as .NET does.
  const scan = new Translator(pattern, flags);
  scan.run();
  const unnamed: number[] = [];
  const namedOrder: string[] = [];
  scan.groups.forEach((g, index) => {
    if (g.name === undefined) unnamed.push(index + 1);
    else if (!namedOrder.includes(g.name)) namedOrder.push(g.name);
  });
  const groupNumbers: number[] = [0];
  const groupNames: (string | undefined)[] = [undefined];
  const jsIndexOfNet = new Map<number, number>();
  scan.groups.forEach((g, index) => {
    const jsIndex = index + 1;
    const net = g.name === undefined ? unnamed.indexOf(jsIndex) + 1 : unnamed.length + namedOrder.indexOf(g.name) + 1;
    groupNumbers.push(net);
    groupNames.push(g.name);
    if (!jsIndexOfNet.has(net)) jsIndexOfNet.set(net, jsIndex);
  });
  // Pass 2: the source, with backreferences renumbered.
  const emit = new Translator(pattern, flags, jsIndexOfNet);
  const source = emit.run();
  const f = emit.flags;
  const regex = new RegExp(source, `u${f.i || scan.flags.i ? 'i' : ''}${options.global ? 'g' : ''}`);
  const groups: { number: number; name?: string; jsIndex: number }[] = [{ number: 0, jsIndex: 0 }];
  for (let net = 1; net < groupNumbers.length; net++) {
    const jsIndex = jsIndexOfNet.get(net);
    if (jsIndex !== undefined) groups.push({ number: net, name: groupNames[jsIndex], jsIndex });
  }
  return { pattern, regex, groupNumbers, groupNames, groups };
}

const CACHE_SIZE = 500;
/** One cache per combination of options, keyed by the pattern, so a lookup builds no key. */
const caches: LruCache<string, CompiledRegex>[] = [];

function optionBits(o: RegexCompileOptions): number {
  return (o.ignoreCase ? 1 : 0) | (o.multiline ? 2 : 0) | (o.singleline ? 4 : 0) | (o.ignorePatternWhitespace ? 8 : 0) | (o.explicitCapture ? 16 : 0) | (o.global ? 32 : 0);
}

/**
 * Compiles a .NET pattern (cached: scripts run -match in loops), failing with PowerShell's
 * "The regular expression pattern X is not valid." (InvalidRegularExpression).
 */
export function compileDotNetRegex(pattern: string, options: RegexCompileOptions = {}): CompiledRegex {
  const bits = optionBits(options);
  const cache = (caches[bits] ??= new LruCache(CACHE_SIZE));
  const hit = cache.get(pattern);
  if (hit) return hit;
  let compiled: CompiledRegex;
  try {
    compiled = translate(pattern, options);
  } catch (e) {
    if (e instanceof RegexSyntaxError || e instanceof SyntaxError) return invalidRegexError(pattern);
    throw e;
  }
  cache.set(pattern, compiled);
  return compiled;
}

/** RegexOptions names (`IgnoreCase`, `Multiline`...) as compile options. */
export function regexOptionsFromNames(names: readonly string[]): RegexCompileOptions {
  const set = new Set(names.map((n) => n.toLowerCase()));
  return {
    ignoreCase: set.has('ignorecase'),
    multiline: set.has('multiline'),
    singleline: set.has('singleline'),
    ignorePatternWhitespace: set.has('ignorepatternwhitespace'),
    explicitCapture: set.has('explicitcapture'),
  };
}

/** A .NET pattern as a JS RegExp (cached). `caseSensitive` false adds IgnoreCase, as -match does. */
export function toJsRegExp(
  pattern: string,
  options: { readonly caseSensitive?: boolean; readonly regexOptions?: readonly string[]; readonly global?: boolean } = {},
): RegExp {
  const named = regexOptionsFromNames(options.regexOptions ?? []);
  return compileDotNetRegex(pattern, { ...named, ignoreCase: named.ignoreCase || options.caseSensitive === false, global: options.global }).regex;
}

/** The groups of a match as $Matches: keys 0, 1, … (.NET numbers) and group names, for the groups that matched. */
export function matchesTable(compiled: CompiledRegex, match: RegExpExecArray): PSHashtable {
  const table = new PSHashtable();
  // PowerShell's $Matches is a Hashtable; small integer keys enumerate in descending order.
  const named = compiled.groups.filter((g) => g.name !== undefined && match[g.jsIndex] !== undefined);
  for (const g of named) table.set(g.name, match[g.jsIndex]);
  const numbered = compiled.groups.filter((g) => g.name === undefined && match[g.jsIndex] !== undefined);
  for (let k = numbered.length - 1; k >= 0; k--) table.set(numbered[k]!.number, match[numbered[k]!.jsIndex]);
  return table;
}
