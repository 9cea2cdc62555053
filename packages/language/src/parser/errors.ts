import type { Extent } from './ast.js';

/** A syntax error with PowerShell's error id and English message. */
export interface ParseError {
  /** PowerShell's id (`MissingEndCurlyBrace`, `UnexpectedToken`...), or a dpmsh id for unsupported syntax. */
  readonly errorId: string;
  readonly message: string;
  /** Where PowerShell puts its `~` marker; may be empty (start === end) for "expected here". */
  readonly extent: Extent;
  /** True when the error is only there because the input ended (the REPL should read another line). */
  readonly incompleteInput: boolean;
}

/**
 * PowerShell's parser messages (ParserStrings), keyed by error id. Ids used by dpmsh alone
 * (`UnsupportedStatement`, `StopParsingNotSupported`) come last.
 */
export const messages = {
  MissingEndCurlyBrace: () => "Missing closing '}' in statement block or type definition.",
  UnexpectedToken: (token: string) => `Unexpected token '${token}' in expression or statement.`,
  TerminatorExpectedAtEndOfString: (terminator: string) => `The string is missing the terminator: ${terminator}.`,
  MissingEndParenthesisInExpression: () => "Missing closing ')' in expression.",
  MissingEndParenthesisInSubexpression: () => "Missing closing ')' in subexpression.",
  MissingEndParenthesisInMethodCall: () => "Missing ')' in method call.",
  ExpectedValueExpression: (operator: string) => `You must provide a value expression following the '${operator}' operator.`,
  MissingExpressionAfterOperator: (operator: string) => `Missing expression after unary operator '${operator}'.`,
  MissingExpressionAfterToken: (token: string) => `Missing expression after '${token}'.`,
  ExpectedExpression: () => "An expression was expected after '('.",
  MissingArrayIndexExpression: () => 'Array index expression is missing or not valid.',
  MissingEndSquareBracket: () => "Missing ']' after array index expression.",
  MissingPropertyName: () => 'Missing property name after reference operator.',
  EmptyPipeElement: () => 'An empty pipe element is not allowed.',
  EmptyPipelineChainElement: () => 'A pipeline chain operator must be followed by a pipeline.',
  ExpressionsMustBeFirstInPipeline: () => 'Expressions are only allowed as the first element of a pipeline.',
  MissingExpression: (operator: string) => `Missing expression after '${operator}' in pipeline element.`,
  MissingArgument: () => 'Missing argument in parameter list.',
  MissingFileSpecification: () => 'Missing file specification after redirection operator.',
  RedirectionNotSupported: (operator: string) => `The '${operator}' operator is reserved for future use.`,
  EndSquareBracketExpectedAtEndOfAttribute: () => 'Missing ] at end of attribute or type literal.',
  EndSquareBracketExpectedAtEndOfType: () => 'Missing ] at end of type token.',
  MissingTypename: () => "Missing type name after '['.",
  MissingEndParenthesisInFunctionParameterList: () => "Missing ')' in function parameter list.",
  InvalidFunctionParameter: () =>
    'Parameter declarations are a comma-separated list of variable names with optional initializer expressions.',
  MissingEqualsInNamedArgument: () => 'The "=" operator is missing after a named argument.',
  MissingExpressionInNamedArgument: () => "Missing statement after '=' in named argument.",
  MissingKeyInHashLiteral: () => "Missing key before '=' in hash literal.",
  MissingEqualsInHashLiteral: () => "Missing '=' operator after key in hash literal.",
  MissingStatementInHashLiteral: () => "Missing statement after '=' in hash literal.",
  IfStatementMissingCondition: (keyword: string) => `Missing condition in if statement after '${keyword} ('.`,
  MissingOpenParenthesisInIfStatement: (keyword: string) => `Missing '(' after '${keyword}' in if statement.`,
  MissingEndParenthesisAfterStatement: (keyword: string) => `Missing closing ')' after expression in '${keyword}' statement.`,
  MissingStatementBlock: (keyword: string) => `Missing statement block after ${keyword} ( condition ).`,
  MissingStatementBlockAfterElse: () => "Missing statement block after 'else' keyword.",
  MissingOpenParenthesisAfterKeyword: (keyword: string) => `Missing opening '(' after keyword '${keyword}'.`,
  MissingExpressionAfterKeyword: (keyword: string) => `Missing expression after '${keyword}' in loop.`,
  MissingLoopStatement: (keyword: string) => `Missing statement body in ${keyword} loop.`,
  MissingWhileOrUntilInDoWhile: () => 'Missing while or until keyword in do loop.',
  MissingVariableNameAfterForeach: () =>
    'Missing variable name after foreach.\nThe correct form is: foreach ($a in $b) {...}',
  MissingInInForeach: () => "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
  MissingForeachExpression: () => 'Missing expression in foreach loop.\nThe correct form is: foreach ($a in $b) {...}',
  MissingEndParenthesisAfterForeach: () =>
    "Missing closing ')' after expression part of foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
  MissingForeachStatement: () => 'Missing statement body in foreach loop.\nThe correct form is: foreach ($a in $b) {...}',
  InvalidForeachFlag: (flag: string) => `The parameter ${flag} is not valid for the foreach statement.`,
  InvalidSwitchFlag: (flag: string) => `The parameter ${flag} is not valid for the switch statement.`,
  MissingFilenameOption: () =>
    "Cannot process the 'switch' statement because of a missing file name argument to the -file option.",
  PipelineValueRequired: () => "A switch statement must have one of the following:  '-file file_name' or '( expression )'.",
  MissingSwitchValueExpression: () => "Missing expression after '(' in switch statement.",
  MissingEndParenthesisInSwitchStatement: () => "Missing ')' after expression in switch statement.",
  MissingCurlyBraceInSwitchStatement: () => "Missing '{' in switch statement.",
  MissingSwitchConditionExpression: () => 'Missing condition in switch statement clause.',
  MissingSwitchStatementClause: () => 'Missing statement block in switch statement clause.',
  MultipleSwitchDefaultClauses: () => 'A switch statement can have only one default clause.',
  MissingTryStatementBlock: () => 'The Try statement is missing its statement block.',
  MissingCatchOrFinally: () => 'The Try statement is missing its Catch or Finally block.',
  MissingCatchHandlerBlock: () => 'The Catch block is missing its statement block.',
  MissingFinallyStatementBlock: () => 'The Finally block is missing its statement block.',
  EmptyCatchNotLast: () => 'Catch block must be the last catch block.',
  MissingTypeLiteralToken: () => 'Missing type literal.',
  MissingTrapStatement: () => "The 'trap' statement was incomplete. A trap statement requires a body.",
  MissingNameAfterKeyword: (keyword: string) => `Missing name after ${keyword} keyword.`,
  MissingFunctionBody: () => 'Missing function body in function declaration.',
  OnlyOneParameterListAllowed: () =>
    'The param statement cannot be used if arguments were specified in the function declaration.',
  MissingNamedStatementBlock: (keyword: string) => `Missing statement block after '${keyword}'.`,
  DuplicateScriptCommandClause: (keyword: string) => `Script command clause '${keyword}' has already been defined.`,
  MissingNamedBlocks: (token: string) =>
    `unexpected token '${token}', expected 'begin', 'process', 'end', or 'dynamicparam'.`,
  MissingColonInTernaryExpression: () => "Missing ':' in the ternary expression.",
  SplattingNotPermitted: (name: string) =>
    `The splatting operator '@' cannot be used to reference variables in an expression. '@${name}' can be used only as an argument to a command. To reference variables in an expression use '$${name}'.`,
  InvalidVariableReference: () =>
    "Variable reference is not valid. '$' was not followed by a valid variable name character. Consider using ${} to delimit the name.",
  InvalidVariableReferenceWithDrive: () =>
    "Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.",
  IncompleteDollarVariableReference: () => "${variable} reference starting is missing the closing '}'.",
  EmptyVariableReference: () => 'An empty ${} variable reference was found. A name is required inside the braces.',
  IncompleteString: () => 'Incomplete string token.',
  MissingTerminatorMultiLineComment: () => "The terminator '#>' is missing from the multiline comment.",
  UnexpectedCharactersAfterHereStringHeader: () =>
    'No characters are allowed after a here-string header but before the end of the line.',
  BadNumericConstant: (text: string) => `The numeric constant ${text} is not valid.`,
  InvalidUnicodeEscapeSequence: () =>
    "The Unicode escape sequence is not valid. A valid sequence is `u{ followed by one to six hex digits and a closing '}'.",
  InvalidUnicodeEscapeSequenceValue: () => 'The Unicode escape sequence value is out of range. The maximum value is 0x10FFFF.',
  MissingUnicodeEscapeSequenceTerminator: () => "The Unicode escape sequence is missing the closing '}'.",
  TooManyDigitsInUnicodeEscapeSequence: () =>
    'The Unicode escape sequence contains more than the maximum of six hex digits between braces.',
  ReservedKeywordNotAllowed: (keyword: string) => `The '${keyword}' keyword is not supported in this version of the language.`,
  InvalidLeftHandSide: () =>
    'The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.',
  UnexpectedAttribute: (name: string) => `Unexpected attribute '${name}'.`,
  ScriptTooComplicated: () => 'Processing was stopped because the script is too complex.',
  UnsupportedStatement: (keyword: string) => `The '${keyword}' statement is not supported in dpmsh.`,
  StopParsingNotSupported: () => "The stop-parsing token '--%' is not supported in dpmsh.",
} as const;

/** Error ids this parser can report. */
export type ParseErrorId = keyof typeof messages;
