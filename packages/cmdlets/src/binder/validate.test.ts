import { describe, expect, it } from 'vitest';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { CommandMetadata, ParameterMetadata, Validation } from '../metadata/command.js';
import { errorRecord, RuntimeError, PSList } from '@dpmsh/runtime';
import type { ScriptExtent, ScriptBlock } from '@dpmsh/runtime';
import { bindArguments, isBindFailure, validateScripts } from './index.js';
import type { BindState } from './index.js';
import type { CommandArgument } from './types.js';

const ALL = ALL_PARAMETER_SETS;
const VALIDATION_EXCEPTION = 'System.Management.Automation.ParameterBindingValidationException';

function p(name: string, type: string, validation: Validation[] = [], extra: Partial<ParameterMetadata> = {}): ParameterMetadata {
  return { name, type, sets: { [ALL]: {} }, validation, ...extra };
}
function mandatory(name: string, type: string, extra: Partial<ParameterMetadata> = {}): ParameterMetadata {
  return { name, type, sets: { [ALL]: { mandatory: true } }, ...extra };
}
/** A script block whose body is a JS predicate on `$_`. */
function script(text: string, test: (dollarUnder: unknown) => unknown): ScriptBlock {
  return { isScriptBlock: true, text, invoke: (options) => Promise.resolve([test(options?.dollarUnder)]) };
}

const testThing: CommandMetadata = {
  name: 'Test-Thing',
  cmdletBinding: true,
  parameters: [
    p('Mode', 'string', [{ kind: 'set', values: ['Read', 'Write', 'ReadWrite'] }]),
    p('ExactMode', 'string', [{ kind: 'set', values: ['Read', 'Write'], ignoreCase: false }]),
    p('Modes', 'string[]', [{ kind: 'set', values: ['Read', 'Write'] }]),
    p('Level', 'int', [{ kind: 'range', min: 1, max: 10 }]),
    p('Levels', 'int[]', [{ kind: 'range', min: 1, max: 10 }]),
    p('Any', 'object', [{ kind: 'range', min: 1, max: 10 }]),
    p('Positive', 'int', [{ kind: 'rangeKind', range: 'Positive' }]),
    p('NonNegatives', 'int[]', [{ kind: 'rangeKind', range: 'NonNegative' }]),
    p('Negative', 'double', [{ kind: 'rangeKind', range: 'Negative' }]),
    p('NonPositive', 'int', [{ kind: 'rangeKind', range: 'NonPositive' }]),
    p('Code', 'string', [{ kind: 'length', min: 2, max: 4 }]),
    p('Id', 'string', [{ kind: 'pattern', pattern: '^[a-z]+\\d$' }]),
    p('Tags', 'string[]', [{ kind: 'count', min: 1, max: 2 }]),
    p('Pair', 'string[]', [{ kind: 'count', min: 2, max: 2 }]),
    p('Thing', 'object', [{ kind: 'notNull' }]),
    p('Things', 'object[]', [{ kind: 'notNull' }]),
    p('Text', 'string', [{ kind: 'notNullOrEmpty' }]),
    p('Items', 'string[]', [{ kind: 'notNullOrEmpty' }]),
    p('Size', 'int', [{ kind: 'script', script: script(' $_ -lt 10 ', (x) => Number(x) < 10) }]),
    p('Sizes', 'int[]', [{ kind: 'script', script: script(' $_ -lt 10 ', (x) => Number(x) < 10) }]),
  ],
};

const newThing: CommandMetadata = {
  name: 'New-Thing',
  cmdletBinding: true,
  parameters: [
    mandatory('Name', 'string'),
    mandatory('Label', 'string', { allowEmptyString: true }),
    mandatory('Owner', 'object', { allowNull: true }),
    mandatory('Names', 'string[]'),
    mandatory('Aliases', 'string[]', { allowEmptyCollection: true }),
    mandatory('Queue', 'System.Collections.Generic.List[string]'),
  ],
};

function bind(command: CommandMetadata, name: string, value: unknown, extent?: ScriptExtent): ReturnType<typeof bindArguments> {
  const args: CommandArgument[] = [
    { kind: 'parameter', name, hasValue: false },
    { kind: 'value', value, extent },
  ];
  return bindArguments(command, args, { expectingInput: false, commandName: command.name });
}

