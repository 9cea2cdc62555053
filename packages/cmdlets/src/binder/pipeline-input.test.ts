import { describe, expect, it } from 'vitest';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { CommandMetadata, ParameterMetadata, ParameterSetMembership } from '../metadata/command.js';
import { PSHashtable, PSObject } from '@dpmsh/runtime';
import type { ScriptBlock } from '@dpmsh/runtime';
import { bindArguments, bindPipelineInput, evaluateDelayBind, isBindFailure } from './index.js';
import type { BindState } from './index.js';
import type { CommandArgument } from './types.js';

const ALL = ALL_PARAMETER_SETS;

function p(name: string, type: string, sets: Record<string, ParameterSetMembership> = { [ALL]: {} }, extra: Partial<ParameterMetadata> = {}): ParameterMetadata {
  return { name, type, sets, ...extra };
}
function cmdlet(name: string, parameters: ParameterMetadata[], extra: Partial<CommandMetadata> = {}): CommandMetadata {
  return { name, parameters, cmdletBinding: true, ...extra };
}
const n = (name: string): CommandArgument => ({ kind: 'parameter', name, hasValue: false });
const v = (value: unknown): CommandArgument => ({ kind: 'value', value });
const obj = (data: Record<string, unknown>): PSObject => PSObject.from(data);

const getFile = cmdlet(
  'Get-File',
  [
    p('Path', 'string[]', { Path: { mandatory: true, position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } }),
    p('LiteralPath', 'string[]', { Literal: { mandatory: true, valueFromPipelineByPropertyName: true } }, { aliases: ['PSPath', 'LP'] }),
    p('Id', 'int', { [ALL]: { valueFromPipelineByPropertyName: true } }),
  ],
  { defaultParameterSet: 'Path' },
);
const getWidget = cmdlet(
  'Get-Widget',
  [p('Name', 'string', { ByName: { mandatory: true, valueFromPipeline: true } }), p('Id', 'int', { ById: { mandatory: true, valueFromPipeline: true } })],
  { defaultParameterSet: 'ByName' },
);
const getNumber = cmdlet('Get-Number', [p('Count', 'int', { [ALL]: { mandatory: true, valueFromPipeline: true } })]);
const getStatic = cmdlet('Get-Static', [p('Name', 'string')]);
const formatThing = cmdlet('Format-Thing', [
  p('InputObject', 'psobject', { [ALL]: { valueFromPipeline: true } }),
  p('Name', 'string', { [ALL]: { valueFromPipelineByPropertyName: true } }),
]);
const setPair = cmdlet('Set-Pair', [
  p('Key', 'string', { [ALL]: { mandatory: true, valueFromPipelineByPropertyName: true } }),
  p('Value', 'string', { [ALL]: { mandatory: true, valueFromPipelineByPropertyName: true } }),
]);
const setMode = cmdlet('Set-Mode', [p('Mode', 'string', { [ALL]: { valueFromPipeline: true } }, { validation: [{ kind: 'set', values: ['Read', 'Write'] }] })]);
const scriptByProperty = cmdlet('Set-Count', [p('Count', 'int', { [ALL]: { valueFromPipelineByPropertyName: true } })], { fromScript: true });
const scriptByValue = cmdlet('Add-Count', [p('Count', 'int', { [ALL]: { valueFromPipeline: true } })], { fromScript: true });
const simple: CommandMetadata = { name: 'f', cmdletBinding: false, parameters: [p('a', 'object')] };
const renameThing = cmdlet('Rename-Thing', [
  p('Path', 'string', { [ALL]: { valueFromPipelineByPropertyName: true } }),
  p('NewName', 'string', { [ALL]: { valueFromPipelineByPropertyName: true } }),
]);

function state(command: CommandMetadata, args: CommandArgument[] = []): BindState {
  const result = bindArguments(command, args, { expectingInput: true, commandName: command.name });
  if (isBindFailure(result)) throw new Error(result.error.message);
  return result;
}

