import { describe, expect, it } from 'vitest';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { CommandMetadata, ParameterMetadata, ParameterSetMembership } from '../metadata/command.js';
import { typeOf, PSEnumValue, PSSwitch } from '@dpmsh/runtime';
import type { ScriptBlock } from '@dpmsh/runtime';
import { bindArguments, bindPrompted, isBindFailure, missingMandatory, missingMandatoryFailure } from './index.js';
import type { BindFailure, BindState } from './index.js';
import type { CommandArgument } from './types.js';

const ALL = ALL_PARAMETER_SETS;
const ON = new PSSwitch(true);
const OFF = new PSSwitch(false);

function p(name: string, type: string, sets: Record<string, ParameterSetMembership> = { [ALL]: {} }, extra: Partial<ParameterMetadata> = {}): ParameterMetadata {
  return { name, type, sets, ...extra };
}
function cmdlet(name: string, parameters: ParameterMetadata[], extra: Partial<CommandMetadata> = {}): CommandMetadata {
  return { name, parameters, cmdletBinding: true, ...extra };
}
/** `-Name` */
const n = (name: string): CommandArgument => ({ kind: 'parameter', name, hasValue: false });
/** `-Name:value` */
const c = (name: string, value: unknown): CommandArgument => ({ kind: 'parameter', name, value, hasValue: true });
/** a value */
const v = (value: unknown): CommandArgument => ({ kind: 'value', value });

const scriptBlock = (text: string): ScriptBlock => ({ isScriptBlock: true, text, invoke: () => Promise.resolve([]) });

const setThing = cmdlet('Set-Thing', [
  p('Path', 'string', { [ALL]: { position: 0 } }),
  p('PassThru', 'switch'),
  p('Count', 'int', { [ALL]: { position: 1 } }),
  p('Verb', 'string'),
  p('Force', 'switch'),
  p('Flag', 'bool'),
  p('Names', 'string[]', undefined, { aliases: ['N'] }),
  p('Day', 'System.DayOfWeek'),
  p('ComputerName', 'string', undefined, { aliases: ['CN', 'Server'] }),
]);

const getWidget = cmdlet(
  'Get-Widget',
  [p('Name', 'string', { ByName: { mandatory: true, position: 0 } }), p('Id', 'int', { ById: { mandatory: true, position: 0 } }), p('Force', 'switch')],
  { defaultParameterSet: 'ByName' },
);
const getGadget = cmdlet('Get-Gadget', [p('Alpha', 'string', { A: { mandatory: true } }), p('Beta', 'string', { B: { mandatory: true } }), p('Shared', 'string')]);
const getGizmo = cmdlet('Get-Gizmo', [p('Alpha', 'string', { A: { mandatory: true } }), p('Beta', 'string', { B: {} })]);
const getDoodad = cmdlet('Get-Doodad', [p('First', 'int', { A: { position: 0 } }), p('Second', 'string', { B: { position: 0 } })]);
const clash = cmdlet('Get-Clash', [p('One', 'string', { A: { position: 0 } }), p('Two', 'string', { A: { position: 0 } })]);
const writeThing = cmdlet('Write-Thing', [p('Object', 'object[]', { [ALL]: { position: 0, valueFromRemainingArguments: true } }), p('Separator', 'string')]);
const twoRemaining = cmdlet('Get-Twice', [p('A', 'object[]', { [ALL]: { valueFromRemainingArguments: true } }), p('B', 'object[]', { [ALL]: { valueFromRemainingArguments: true } })]);
const simple: CommandMetadata = { name: 'f', cmdletBinding: false, parameters: [p('a', 'object'), p('b', 'object'), p('s', 'switch')] };
const typedSimple: CommandMetadata = { name: 'g', cmdletBinding: false, parameters: [p('n', 'int'), p('t', 'string')] };
const advancedFunction = cmdlet('Invoke-Fn', [p('First', 'string'), p('Second', 'int'), p('Quiet', 'switch')], { fromScript: true });
const noPositionalBinding = cmdlet('Invoke-Named', [p('First', 'string')], { fromScript: true, positionalBinding: false });
const onePosition = cmdlet('Invoke-One', [p('First', 'string', { [ALL]: { position: 0 } }), p('Second', 'string')], { fromScript: true });
const newThing = cmdlet('New-Thing', [p('Name', 'string', { [ALL]: { mandatory: true } }), p('Size', 'int', { [ALL]: { mandatory: true } }), p('Note', 'string')]);
const removeThing = cmdlet('Remove-Thing', [p('Path', 'string', { [ALL]: { position: 0 } })], { supportsShouldProcess: true });
const renameThing = cmdlet('Rename-Thing', [
  p('Path', 'string', { [ALL]: { valueFromPipelineByPropertyName: true } }),
  p('NewName', 'string', { [ALL]: { valueFromPipelineByPropertyName: true } }),
  p('Filter', 'scriptblock', { [ALL]: { valueFromPipelineByPropertyName: true } }),
]);

