import { describe, expect, it } from 'vitest';
import type { ExpandableStringExpressionAst, ExpressionAst, StringConstantExpressionAst } from './ast.js';
import { parse } from './index.js';
import { expressionOf, printed } from './test-support/helpers.js';

describe('operator precedence (about_Operator_Precedence)', () => {
  it.each([
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['(1 + 2) * 3', '(* (paren (+ 1 2)) 3)'],
    ['1 - 2 - 3', '(- (- 1 2) 3)'],
    ['8 / 4 % 3', '(% (/ 8 4) 3)'],
    ['1,2 + 3', '(+ (, 1 2) 3)'],
    ['1..3 + 1', '(+ (.. 1 3) 1)'],
    ['"{0}" -f 1 + 2', '(+ (-f "{0}" 1) 2)'],
    ['"{0}{1}" -f 1, 2', '(-f "{0}{1}" (, 1 2))'],
    ['-1..3', '(.. (- 1) 3)'],
    ['-$a * 2', '(* (- $a) 2)'],
    ['-not $a -eq $b', '(-eq (-not $a) $b)'],
    ['!$a -and $b', '(-and (-not $a) $b)'],
    ['-split "a b" -join ","', '(-join (-split "a b") ",")'],
    ['-join $a', '(-join $a)'],
    ['-csplit $a', '(-csplit $a)'],
    ['-bnot 5', '(-bnot 5)'],
    ['2 -gt 4 -and 1', '(-and (-gt 2 4) 1)'],
    ['$a -or $b -and $c', '(-and (-or $a $b) $c)'],
    ['$a -xor $b', '(-xor $a $b)'],
    ['1 -band 1 -eq 1', '(-band 1 (-eq 1 1))'],
    ['1 -bor 2 -bxor 3', '(-bxor (-bor 1 2) 3)'],
    ['1 -shl 2 -eq 4', '(-eq (-shl 1 2) 4)'],
    ['$x -shr 1', '(-shr $x 1)'],
    ['1 + 2 -eq 3', '(-eq (+ 1 2) 3)'],
    ['$a ?? $b + 1', '(?? $a (+ $b 1))'],
    ['$a ?? $b -eq 1', '(-eq (?? $a $b) 1)'],
    ['$a -is [int]', '(-is $a [int])'],
    ['$a -isnot [string] -or $b', '(-or (-isnot $a [string]) $b)'],
    ['$a -as [int]', '(-as $a [int])'],
    ['"a" -replace "a", "b"', '(-replace "a" (, "a" "b"))'],
    ['$a -split ","', '(-split $a ",")'],
    ['$a -join ","', '(-join $a ",")'],
    ['$a -in 1, 2', '(-in $a (, 1 2))'],
    ['$a -notin 1, 2', '(-notin $a (, 1 2))'],
    ['$a -contains 1', '(-contains $a 1)'],
    ['$a -notcontains 1', '(-notcontains $a 1)'],
    ['$a -like "x*" -or $a -notlike "y*"', '(-or (-like $a "x*") (-notlike $a "y*"))'],
    ['$a -match "x" -and $a -notmatch "y"', '(-and (-match $a "x") (-notmatch $a "y"))'],
    ['$a -ne $b', '(-ne $a $b)'],
    ['$a -ge 1 -and $a -le 2 -and $a -lt 3', '(-and (-and (-ge $a 1) (-le $a 2)) (-lt $a 3))'],
  ])('%s', (text, expected) => {
    expect(printed(text)).toBe(expected);
  });

  it('splits the i/c variants of comparison operators into operator + case sensitivity', () => {
    for (const op of ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'notlike', 'match', 'notmatch', 'contains', 'notcontains', 'in', 'notin', 'replace', 'split']) {
      for (const [prefix, caseSensitive] of [
        ['', false],
        ['i', false],
        ['c', true],
      ] as const) {
        const e = expressionOf(`$a -${prefix}${op} $b`);
        expect(e).toMatchObject({ kind: 'BinaryExpression', operator: `-${op}`, caseSensitive });
      }
    }
  });

  it('accepts operators in any case and with en dash, em dash or horizontal bar', () => {
    expect(printed('$a -EQ $b')).toBe('(-eq $a $b)');
    expect(printed('$a \u2013eq $b')).toBe('(-eq $a $b)');
    expect(printed('$a \u2014and $b')).toBe('(-and $a $b)');
    expect(printed('\u2015not $a')).toBe('(-not $a)');
    const e = expressionOf('$a \u2013eq $b');
    expect(e.kind === 'BinaryExpression' && e.operatorExtent.text).toBe('\u2013eq');
  });

  it('continues a binary expression on the next line after the operator', () => {
    expect(printed('1 +\n  2')).toBe('(+ 1 2)');
    expect(printed('$a -and\n$b')).toBe('(-and $a $b)');
    expect(printed('1,\n2')).toBe('(, 1 2)');
  });

  it('parses the ternary and null-coalescing operators (PowerShell 7)', () => {
    expect(printed('$c ? 1 : 2')).toBe('(? $c 1 2)');
    expect(printed('$a -gt 1 ? "big" : "small"')).toBe('(? (-gt $a 1) "big" "small")');
    expect(printed('$a ? $b ? 1 : 2 : 3')).toBe('(? $a (? $b 1 2) 3)');
    expect(printed('$x ?? 5')).toBe('(?? $x 5)');
    expect(printed('$x ??= 5')).toBe('(??= $x 5)');
  });

  it('parses prefix and postfix increment and decrement', () => {
    expect(printed('$i++')).toBe('(post++ $i)');
    expect(printed('$i--')).toBe('(post-- $i)');
    expect(printed('++$i')).toBe('(++ $i)');
    expect(printed('--$i')).toBe('(-- $i)');
    expect(printed('$a[0]++')).toBe('(post++ ([] $a 0))');
  });

  it('builds arrays with the comma operator, unary comma included', () => {
    expect(printed('1, 2, 3')).toBe('(, 1 2 3)');
    expect(printed(',1')).toBe('(, 1)');
    expect(printed(',(1,2)')).toBe('(, (paren (, 1 2)))');
    expect(printed('-1, 2')).toBe('(, (- 1) 2)');
  });
});