interface Case {
  readonly title: string;
  readonly command: CommandMetadata;
  readonly args?: CommandArgument[];
  readonly input: unknown;
  readonly expect:
    | { readonly values: Readonly<Record<string, unknown>>; readonly set?: string; readonly fromInput?: readonly string[] }
    | { readonly errorId: string; readonly message: string; readonly innerErrorId?: string };
}

const NOT_BOUND =
  'The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.';

const cases: Case[] = [
  { title: 'by value, without conversion', command: getFile, input: 'a.txt', expect: { values: { Path: ['a.txt'] }, set: 'Path', fromInput: ['Path'] } },
  { title: 'by property name, through an alias', command: getFile, input: obj({ PSPath: 'x' }), expect: { values: { LiteralPath: ['x'] }, set: 'Literal' } },
  {
    title: 'by property name, without then with conversion',
    command: getFile,
    input: obj({ Path: 'p', Id: '7' }),
    expect: { values: { Path: ['p'], Id: 7 }, set: 'Path', fromInput: ['Path', 'Id'] },
  },
  { title: 'by value, with conversion', command: getFile, input: 5, expect: { values: { Path: ['5'] }, set: 'Path' } },
  {
    title: 'hashtable keys are not properties: the hashtable converts by value',
    command: getFile,
    input: (() => {
      const h = new PSHashtable();
      h.set('Path', 'x');
      return h;
    })(),
    expect: { values: { Path: ['System.Collections.Hashtable'] }, set: 'Path' },
  },
  { title: 'command-line values stay', command: getFile, args: [n('Id'), v(3)], input: obj({ Path: 'p', Id: 9 }), expect: { values: { Id: 3, Path: ['p'] }, fromInput: ['Path'] } },
  { title: 'by value without conversion picks the set of the matching type', command: getWidget, input: 5, expect: { values: { Id: 5 }, set: 'ById' } },
  { title: 'a string stays in the default set', command: getWidget, input: '5', expect: { values: { Name: '5' }, set: 'ByName' } },
  { title: 'by value and by property name from one object', command: formatThing, input: obj({ Name: 'n' }), expect: { values: { InputObject: obj({ Name: 'n' }), Name: 'n' } } },
  { title: '$null binds by value to a reference type', command: formatThing, input: null, expect: { values: { InputObject: null } } },
  { title: 'a value that does not convert is not for the parameter', command: getNumber, input: 'abc', expect: { errorId: 'InputObjectNotBound', message: NOT_BOUND } },
  { title: 'a command that takes no pipeline input', command: getStatic, input: 1, expect: { errorId: 'InputObjectNotBound', message: NOT_BOUND } },
  {
    title: 'a mandatory parameter the object does not fill',
    command: setPair,
    input: obj({ Key: 'k' }),
    expect: {
      errorId: 'InputObjectMissingMandatory',
      message: 'The input object cannot be bound because it did not contain the information required to bind all mandatory parameters:  Value',
    },
  },
  {
    title: 'validation of a pipeline value',
    command: setMode,
    input: 'x',
    expect: {
      errorId: 'ParameterArgumentValidationError',
      innerErrorId: 'ValidateSetFailure',
      message: 'Cannot validate argument on parameter \'Mode\'. The argument "x" does not belong to the set "Read,Write" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.',
    },
  },
  {
    title: 'a script parameter: a property that does not convert is an error',
    command: scriptByProperty,
    input: obj({ Count: 'abc' }),
    expect: {
      errorId: 'ParameterArgumentTransformationError',
      message: 'Cannot process argument transformation on parameter \'Count\'. Cannot convert value "abc" to type "System.Int32". Error: "The input string \'abc\' was not in a correct format."',
    },
  },
  { title: 'a script parameter: a value that does not convert is not for it', command: scriptByValue, input: 'abc', expect: { errorId: 'InputObjectNotBound', message: NOT_BOUND } },
];

