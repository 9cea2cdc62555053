/**
 * PowerShell wildcards (`-like`, `Get-ChildItem *.txt`, `Get-Command Get-*`): `*` any run of
 * characters, `?` one character, `[abc]` and `[a-z]` one of a set, and a backtick escaping the
 * next character. A pattern matches the whole text.
 */
import { errorRecord, terminate } from './errors.js';
import { LruCache } from './lru-cache.js';

const CACHE_SIZE = 500;
const ignoreCaseCache = new LruCache<string, RegExp>(CACHE_SIZE);
const caseSensitiveCache = new LruCache<string, RegExp>(CACHE_SIZE);

/** A literal character outside a character class (with the u flag, only syntax characters may be escaped). */
function escapeForRegExp(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

/** A literal character inside a character class. */
function escapeInClass(c: string): string {
  return /[\\\]^[-]/.test(c) ? `\\${c}` : c;
}

/** The error for a malformed wildcard pattern (an unclosed `[`). */
function invalidWildcard(pattern: string): never {
  return terminate(
    errorRecord(`The specified wildcard character pattern is not valid: ${pattern}`, 'WildcardPatternException', 'InvalidArgument', {
      typeName: 'System.Management.Automation.WildcardPatternException',
      targetObject: pattern,
    }),
  );
}

function translate(pattern: string): string {
  let out = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '`') {
      // A trailing backtick is itself a literal.
      const next = pattern[i + 1];
      if (next === undefined) out += '`';
      else {
        out += escapeForRegExp(next);
        i++;
      }
    } else if (c === '*') out += '[\\s\\S]*';
    else if (c === '?') out += '[\\s\\S]';
    else if (c === '[') {
      let set = '';
      let j = i + 1;
      for (; j < pattern.length && pattern[j] !== ']'; j++) {
        const d = pattern[j]!;
        if (d === '`' && j + 1 < pattern.length) {
          set += escapeInClass(pattern[++j]!);
        } else if (d === '-' && set.length > 0 && j + 1 < pattern.length && pattern[j + 1] !== ']') {
          set += '-';
        } else set += escapeInClass(d);
      }
      if (j >= pattern.length) invalidWildcard(pattern);
      // '[]' matches nothing, as in PowerShell.
      out += set.length === 0 ? '(?!)' : `[${set}]`;
      i = j;
    } else out += escapeForRegExp(c);
  }
  return `${out}$`;
}

/** A PowerShell wildcard pattern as an anchored RegExp (cached); case-insensitive unless `caseSensitive`. */
export function wildcardToRegExp(pattern: string, caseSensitive = false): RegExp {
  const cache = caseSensitive ? caseSensitiveCache : ignoreCaseCache;
  const hit = cache.get(pattern);
  if (hit) return hit;
  const re = new RegExp(translate(pattern), caseSensitive ? 'u' : 'iu');
  cache.set(pattern, re);
  return re;
}

/** True when a pattern has an unescaped wildcard character (`*`, `?`, `[`, `]`), as WildcardPattern.ContainsWildcardCharacters. */
export function hasWildcard(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '`') i++;
    else if (c === '*' || c === '?' || c === '[' || c === ']') return true;
  }
  return false;
}

/** Escapes the wildcard characters of a literal text with backticks, as WildcardPattern.Escape. */
export function escapeWildcard(text: string): string {
  return text.replace(/[*?[\]`]/g, (c) => `\`${c}`);
}

/** True when `text` matches the wildcard `pattern` as a whole. */
export function matchWildcard(text: string, pattern: string, caseSensitive = false): boolean {
  // Most patterns scripts write are a literal or a single trailing '*': skip the regex for those.
  if (!hasWildcard(pattern) && !pattern.includes('`')) {
    return caseSensitive ? text === pattern : text.length === pattern.length && (text === pattern || text.toLowerCase() === pattern.toLowerCase());
  }
  return wildcardToRegExp(pattern, caseSensitive).test(text);
}
