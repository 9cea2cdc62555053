import { describe, expect, it } from 'vitest';
import { cellLength } from './cells.js';
import { firstLineWithEllipsis, wrapText } from './lines.js';

describe('display cells', () => {
  it('counts East Asian wide characters as two cells and escape sequences as none', () => {
    expect(cellLength('abc')).toBe(3);
    expect(cellLength('千消息')).toBe(6);
    expect(cellLength('\x1b[32mok\x1b[0m')).toBe(2);
  });
});

describe('word wrapping (en-US)', () => {
  it('breaks after spaces, keeping them at the end of the line', () => {
    expect(wrapText('hello big world', 10)).toEqual(['hello big ', 'world']);
  });

  it('cuts a word longer than a line', () => {
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('honours embedded newlines and drops carriage returns', () => {
    expect(wrapText('one\r\ntwo', 10)).toEqual(['one', 'two']);
  });

  it('breaks at a soft hyphen and shows it only where the line breaks', () => {
    expect(wrapText('super\u00adcalifragilistic', 6)).toEqual(['super-', 'califr', 'agilis', 'tic']);
  });

  it('gives the first line of a multi-line value an ellipsis', () => {
    expect(firstLineWithEllipsis('one\ntwo')).toBe('one…');
    expect(firstLineWithEllipsis('single')).toBe('single');
  });
});