describe('casts and type literals', () => {
  it.each([
    ['[int]$x', '([int] $x)'],
    ['[int] "5"', '([int] "5")'],
    ['[int]-1', '([int] (- 1))'],
    ['[int][string]$x', '([int] ([string] $x))'],
    ['[int[]]$a', '([int[]] $a)'],
    ['[string[]]$a', '([string[]] $a)'],
    ['[int[,]]$a', '([int[,]] $a)'],
    ['[System.Collections.Generic.List[string]]$a', '([System.Collections.Generic.List[string]] $a)'],
    ['[System.Collections.Generic.Dictionary[string,int]]$d', '([System.Collections.Generic.Dictionary[string,int]] $d)'],
    ['[Dictionary[[string],[int]]]$d', '([Dictionary[string,int]] $d)'],
    ['[List[int][]]$a', '([List[int][]] $a)'],
    ['[ordered]@{ a = 1 }', '([ordered] @{a=1})'],
    ['[pscustomobject]@{ Name = "x" }', '([pscustomobject] @{Name="x"})'],
    ['[scriptblock]{ 1 }', '([scriptblock] {1})'],
    ['[int]', '[int]'],
    ['[int] -eq [int]', '(-eq [int] [int])'],
    ['[int], [string]', '(, [int] [string])'],
    ['[string]@("a", "b")[0]', '([string] ([] @((, "a" "b")) 0))'],
    ['[string]"abc".Length', '([string] (. "abc" Length))'],
    ['[ValidateRange(1, 10)][int]$x', '([ValidateRange(1, 10)] ([int] $x))'],
  ])('%s', (text, expected) => {
    expect(printed(text)).toBe(expected);
  });

  it('records type names with their structure and a normalized full name', () => {
    const e = expressionOf('[System.Collections.Generic.Dictionary[string, int[]]]$d');
    expect(e.kind).toBe('ConvertExpression');
    if (e.kind !== 'ConvertExpression') return;
    const t = e.type.typeName;
    expect(t).toMatchObject({
      kind: 'GenericTypeName',
      fullName: 'System.Collections.Generic.Dictionary[string,int[]]',
      typeName: { kind: 'TypeName', name: 'System.Collections.Generic.Dictionary' },
      genericArguments: [
        { kind: 'TypeName', name: 'string' },
        { kind: 'ArrayTypeName', rank: 1, elementType: { kind: 'TypeName', name: 'int' } },
      ],
    });
    expect(e.type.extent.text).toBe('[System.Collections.Generic.Dictionary[string, int[]]]');
  });
});