interface Bound {
  readonly values: Readonly<Record<string, unknown>>;
  readonly set?: string;
  readonly args?: readonly unknown[];
  readonly positional?: readonly string[];
  readonly missing?: readonly string[];
}
interface Failed {
  readonly errorId: string;
  readonly message: string;
  readonly innerErrorId?: string;
  readonly category?: string;
  readonly exception?: string;
}
interface Case {
  readonly title: string;
  readonly command: CommandMetadata;
  readonly args: readonly CommandArgument[];
  readonly expectingInput?: boolean;
  readonly expect: Bound | Failed;
}

const BINDING = 'System.Management.Automation.ParameterBindingException';
const TRANSFORMATION = 'System.Management.Automation.ParameterBindingArgumentTransformationException';
const VALIDATION = 'System.Management.Automation.ParameterBindingValidationException';

const cases: Case[] = [
  // Names: case, prefixes, aliases, common parameters.
  { title: 'a name in any case', command: setThing, args: [n('path'), v('a')], expect: { values: { Path: 'a' } } },
  { title: 'a unique prefix', command: setThing, args: [n('Pat'), v('a')], expect: { values: { Path: 'a' } } },
  {
    title: 'an ambiguous prefix lists the full names',
    command: setThing,
    args: [n('Pa'), v('a')],
    expect: { errorId: 'AmbiguousParameter', message: "Parameter cannot be processed because the parameter name 'Pa' is ambiguous. Possible matches include: -Path -PassThru.", exception: BINDING },
  },
  {
    title: 'a prefix of names and of another parameter’s alias',
    command: setThing,
    args: [n('C'), v('x')],
    expect: { errorId: 'AmbiguousParameter', message: "Parameter cannot be processed because the parameter name 'C' is ambiguous. Possible matches include: -Count -ComputerName." },
  },
  { title: 'an alias', command: setThing, args: [n('CN'), v('srv')], expect: { values: { ComputerName: 'srv' } } },
  { title: 'a prefix of an alias', command: setThing, args: [n('Serv'), v('srv')], expect: { values: { ComputerName: 'srv' } } },
  { title: 'an exact alias beats the names it prefixes', command: setThing, args: [n('N'), v(['a', 'b'])], expect: { values: { Names: ['a', 'b'] } } },
  { title: '-Ver is -Verb, not -Verbose', command: setThing, args: [n('Ver'), v('x')], expect: { values: { Verb: 'x' } } },
  { title: 'a common parameter by name', command: setThing, args: [n('Verbose')], expect: { values: { Verbose: ON } } },
  { title: 'a common parameter by alias', command: setThing, args: [n('vb')], expect: { values: { Verbose: ON } } },
  {
    title: '-ErrorAction converts to ActionPreference',
    command: setThing,
    args: [n('ea'), v('stop')],
    expect: { values: { ErrorAction: new PSEnumValue('System.Management.Automation.ActionPreference', 'Stop', 1) } },
  },
  {
    title: 'a prefix only common parameters share is ambiguous',
    command: setThing,
    args: [n('Er'), v('x')],
    expect: { errorId: 'AmbiguousParameter', message: "Parameter cannot be processed because the parameter name 'Er' is ambiguous. Possible matches include: -ErrorAction -ErrorVariable." },
  },
  {
    title: 'common parameters are validated like others',
    command: setThing,
    args: [n('OutBuffer'), v(-1)],
    expect: {
      errorId: 'ParameterArgumentValidationError',
      innerErrorId: 'ValidateRangeTooSmall',
      category: 'InvalidData',
      exception: VALIDATION,
      message: "Cannot validate argument on parameter 'OutBuffer'. The -1 argument is less than the minimum allowed range of 0. Supply an argument that is greater than or equal to 0 and then try the command again.",
    },
  },
  { title: '-WhatIf where ShouldProcess is supported', command: removeThing, args: [n('wi'), v('x')], expect: { values: { WhatIf: ON, Path: 'x' } } },
  {
    title: '-WhatIf where it is not',
    command: setThing,
    args: [n('WhatIf')],
    expect: { errorId: 'NamedParameterNotFound', message: "A parameter cannot be found that matches parameter name 'WhatIf'.", category: 'InvalidArgument', exception: BINDING },
  },
  {
    title: 'an unknown name',
    command: setThing,
    args: [n('Nope'), v(1)],
    expect: { errorId: 'NamedParameterNotFound', message: "A parameter cannot be found that matches parameter name 'Nope'." },
  },

  // Switches, and what takes the next token.
  { title: 'a switch never takes the next token', command: setThing, args: [n('Force'), v('a')], expect: { values: { Force: ON, Path: 'a' }, positional: ['Path'] } },
  { title: '-Switch:$false', command: setThing, args: [c('Force', false)], expect: { values: { Force: OFF } } },
  { title: '-Switch:0', command: setThing, args: [c('Force', 0)], expect: { values: { Force: OFF } } },
  {
    title: 'a switch refuses a string',
    command: setThing,
    args: [c('Force', 'yes')],
    expect: { errorId: 'CannotConvertArgument', message: "Cannot convert 'System.String' to the type 'System.Management.Automation.SwitchParameter' required by parameter 'Force'. " },
  },
  { title: 'a [bool] takes the next token', command: setThing, args: [n('Flag'), v(true)], expect: { values: { Flag: true } } },
  { title: 'a [bool] takes a number', command: setThing, args: [n('Flag'), v(0)], expect: { values: { Flag: false } } },
  {
    title: "a [bool] refuses 'true'",
    command: setThing,
    args: [n('Flag'), v('true')],
    expect: { errorId: 'CannotConvertArgument', message: "Cannot convert 'System.String' to the type 'System.Boolean' required by parameter 'Flag'. " },
  },
  {
    title: 'a [bool] with nothing after it',
    command: setThing,
    args: [n('Flag')],
    expect: { errorId: 'MissingArgument', message: "Missing an argument for parameter 'Flag'. Specify a parameter of type 'System.Boolean' and try again." },
  },
  {
    title: 'a parameter at the end',
    command: setThing,
    args: [n('Path')],
    expect: { errorId: 'MissingArgument', message: "Missing an argument for parameter 'Path'. Specify a parameter of type 'System.String' and try again.", category: 'InvalidArgument', exception: BINDING },
  },
  {
    title: 'a parameter followed by another parameter',
    command: setThing,
    args: [n('Names'), n('Force')],
    expect: { errorId: 'MissingArgument', message: "Missing an argument for parameter 'Names'. Specify a parameter of type 'System.String[]' and try again." },
  },
  {
    title: 'a parameter followed by -name:value',
    command: setThing,
    args: [n('Path'), c('foo', 1)],
    expect: { errorId: 'MissingArgument', message: "Missing an argument for parameter 'Path'. Specify a parameter of type 'System.String' and try again." },
  },
  { title: 'a token naming no parameter is a value', command: setThing, args: [n('Path'), n('foo')], expect: { values: { Path: '-foo' } } },
  { title: '-- ends the named parameters', command: setThing, args: [n('Force'), n('-'), n('Force')], expect: { values: { Force: ON, Path: '-Force' } } },

  // Naming a parameter twice.
  {
    title: 'a parameter named twice',
    command: setThing,
    args: [n('Path'), v('a'), n('pat'), v('b')],
    expect: {
      errorId: 'ParameterAlreadyBound',
      message:
        'Cannot bind parameter because parameter \'Path\' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".',
    },
  },
  {
    title: 'a -name:value named twice keeps the name as written',
    command: setThing,
    args: [c('Path', 'a'), c('pat', 'b')],
    expect: {
      errorId: 'ParameterAlreadyBound',
      message:
        'Cannot bind parameter because parameter \'pat\' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".',
    },
  },
  {
    title: 'a switch named twice',
    command: setThing,
    args: [n('Force'), n('force')],
    expect: {
      errorId: 'ParameterAlreadyBound',
      message:
        'Cannot bind parameter because parameter \'force\' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".',
    },
  },
  {
    title: 'a prefix shared by a switch and a [bool]',
    command: setThing,
    args: [n('Force'), n('f')],
    expect: { errorId: 'AmbiguousParameter', message: "Parameter cannot be processed because the parameter name 'f' is ambiguous. Possible matches include: -Force -Flag." },
  },

  // Positions and conversions.
  { title: 'positional values in Position order', command: setThing, args: [v('a'), v(5)], expect: { values: { Path: 'a', Count: 5 }, positional: ['Path', 'Count'] } },
  { title: 'a positional value converted', command: setThing, args: [v(5), v('7')], expect: { values: { Path: '5', Count: 7 } } },
  {
    title: 'a positional value nothing takes',
    command: setThing,
    args: [v('a'), v(5), v('extra')],
    expect: { errorId: 'PositionalParameterNotFound', message: "A positional parameter cannot be found that accepts argument 'extra'.", category: 'InvalidArgument', exception: BINDING },
  },
  {
    title: 'a positional value that does not convert reports the conversion',
    command: setThing,
    args: [v('a'), v('abc')],
    expect: {
      errorId: 'CannotConvertArgumentNoMessage',
      message: 'Cannot bind parameter \'Count\'. Cannot convert value "abc" to type "System.Int32". Error: "The input string \'abc\' was not in a correct format."',
      category: 'InvalidArgument',
      exception: BINDING,
    },
  },
  {
    title: 'a named value that does not convert',
    command: setThing,
    args: [n('Count'), v('abc')],
    expect: {
      errorId: 'CannotConvertArgumentNoMessage',
      message: 'Cannot bind parameter \'Count\'. Cannot convert value "abc" to type "System.Int32". Error: "The input string \'abc\' was not in a correct format."',
    },
  },
  { title: 'hex and spaces convert to numbers', command: setThing, args: [n('Count'), v(' 0x10 ')], expect: { values: { Count: 16 } } },
  { title: 'a scalar into an array', command: setThing, args: [n('Names'), v('a')], expect: { values: { Names: ['a'] } } },
  { title: 'array elements converted', command: setThing, args: [n('Names'), v([1, 2])], expect: { values: { Names: ['1', '2'] } } },
  {
    title: 'an array into a scalar',
    command: setThing,
    args: [n('Path'), v(['a', 'b'])],
    expect: { errorId: 'CannotConvertArgument', message: "Cannot convert 'System.Object[]' to the type 'System.String' required by parameter 'Path'. Specified method is not supported." },
  },
  { title: 'an enum name in any case', command: setThing, args: [n('Day'), v('FRIDAY')], expect: { values: { Day: new PSEnumValue('System.DayOfWeek', 'Friday', 5) } } },
  { title: 'an enum name by unique prefix', command: setThing, args: [n('Day'), v('mon')], expect: { values: { Day: new PSEnumValue('System.DayOfWeek', 'Monday', 1) } } },
  {
    title: 'an ambiguous enum prefix',
    command: setThing,
    args: [n('Day'), v('T')],
    expect: {
      errorId: 'CannotConvertArgumentNoMessage',
      message:
        'Cannot bind parameter \'Day\'. Cannot convert value "T" to type "System.DayOfWeek". Error: "The identifier name T cannot be processed because it is either too similar or identical to the following enumerator names: Tuesday, Thursday. Use a more specific identifier name."',
    },
  },

  // Parameter sets.
  { title: 'the default set first, without conversion', command: getWidget, args: [v('foo')], expect: { values: { Name: 'foo' }, set: 'ByName' } },
  { title: 'another set when the value is of its type', command: getWidget, args: [v(5)], expect: { values: { Id: 5 }, set: 'ById' } },
  { title: 'a numeric string stays in the default set', command: getWidget, args: [v('5')], expect: { values: { Name: '5' }, set: 'ByName' } },
  { title: 'a named parameter picks its set', command: getWidget, args: [n('Id'), v('7')], expect: { values: { Id: 7 }, set: 'ById' } },
  {
    title: 'parameters of two sets',
    command: getWidget,
    args: [n('Name'), v('a'), n('Id'), v(5)],
    expect: {
      errorId: 'AmbiguousParameterSet',
      message: 'Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.',
      category: 'InvalidArgument',
      exception: BINDING,
    },
  },
  { title: 'nothing given: the default set, its mandatory parameter missing', command: getWidget, args: [n('Force')], expect: { values: { Force: ON }, set: 'ByName', missing: ['Name'] } },
  { title: 'without a default set, a named parameter picks the set', command: getGadget, args: [n('Alpha'), v('x')], expect: { values: { Alpha: 'x' }, set: 'A' } },
  {
    title: 'without a default set, sets that each miss a mandatory parameter are ambiguous',
    command: getGadget,
    args: [n('Shared'), v('x')],
    expect: { errorId: 'AmbiguousParameterSet', message: 'Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.' },
  },
  { title: 'without a default set, the only set whose mandatory parameters are bound', command: getGizmo, args: [], expect: { values: {}, set: 'B' } },
  { title: 'positions across sets: a string goes to the string parameter', command: getDoodad, args: [v('x')], expect: { values: { Second: 'x' }, set: 'B' } },
  { title: 'positions across sets: an int goes to the int parameter', command: getDoodad, args: [v(5)], expect: { values: { First: 5 }, set: 'A' } },
  {
    title: 'two parameters at one position of one set',
    command: clash,
    args: [v('x')],
    expect: { errorId: 'AmbiguousPositionalParameterNoName', message: 'Cannot bind positional parameters because no names were given.' },
  },

  // ValueFromRemainingArguments.
  { title: 'remaining arguments', command: writeThing, args: [v('a'), v('b'), v('c')], expect: { values: { Object: ['a', 'b', 'c'] } } },
  { title: 'one array argument is the list', command: writeThing, args: [v(['a', 'b'])], expect: { values: { Object: ['a', 'b'] } } },
  { title: 'unknown names join the remaining arguments as written', command: writeThing, args: [v('a'), n('foo'), v('b'), c('x', 1)], expect: { values: { Object: ['a', '-foo', 'b', '-x:', 1] } } },
  { title: 'named parameters still bind around them', command: writeThing, args: [n('Separator'), v('-'), v('a'), v('b')], expect: { values: { Separator: '-', Object: ['a', 'b'] } } },
  {
    title: 'two remaining-arguments parameters in one set',
    command: twoRemaining,
    args: [v('a')],
    expect: { errorId: 'AmbiguousParameterSet', category: 'MetadataError', message: 'Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.' },
  },

  // Simple functions: $args, positions in declaration order.
  { title: 'a simple function: extra values go to $args', command: simple, args: [v(1), v(2), v(3)], expect: { values: { a: 1, b: 2 }, args: [3] } },
  { title: 'a simple function: an unknown name and its value go to $args', command: simple, args: [n('x'), v(1), v(2)], expect: { values: { a: 2 }, args: ['-x', 1] } },
  { title: 'a simple function: -name:value goes to $args as written', command: simple, args: [c('x', 5)], expect: { values: {}, args: ['-x:', 5] } },
  { title: 'a simple function: named then positional', command: simple, args: [n('b'), v(2), v(1)], expect: { values: { a: 1, b: 2 }, args: [] } },
  { title: 'a simple function: switches are not positional', command: simple, args: [n('s'), v('q')], expect: { values: { s: ON, a: 'q' } } },
  { title: 'a simple function has no common parameters', command: simple, args: [n('Verbose')], expect: { values: {}, args: ['-Verbose'] } },
  {
    title: 'a script parameter that does not convert',
    command: typedSimple,
    args: [v('abc')],
    expect: {
      errorId: 'ParameterArgumentTransformationError',
      message: 'Cannot process argument transformation on parameter \'n\'. Cannot convert value "abc" to type "System.Int32". Error: "The input string \'abc\' was not in a correct format."',
      category: 'InvalidData',
      exception: TRANSFORMATION,
    },
  },
  {
    title: 'a script switch refuses a string',
    command: simple,
    args: [c('s', 'yes')],
    expect: {
      errorId: 'ParameterArgumentTransformationError',
      message:
        'Cannot process argument transformation on parameter \'s\'. Cannot convert value "System.String" to type "System.Management.Automation.SwitchParameter". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.',
    },
  },
  { title: 'a script [string] parameter turns $null into an empty string', command: typedSimple, args: [n('t'), v(null)], expect: { values: { t: '' } } },
  { title: 'an advanced function: positions in declaration order', command: advancedFunction, args: [v('x'), v('7')], expect: { values: { First: 'x', Second: 7 } } },
  {
    title: 'an advanced function: no $args',
    command: advancedFunction,
    args: [v('x'), v(7), v('extra')],
    expect: { errorId: 'PositionalParameterNotFound', message: "A positional parameter cannot be found that accepts argument 'extra'." },
  },
  {
    title: 'PositionalBinding=$false',
    command: noPositionalBinding,
    args: [v('x')],
    expect: { errorId: 'PositionalParameterNotFound', message: "A positional parameter cannot be found that accepts argument 'x'." },
  },
  {
    title: 'one declared Position turns the automatic positions off',
    command: onePosition,
    args: [v('a'), v('b')],
    expect: { errorId: 'PositionalParameterNotFound', message: "A positional parameter cannot be found that accepts argument 'b'." },
  },

  // Mandatory parameters.
  { title: 'mandatory parameters missing', command: newThing, args: [n('Note'), v('x')], expect: { values: { Note: 'x' }, missing: ['Name', 'Size'] } },
  {
    title: 'a mandatory [string] given an empty string',
    command: newThing,
    args: [n('Name'), v('')],
    expect: { errorId: 'ParameterArgumentValidationErrorEmptyStringNotAllowed', message: "Cannot bind argument to parameter 'Name' because it is an empty string.", category: 'InvalidData', exception: VALIDATION },
  },
  {
    title: 'a mandatory parameter given $null',
    command: newThing,
    args: [n('Name'), v(null)],
    expect: { errorId: 'ParameterArgumentValidationErrorNullNotAllowed', message: "Cannot bind argument to parameter 'Name' because it is null." },
  },

  // Script blocks given to pipeline parameters.
  {
    title: 'a script block for a pipeline parameter without input',
    command: renameThing,
    args: [n('NewName'), v(scriptBlock(' $_.Name '))],
    expect: {
      errorId: 'ScriptBlockArgumentNoInput',
      category: 'MetadataError',
      message: "Cannot evaluate parameter 'NewName' because its argument is specified as a script block and there is no input. A script block cannot be evaluated without input.",
    },
  },
];

