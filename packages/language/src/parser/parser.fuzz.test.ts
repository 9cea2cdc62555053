/**
 * The parser and tokenizer run on every keystroke of the REPL, so whatever the input they must
 * return (never throw, never hang) with extents inside the text. Random text and damaged
 * copies of real scripts probe that.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIncomplete, parse, tokenize } from './index.js';
import { printed, walk } from './test-support/helpers.js';

const corpus = [
  'Get-Item -Path C:\\x | Where-Object { $_.Length -gt 1kb } | Select-Object -First 5',
  '$x = @{ a = 1; "b" = @(1, 2, 3); c = [ordered]@{ d = $null } }\n$x.a += 2',
  'function Get-Thing {\n  [CmdletBinding(SupportsShouldProcess)]\n  param(\n    [Parameter(Mandatory, ValueFromPipeline = $true)][ValidateSet("a", "b")][string[]]$Name,\n    [int]$Count = 5\n  )\n  begin { $n = 0 }\n  process { foreach ($i in $Name) { $n++ } }\n  end { "Total: $($n * 2)" }\n}',
  'if ($a -eq 1) { "one" } elseif ($a -like "t*") { "two" } else { throw "bad $a" }',
  'switch -regex ($line) { "^a" { 1; break } { $_ -gt 5 } { 2 } default { 3 } }',
  'try { Get-Item x -ErrorAction Stop } catch [System.IO.IOException], [System.Exception] { $_ } finally { "done" }',
  ':outer for ($i = 0; $i -lt 10; $i++) { while ($true) { continue outer } }',
  'do { $i-- } until ($i -le 0)\ntrap [Exception] { continue }',
  "@'\nliteral $x\n'@\n@\"\nexpand $($x + 1) `t ${y}\n\"@",
  '[System.Collections.Generic.List[string]]::new().Add("x")\n[math]::Round(1.5, 2) ?? [int]::MaxValue',
  '$r = $a ? $b : $c; $s ??= "x"; Get-X && Get-Y || Get-Z &',
  'Write-Output $HOME/x a"$b"c -- -Name 1,2,3 @splat 2>&1 > $null',
  '& "C:\\Program Files\\x.exe" -a:b --c; . ./lib.ps1 -Verbose',
  '[int[]]$a = 1..10 | % { $_ * 2 }; $a[0, -1]; $a[1..3]; $h["k"].Value.ToUpper()',
  '"a`tb`u{263A}$env:PATH $($x.y[0]) $script:z ${a b}" -f 1, 2 -replace "a", "b"',
  'Get-ChildItem \u2013Recurse | Sort-Object \u2014Property Name\n| Format-Table',
  '# comment\n<# block #>\n1 + `\n  2\n#requires -Version 7',
];

const special = [...'{}()[]"\'@$|`&;,.:=-+*/%!?<>#\n '];

type Edit = { kind: 'delete' | 'insert' | 'truncate'; at: number; char: string };

function applyEdits(source: string, edits: readonly Edit[]): string {
  let text = source;
  for (const edit of edits) {
    const at = text.length === 0 ? 0 : edit.at % (text.length + 1);
    if (edit.kind === 'delete') text = text.slice(0, at) + text.slice(at + 1);
    else if (edit.kind === 'insert') text = text.slice(0, at) + edit.char + text.slice(at);
    else text = text.slice(0, at);
  }
  return text;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom<Edit['kind']>('delete', 'insert', 'insert', 'insert', 'truncate'),
  at: fc.nat(),
  char: fc.constantFrom(...special),
});

const mutatedScript = fc.tuple(fc.constantFrom(...corpus), fc.array(edit, { maxLength: 6 })).map(([s, e]) => applyEdits(s, e));
const powershellish = fc.string({ unit: fc.constantFrom(...special, ...'abcdefxyz019-$_eEkKbB\u2013\u201C\u2018'), maxLength: 60 });
const anyText = fc.string({ unit: 'binary', maxLength: 40 });


/**
 * Well-formed scripts built from a small grammar, as token lists. Tokens that must touch (`$x.Name`,
 * `$x[0]`, `f(1)`) are one token; between the others any run of spaces is allowed.
 */
