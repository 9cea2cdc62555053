import { describe, expect, it } from 'vitest';
import { PSDateTime, PSHashtable, PSNumber, PSObject } from '@dpmsh/runtime';
import { JsonConversionError, JsonSyntaxError, parseJson } from './json-parse.js';

const read = (text: string, asHashtable = false): unknown => parseJson(text, { asHashtable, depth: 1024 })?.value;

describe('ConvertFrom-Json reader', () => {
  it('reads integers as Int64 and other numbers as Double', () => {
    expect(read('1')).toEqual(new PSNumber('Int64', 1));
    expect(read('1.5')).toBe(1.5);
    expect(read('1e3')).toEqual(new PSNumber('Double', 1000));
  });

  it('makes custom objects in key order, or ordered hashtables', () => {
    const obj = read('{"b":1,"a":[true,null,"x"]}') as PSObject;
    expect(obj.properties.map((p) => p.name)).toEqual(['b', 'a']);
    expect(obj.read('a')).toEqual([true, null, 'x']);
    const table = read('{"b":1,"a":2}', true) as PSHashtable;
    expect(table.ordered).toBe(true);
    expect(table.keys()).toEqual(['b', 'a']);
  });

  it('reads ISO 8601 date-times as DateTime, with their kind, and leaves plain dates as strings', () => {
    const utc = read('"2020-01-02T03:04:05Z"') as PSDateTime;
    expect(utc).toBeInstanceOf(PSDateTime);
    expect(utc.kind).toBe('Utc');
    expect(utc.ms).toBe(Date.UTC(2020, 0, 2, 3, 4, 5));
    expect((read('"2020-01-02T03:04:05+02:00"') as PSDateTime).ms).toBe(Date.UTC(2020, 0, 2, 1, 4, 5));
    expect(read('"2020-01-02"')).toBe('2020-01-02');
  });

  it('accepts comments and single quotes; empty text is no value', () => {
    expect(read("// note\n{'a': /* x */ 1}")).toBeInstanceOf(PSObject);
    expect(parseJson('  ', { asHashtable: false, depth: 10 })).toBeUndefined();
  });

  it('reports syntax errors with a position, and keys differing only in case', () => {
    expect(() => read('{')).toThrow(JsonSyntaxError);
    expect(() => read('{')).toThrow("Unexpected end when reading JSON. Path '', line 1, position 1.");
    expect(() => read('{"a":1,"A":2}')).toThrow(JsonConversionError);
    expect(read('{"a":1,"A":2}', true)).toBeInstanceOf(PSHashtable);
  });

  it('enforces the depth limit', () => {
    expect(() => parseJson('[[[1]]]', { asHashtable: false, depth: 2 })).toThrow(/MaxDepth of 2/);
  });
});