interface Case {
  readonly title: string;
  readonly command?: CommandMetadata;
  readonly parameter: string;
  readonly value: unknown;
  /** The bound value when it passes. */
  readonly bound?: unknown;
  readonly fails?: { readonly errorId: string; readonly innerErrorId?: string; readonly message: string };
}

const invalid = (innerErrorId: string, parameter: string, message: string) => ({
  errorId: 'ParameterArgumentValidationError',
  innerErrorId,
  message: `Cannot validate argument on parameter '${parameter}'. ${message}`,
});

const cases: Case[] = [
  { title: 'ValidateSet ignores case', parameter: 'Mode', value: 'readwrite', bound: 'readwrite' },
  {
    title: 'ValidateSet',
    parameter: 'Mode',
    value: 'x',
    fails: invalid('ValidateSetFailure', 'Mode', 'The argument "x" does not belong to the set "Read,Write,ReadWrite" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.'),
  },
  {
    title: 'ValidateSet takes no prefixes',
    parameter: 'Mode',
    value: 'Re',
    fails: invalid('ValidateSetFailure', 'Mode', 'The argument "Re" does not belong to the set "Read,Write,ReadWrite" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.'),
  },
  {
    title: 'ValidateSet with IgnoreCase=$false',
    parameter: 'ExactMode',
    value: 'read',
    fails: invalid('ValidateSetFailure', 'ExactMode', 'The argument "read" does not belong to the set "Read,Write" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.'),
  },
  {
    title: 'ValidateSet checks each element',
    parameter: 'Modes',
    value: ['Read', 'x'],
    fails: invalid('ValidateSetFailure', 'Modes', 'The argument "x" does not belong to the set "Read,Write" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.'),
  },
  { title: 'ValidateRange within', parameter: 'Level', value: '5', bound: 5 },
  { title: "ValidateRange('Positive') accepts 1", parameter: 'Positive', value: 1, bound: 1 },
  {
    title: "ValidateRange('Positive') refuses 0",
    parameter: 'Positive',
    value: 0,
    fails: invalid('ValidateRangePositiveFailure', 'Positive', 'The argument "0" cannot be validated because its value is not greater than zero.'),
  },
  { title: "ValidateRange('NonNegative') accepts 0", parameter: 'NonNegatives', value: [0, 3], bound: [0, 3] },
  {
    title: "ValidateRange('NonNegative') checks each element",
    parameter: 'NonNegatives',
    value: [0, -1],
    fails: invalid('ValidateRangeNonNegativeFailure', 'NonNegatives', 'The argument "-1" cannot be validated because its value is not greater than or equal to zero.'),
  },
  {
    title: "ValidateRange('Negative') refuses 0",
    parameter: 'Negative',
    value: 0,
    fails: invalid('ValidateRangeNegativeFailure', 'Negative', 'The argument "0" cannot be validated because its value is not less than zero.'),
  },
  { title: "ValidateRange('NonPositive') accepts 0", parameter: 'NonPositive', value: 0, bound: 0 },
  {
    title: "ValidateRange('NonPositive') refuses 1",
    parameter: 'NonPositive',
    value: 1,
    fails: invalid('ValidateRangeNonPositiveFailure', 'NonPositive', 'The argument "1" cannot be validated because its value is not less than or equal to zero.'),
  },
  {
    title: 'ValidateRange below',
    parameter: 'Level',
    value: 0,
    fails: invalid('ValidateRangeTooSmall', 'Level', 'The 0 argument is less than the minimum allowed range of 1. Supply an argument that is greater than or equal to 1 and then try the command again.'),
  },
  {
    title: 'ValidateRange above',
    parameter: 'Level',
    value: 11,
    fails: invalid('ValidateRangeTooBig', 'Level', 'The 11 argument is greater than the maximum allowed range of 10. Supply an argument that is less than or equal to 10 and then try the command again.'),
  },
  {
    title: 'ValidateRange checks each element',
    parameter: 'Levels',
    value: [5, 20],
    fails: invalid('ValidateRangeTooBig', 'Levels', 'The 20 argument is greater than the maximum allowed range of 10. Supply an argument that is less than or equal to 10 and then try the command again.'),
  },
  {
    title: 'ValidateRange on a value that is no number',
    parameter: 'Any',
    value: 'one',
    fails: invalid(
      'ValidationRangeElementType',
      'Any',
      'The argument cannot be validated because its type "String" is not the same type (Int32) as the maximum and minimum limits of the parameter. Make sure the argument is of type Int32 and then try the command again.',
    ),
  },
  {
    title: 'ValidateLength too short',
    parameter: 'Code',
    value: 'a',
    fails: invalid('ValidateLengthMinLengthFailure', 'Code', 'The character length (1) of the argument is too short. Specify an argument with a length that is greater than or equal to "2", and then try the command again.'),
  },
  {
    title: 'ValidateLength too long',
    parameter: 'Code',
    value: 'abcde',
    fails: invalid(
      'ValidateLengthMaxLengthFailure',
      'Code',
      'The character length of the 5 argument is too long. Shorten the character length of the argument so it is fewer than or equal to "4" characters, and then try the command again.',
    ),
  },
  { title: 'ValidatePattern ignores case', parameter: 'Id', value: 'ABC1', bound: 'ABC1' },
  {
    title: 'ValidatePattern',
    parameter: 'Id',
    value: '12',
    fails: invalid('ValidatePatternFailure', 'Id', 'The argument "12" does not match the "^[a-z]+\\d$" pattern. Supply an argument that matches "^[a-z]+\\d$" and try the command again.'),
  },
  {
    title: 'ValidateCount between',
    parameter: 'Tags',
    value: ['a', 'b', 'c'],
    fails: invalid('ValidateCountMinMaxFailure', 'Tags', 'The parameter requires at least 1 value(s) and no more than 2 value(s) - 3 value(s) were provided.'),
  },
  {
    title: 'ValidateCount exact',
    parameter: 'Pair',
    value: 'a',
    fails: invalid('ValidateCountExactFailure', 'Pair', 'The parameter requires exactly 2 value(s) - 1 value(s) were provided.'),
  },
  {
    title: 'ValidateNotNull',
    parameter: 'Thing',
    value: null,
    fails: invalid('ArgumentIsNull', 'Thing', 'The argument is null. Provide a valid value for the argument, and then try running the command again.'),
  },
  {
    title: 'ValidateNotNull on a collection with a null',
    parameter: 'Things',
    value: [1, null],
    fails: invalid(
      'ArgumentIsNull',
      'Things',
      'The argument has a null value, or an element of the argument collection contains a null value. Provide a collection that does not contain any null values, and then try the command again.',
    ),
  },
  {
    title: 'ValidateNotNullOrEmpty on an empty string',
    parameter: 'Text',
    value: '',
    fails: invalid('ArgumentIsEmpty', 'Text', 'The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.'),
  },
  {
    title: 'ValidateNotNullOrEmpty on an empty element',
    parameter: 'Items',
    value: ['a', ''],
    fails: invalid(
      'ArgumentCollectionContainsEmpty',
      'Items',
      'The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again.',
    ),
  },
  {
    title: 'ValidateNotNullOrEmpty on an empty array',
    parameter: 'Items',
    value: [],
    fails: invalid(
      'ArgumentIsEmpty',
      'Items',
      'The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again.',
    ),
  },

  // Mandatory parameters refuse $null, '' and empty collections unless allowed.
  { title: 'mandatory: an empty string', command: newThing, parameter: 'Name', value: '', fails: { errorId: 'ParameterArgumentValidationErrorEmptyStringNotAllowed', message: "Cannot bind argument to parameter 'Name' because it is an empty string." } },
  { title: 'mandatory: AllowEmptyString', command: newThing, parameter: 'Label', value: '', bound: '' },
  { title: 'mandatory: $null', command: newThing, parameter: 'Name', value: null, fails: { errorId: 'ParameterArgumentValidationErrorNullNotAllowed', message: "Cannot bind argument to parameter 'Name' because it is null." } },
  { title: 'mandatory: AllowNull', command: newThing, parameter: 'Owner', value: null, bound: null },
  { title: 'mandatory: an empty array', command: newThing, parameter: 'Names', value: [], fails: { errorId: 'ParameterArgumentValidationErrorEmptyArrayNotAllowed', message: "Cannot bind argument to parameter 'Names' because it is an empty array." } },
  { title: 'mandatory: a null element', command: newThing, parameter: 'Names', value: ['a', null], fails: { errorId: 'ParameterArgumentValidationErrorNullNotAllowed', message: "Cannot bind argument to parameter 'Names' because it is null." } },
  { title: 'mandatory: an empty string element', command: newThing, parameter: 'Names', value: ['a', ''], fails: { errorId: 'ParameterArgumentValidationErrorEmptyStringNotAllowed', message: "Cannot bind argument to parameter 'Names' because it is an empty string." } },
  { title: 'mandatory: AllowEmptyCollection', command: newThing, parameter: 'Aliases', value: [], bound: [] },
  {
    title: 'mandatory: an empty list',
    command: newThing,
    parameter: 'Queue',
    value: new PSList([], 'System.String'),
    fails: { errorId: 'ParameterArgumentValidationErrorEmptyCollectionNotAllowed', message: "Cannot bind argument to parameter 'Queue' because it is an empty collection." },
  },
];

