import { describe, expect, it } from 'vitest';
import { RuntimeError } from './errors.js';
import { escapeWildcard, hasWildcard, matchWildcard, wildcardToRegExp } from './wildcard.js';

describe('PowerShell wildcards', () => {
  it.each<[string, string, boolean]>([
    ['a.txt', '*.txt', true],
    ['a.txt.bak', '*.txt', false],
    ['A.TXT', '*.txt', true],
    ['ab', '?b', true],
    ['b', '?b', false],
    ['bx', '[a-c]x', true],
    ['dx', '[a-c]x', false],
    ['c', '[abc]', true],
    ['-', '[a-]', true],
    ['*', '`*', true],
    ['a', '`*', false],
    ['a[b', 'a`[b', true],
    ['', '*', true],
    ['line1\nline2', 'line1*', true],
    ['Get-ChildItem', 'get-child*', true],
    ['report (1).txt', 'report (1).txt', true],
    ['a+b', 'a+b', true],
    ['$x', '$*', true],
    // '[]' matches nothing.
    ['a', '[]', false],
  ])('%o -like %o is %s', (text, pattern, expected) => {
    expect(matchWildcard(text, pattern)).toBe(expected);
    expect(wildcardToRegExp(pattern).test(text)).toBe(expected);
  });

  it('-clike is case-sensitive', () => {
    expect(matchWildcard('abc', 'A*', true)).toBe(false);
    expect(matchWildcard('Abc', 'A*', true)).toBe(true);
    expect(matchWildcard('abc', 'ABC', true)).toBe(false);
  });

  it('fails on an unclosed bracket', () => {
    try {
      matchWildcard('a', '[a');
      throw new Error('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(RuntimeError);
      expect((e as RuntimeError).message).toBe('The specified wildcard character pattern is not valid: [a');
    }
  });

  it.each<[string, boolean]>([
    ['a*', true],
    ['a?', true],
    ['[ab]', true],
    ['abc', false],
    ['a`*', false],
    ['a``*', true],
  ])('hasWildcard(%o) is %s', (pattern, expected) => {
    expect(hasWildcard(pattern)).toBe(expected);
  });

  it('escapes wildcard characters with backticks', () => {
    const escaped = escapeWildcard('a*[b]?');
    expect(escaped).toBe('a`*`[b`]`?');
    expect(matchWildcard('a*[b]?', escaped)).toBe(true);
    expect(matchWildcard('aX[b]?', escaped)).toBe(false);
  });
});