describe('member access, method calls and indexing', () => {
  it.each([
    ['$x.Name', '(. $x Name)'],
    ['$x.Name.Length', '(. (. $x Name) Length)'],
    ['$x.$name', '(. $x $name)'],
    ["$x.'quoted name'", "(. $x 'quoted name')"],
    ['$x."expand $y"', '(. $x (expand "expand " $y))'],
    ['$x.(1 + 1)', '(. $x (paren (+ 1 1)))'],
    ['$x.$("Na" + "me")', '(. $x $((+ "Na" "me")))'],
    ['$x.Method()', '(.call $x Method)'],
    ['$x.Method(1, 2)', '(.call $x Method 1 2)'],
    ['$x.Method((1, 2))', '(.call $x Method (paren (, 1 2)))'],
    ['$x.Method(\n  1,\n  2\n)', '(.call $x Method 1 2)'],
    ['$x.Method(1).Prop[0]', '([] (. (.call $x Method 1) Prop) 0)'],
    ['(1..3).ForEach{ $_ * 2 }', '(.call (paren (.. 1 3)) ForEach {(* $_ 2)})'],
    ['[math]::Round(1.5)', '(::call [math] Round 1.5:Double)'],
    ['[datetime]::Now', '(:: [datetime] Now)'],
    ['[System.DayOfWeek]::Monday', '(:: [System.DayOfWeek] Monday)'],
    ['[datetime]::Now.AddDays(-1)', '(.call (:: [datetime] Now) AddDays (- 1))'],
    ['[int].FullName', '(. [int] FullName)'],
    ['$type::Name', '(:: $type Name)'],
    ['$a[0]', '([] $a 0)'],
    ['$a[-1]', '([] $a (- 1))'],
    ['$a[1..3]', '([] $a (.. 1 3))'],
    ['$a[0,2]', '([] $a (, 0 2))'],
    ['$a[0][1]', '([] ([] $a 0) 1)'],
    ['$h["key"].Value', '(. ([] $h "key") Value)'],
    ['${a}?.b', '(?. ${a} b)'],
    ['${a}?[0]', '(?[] ${a} 0)'],
    ['$a?.b', '(. $a? b)'],
    ['"abc".Length', '(. "abc" Length)'],
    ['@(1,2).Count', '(. @((, 1 2)) Count)'],
    ['$(Get-Date).Year', '(. $((cmd Get-Date)) Year)'],
  ])('%s', (text, expected) => {
    expect(printed(text)).toBe(expected);
  });

  it('needs the ( of a method call right after the name', () => {
    const { errors } = parse('$x.Method (1)');
    expect(errors.map((e) => e.errorId)).toEqual(['UnexpectedToken']);
  });
});

