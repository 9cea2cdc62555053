import { describe, expect, it } from 'vitest';
import { tokenize } from './index.js';
import type { Token } from './token.js';

function kinds(text: string): string[] {
  return tokenize(text).map((t) => `${t.kind}:${t.text}`);
}

describe('tokenize (syntax highlighting)', () => {
  it('classifies the parts of a command', () => {
    expect(kinds('Get-Item -Path C:\\x 5 "s" $v | Sort-Object')).toEqual([
      'command:Get-Item',
      'parameter:-Path',
      'generic:C:\\x',
      'number:5',
      'string:"s"',
      'variable:$v',
      'operator:|',
      'command:Sort-Object',
    ]);
  });

  it('classifies keywords, types, members, operators and punctuation', () => {
    expect(kinds('if ($x -eq 1) { [int]::MaxValue.ToString() } else { $h.Name }')).toEqual([
      'keyword:if',
      'punctuation:(',
      'variable:$x',
      'operator:-eq',
      'number:1',
      'punctuation:)',
      'punctuation:{',
      'punctuation:[',
      'type:int',
      'punctuation:]',
      'operator:::',
      'member:MaxValue',
      'operator:.',
      'member:ToString',
      'punctuation:(',
      'punctuation:)',
      'punctuation:}',
      'keyword:else',
      'punctuation:{',
      'variable:$h',
      'operator:.',
      'member:Name',
      'punctuation:}',
    ]);
  });

  it('includes comments, newlines and line continuations', () => {
    expect(kinds('1 # one\n<# two #> 2 `\n+ 3')).toEqual([
      'number:1',
      'comment:# one',
      'newline:\n',
      'comment:<# two #>',
      'number:2',
      'lineContinuation:`\n',
      'operator:+',
      'number:3',
    ]);
  });

  it('splits expandable strings around their variables and sub-expressions', () => {
    expect(kinds('"Hi $name, $($n + 1)!"')).toEqual([
      'string:"Hi ',
      'variable:$name',
      'string:, ',
      'punctuation:$(',
      'variable:$n',
      'string: ',
      'operator:+',
      'string: ',
      'number:1',
      'punctuation:)',
      'string:!"',
    ]);
  });

  it('marks function names, labels, attributes and hashtable keys', () => {
    expect(kinds(':outer foreach ($x in $y) { break outer }')).toContain('label::outer');
    expect(kinds(':outer foreach ($x in $y) { break outer }')).toContain('label:outer');
    expect(kinds('function Get-Thing { param([Parameter(Mandatory)]$a) }')).toEqual([
      'keyword:function',
      'command:Get-Thing',
      'punctuation:{',
      'keyword:param',
      'punctuation:(',
      'punctuation:[',
      'type:Parameter',
      'punctuation:(',
      'member:Mandatory',
      'punctuation:)',
      'punctuation:]',
      'variable:$a',
      'punctuation:)',
      'punctuation:}',
    ]);
    expect(kinds('@{ Name = 1 }')).toEqual(['punctuation:@{', 'member:Name', 'operator:=', 'number:1', 'punctuation:}']);
    expect(kinds('switch ($x) { default { } }')).toContain('keyword:default');
  });

  it('highlights unfinished input without throwing', () => {
    expect(kinds('"abc $x')).toEqual(['string:"abc ', 'variable:$x']);
    expect(kinds('if ($x) {')).toEqual(['keyword:if', 'punctuation:(', 'variable:$x', 'punctuation:)', 'punctuation:{']);
    expect(kinds('<# open')).toEqual(['comment:<# open']);
    expect(tokenize('')).toEqual([]);
  });

  it('returns ordered, non-overlapping tokens whose text is their source slice', () => {
    const text = 'function f { param($a = "$($b.c[0])") process { $a | % { "x$_" } } }\n$h = @{ k = [int[]](1, 2) }';
    const tokens: Token[] = tokenize(text);
    let last = 0;
    for (const t of tokens) {
      expect(t.start).toBeGreaterThanOrEqual(last);
      expect(t.end).toBeGreaterThan(t.start);
      expect(t.text).toBe(text.slice(t.start, t.end));
      last = t.end;
    }
  });
});