describe('validation', () => {
  it.each(cases)('$title', ({ command, parameter, value, bound, fails }) => {
    const cmd = command ?? testThing;
    const result = bind(cmd, parameter, value);
    if (fails) {
      if (!isBindFailure(result)) throw new Error(`expected ${fails.errorId}`);
      expect(result.errorId).toBe(fails.errorId);
      expect(result.error.message).toBe(fails.message);
      expect(result.innerErrorId).toBe(fails.innerErrorId);
      expect(result.error.fullyQualifiedErrorId).toBe(`${fails.errorId},${cmd.name}`);
      expect(result.error.category).toBe('InvalidData');
      expect(result.error.exception.typeName).toBe(VALIDATION_EXCEPTION);
      if (fails.innerErrorId) {
        expect(result.error.exception.innerException).toMatchObject({ errorId: fails.innerErrorId, typeName: 'System.Management.Automation.ValidationMetadataException' });
      }
      return;
    }
    if (isBindFailure(result)) throw new Error(`${result.errorId}: ${result.error.message}`);
    expect(result.values.get(parameter)).toEqual(bound);
  });
});

describe('validateScripts', () => {
  const extent: ScriptExtent = { startLine: 1, startColumn: 18, endLine: 1, endColumn: 20, startOffset: 17, endOffset: 19, text: '50', lineText: 'Test-Thing -Size 50' };
  const bound = (name: string, value: unknown): BindState => {
    const result = bind(testThing, name, value, extent);
    if (isBindFailure(result)) throw new Error(result.error.message);
    return result;
  };

  it('passes when the script returns true', async () => {
    expect(await validateScripts(bound('Size', 5), testThing)).toBeUndefined();
  });

  it('fails with the script text and the value', async () => {
    const failure = await validateScripts(bound('Size', 50), testThing);
    expect(failure?.errorId).toBe('ParameterArgumentValidationError');
    expect(failure?.innerErrorId).toBe('ValidateScriptFailure');
    expect(failure?.error.message).toBe(
      'Cannot validate argument on parameter \'Size\'. The " $_ -lt 10 " validation script for the argument with value "50" did not return a result of True. Determine why the validation script failed, and then try the command again.',
    );
    expect(failure?.error.fullyQualifiedErrorId).toBe('ParameterArgumentValidationError,Test-Thing');
    expect(failure?.extent).toBe(extent);
  });

  it('runs for each element of an array', async () => {
    const failure = await validateScripts(bound('Sizes', [1, 2, 50]), testThing);
    expect(failure?.error.message).toContain('for the argument with value "50"');
  });

  it('runs only for the parameters named', async () => {
    expect(await validateScripts(bound('Size', 50), testThing, { names: ['Sizes'] })).toBeUndefined();
  });

  it('reports what the script threw', async () => {
    const throwing: CommandMetadata = {
      name: 'Test-Throw',
      cmdletBinding: true,
      parameters: [
        p('Path', 'string', [
          {
            kind: 'script',
            script: {
              isScriptBlock: true,
              text: ' throw "no such path" ',
              invoke: () => Promise.reject(new RuntimeError(errorRecord('no such path', 'no such path', 'OperationStopped'))),
            },
          },
        ]),
      ],
    };
    const state = bind(throwing, 'Path', 'x');
    if (isBindFailure(state)) throw new Error(state.error.message);
    const failure = await validateScripts(state, throwing);
    expect(failure?.error.message).toBe("Cannot validate argument on parameter 'Path'. no such path");
    expect(failure?.innerErrorId).toBe('no such path');
  });
});