describe('variables', () => {
  it.each([
    ['$x', { userPath: 'x', scope: null, drive: null, name: 'x' }, false],
    ['$_', { userPath: '_', scope: null, drive: null, name: '_' }, false],
    ['$$', { userPath: '$', scope: null, drive: null, name: '$' }, false],
    ['$?', { userPath: '?', scope: null, drive: null, name: '?' }, false],
    ['$^', { userPath: '^', scope: null, drive: null, name: '^' }, false],
    ['$global:x', { userPath: 'global:x', scope: 'global', drive: null, name: 'x' }, false],
    ['$Script:x', { userPath: 'Script:x', scope: 'script', drive: null, name: 'x' }, false],
    ['$local:x', { userPath: 'local:x', scope: 'local', drive: null, name: 'x' }, false],
    ['$private:x', { userPath: 'private:x', scope: 'private', drive: null, name: 'x' }, false],
    ['$using:x', { userPath: 'using:x', scope: 'using', drive: null, name: 'x' }, false],
    ['$env:PATH', { userPath: 'env:PATH', scope: null, drive: 'env', name: 'PATH' }, false],
    ['$variable:x', { userPath: 'variable:x', scope: null, drive: 'variable', name: 'x' }, false],
    ['$function:f', { userPath: 'function:f', scope: null, drive: 'function', name: 'f' }, false],
    ['${a b}', { userPath: 'a b', scope: null, drive: null, name: 'a b' }, true],
    ['${env:ProgramFiles(x86)}', { userPath: 'env:ProgramFiles(x86)', scope: null, drive: 'env', name: 'ProgramFiles(x86)' }, true],
    ['${a`}b}', { userPath: 'a}b', scope: null, drive: null, name: 'a}b' }, true],
  ] as const)('%s', (text, path, braced) => {
    expect(expressionOf(text)).toMatchObject({ kind: 'Variable', variablePath: path, braced, splatted: false });
  });
});

describe('strings', () => {
  function stringOf(text: string): StringConstantExpressionAst {
    const e = expressionOf(text);
    if (e.kind !== 'StringConstant') throw new Error(`${text} is a ${e.kind}`);
    return e;
  }

  function expandable(text: string): ExpandableStringExpressionAst {
    const e = expressionOf(text);
    if (e.kind !== 'ExpandableString') throw new Error(`${text} is a ${e.kind}`);
    return e;
  }

  it.each([
    ["'abc'", 'abc', 'SingleQuoted'],
    ["'it''s'", "it's", 'SingleQuoted'],
    ["'$x `n'", '$x `n', 'SingleQuoted'],
    ['"abc"', 'abc', 'DoubleQuoted'],
    ['"a""b"', 'a"b', 'DoubleQuoted'],
    ['"`0`a`b`e`f`n`r`t`v"', '\0\x07\b\x1b\f\n\r\t\v', 'DoubleQuoted'],
    ['"`$x `" ``"', '$x " `', 'DoubleQuoted'],
    ['"`u{263A}"', '\u263A', 'DoubleQuoted'],
    ['"`u{1F600}"', '\u{1F600}', 'DoubleQuoted'],
    ['"$"', '$', 'DoubleQuoted'],
    ['"$ x"', '$ x', 'DoubleQuoted'],
    ['"a`\nb"', 'a\nb', 'DoubleQuoted'],
    ['\u2018curly\u2019', 'curly', 'SingleQuoted'],
    ['\u201Ccurly\u201D', 'curly', 'DoubleQuoted'],
    ['\u201Ea\u201C\u201Cb\u201D', 'a\u201Cb', 'DoubleQuoted'],
    ["@'\nline 1\nline 2\n'@", 'line 1\nline 2', 'SingleQuotedHereString'],
    ["@'\r\nline\r\n'@", 'line', 'SingleQuotedHereString'],
    ["@'\n'@", '', 'SingleQuotedHereString'],
    ["@'\n'quoted' and \"double\"\n  '@ not the end\n'@", '\'quoted\' and "double"\n  \'@ not the end', 'SingleQuotedHereString'],
    ['@"\nno ""escape"" here\n"@', 'no ""escape"" here', 'DoubleQuotedHereString'],
    ['@"\ntab`there\n"@', 'tab\there', 'DoubleQuotedHereString'],
  ] as const)('%j', (text, value, type) => {
    expect(stringOf(text)).toMatchObject({ value, stringConstantType: type });
  });

  it('splits an expandable string into literal, variable and sub-expression parts', () => {
    const e = expandable('"Hello $name, you are $($age + 1)! ${x y}$env:HOME"');
    expect(e.parts.map((p) => [p.kind, p.extent.text])).toEqual([
      ['StringConstant', 'Hello '],
      ['Variable', '$name'],
      ['StringConstant', ', you are '],
      ['SubExpression', '$($age + 1)'],
      ['StringConstant', '! '],
      ['Variable', '${x y}'],
      ['Variable', '$env:HOME'],
    ]);
    expect(e.value).toBe('Hello $name, you are $($age + 1)! ${x y}$env:HOME');
    const sub = e.parts[3];
    expect(sub.kind === 'SubExpression' && sub.subExpression.statements[0].extent).toMatchObject({
      text: '$age + 1',
      startOffset: 24,
      startLine: 1,
      startColumn: 25,
    });
  });

  it('expands only the variable in "$x.Name" and "$x[0]"', () => {
    expect(printed('"$x.Name"')).toBe('(expand $x ".Name")');
    expect(printed('"$x[0]"')).toBe('(expand $x "[0]")');
  });

  it('parses sub-expressions with nested strings and statements', () => {
    expect(printed('"a $("b $(1 + 2) c") d"')).toBe('(expand "a " $((expand "b " $((+ 1 2)) " c")) " d")');
    expect(printed('"$(if ($x) { 1 } else { 2 }; 3)"')).toBe('(expand $((if ($x) {1} else {2}); 3))');
    expect(printed('"$(")")"')).toBe('(expand $(")"))');
  });

  it('expands double-quoted here-strings', () => {
    expect(printed('@"\nHi $name\n$(1)\n"@')).toBe('(expand "Hi " $name "\\n" $(1))');
    const e = expandable('@"\nHi $name\n"@');
    expect(e.stringConstantType).toBe('DoubleQuotedHereString');
  });

  it('gives string literals extents that include their quotes', () => {
    const e = expressionOf("  'abc'");
    expect(e.extent).toMatchObject({ startOffset: 2, endOffset: 7, startColumn: 3, endColumn: 8, text: "'abc'" });
  });
});

