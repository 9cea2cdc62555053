import { describe, expect, it } from 'vitest';
import type { FunctionDefinitionAst, ParamBlockAst, ScriptBlockAst } from './ast.js';
import { parse } from './index.js';
import { printed, statementsOf } from './test-support/helpers.js';

describe('statement separators and comments', () => {
  it.each([
    ['1; 2', '1; 2'],
    ['1\n2\r\n3\r4', '1; 2; 3; 4'],
    [';;1;;', '1'],
    ['1 # comment\n2', '1; 2'],
    ['<# block\ncomment #> 1', '1'],
    ['1 <# inline #> + 2', '(+ 1 2)'],
    ['Get-Item `\n  -Path x', '(cmd Get-Item -Path x)'],
    ['1 + `\n2', '(+ 1 2)'],
    ['#requires -Version 7\n1', '1'],
  ])('%j', (text, expected) => {
    expect(printed(text)).toBe(expected);
  });

  it('collects #requires lines of the script', () => {
    expect(parse('#requires -Version 7\n#Requires -Modules X\n1').ast.requires).toEqual(['#requires -Version 7', '#Requires -Modules X']);
  });
});

describe('control flow', () => {
  it.each([
    ['if ($a) { 1 }', '(if ($a) {1})'],
    ['if ($a) { 1 } else { 2 }', '(if ($a) {1} else {2})'],
    ['if ($a) { 1 } elseif ($b) { 2 } elseif ($c) { 3 } else { 4 }', '(if ($a) {1} elseif ($b) {2} elseif ($c) {3} else {4})'],
    ['if ($a) {\n 1\n}\nelse {\n 2\n}', '(if ($a) {1} else {2})'],
    ['if ($a) { 1 }\n\nelseif ($b) { 2 }', '(if ($a) {1} elseif ($b) {2})'],
    ['If ($a) { 1 } ELSE { 2 }', '(if ($a) {1} else {2})'],
    ['if($a){1}else{2}', '(if ($a) {1} else {2})'],
    ['if ($x = Get-Thing) { $x }', '(if ((= $x (cmd Get-Thing))) {$x})'],
    ['if (Test-Path x) { 1 }', '(if ((cmd Test-Path x)) {1})'],
    ['if ($a) { 1 } 2', '(if ($a) {1}); 2'],
    ['while ($true) { break }', '(while ($true) {(break)})'],
    ['do { $i++ } while ($i -lt 3)', '(do {(post++ $i)} while ((-lt $i 3)))'],
    ['do { $i++ } until ($i -ge 3)', '(do {(post++ $i)} until ((-ge $i 3)))'],
    ['do {\n} \n while ($x)', '(do {} while ($x))'],
    ['for ($i = 0; $i -lt 5; $i++) { $i }', '(for ((= $i 0); (-lt $i 5); (post++ $i)) {$i})'],
    ['for ($i = 0\n $i -lt 5\n $i++) { }', '(for ((= $i 0); (-lt $i 5); (post++ $i)) {})'],
    ['for (;;) { }', '(for (; ; ) {})'],
    ['for ($i = 0; ; ) { }', '(for ((= $i 0); ; ) {})'],
    ['foreach ($x in $items) { $x }', '(foreach $x in $items {$x})'],
    ['foreach ($x in 1..3 | Sort-Object) { }', '(foreach $x in (.. 1 3) | (cmd Sort-Object) {})'],
    ['foreach ($x in Get-ChildItem) { }', '(foreach $x in (cmd Get-ChildItem) {})'],
    ['ForEach ($x IN $y)\n{\n}', '(foreach $x in $y {})'],
    ['break', '(break)'],
    ['continue', '(continue)'],
    ['break outer', '(break outer)'],
    ['continue outer', '(continue outer)'],
    ['break $label', '(break $label)'],
    ['return', '(return)'],
    ['return 1', '(return 1)'],
    ['return $x | Sort-Object', '(return $x | (cmd Sort-Object))'],
    ['return ,$a', '(return (, $a))'],
    ['exit', '(exit)'],
    ['exit 3', '(exit 3)'],
    ['throw', '(throw)'],
    ['throw "bad"', '(throw "bad")'],
    ['throw [System.Exception]::new("x")', '(throw (::call [System.Exception] new "x"))'],
    ['{ return }', '{(return)}'],
  ])('%j', (text, expected) => {
    expect(printed(text)).toBe(expected);
  });

  it('attaches labels to loops', () => {
    expect(printed(':outer foreach ($a in $b) { foreach ($c in $d) { break outer } }')).toBe(
      '(:outer foreach $a in $b {(foreach $c in $d {(break outer)})})',
    );
    expect(printed(':l while ($true) { }')).toBe('(:l while ($true) {})');
    expect(printed(':l for (;;) { }')).toBe('(:l for (; ; ) {})');
    expect(printed(':l switch ($x) { }')).toBe('(:l switch ($x))');
    const [loop] = statementsOf(':outer do { } while ($x)');
    expect(loop).toMatchObject({ kind: 'DoWhileStatement', label: 'outer' });
  });
});

