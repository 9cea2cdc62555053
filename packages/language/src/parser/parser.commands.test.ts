import { describe, expect, it } from 'vitest';
import type { CommandAst, CommandElementAst } from './ast.js';
import { parse } from './index.js';
import { printed, statementsOf } from './test-support/helpers.js';

function commandOf(text: string): CommandAst {
  const [statement] = statementsOf(text);
  if (statement?.kind !== 'Pipeline' || statement.pipelineElements[0].kind !== 'Command') throw new Error(`not a command: ${text}`);
  return statement.pipelineElements[0];
}

function argumentsOf(text: string): readonly CommandElementAst[] {
  return commandOf(text).commandElements.slice(1);
}

describe('command mode versus expression mode (about_Parsing)', () => {
  it.each([
    ['2+2', '(+ 2 2)'],
    ['Write-Output 2+2', '(cmd Write-Output 2+2)'],
    ['Write-Output (2+2)', '(cmd Write-Output (paren (+ 2 2)))'],
    ['Write-Output(2+2)', '(cmd Write-Output (paren (+ 2 2)))'],
    ['$a+2', '(+ $a 2)'],
    ['Write-Output $a+2', '(cmd Write-Output (expand $a "+2"))'],
    ['$-', '(cmd $-)'],
    ['Write-Output $-', '(cmd Write-Output $-)'],
    ['a$a', '(cmd (expand "a" $a))'],
    ["Write-Output a'$a'", '(cmd Write-Output a$a)'],
    ['Write-Output a"$a"', '(cmd Write-Output (expand "a" $a))'],
    ['Write-Output a$(2)', '(cmd Write-Output (expand "a" $(2)))'],
    ['Write-Output !1', '(cmd Write-Output !1)'],
    ['Write-Output (!1)', '(cmd Write-Output (paren (-not 1)))'],
    ['`2', '(cmd 2)'],
    ['7z a x.7z', '(cmd 7z a x.7z)'],
    ['-not $x', '(-not $x)'],
    ['-5', '(- 5)'],
    ['-$x', '(- $x)'],
    ['!$x', '(-not $x)'],
    ['.5', '0.5:Double'],
    ['% { $_ }', '(cmd % {$_})'],
    ['? { $_ }', '(cmd ? {$_})'],
    ['./script.ps1 -x 1', '(cmd ./script.ps1 -x 1)'],
    ['.\\script.ps1', '(cmd .\\script.ps1)'],
    ['..\\up\\x.ps1', '(cmd ..\\up\\x.ps1)'],
    ['Get-Process -Name foreach', '(cmd Get-Process -Name foreach)'],
    ['Foreach-Object { $_ }', '(cmd Foreach-Object {$_})'],
  ])('%s', (text, expected) => {
    expect(printed(text)).toBe(expected);
  });

  it('treats a number argument as a number only when the whole token is one', () => {
    expect(argumentsOf('Write-Output 5 5x 1kb -5 1.5 1.2.3 0x10 -0x10 10.0.0.1').map((a) => [a.kind, a.extent.text])).toEqual([
      ['Constant', '5'],
      ['StringConstant', '5x'],
      ['Constant', '1kb'],
      ['Constant', '-5'],
      ['Constant', '1.5'],
      ['StringConstant', '1.2.3'],
      ['Constant', '0x10'],
      ['Constant', '-0x10'],
      ['StringConstant', '10.0.0.1'],
    ]);
    const [, kb, minus] = argumentsOf('Write-Output 5 1kb -5');
    expect(kb).toMatchObject({ kind: 'Constant', value: 1024, numericType: 'Int32' });
    expect(minus).toMatchObject({ kind: 'Constant', value: -5, numericType: 'Int32' });
  });

  it('keeps type-literal-looking arguments as barewords', () => {
    expect(argumentsOf('Write-Output [int] [math]::Pi')).toMatchObject([
      { kind: 'StringConstant', value: '[int]', stringConstantType: 'BareWord' },
      { kind: 'StringConstant', value: '[math]::Pi', stringConstantType: 'BareWord' },
    ]);
  });

  it('expands barewords with $var or $(...) in them', () => {
    expect(printed('Write-Output $HOME/x ${HOME}x')).toBe('(cmd Write-Output (expand $HOME "/x") (expand ${HOME} "x"))');
    expect(argumentsOf('Write-Output $HOME/x')[0]).toMatchObject({ kind: 'ExpandableString', stringConstantType: 'BareWord' });
  });

  it('keeps member access and indexing on variables, then starts a new argument', () => {
    expect(printed('Write-Output $a.Length-more')).toBe('(cmd Write-Output (. $a Length) -more)');
    expect(printed('Write-Output $a[0] $a.ToUpper() "x".Length')).toBe('(cmd Write-Output ([] $a 0) (.call $a ToUpper) (. "x" Length))');
    expect(printed('Copy-Item $name.txt')).toBe('(cmd Copy-Item (. $name txt))');
    expect(argumentsOf('Write-Output $a.Length-more')[1]).toMatchObject({ kind: 'StringConstant', value: '-more' });
  });

  it('processes quotes and escapes inside barewords', () => {
    expect(argumentsOf("Write-Output a'b c'd a`tb `$x C:\\Program` Files")).toMatchObject([
      { kind: 'StringConstant', value: 'ab cd' },
      { kind: 'StringConstant', value: 'a\tb' },
      { kind: 'StringConstant', value: '$x' },
      { kind: 'StringConstant', value: 'C:\\Program Files' },
    ]);
    expect(argumentsOf('Write-Output "x"y')).toMatchObject([{ kind: 'StringConstant', value: 'xy', stringConstantType: 'BareWord' }]);
  });

  it('ends a bareword only at space , ; ( ) { } | & and newline', () => {
    expect(argumentsOf('Write-Output a=b a#b a>b a<b a@b a[0] a:b').map((a) => a.extent.text)).toEqual([
      'a=b',
      'a#b',
      'a>b',
      'a<b',
      'a@b',
      'a[0]',
      'a:b',
    ]);
    expect(printed('Write-Output a(b)c')).toBe('(cmd Write-Output a (paren (cmd b)) c)');
  });
});