type Tokens = readonly string[];
const join = (...parts: (string | Tokens)[]): Tokens => parts.flatMap((p) => (typeof p === 'string' ? [p] : p));
const variable = fc.constantFrom('$x', '$y', '$_', '$env:PATH', '${a b}', '$script:z', '$true', '$null');
const literal = fc.oneof(
  fc.nat({ max: 100_000 }).map(String),
  fc.constantFrom('1.5', '0x1F', '1kb', '2e3', "'text'", '"expand $x"', '"sub $(1 + 2)"', "@'\nhere\n'@", '[int]', '[string[]]'),
);
const binaryOperator = fc.constantFrom('+', '-', '*', '/', '%', '-eq', '-ne', '-gt', '-le', '-like', '-match', '-and', '-or', '-join', '-replace', '-band', '-f', '-in', '-is', '..', '??');
const { expression } = fc.letrec<{ expression: Tokens; primary: Tokens }>((tie) => ({
  primary: fc.oneof(
    { maxDepth: 3, withCrossShrink: true },
    literal.map((t) => [t]),
    variable.map((t) => [t]),
    fc.tuple(variable, fc.constantFrom('Name', 'Count', 'Length')).map(([v, m]) => [`${v}.${m}`]),
    tie('expression').map((e) => join('(', e, ')')),
    tie('expression').map((e) => join('@(', e, ')')),
    tie('expression').map((e) => join('$(', e, ')')),
    fc.array(tie('expression'), { maxLength: 3 }).map((items) => join('@{', ...items.map((e, i) => join(`k${i}`, '=', e, ';')), '}')),
    tie('expression').map((e) => join('{', e, '}')),
    fc.tuple(variable, tie('expression')).map(([v, e]) => join(`${v}[`, e, ']')),
    fc.tuple(variable, tie('expression')).map(([v, e]) => join(`${v}.Method(`, e, ')')),
    tie('expression').map((e) => join('[math]::Abs(', e, ')')),
  ),
  expression: fc.oneof(
    { maxDepth: 3, withCrossShrink: true },
    tie('primary'),
    fc.tuple(tie('primary'), binaryOperator, tie('primary')).map(([a, op, b]) => join(a, op, b)),
    fc.tuple(fc.constantFrom('-not', '!', '-', '-bnot', '[int]'), tie('primary')).map(([op, e]) => join(op, e)),
    fc.tuple(tie('primary'), tie('primary')).map(([a, b]) => join(a, ',', b)),
    fc.tuple(tie('primary'), tie('primary'), tie('primary')).map(([c, a, b]) => join(c, '?', a, ':', b)),
  ),
}));
const { statement } = fc.letrec<{ statement: Tokens; block: Tokens }>((tie) => ({
  block: fc.array(tie('statement'), { maxLength: 3 }).map((list) => join('{', ...list.map((st) => join(st, ';')), '}')),
  statement: fc.oneof(
    { maxDepth: 3, withCrossShrink: true },
    expression,
    fc.tuple(variable.filter((v) => v !== '$true' && v !== '$null'), fc.constantFrom('=', '+=', '-=', '??='), expression).map(([v, op, e]) => join(v, op, e)),
    fc.tuple(expression, tie('block'), tie('block')).map(([c, a, b]) => join('if', '(', c, ')', a, 'elseif', '(', c, ')', a, 'else', b)),
    fc.tuple(expression, tie('block')).map(([e, b]) => join('foreach', '(', '$i', 'in', e, ')', b)),
    fc.tuple(expression, tie('block')).map(([e, b]) => join('while', '(', e, ')', b)),
    fc.tuple(tie('block'), expression).map(([b, e]) => join('do', b, 'until', '(', e, ')')),
    fc.tuple(expression, tie('block')).map(([e, b]) => join('switch', '-regex', '(', e, ')', '{', "'a'", b, 'default', b, '}')),
    fc.tuple(tie('block'), tie('block')).map(([a, b]) => join('try', a, 'catch', '[System.Exception]', b, 'finally', a)),
    tie('block').map((b) => join('function', 'Get-Thing', '{', 'param(', '[int]$a', '=', '1', ',', '$b', ')', 'process', b, '}')),
    fc.tuple(expression, tie('block')).map(([e, b]) => join(e, '|', 'ForEach-Object', b, '|', 'Out-Null')),
    expression.map((e) => join('Write-Output', '(', e, ')', '-NoEnumerate', '2>&1')),
    fc.constantFrom(['break'], ['continue'], ['return'], ['throw', "'x'"], ['exit', '1']),
  ),
}));
const wellFormed = fc.tuple(fc.array(statement, { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', '  ', ' \t ')).map(([list, gap]) => ({
  tight: list.map((st) => st.join(' ')).join('; '),
  loose: list.map((st) => st.join(gap)).join(` ;${gap}`),
}));