describe('switch', () => {
  it.each([
    ['switch ($x) { 1 { "one" } 2 { "two" } }', '(switch ($x) 1 {"one"} 2 {"two"})'],
    ['switch ($x) { a { 1 } "b c" { 2 } default { 3 } }', '(switch ($x) a {1} "b c" {2} default {3})'],
    ['switch ($x) { { $_ -gt 5 } { "big" } }', '(switch ($x) {(-gt $_ 5)} {"big"})'],
    ['switch ($x) { $y { 1 } (1 + 1) { 2 } }', '(switch ($x) $y {1} (paren (+ 1 1)) {2})'],
    ['switch -regex ($x) { "^a" { 1 } }', '(switch -regex ($x) "^a" {1})'],
    ['switch -Wildcard -CaseSensitive ($x) { "a*" { 1 } }', '(switch -wildcard -caseSensitive ($x) "a*" {1})'],
    ['switch -exact ($x) { a { 1 } }', '(switch -exact ($x) a {1})'],
    ['switch -r ($x) { }', '(switch -regex ($x))'],
    ['switch -file ./lines.txt { a { 1 } }', '(switch -file (./lines.txt) a {1})'],
    ['switch ($a, $b) { 1 { 1 } }', '(switch ((, $a $b)) 1 {1})'],
    ['switch ($x)\n{\n  1 { "one" }\n  default { "other" }\n}', '(switch ($x) 1 {"one"} default {"other"})'],
    ["switch ($x) { 'default' { 1 } }", "(switch ($x) 'default' {1})"],
  ])('%j', (text, expected) => {
    expect(printed(text)).toBe(expected);
  });
});

describe('try, catch, finally and trap', () => {
  it.each([
    ['try { 1 } catch { 2 }', '(try {1} catch {2})'],
    ['try { 1 } finally { 2 }', '(try {1} finally {2})'],
    [
      'try { 1 } catch [System.IO.IOException], [System.UnauthorizedAccessException] { 2 } catch { 3 } finally { 4 }',
      '(try {1} catch [System.IO.IOException], [System.UnauthorizedAccessException] {2} catch {3} finally {4})',
    ],
    ['try {\n 1\n}\ncatch [Exception]\n{\n 2\n}', '(try {1} catch [Exception] {2})'],
    ['try { } catch [A],\n [B] { }', '(try {} catch [A], [B] {})'],
    ['trap { continue }', '(trap {(continue)})'],
    ['trap [System.Exception] { "x"; break }', '(trap [System.Exception] {"x"; (break)})'],
  ])('%j', (text, expected) => {
    expect(printed(text)).toBe(expected);
  });

  it('keeps traps apart from the statements of their block', () => {
    const { ast } = parse('1\ntrap { 2 }\n3');
    expect(ast.endBlock?.statements.map((s) => s.kind)).toEqual(['Pipeline', 'Pipeline']);
    expect(ast.endBlock?.traps.map((s) => s.kind)).toEqual(['TrapStatement']);
  });

  it('marks catch-all clauses', () => {
    const [t] = statementsOf('try { } catch [A] { } catch { }');
    expect(t.kind === 'TryStatement' && t.catchClauses.map((c) => c.isCatchAll)).toEqual([false, true]);
  });
});

