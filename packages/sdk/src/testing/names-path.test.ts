import { describe, expect, it } from 'vitest';
import { warningsName } from './names-path.js';

describe('warningsName', () => {
  it.each([
    ['Skipped /src/a: a symbolic link', '/src/a', true],
    ["Skipped 'a/b' (a FIFO)", 'a/b', true],
    ['a was skipped.', 'a', true],
    ['Skipped /src/ab: a link', '/src/a', false],
    ['Skipped /src/a/b: a link', '/src/a', false],
    ['Skipped /src/a.txt: a link', '/src/a', false],
    ['Skipped /other/src/a: a link', '/src/a', false],
  ])('%j names %j: %s', (warning, path, names) => {
    expect(warningsName([warning], [path])).toBe(names);
  });
});