/** The invariants every input must keep. */
function check(text: string): void {
  const { ast, errors } = parse(text);
  for (const node of walk(ast)) {
    const { startOffset, endOffset } = node.extent;
    if (!(startOffset >= 0 && startOffset <= endOffset && endOffset <= text.length)) {
      throw new Error(`${node.kind} extent ${startOffset}..${endOffset} outside ${text.length} for ${JSON.stringify(text)}`);
    }
    if (node.extent.text !== text.slice(startOffset, endOffset)) throw new Error(`${node.kind} extent text differs`);
  }
  for (const e of errors) {
    if (!(e.extent.startOffset >= 0 && e.extent.endOffset <= text.length && e.extent.startOffset <= e.extent.endOffset)) {
      throw new Error(`error ${e.errorId} outside the text for ${JSON.stringify(text)}`);
    }
    if (e.message.length === 0) throw new Error(`error ${e.errorId} has no message`);
  }
  let last = 0;
  for (const t of tokenize(text)) {
    if (t.start < last || t.end <= t.start || t.end > text.length || t.text !== text.slice(t.start, t.end)) {
      throw new Error(`bad token ${JSON.stringify(t)} for ${JSON.stringify(text)}`);
    }
    last = t.end;
  }
  isIncomplete(text);
}

describe('parser robustness', () => {
  it('parses the corpus without errors', () => {
    for (const script of corpus) expect(parse(script).errors, script).toEqual([]);
  });

  it('parses generated well-formed scripts without errors, whatever the spacing between tokens', () => {
    fc.assert(
      fc.property(wellFormed, ({ tight, loose }) => {
        check(tight);
        expect(printed(loose)).toBe(printed(tight));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('survives damaged generated scripts', () => {
    const damaged = fc.tuple(wellFormed, fc.array(edit, { minLength: 1, maxLength: 4 })).map(([w, e]) => applyEdits(w.tight, e));
    fc.assert(fc.property(damaged, (text) => check(text)), { numRuns: 300 });
  }, 60_000);

  it('survives damaged scripts', () => {
    fc.assert(fc.property(mutatedScript, (text) => check(text)), { numRuns: 600 });
  });

  it('survives random PowerShell-flavoured text', () => {
    fc.assert(fc.property(powershellish, (text) => check(text)), { numRuns: 1000 });
  });

  it('survives arbitrary characters', () => {
    fc.assert(fc.property(anyText, (text) => check(text)), { numRuns: 300 });
  });

  it('survives every prefix of every corpus script (what the REPL sees while typing)', () => {
    for (const script of corpus) {
      for (let i = 0; i <= script.length; i++) check(script.slice(0, i));
    }
  });

  it.each([
    '('.repeat(5000),
    '{'.repeat(5000),
    '"$('.repeat(3000),
    'a$('.repeat(3000),
    '@"\n$('.repeat(1000),
    '[a'.repeat(3000),
    '[a[[a['.repeat(1000),
    `${'-'.repeat(5000)}1`,
    '!'.repeat(5000),
    ','.repeat(5000),
    '1?'.repeat(5000),
    '@{a='.repeat(3000),
    '$x='.repeat(5000),
    'if(1){'.repeat(2000),
    'Write-Output ('.repeat(3000),
    '$a.b('.repeat(3000),
    '$a['.repeat(3000),
    `${'[int]'.repeat(5000)}1`,
    '&{'.repeat(3000),
  ])('stops cleanly on absurd nesting: %s', (text) => {
    const { errors } = parse(text);
    expect(errors.length).toBeGreaterThan(0);
    expect(() => tokenize(text)).not.toThrow();
  });
});