describe('functions, filters and parameters', () => {
  function functionOf(text: string): FunctionDefinitionAst {
    const [f] = statementsOf(text);
    if (f.kind !== 'FunctionDefinition') throw new Error('expected a function');
    return f;
  }

  it.each([
    ['function f { 1 }', '(function f {1})'],
    ['function Get-Thing { }', '(function Get-Thing {})'],
    ['function global:Get-Thing { }', '(function global:Get-Thing {})'],
    ['function f($a, $b = 2) { $a + $b }', '(function f($a, $b=2) {(+ $a $b)})'],
    ['function f ([int]$a) { }', '(function f([int]$a) {})'],
    ['function f\n{\n 1\n}', '(function f {1})'],
    ['function f{1}', '(function f {1})'],
    ['filter Double { $_ * 2 }', '(filter Double {(* $_ 2)})'],
    ['function f { param($a) $a }', '(function f {param($a); $a})'],
    ['function f { begin { 1 } process { 2 } end { 3 } }', '(function f {begin{1}; process{2}; end{3}})'],
    ['function f { param($x) process { $x } }', '(function f {param($x); process{$x}})'],
    ['Function F { }', '(function F {})'],
  ])('%j', (text, expected) => {
    expect(printed(text)).toBe(expected);
  });

  it('records the name and its extent', () => {
    const f = functionOf('function  Get-Thing { }');
    expect(f.name).toBe('Get-Thing');
    expect(f.nameExtent).toMatchObject({ text: 'Get-Thing', startColumn: 11 });
    expect(f.body.extent.text).toBe('{ }');
  });

  it('parses an advanced function with attributes on the param block and its parameters', () => {
    const text = [
      'function Set-Thing {',
      "  [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High', DefaultParameterSetName = 'x')]",
      '  [OutputType([string])]',
      '  param(',
      "    [Parameter(Mandatory, Position = 0, ValueFromPipeline = $true, ParameterSetName = 'A', HelpMessage = 'help')]",
      "    [Alias('n', 'nm')]",
      "    [ValidateSet('a', 'b')]",
      '    [ValidateNotNullOrEmpty()]',
      '    [string[]]$Name,',
      '    [ValidateRange(1, 10)] [int]$Count = 5,',
      '    [ValidateScript({ $_ -gt 0 })][ValidatePattern(\'^a\')][ValidateLength(1, 5)][ValidateCount(1, 3)]$Other,',
      '    [switch]$Force',
      '  )',
      '  process { $Name }',
      '}',
    ].join('\n');
    const f = functionOf(text);
    const param = f.body.paramBlock as ParamBlockAst;
    expect(param.attributes.map((a) => a.typeName.fullName)).toEqual(['CmdletBinding', 'OutputType']);
    const [binding, outputType] = param.attributes;
    expect(binding.namedArguments.map((a) => [a.argumentName, a.expressionOmitted, a.argument.extent.text])).toEqual([
      ['SupportsShouldProcess', true, 'SupportsShouldProcess'],
      ['ConfirmImpact', false, "'High'"],
      ['DefaultParameterSetName', false, "'x'"],
    ]);
    expect(binding.namedArguments[0].argument).toMatchObject({ kind: 'Variable', variablePath: { name: 'true' } });
    expect(outputType.positionalArguments).toMatchObject([{ kind: 'TypeExpression', typeName: { name: 'string' } }]);
    expect(param.parameters.map((p) => p.name.variablePath.name)).toEqual(['Name', 'Count', 'Other', 'Force']);
    const [name, count, other, force] = param.parameters;
    expect(name.attributes.map((a) => (a.kind === 'Attribute' ? `${a.typeName.fullName}()` : `[${a.typeName.fullName}]`))).toEqual([
      'Parameter()',
      'Alias()',
      'ValidateSet()',
      'ValidateNotNullOrEmpty()',
      '[string[]]',
    ]);
    const parameterAttribute = name.attributes[0];
    expect(parameterAttribute.kind === 'Attribute' && parameterAttribute.namedArguments.map((a) => a.argumentName)).toEqual([
      'Mandatory',
      'Position',
      'ValueFromPipeline',
      'ParameterSetName',
      'HelpMessage',
    ]);
    expect(count.defaultValue).toMatchObject({ kind: 'Constant', value: 5 });
    expect(other.attributes[0]).toMatchObject({ kind: 'Attribute', positionalArguments: [{ kind: 'ScriptBlockExpression' }] });
    expect(force.attributes).toMatchObject([{ kind: 'TypeConstraint', typeName: { name: 'switch' } }]);
    expect(f.body.processBlock?.statements).toHaveLength(1);
  });

  it('parses param() at the top of a script after comments and [CmdletBinding()]', () => {
    const text = '#requires -Version 7\n<#\n.SYNOPSIS\nHelp\n#>\n[CmdletBinding()]\nparam(\n  [string]$Path = "."\n)\nGet-ChildItem $Path';
    const { ast, errors } = parse(text);
    expect(errors).toEqual([]);
    expect(ast.paramBlock?.attributes.map((a) => a.typeName.fullName)).toEqual(['CmdletBinding']);
    expect(ast.paramBlock?.parameters[0].defaultValue).toMatchObject({ kind: 'StringConstant', value: '.' });
    expect(ast.endBlock?.statements).toHaveLength(1);
  });

  it('does not mistake a cast statement at the top of a script for attributes of a param block', () => {
    expect(printed('[int]$x = 5\n$x')).toBe('(= ([int] $x) 5); $x');
    expect(printed('[string]\n1')).toBe('[string]; 1');
  });

  it('parses begin/process/end/clean at the top of a script', () => {
    const { ast } = parse('param($x)\nbegin { 1 }\nprocess { 2 }\nend { 3 }\nclean { 4 }');
    const script: ScriptBlockAst = ast;
    expect([script.beginBlock, script.processBlock, script.endBlock, script.cleanBlock].map((b) => b?.statements.length)).toEqual([1, 1, 1, 1]);
    expect(script.endBlock?.unnamed).toBe(false);
    expect(script.endBlock?.extent.text).toBe('end { 3 }');
  });

  it('puts the statements of a block without named blocks in an unnamed end block', () => {
    const { ast } = parse('1; 2');
    expect(ast.endBlock).toMatchObject({ blockKind: 'end', unnamed: true });
    expect(ast.beginBlock).toBeNull();
  });
});