function check(result: BindState | BindFailure, expected: Bound | Failed, command: CommandMetadata): void {
  if ('errorId' in expected) {
    if (!isBindFailure(result)) throw new Error(`expected ${expected.errorId}, bound ${JSON.stringify([...result.values.keys()])}`);
    expect(result.errorId).toBe(expected.errorId);
    expect(result.error.message).toBe(expected.message);
    expect(result.error.fullyQualifiedErrorId).toBe(`${expected.errorId},${command.name}`);
    if (expected.innerErrorId) {
      expect(result.innerErrorId).toBe(expected.innerErrorId);
      expect(result.error.exception.innerException).toMatchObject({ errorId: expected.innerErrorId });
    }
    if (expected.category) expect(result.error.category).toBe(expected.category);
    if (expected.exception) expect(result.error.exception.typeName).toBe(expected.exception);
    return;
  }
  if (isBindFailure(result)) throw new Error(`expected a binding, got ${result.errorId}: ${result.error.message}`);
  expect(Object.fromEntries(result.values)).toEqual(expected.values);
  if (expected.set) expect(result.parameterSetName).toBe(expected.set);
  if (expected.args) expect(result.unboundArguments).toEqual(expected.args);
  if (expected.positional) expect([...(result.boundPositionally ?? [])]).toEqual(expected.positional);
  expect(missingMandatory(result).map((m) => m.name)).toEqual(expected.missing ?? []);
}