describe('parameters', () => {
  it.each([
    ['Get-Item -Path C:\\x', '(cmd Get-Item -Path C:\\x)'],
    ['Get-Item -Path:C:\\x', '(cmd Get-Item -Path: C:\\x)'],
    ['Get-Item -Path: C:\\x', '(cmd Get-Item -Path: C:\\x)'],
    ['Get-Item -Recurse:$false', '(cmd Get-Item -Recurse: $false)'],
    ['Get-Item -Path:a,b', '(cmd Get-Item -Path: (, a b))'],
    ['Get-Item -Path:', '(cmd Get-Item -Path:)'],
    ['Get-Item -Force -Path x', '(cmd Get-Item -Force -Path x)'],
    ['Get-Item \u2013Force \u2014Path x', '(cmd Get-Item -Force -Path x)'],
    ['Write-Output -- -InputObject $x', '(cmd Write-Output -- -InputObject $x)'],
    ['git log -- -file', '(cmd git log -- -file)'],
    ['git --version', '(cmd git --version)'],
    ['Write-Output -', '(cmd Write-Output -)'],
    ['Write-Output -foo.txt', '(cmd Write-Output -foo.txt)'],
  ])('%s', (text, expected) => {
    expect(printed(text)).toBe(expected);
  });

  it('normalizes dashes in parameter names and keeps the original text in the extent', () => {
    const [param] = argumentsOf('Get-ChildItem \u2013Recurse');
    expect(param).toMatchObject({ kind: 'CommandParameter', parameterName: 'Recurse', argument: null, hasColon: false });
    expect(param.extent.text).toBe('\u2013Recurse');
  });

  it('binds a colon argument even after white space, with an extent over both', () => {
    const [param] = argumentsOf('Get-Item -Name: foo');
    expect(param).toMatchObject({ kind: 'CommandParameter', parameterName: 'Name', hasColon: true, argument: { value: 'foo' } });
    expect(param.extent.text).toBe('-Name: foo');
  });

  it('keeps the end-of-parameters token as a bareword and makes later dashes arguments', () => {
    expect(argumentsOf('Write-Output -- -InputObject')).toMatchObject([
      { kind: 'StringConstant', value: '--', stringConstantType: 'BareWord' },
      { kind: 'StringConstant', value: '-InputObject', stringConstantType: 'BareWord' },
    ]);
  });
});