describe('bindPipelineInput', () => {
  it.each(cases)('$title', ({ command, args, input, expect: expected }) => {
    const result = bindPipelineInput(state(command, args), input);
    if ('errorId' in expected) {
      if (!isBindFailure(result)) throw new Error(`expected ${expected.errorId}`);
      expect(result.errorId).toBe(expected.errorId);
      expect(result.error.message).toBe(expected.message);
      expect(result.error.fullyQualifiedErrorId).toBe(`${expected.errorId},${command.name}`);
      // Errors about an input object are aimed at it.
      expect(result.error.targetObject).toEqual(input);
      if (expected.innerErrorId) expect(result.innerErrorId).toBe(expected.innerErrorId);
      return;
    }
    if (isBindFailure(result)) throw new Error(`${result.errorId}: ${result.error.message}`);
    expect(Object.fromEntries(result.values)).toEqual(expected.values);
    if (expected.set) expect(result.parameterSetName).toBe(expected.set);
    if (expected.fromInput) expect([...(result.pipelineBound ?? [])].sort()).toEqual([...expected.fromInput].sort());
  });

  it('starts again from the command line for every object', () => {
    const s = state(getFile);
    const first = bindPipelineInput(s, obj({ Path: 'a', Id: 1 }));
    const second = bindPipelineInput(s, obj({ PSPath: 'b' }));
    if (isBindFailure(first) || isBindFailure(second)) throw new Error('expected bindings');
    expect(Object.fromEntries(first.values)).toEqual({ Path: ['a'], Id: 1 });
    expect(first.parameterSetName).toBe('Path');
    expect(Object.fromEntries(second.values)).toEqual({ LiteralPath: ['b'] });
    expect(second.parameterSetName).toBe('Literal');
    expect(Object.fromEntries(s.values)).toEqual({});
  });

  it('reads properties through the reader the pipeline gives', () => {
    const measure = cmdlet('Measure-Length', [p('Length', 'int', { [ALL]: { mandatory: true, valueFromPipelineByPropertyName: true } })]);
    const readProperty = (input: unknown, name: string) => (typeof input === 'string' && name.toLowerCase() === 'length' ? { value: input.length } : undefined);
    const result = bindPipelineInput(state(measure), 'abcd', { readProperty });
    if (isBindFailure(result)) throw new Error(result.error.message);
    expect(Object.fromEntries(result.values)).toEqual({ Length: 4 });
    // Without it, a string has no properties to bind from.
    expect(bindPipelineInput(state(measure), 'abcd')).toMatchObject({ errorId: 'InputObjectNotBound' });
  });

  it('leaves a simple function’s input to $_', () => {
    const s = state(simple, [v(1)]);
    const result = bindPipelineInput(s, 'x');
    if (isBindFailure(result)) throw new Error(result.error.message);
    expect(Object.fromEntries(result.values)).toEqual({ a: 1 });
  });

  it('binds what a delay-bind script block returns for each object', async () => {
    const block: ScriptBlock = {
      isScriptBlock: true,
      text: " $_.Path + '.bak' ",
      invoke: (options) => Promise.resolve([`${String((options?.dollarUnder as PSObject).read('Path'))}.bak`]),
    };
    const s = state(renameThing, [n('NewName'), v(block)]);
    const input = obj({ Path: 'a.txt' });
    const delayBound = await evaluateDelayBind(s, input);
    if (isBindFailure(delayBound)) throw new Error(delayBound.error.message);
    const result = bindPipelineInput(s, input, { delayBound });
    if (isBindFailure(result)) throw new Error(result.error.message);
    expect(Object.fromEntries(result.values)).toEqual({ NewName: 'a.txt.bak', Path: 'a.txt' });
  });

  it('reports a delay-bind script block without output', async () => {
    const block: ScriptBlock = { isScriptBlock: true, text: ' ', invoke: () => Promise.resolve([]) };
    const s = state(renameThing, [n('NewName'), v(block)]);
    const failure = await evaluateDelayBind(s, 'x');
    if (!isBindFailure(failure)) throw new Error('expected a failure');
    expect(failure.errorId).toBe('ScriptBlockArgumentNoOutput');
    expect(failure.error.message).toBe("Cannot evaluate parameter 'NewName' because its argument input did not produce any output.");
    expect(failure.error.targetObject).toBe('x');
  });
});