describe('arrays, hashtables and script blocks', () => {
  it.each([
    ['@()', '@()'],
    ['@(1, 2)', '@((, 1 2))'],
    ['@(\n1\n2\n)', '@(1; 2)'],
    ['@(Get-Item a; 2)', '@((cmd Get-Item a); 2)'],
    ['$(1; 2)', '$(1; 2)'],
    ['@{}', '@{}'],
    ["@{ a = 1; 'b' = 2; 3 = 'x' }", "@{a=1; 'b'=2; 3='x'}"],
    ['@{\n  a = 1\n  b = Get-Date\n  c-d = @(1, 2)\n}', '@{a=1; b=(cmd Get-Date); c-d=@((, 1 2))}'],
    ['@{ $k = 1; (1 + 1) = 2; "$x" = 3 }', '@{$k=1; (paren (+ 1 1))=2; (expand $x)=3}'],
    ['@{ a = if ($x) { 1 } else { 2 } }', '@{a=(if ($x) {1} else {2})}'],
    ['@{a=1;b=2}', '@{a=1; b=2}'],
    ['@{ a =\n  1 }', '@{a=1}'],
    ['{ 1 }', '{1}'],
    ['{ param($a) $a }', '{param($a); $a}'],
    ['{ begin { 1 } process { 2 } end { 3 } }', '{begin{1}; process{2}; end{3}}'],
    ['{ process { $_ } clean { 4 } }', '{process{$_}; clean{4}}'],
    ['{}', '{}'],
  ])('%s', (text, expected) => {
    expect(printed(text)).toBe(expected);
  });

  it('gives a script block literal the extent of its braces', () => {
    const e = expressionOf('{ $x }');
    expect(e.kind === 'ScriptBlockExpression' && e.scriptBlock.extent.text).toBe('{ $x }');
  });
});

