import { describe, expect, it } from 'vitest';
import { RuntimeError } from './errors.js';
import { compileDotNetRegex, matchesTable, regexOptionsFromNames, toJsRegExp } from './regex.js';

function matchTable(text: string, pattern: string): Map<unknown, unknown> | undefined {
  const compiled = compileDotNetRegex(pattern);
  const m = compiled.regex.exec(text);
  return m ? new Map(matchesTable(compiled, m).entries()) : undefined;
}

describe('toJsRegExp: .NET semantics on the JS engine', () => {
  it.each<[string, string, boolean]>([
    ['^\\d+$', '123', true],
    // .NET's $ also matches before a final newline; \z does not.
    ['^\\d+$', '123\n', true],
    ['\\A\\d+\\z', '123\n', false],
    ['\\A\\d+\\Z', '123\n', true],
    // . excludes only \n.
    ['a.b', 'a\nb', false],
    ['a.b', 'a\rb', true],
    // \d and \w are Unicode-aware in .NET.
    ['^\\d$', '٣', true],
    ['^\\w+$', 'héllo', true],
    ['\\bcafé\\b', 'un café noir', true],
    ['^\\W$', 'é', false],
    // Braces that are not a quantifier are literals; a lone ] too.
    ['a{b', 'a{b', true],
    ['^a{2}$', 'aa', true],
    ['a]', 'a]', true],
    ['[]a]', ']', true],
    // Escaped punctuation that JS's u flag would reject.
    ['a\\-b', 'a-b', true],
    ['\\#\\%', '#%', true],
    ['[\\w-]+@', 'foo-bar@', true],
    ['\\x41\\u0042', 'AB', true],
    ['\\e', '\u001b', true],
    ['(?i)abc', 'ABC', true],
    ['(?x) a b  # a comment', 'ab', true],
    ['a(?#note)b', 'ab', true],
    ['(?>a+)b', 'aab', true],
    ['(?<=\\$)\\d+', 'cost $42', true],
  ])('%s on %o is %s', (pattern, text, expected) => {
    expect(toJsRegExp(pattern, { caseSensitive: true }).test(text)).toBe(expected);
  });

  it('is case-insensitive when asked, and caches the compiled RegExp', () => {
    expect(toJsRegExp('abc', { caseSensitive: false }).test('ABC')).toBe(true);
    expect(toJsRegExp('abc', { caseSensitive: true }).test('ABC')).toBe(false);
    expect(toJsRegExp('x+y', { caseSensitive: false })).toBe(toJsRegExp('x+y', { caseSensitive: false }));
  });

  it('applies RegexOptions by name', () => {
    expect(toJsRegExp('^b', { caseSensitive: true, regexOptions: ['Multiline'] }).test('a\nb')).toBe(true);
    expect(toJsRegExp('^b', { caseSensitive: true }).test('a\nb')).toBe(false);
    expect(toJsRegExp('a.b', { caseSensitive: true, regexOptions: ['Singleline'] }).test('a\nb')).toBe(true);
    expect(toJsRegExp('a b', { caseSensitive: true, regexOptions: ['IgnorePatternWhitespace'] }).test('ab')).toBe(true);
    expect(regexOptionsFromNames(['IgnoreCase', 'ExplicitCapture'])).toMatchObject({ ignoreCase: true, explicitCapture: true });
  });

  it('renumbers backreferences as .NET numbers groups (unnamed first)', () => {
    // .NET: (y) is group 1, the named group x is group 2.
    expect(toJsRegExp('^(?<x>a)(y)\\1$', { caseSensitive: true }).test('ayy')).toBe(true);
    expect(toJsRegExp('^(?<x>a)(y)\\2$', { caseSensitive: true }).test('aya')).toBe(true);
    expect(toJsRegExp(`(?<q>["'])\\w+\\k'q'`, { caseSensitive: true }).test('"abc"')).toBe(true);
  });

  it.each(['(', 'a)', '[abc', '\\q', '(?(a)b|c)', '[a-z-[aeiou]]', 'a\\'])('%s fails with PowerShell\'s error', (pattern) => {
    try {
      toJsRegExp(pattern);
      throw new Error('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(RuntimeError);
      const record = (e as RuntimeError).errorRecord;
      expect(record.errorId).toBe('InvalidRegularExpression');
      expect(record.message).toBe(`The regular expression pattern ${pattern} is not valid.`);
    }
  });
});

describe('matchesTable ($Matches)', () => {
  it('numbers unnamed groups before named ones', () => {
    expect(matchTable('ab', '(?<n>a)(b)')).toEqual(
      new Map<unknown, unknown>([
        ['n', 'a'],
        [1, 'b'],
        [0, 'ab'],
      ]),
    );
  });

  it('leaves out optional groups that did not match', () => {
    expect(matchTable('ac', 'a(?<mid>b)?(c)')).toEqual(
      new Map<unknown, unknown>([
        [1, 'c'],
        [0, 'ac'],
      ]),
    );
  });

  it('has no groups under ExplicitCapture but the named ones', () => {
    const compiled = compileDotNetRegex('(a)(?<b>b)', { explicitCapture: true });
    const m = compiled.regex.exec('ab')!;
    expect([...matchesTable(compiled, m).keys()]).toEqual(['b', 0]);
  });
});