describe('bindArguments', () => {
  it.each(cases)('$title', ({ command, args, expectingInput, expect: expected }) => {
    check(bindArguments(command, args, { expectingInput: expectingInput ?? false, commandName: command.name }), expected, command);
  });

  it('binds an array parameter as a typed array', () => {
    const result = bindArguments(setThing, [n('Names'), v('a')], { expectingInput: false, commandName: 'Set-Thing' });
    if (isBindFailure(result)) throw new Error(result.error.message);
    expect(typeOf(result.values.get('Names')).fullName).toBe('System.String[]');
  });

  it('points the error at the argument it is about', () => {
    const extent = { startLine: 1, startColumn: 11, endLine: 1, endColumn: 16, startOffset: 10, endOffset: 15, text: '-Nope', lineText: 'Set-Thing -Nope' };
    const result = bindArguments(setThing, [{ kind: 'parameter', name: 'Nope', hasValue: false, extent }], { expectingInput: false, commandName: 'Set-Thing' });
    if (!isBindFailure(result)) throw new Error('expected a failure');
    expect(result.extent).toBe(extent);
    expect(result.error.invocationInfo).toEqual({ commandName: 'Set-Thing', extent });
    // PowerShell leaves a command-line binding error without a target: "InvalidArgument: (:) [Set-Thing], ParameterBindingException".
    expect(result.error.targetObject).toBeNull();
  });

  it('keeps a script block for a pipeline parameter to run per input object', () => {
    const sb = scriptBlock(' $_.Name ');
    const result = bindArguments(renameThing, [n('NewName'), v(sb), n('Filter'), v(sb)], { expectingInput: true, commandName: 'Rename-Thing' });
    if (isBindFailure(result)) throw new Error(result.error.message);
    expect([...result.delayBind.keys()]).toEqual(['NewName']);
    // A [scriptblock] parameter takes the block itself.
    expect(result.values.get('Filter')).toBe(sb);
  });

  it('reports missing mandatory parameters as PowerShell does when it cannot prompt', () => {
    const state = bindArguments(newThing, [], { expectingInput: false, commandName: 'New-Thing' });
    if (isBindFailure(state)) throw new Error(state.error.message);
    const failure = missingMandatoryFailure(state);
    expect(failure.errorId).toBe('MissingMandatoryParameter');
    expect(failure.error.message).toBe('Cannot process command because of one or more missing mandatory parameters: Name Size.');
    expect(failure.error.fullyQualifiedErrorId).toBe('MissingMandatoryParameter,New-Thing');
    expect(failure.error.category).toBe('InvalidArgument');
  });

  it('binds prompted values, converted', () => {
    const state = bindArguments(newThing, [n('Note'), v('n')], { expectingInput: false, commandName: 'New-Thing' });
    if (isBindFailure(state)) throw new Error(state.error.message);
    const prompted = bindPrompted(state, { Name: 'box', Size: '3' });
    if (isBindFailure(prompted)) throw new Error(prompted.error.message);
    expect(Object.fromEntries(prompted.values)).toEqual({ Note: 'n', Name: 'box', Size: 3 });
    expect(prompted.missingMandatory).toEqual([]);
    // The original state is untouched.
    expect(Object.fromEntries(state.values)).toEqual({ Note: 'n' });
  });

  it('fails on a prompted value that does not convert', () => {
    const state = bindArguments(newThing, [], { expectingInput: false, commandName: 'New-Thing' });
    if (isBindFailure(state)) throw new Error(state.error.message);
    const prompted = bindPrompted(state, new Map([['Size', 'big']]));
    if (!isBindFailure(prompted)) throw new Error('expected a failure');
    expect(prompted.error.message).toBe('Cannot bind parameter \'Size\'. Cannot convert value "big" to type "System.Int32". Error: "The input string \'big\' was not in a correct format."');
  });
});
