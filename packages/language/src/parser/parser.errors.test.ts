import { describe, expect, it } from 'vitest';
import { isIncomplete, parse } from './index.js';
import { errorsOf } from './test-support/helpers.js';

describe('syntax errors carry PowerShell ids, messages and positions', () => {
  it.each([
    ['function f {', 'MissingEndCurlyBrace', '1:12', "Missing closing '}' in statement block or type definition."],
    ['}', 'UnexpectedToken', '1:1', "Unexpected token '}' in expression or statement."],
    ['$x $y', 'UnexpectedToken', '1:4', "Unexpected token '$y' in expression or statement."],
    ['$x -foo', 'UnexpectedToken', '1:4', "Unexpected token '-foo' in expression or statement."],
    ['"abc', 'TerminatorExpectedAtEndOfString', '1:1', 'The string is missing the terminator: ".'],
    ["'abc", 'TerminatorExpectedAtEndOfString', '1:1', "The string is missing the terminator: '."],
    ["@'\nabc", 'TerminatorExpectedAtEndOfString', '1:1', "The string is missing the terminator: '@."],
    ['@"\nabc', 'TerminatorExpectedAtEndOfString', '1:1', 'The string is missing the terminator: "@.'],
    ['(1 + 2', 'MissingEndParenthesisInExpression', '1:7', "Missing closing ')' in expression."],
    ['1 +', 'ExpectedValueExpression', '1:4', "You must provide a value expression following the '+' operator."],
    ['$a -eq', 'ExpectedValueExpression', '1:7', "You must provide a value expression following the '-eq' operator."],
    ['$x =', 'ExpectedValueExpression', '1:5', "You must provide a value expression following the '=' operator."],
    ['-not', 'MissingExpressionAfterOperator', '1:5', "Missing expression after unary operator '-not'."],
    ['1,', 'MissingExpressionAfterToken', '1:3', "Missing expression after ','."],
    ['()', 'ExpectedExpression', '1:2', "An expression was expected after '('."],
    ['$a[', 'MissingArrayIndexExpression', '1:4', 'Array index expression is missing or not valid.'],
    ['$a[]', 'MissingArrayIndexExpression', '1:4', 'Array index expression is missing or not valid.'],
    ['$a[0', 'MissingEndSquareBracket', '1:5', "Missing ']' after array index expression."],
    ['$x.', 'MissingPropertyName', '1:4', 'Missing property name after reference operator.'],
    ['$x.M(1', 'MissingEndParenthesisInMethodCall', '1:7', "Missing ')' in method call."],
    ['Get-Item |', 'EmptyPipeElement', '1:11', 'An empty pipe element is not allowed.'],
    ['a | | b', 'EmptyPipeElement', '1:4', 'An empty pipe element is not allowed.'],
    ['| b', 'EmptyPipeElement', '1:1', 'An empty pipe element is not allowed.'],
    ['a &&', 'EmptyPipelineChainElement', '1:3', 'A pipeline chain operator must be followed by a pipeline.'],
    ['a | 1', 'ExpressionsMustBeFirstInPipeline', '1:5', 'Expressions are only allowed as the first element of a pipeline.'],
    ['Get-Item >', 'MissingFileSpecification', '1:11', 'Missing file specification after redirection operator.'],
    ['Get-Item < x', 'RedirectionNotSupported', '1:10', "The '<' operator is reserved for future use."],
    ['[int', 'EndSquareBracketExpectedAtEndOfAttribute', '1:5', 'Missing ] at end of attribute or type literal.'],
    ['[', 'MissingTypename', '1:2', "Missing type name after '['."],
    ['$(1', 'MissingEndParenthesisInSubexpression', '1:4', "Missing closing ')' in subexpression."],
    ['@{ a = 1', 'MissingEndCurlyBrace', '1:1', "Missing closing '}' in statement block or type definition."],
    ['@{ a }', 'MissingEqualsInHashLiteral', '1:5', "Missing '=' operator after key in hash literal."],
    ['@{ a = }', 'MissingStatementInHashLiteral', '1:7', "Missing statement after '=' in hash literal."],
    ['${abc', 'IncompleteDollarVariableReference', '1:1', "${variable} reference starting is missing the closing '}'."],
    ['${}', 'EmptyVariableReference', '1:1', 'An empty ${} variable reference was found. A name is required inside the braces.'],
    [
      '"$name: x"',
      'InvalidVariableReferenceWithDrive',
      '1:2',
      "Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.",
    ],
    ['@x', 'SplattingNotPermitted', '1:1', "The splatting operator '@' cannot be used to reference variables in an expression. '@x' can be used only as an argument to a command. To reference variables in an expression use '$x'."],
    ['<# x', 'MissingTerminatorMultiLineComment', '1:1', "The terminator '#>' is missing from the multiline comment."],
    ['Get-Item `', 'IncompleteString', '1:10', 'Incomplete string token.'],
    ["@'x\n'@", 'UnexpectedCharactersAfterHereStringHeader', '1:3', 'No characters are allowed after a here-string header but before the end of the line.'],
    ['"`u{110000}"', 'InvalidUnicodeEscapeSequenceValue', '1:2', 'The Unicode escape sequence value is out of range. The maximum value is 0x10FFFF.'],
    ['"`u{1234567}"', 'TooManyDigitsInUnicodeEscapeSequence', '1:2', 'The Unicode escape sequence contains more than the maximum of six hex digits between braces.'],
    ['"`u{12"', 'MissingUnicodeEscapeSequenceTerminator', '1:2', "The Unicode escape sequence is missing the closing '}'."],
    ['1usgb', 'BadNumericConstant', '1:1', 'The numeric constant 1usgb is not valid.'],
    ['if', 'MissingOpenParenthesisInIfStatement', '1:3', "Missing '(' after 'if' in if statement."],
    ['if () { }', 'IfStatementMissingCondition', '1:5', "Missing condition in if statement after 'if ('."],
    ['if ($x { }', 'MissingEndParenthesisAfterStatement', '1:7', "Missing closing ')' after expression in 'if' statement."],
    ['if ($x)', 'MissingStatementBlock', '1:8', 'Missing statement block after if ( condition ).'],
    ['if ($x) { } else', 'MissingStatementBlockAfterElse', '1:17', "Missing statement block after 'else' keyword."],
    ['if ($x) { } elseif { }', 'MissingOpenParenthesisInIfStatement', '1:19', "Missing '(' after 'elseif' in if statement."],
    ['while { }', 'MissingOpenParenthesisAfterKeyword', '1:6', "Missing opening '(' after keyword 'while'."],
    ['while () { }', 'MissingExpressionAfterKeyword', '1:8', "Missing expression after 'while' in loop."],
    ['while ($x)', 'MissingLoopStatement', '1:11', 'Missing statement body in while loop.'],
    ['do { }', 'MissingWhileOrUntilInDoWhile', '1:7', 'Missing while or until keyword in do loop.'],
    ['for (;;)', 'MissingLoopStatement', '1:9', 'Missing statement body in for loop.'],
    ['foreach (1 in $x) { }', 'MissingVariableNameAfterForeach', '1:10', 'Missing variable name after foreach.\nThe correct form is: foreach ($a in $b) {...}'],
    ['foreach ($x $y) { }', 'MissingInInForeach', '1:12', "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {...}"],
    ['foreach ($x in) { }', 'MissingForeachExpression', '1:15', 'Missing expression in foreach loop.\nThe correct form is: foreach ($a in $b) {...}'],
    ['foreach ($x in $y { }', 'MissingEndParenthesisAfterForeach', '1:18', "Missing closing ')' after expression part of foreach loop.\nThe correct form is: foreach ($a in $b) {...}"],
    ['foreach ($x in $y)', 'MissingForeachStatement', '1:19', 'Missing statement body in foreach loop.\nThe correct form is: foreach ($a in $b) {...}'],
    ['foreach -parallel ($x in $y) { }', 'InvalidForeachFlag', '1:9', 'The parameter -parallel is not valid for the foreach statement.'],
    ['switch { }', 'PipelineValueRequired', '1:7', "A switch statement must have one of the following:  '-file file_name' or '( expression )'."],
    ['switch () { }', 'MissingSwitchValueExpression', '1:9', "Missing expression after '(' in switch statement."],
    ['switch ($x { }', 'MissingEndParenthesisInSwitchStatement', '1:11', "Missing ')' after expression in switch statement."],
    ['switch ($x)', 'MissingCurlyBraceInSwitchStatement', '1:12', "Missing '{' in switch statement."],
    ['switch ($x) { a }', 'MissingSwitchStatementClause', '1:16', 'Missing statement block in switch statement clause.'],
    ['switch ($x) { default {} default {} }', 'MultipleSwitchDefaultClauses', '1:26', 'A switch statement can have only one default clause.'],
    ['switch -foo ($x) { }', 'InvalidSwitchFlag', '1:8', 'The parameter -foo is not valid for the switch statement.'],
    ['switch -file { }', 'MissingFilenameOption', '1:13', "Cannot process the 'switch' statement because of a missing file name argument to the -file option."],
    ['try', 'MissingTryStatementBlock', '1:4', 'The Try statement is missing its statement block.'],
    ['try { }', 'MissingCatchOrFinally', '1:8', 'The Try statement is missing its Catch or Finally block.'],
    ['try { } finally', 'MissingFinallyStatementBlock', '1:16', 'The Finally block is missing its statement block.'],
    ['try { } catch { } catch [A] { }', 'EmptyCatchNotLast', '1:19', 'Catch block must be the last catch block.'],
    ['trap', 'MissingTrapStatement', '1:5', "The 'trap' statement was incomplete. A trap statement requires a body."],
    ['function', 'MissingNameAfterKeyword', '1:9', 'Missing name after function keyword.'],
    ['filter', 'MissingNameAfterKeyword', '1:7', 'Missing name after filter keyword.'],
    ['function f', 'MissingFunctionBody', '1:11', 'Missing function body in function declaration.'],
    ['function f($a { }', 'MissingEndParenthesisInFunctionParameterList', '1:14', "Missing ')' in function parameter list."],
    ['function f(1) { }', 'InvalidFunctionParameter', '1:12', 'Parameter declarations are a comma-separated list of variable names with optional initializer expressions.'],
    ['function f($a) { param($b) }', 'OnlyOneParameterListAllowed', '1:18', 'The param statement cannot be used if arguments were specified in the function declaration.'],
    ['begin { } begin { }', 'DuplicateScriptCommandClause', '1:11', "Script command clause 'begin' has already been defined."],
    ['begin { } 1', 'MissingNamedBlocks', '1:11', "unexpected token '1', expected 'begin', 'process', 'end', or 'dynamicparam'."],
    ['process', 'MissingNamedStatementBlock', '1:8', "Missing statement block after 'process'."],
    ['[Parameter()]', 'UnexpectedAttribute', '1:1', "Unexpected attribute 'Parameter'."],
    ['[A(B=)]$x', 'MissingExpressionInNamedArgument', '1:6', "Missing statement after '=' in named argument."],
    ['$c ? 1', 'MissingColonInTernaryExpression', '1:7', "Missing ':' in the ternary expression."],
    ['1 = 2', 'InvalidLeftHandSide', '1:1', 'The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.'],
    ['Write-Output ,1', 'MissingArgument', '1:14', 'Missing argument in parameter list.'],
    ['& ', 'MissingExpression', '1:2', "Missing expression after '&' in pipeline element."],
    ['from x', 'ReservedKeywordNotAllowed', '1:1', "The 'from' keyword is not supported in this version of the language."],
    ['class Foo { [int]$x }', 'UnsupportedStatement', '1:1', "The 'class' statement is not supported in dpmsh."],
    ['enum Color { Red }', 'UnsupportedStatement', '1:1', "The 'enum' statement is not supported in dpmsh."],
    ['data { "x" }', 'UnsupportedStatement', '1:1', "The 'data' statement is not supported in dpmsh."],
    ['workflow W { }', 'UnsupportedStatement', '1:1', "The 'workflow' statement is not supported in dpmsh."],
    ['configuration C { }', 'UnsupportedStatement', '1:1', "The 'configuration' statement is not supported in dpmsh."],
    ['using namespace System.IO', 'UnsupportedStatement', '1:1', "The 'using' statement is not supported in dpmsh."],
    ['function f { dynamicparam { } }', 'UnsupportedStatement', '1:14', "The 'dynamicparam' statement is not supported in dpmsh."],
    ['cmd --% /c dir', 'StopParsingNotSupported', '1:5', "The stop-parsing token '--%' is not supported in dpmsh."],
  ])('%j → %s', (text, id, at, message) => {
    const errors = errorsOf(text);
    expect(errors.find((e) => e.id === id), JSON.stringify(errors)).toMatchObject({ id, at, message });
  });

  it('reports positions on later lines with the text of the line', () => {
    const { errors } = parse('Get-Date\nif ($x) {\n  1\n');
    expect(errors).toHaveLength(1);
    expect(errors[0].extent).toMatchObject({ startLine: 2, startColumn: 9, text: '{', startLineText: 'if ($x) {' });
  });

  it('keeps parsing after an error and reports later ones too', () => {
    expect(errorsOf('$x $y\n)\n1 +').map((e) => e.id)).toEqual(['UnexpectedToken', 'UnexpectedToken', 'ExpectedValueExpression']);
  });

  it('still builds a tree around the error', () => {
    const { ast } = parse('$a = 1\n$b $c\n$d = 2');
    expect(ast.endBlock?.statements.map((s) => s.kind)).toEqual(['AssignmentStatement', 'Pipeline', 'AssignmentStatement']);
  });
});

