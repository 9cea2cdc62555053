import { describe, expect, it } from 'vitest';
import { highlight, parseErrorRanges } from './highlight.js';
import { decodeKey, decodeKeys } from './keys.js';

describe('highlighting', () => {
  it('colours commands, parameters, strings, variables, numbers, operators and comments', () => {
    const text = 'Get-Item -Path "x"; $y = 1 + 42 # note';
    const kinds = Object.fromEntries(highlight(text).map((r) => [text.slice(r.start, r.end), r.kind]));
    expect(kinds).toMatchObject({ 'Get-Item': 'command', '-Path': 'parameter', '"x"': 'string', $y: 'variable', '+': 'operator', '42': 'number', '# note': 'comment' });
  });

  it('marks parse errors before Enter, but not input that is merely unfinished', () => {
    expect(parseErrorRanges('if ($x) {')).toEqual([]);
    expect(parseErrorRanges('1 +')).toEqual([]);
    expect(parseErrorRanges('"a" = )').length).toBeGreaterThan(0);
    expect(highlight('"a" = )').some((r) => r.kind === 'error')).toBe(true);
  });
});

describe('keys', () => {
  it('names the keys the editor binds', () => {
    expect(decodeKey('\x1b[1;5D')).toEqual({ kind: 'key', name: 'left', ctrl: true, alt: false, shift: false });
    expect(decodeKey('\x1bb')).toMatchObject({ name: 'b', alt: true });
    expect(decodeKey('\x7f')).toMatchObject({ name: 'backspace' });
    expect(decodeKey('\x1b[3~')).toMatchObject({ name: 'delete' });
    expect(decodeKey('\x1b[Z')).toMatchObject({ name: 'tab', shift: true });
    expect(decodeKey('\x12')).toMatchObject({ name: 'r', ctrl: true });
    expect(decodeKey('a\r\nb')).toEqual({ kind: 'text', text: 'a\nb' });
    expect(decodeKeys('Get-Da\t')).toEqual([{ kind: 'text', text: 'Get-Da' }, { kind: 'key', name: 'tab', ctrl: false, alt: false, shift: false }]);
  });
});
