import { describe, expect, it } from 'vitest';
import { entryPathProblem, isEntryPath, isSameOrUnder, joinEntryPath, parentEntryPath, validateEntryPath } from './entry-path.js';
import { EntryPathError } from './errors.js';

describe('entry paths', () => {
  it.each(['a', 'a/b', 'a b/c.d', '.hidden', 'a/..b', 'back\\slash'])('accepts %s', (path) => {
    expect(isEntryPath(path)).toBe(true);
    expect(validateEntryPath(path)).toBe(path);
  });

  it.each([
    ['', 'it is empty'],
    ['/etc', "it starts with '/'"],
    ['a//b', 'an empty part'],
    ['a/', 'an empty part'],
    ['.', "a '.' part"],
    ['a/../../etc', "a '..' part"],
    ['a\0b', 'NUL'],
  ])('refuses %j', (path, reason) => {
    expect(entryPathProblem(path)).toContain(reason);
    expect(() => validateEntryPath(path)).toThrow(EntryPathError);
    expect(() => validateEntryPath(path)).toThrow(`The entry path '${path}' is not valid: `);
  });

  it('refuses what is not a string', () => {
    expect(isEntryPath(3)).toBe(false);
  });

  it('joins and splits', () => {
    expect(joinEntryPath('', 'a')).toBe('a');
    expect(joinEntryPath('a', 'b')).toBe('a/b');
    expect(() => joinEntryPath('a', 'b/c')).toThrow("a name must not contain '/'");
    expect(() => joinEntryPath('a', '..')).toThrow(EntryPathError);
    expect(parentEntryPath('a/b/c')).toBe('a/b');
    expect(parentEntryPath('a')).toBe('');
  });

  it('knows what lies under what', () => {
    expect(isSameOrUnder('a/b', 'a')).toBe(true);
    expect(isSameOrUnder('a', 'a')).toBe(true);
    expect(isSameOrUnder('ab', 'a')).toBe(false);
  });
});