describe('incomplete input (the REPL continuation prompt)', () => {
  it.each([
    'function f {',
    'if ($x) {',
    'if ($x) { 1 } else {',
    '"abc',
    "'abc",
    "@'\nabc",
    '@"\nabc $x',
    'Get-Item |',
    'Get-Item |\n',
    '1 +',
    '$x -and',
    '$x =',
    '1,',
    'Get-Item `',
    'Get-Item `\n',
    '(1 + 2',
    '$(Get-Date',
    '@(1, 2',
    '@{ a = 1',
    '$a[0',
    '$x.',
    '$x.Method(1,',
    'foreach ($x in $y)',
    'while ($true)',
    'do { }',
    'try { }',
    'try { } catch',
    'function f',
    'function f(',
    'switch ($x) {',
    '[int',
    '<# comment',
    'a &&',
    '"$(1 + "',
    'param(',
    '[CmdletBinding(',
    '${abc',
    'if ($x) {\n  # typing\n',
  ])('%j is incomplete', (text) => {
    expect(isIncomplete(text)).toBe(true);
  });

  it.each([
    'Get-Date',
    '',
    '   ',
    '# just a comment',
    '}',
    ')',
    '1 2',
    '$x $y {',
    'if ($x) { 1 }',
    'try { } catch { }',
    'Get-Item | | x',
    '@{ a }',
    'a | 1',
    '"abc"',
    "@'\nabc\n'@",
    'class Foo {',
  ])('%j is not incomplete', (text) => {
    expect(isIncomplete(text)).toBe(false);
  });

  it('marks only the errors caused by the end of input', () => {
    const errors = parse('$x $y\n1 +').errors;
    expect(errors.map((e) => [e.errorId, e.incompleteInput])).toEqual([
      ['UnexpectedToken', false],
      ['ExpectedValueExpression', true],
    ]);
  });
});