describe('assignments', () => {
  it.each([
    ['$x = 5', '(= $x 5)'],
    ['$x = 1, 2', '(= $x (, 1 2))'],
    ['$x += 1', '(+= $x 1)'],
    ['$x -= 1', '(-= $x 1)'],
    ['$x *= 2', '(*= $x 2)'],
    ['$x /= 2', '(/= $x 2)'],
    ['$x %= 2', '(%= $x 2)'],
    ['$x ??= 2', '(??= $x 2)'],
    ['$x = $y = 1', '(= $x (= $y 1))'],
    ['[int]$x = "5"', '(= ([int] $x) "5")'],
    ['[ValidateNotNull()][string]$s = "a"', '(= ([ValidateNotNull()] ([string] $s)) "a")'],
    ['$a, $b = 1, 2', '(= (, $a $b) (, 1 2))'],
    ['$h.a.b = 1', '(= (. (. $h a) b) 1)'],
    ['$a[0] = 1', '(= ([] $a 0) 1)'],
    ['$env:X = "y"', '(= $env:X "y")'],
    ['$x = Get-Date', '(= $x (cmd Get-Date))'],
    ['$x = Get-Item a | Select-Object Name', '(= $x (cmd Get-Item a) | (cmd Select-Object Name))'],
    ['$x = if ($a) { 1 } else { 2 }', '(= $x (if ($a) {1} else {2}))'],
    ['$x = foreach ($i in 1..2) { $i }', '(= $x (foreach $i in (.. 1 2) {$i}))'],
    ['$x =\n  5', '(= $x 5)'],
    ['$x=5', '(= $x 5)'],
  ])('%s', (text, expected) => {
    expect(printed(text)).toBe(expected);
  });

  it('records the operator position', () => {
    const [s] = parse('$total += 1').ast.endBlock?.statements ?? [];
    expect(s.kind === 'AssignmentStatement' && s.operatorExtent).toMatchObject({ startOffset: 7, endOffset: 9 });
  });

  it('rejects what cannot be assigned to', () => {
    const { errors } = parse('1 = 2');
    expect(errors.map((e) => [e.errorId, e.message])).toEqual([
      [
        'InvalidLeftHandSide',
        'The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.',
      ],
    ]);
  });
});

describe('extents', () => {
  it('covers the source slice of every node, with 1-based lines and columns', () => {
    const text = 'if ($a) {\n  $b = $c + 12\n}';
    const [statement] = parse(text).ast.endBlock?.statements ?? [];
    expect(statement.extent).toMatchObject({ startOffset: 0, endOffset: text.length, startLine: 1, endLine: 3, startColumn: 1, endColumn: 2 });
    if (statement.kind !== 'IfStatement') throw new Error('expected if');
    const assignment = statement.clauses[0].body.statements[0];
    expect(assignment.extent).toMatchObject({ text: '$b = $c + 12', startLine: 2, startColumn: 3, endLine: 2, endColumn: 15 });
    expect(assignment.extent.startLineText).toBe('  $b = $c + 12');
    if (assignment.kind !== 'AssignmentStatement' || assignment.right.kind !== 'Pipeline') throw new Error('expected assignment');
    const element = assignment.right.pipelineElements[0];
    const sum = element.kind === 'CommandExpression' ? element.expression : null;
    expect(sum?.kind === 'BinaryExpression' && [sum.extent.text, sum.right.extent.text, sum.operatorExtent.startColumn]).toEqual(['$c + 12', '12', 11]);
  });

  it('counts \\r\\n and \\r as one line break', () => {
    const [, second, third] = parse('1\r\n2\r3').ast.endBlock?.statements ?? [];
    expect(second.extent).toMatchObject({ startLine: 2, startColumn: 1, text: '2' });
    expect(third.extent).toMatchObject({ startLine: 3, startColumn: 1, text: '3' });
  });

  it('carries the file name', () => {
    expect(parse('1', '/tmp/x.ps1').ast.extent.file).toBe('/tmp/x.ps1');
  });

  it('keeps the original dash in extents while normalizing names', () => {
    const e: ExpressionAst = expressionOf('\u2013not $x');
    expect(e).toMatchObject({ kind: 'UnaryExpression', operator: '-not' });
    expect(e.extent.text).toBe('\u2013not $x');
  });
});