describe('arguments', () => {
  it.each([
    ['Write-Output a,b,c', '(cmd Write-Output (, a b c))'],
    ['Write-Output $a, $b', '(cmd Write-Output (, $a $b))'],
    ['Write-Output 1,\n2', '(cmd Write-Output (, 1 2))'],
    ['Write-Output @params', '(cmd Write-Output @params)'],
    ['Write-Output @params -Extra', '(cmd Write-Output @params -Extra)'],
    ['Write-Output @(1,2) @{a=1} $(1) (1) { 1 }', '(cmd Write-Output @((, 1 2)) @{a=1} $(1) (paren 1) {1})'],
    ["Write-Output 'single' \"double $x\"", "(cmd Write-Output 'single' (expand \"double \" $x))"],
    ['Write-Output $x.Name $x[0]', '(cmd Write-Output (. $x Name) ([] $x 0))'],
    ['Write-Output C:\\x\\*.txt', '(cmd Write-Output C:\\x\\*.txt)'],
    ['Write-Output ~/x', '(cmd Write-Output ~/x)'],
  ])('%s', (text, expected) => {
    expect(printed(text)).toBe(expected);
  });

  it('marks splatted variables', () => {
    expect(argumentsOf('Invoke-Thing @args')[0]).toMatchObject({ kind: 'Variable', splatted: true, variablePath: { name: 'args' } });
  });
});

describe('invocation operators', () => {
  it.each([
    ['& "C:\\Program Files\\x.exe" -a b', '(& cmd "C:\\Program Files\\x.exe" -a b)'],
    ["& 'tool' arg", "(& cmd 'tool' arg)"],
    ['& $sb 1 2', '(& cmd $sb 1 2)'],
    ['& { $args } 1', '(& cmd {$args} 1)'],
    ['& (Get-Command x) 1', '(& cmd (paren (cmd Get-Command x)) 1)'],
    ['& Get-Item x', '(& cmd Get-Item x)'],
    ['. ./lib.ps1', '(. cmd ./lib.ps1)'],
    ['. $sb', '(. cmd $sb)'],
    ['. { $x = 1 }', '(. cmd {(= $x 1)})'],
  ])('%s', (text, expected) => {
    expect(printed(text)).toBe(expected);
  });

  it('records the operator on the command', () => {
    expect(commandOf('& $x').invocationOperator).toBe('&');
    expect(commandOf('. $x').invocationOperator).toBe('.');
    expect(commandOf('Get-Item').invocationOperator).toBeNull();
  });
});

describe('redirections', () => {
  it.each([
    ['Get-X > out.txt', '(cmd Get-X output>out.txt)'],
    ['Get-X >> out.txt', '(cmd Get-X output>>out.txt)'],
    ['Get-X 2> err.txt', '(cmd Get-X error>err.txt)'],
    ['Get-X 2>> err.txt', '(cmd Get-X error>>err.txt)'],
    ['Get-X 2>&1', '(cmd Get-X error>&output)'],
    ['Get-X *> all.txt', '(cmd Get-X all>all.txt)'],
    ['Get-X *>&1', '(cmd Get-X all>&output)'],
    ['Get-X 3> w 4> v 5> d 6> i', '(cmd Get-X warning>w verbose>v debug>d information>i)'],
    ['Get-X > $null', '(cmd Get-X output>$null)'],
    ['Get-X >"my file.txt"', '(cmd Get-X output>"my file.txt")'],
    ['Get-X 2>&1 > $log', '(cmd Get-X error>&output output>$log)'],
    ['Get-X a > b c', '(cmd Get-X a c output>b)'],
    ["'text' > out.txt", "('text' output>out.txt)"],
    ['$x 2>&1', '($x error>&output)'],
  ])('%s', (text, expected) => {
    expect(printed(text)).toBe(expected);
  });
});

describe('pipelines and chains', () => {
  it.each([
    ['a | b | c', '(cmd a) | (cmd b) | (cmd c)'],
    ['1..3 | % { $_ }', '(.. 1 3) | (cmd % {$_})'],
    ['a |\n  b', '(cmd a) | (cmd b)'],
    ['a\n| b\n| c', '(cmd a) | (cmd b) | (cmd c)'],
    ['a\n  # note\n  | b', '(cmd a) | (cmd b)'],
    ['a && b', '(&& (cmd a) (cmd b))'],
    ['a || b', '(|| (cmd a) (cmd b))'],
    ['a | b && c || d', '(|| (&& (cmd a) | (cmd b) (cmd c)) (cmd d))'],
    ['a &&\n b', '(&& (cmd a) (cmd b))'],
    ['a &', '(bg (cmd a))'],
    ['a & b', '(bg (cmd a)); (cmd b)'],
    ['a && b &', '(&& (cmd a) (cmd b))&'],
    ['a; b\nc', '(cmd a); (cmd b); (cmd c)'],
  ])('%s', (text, expected) => {
    expect(printed(text)).toBe(expected);
  });

  it('does not take || as a leading pipe', () => {
    expect(parse('a\n|| b').errors.map((e) => e.errorId)).toEqual(['UnexpectedToken']);
  });
});
