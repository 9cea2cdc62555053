import { describe, expect, it } from 'vitest';
import { ErrorRecord, PSException, errorRecord, PSEnumValue } from '@dpmsh/runtime';
import type { ScriptExtent } from '@dpmsh/runtime';
import { commandNotFound } from '../session/registry.js';
import { categoryInfoMessage, errorViewOf, formatErrorRecord, positionMessage } from './error-view.js';

function extent(lineText: string, startColumn: number, endColumn: number, options: { file?: string; line?: number; endLine?: number } = {}): ScriptExtent {
  const line = options.line ?? 1;
  return {
    file: options.file,
    startLine: line,
    startColumn,
    endLine: options.endLine ?? line,
    endColumn,
    startOffset: 0,
    endOffset: 0,
    text: lineText.slice(startColumn - 1, endColumn - 1),
    lineText,
  };
}

const NOT_FOUND = "A parameter cannot be found that matches parameter name 'Foo'.";

function bindingError(at: ScriptExtent): ErrorRecord {
  const record = errorRecord(NOT_FOUND, 'NamedParameterNotFound', 'InvalidArgument', { typeName: 'System.Management.Automation.ParameterBindingException' });
  record.invocationInfo = { commandName: 'Get-Thing', extent: at, scriptName: at.file };
  return record;
}

describe('positionMessage', () => {
  it('marks the extent under the line, with the file and position', () => {
    expect(positionMessage(extent('Get-Thing -Foo', 11, 15, { file: '/path/to/script.ps1', line: 3 }))).toBe(
      'At /path/to/script.ps1:3 char:11\n+ Get-Thing -Foo\n+           ~~~~',
    );
  });

  it('says line for typed input and marks one character for an empty extent', () => {
    expect(positionMessage(extent('if ($x {', 7, 7))).toBe('At line:1 char:7\n+ if ($x {\n+       ~');
  });

  it('cuts a long line after the marked text with an ellipsis', () => {
    const line = 'a'.repeat(50) + 'bbb' + 'c'.repeat(47);
    expect(positionMessage(extent(line, 51, 54))).toBe(`At line:1 char:51\n+ ${'a'.repeat(50)}bbb${'c'.repeat(16)} \u2026\n+ ${' '.repeat(50)}~~~`);
  });

  it('cuts a long line before the marked text with an ellipsis', () => {
    const line = 'a'.repeat(90) + 'bbb' + 'c'.repeat(7);
    expect(positionMessage(extent(line, 91, 94))).toBe(`At line:1 char:91\n+ \u2026 ${'a'.repeat(59)}bbb${'c'.repeat(7)}\n+ ${' '.repeat(61)}~~~`);
  });

  it('underlines the rest of the first line of a multi-line extent', () => {
    expect(positionMessage(extent('Get-Thing -Foo {', 11, 2, { endLine: 3 }))).toBe('At line:1 char:11\n+ Get-Thing -Foo {\n+           ~~~~~~');
  });

  it('counts a tab as four spaces', () => {
    expect(positionMessage(extent('\tGet-Thing -Foo', 12, 16))).toBe('At line:1 char:12\n+     Get-Thing -Foo\n+               ~~~~');
  });
});

describe('formatErrorRecord, ConciseView', () => {
  it('shows the file, the line and a marker for an error from a script', () => {
    const record = bindingError(extent('Get-Thing -Foo', 11, 15, { file: '/path/to/script.ps1', line: 3 }));
    expect(formatErrorRecord(record)).toBe(
      [
        'Get-Thing: /path/to/script.ps1:3',
        'Line |',
        '   3 |  Get-Thing -Foo',
        '     |            ~~~~',
        `     | ${NOT_FOUND}`,
      ].join('\n'),
    );
  });

  it('is one line for something typed on the first line', () => {
    expect(formatErrorRecord(bindingError(extent('Get-Thing -Foo', 11, 15)))).toBe(`Get-Thing: ${NOT_FOUND}`);
  });

  it('shows the line without a file name past the first line of typed input', () => {
    const record = bindingError(extent('Get-Thing -Foo', 11, 15, { line: 2 }));
    expect(formatErrorRecord(record)).toBe(['Get-Thing: ', 'Line |', '   2 |  Get-Thing -Foo', '     |            ~~~~', `     | ${NOT_FOUND}`].join('\n'));
  });

  it('names a throw Exception', () => {
    const thrown = (at: ScriptExtent): ErrorRecord => {
      const record = new ErrorRecord({ exception: new PSException('boom', { thrownValue: 'boom' }), errorId: 'boom', category: 'OperationStopped', targetObject: 'boom' });
      record.invocationInfo = { extent: at, scriptName: at.file };
      return record;
    };
    expect(formatErrorRecord(thrown(extent("throw 'boom'", 1, 13)))).toBe('Exception: boom');
    expect(formatErrorRecord(thrown(extent("    throw 'boom'", 5, 17, { file: '/s.ps1', line: 2 })))).toBe(
      ['Exception: /s.ps1:2', 'Line |', "   2 |      throw 'boom'", '     |      ~~~~~~~~~~~~', '     | boom'].join('\n'),
    );
  });

  it('shows a parse error with its position even at the prompt', () => {
    const record = errorRecord("Missing closing ')' after expression in 'if' statement.", 'MissingEndParenthesisInIfStatement', 'ParserError', {
      typeName: 'System.Management.Automation.ParseException',
    });
    record.invocationInfo = { extent: extent('if ($x {', 7, 7) };
    expect(formatErrorRecord(record)).toBe(
      ['ParserError: ', 'Line |', '   1 |  if ($x {', '     |        ~', "     | Missing closing ')' after expression in 'if' statement."].join('\n'),
    );
  });

  it('names what was typed for a command that does not exist', () => {
    expect(formatErrorRecord(commandNotFound('foo', { extent: extent('foo', 1, 4) }))).toBe(
      "foo: The term 'foo' is not recognized as a name of a cmdlet, function, script file, or executable program.\n" +
        'Check the spelling of the name, or if a path was included, verify that the path is correct and try again.',
    );
  });

  it('falls back to the category, then to the exception type', () => {
    const invalid = errorRecord('You cannot call a method on a null-valued expression.', 'InvokeMethodOnNull', 'InvalidOperation');
    expect(formatErrorRecord(invalid)).toBe('InvalidOperation: You cannot call a method on a null-valued expression.');
    const divide = errorRecord('Attempted to divide by zero.', 'RuntimeException', 'NotSpecified');
    expect(formatErrorRecord(divide)).toBe('RuntimeException: Attempted to divide by zero.');
  });

  it('wraps a long message of a script error at the window width, on word boundaries', () => {
    const record = errorRecord('The quick brown fox jumps over the lazy dog and keeps running far away.', 'Fox', 'InvalidOperation');
    record.invocationInfo = { commandName: 'Get-Thing', extent: extent('Get-Thing', 1, 10, { file: '/s.ps1' }), scriptName: '/s.ps1' };
    expect(formatErrorRecord(record, { width: 40 })).toBe(
      [
        'Get-Thing: /s.ps1:1',
        'Line |',
        '   1 |  Get-Thing',
        '     |  ~~~~~~~~~',
        '     | The quick brown fox jumps over',
        '     | the lazy dog and keeps running',
        '     | far away.',
      ].join('\n'),
    );
  });

  it('widens the margin for line numbers of more than four digits', () => {
    const record = errorRecord('msg', 'Id', 'InvalidOperation');
    record.invocationInfo = { commandName: 'Get-Thing', extent: extent('x', 1, 2, { file: '/s.ps1', line: 12345 }), scriptName: '/s.ps1' };
    expect(formatErrorRecord(record)).toBe(['Get-Thing: /s.ps1:12345', ' Line |', '12345 |  x', '      |  ~', '      | msg'].join('\n'));
  });

  it('leaves out the line of an error inside a script module', () => {
    const record = bindingError(extent('Get-Thing -Foo', 11, 15, { file: '/m/Tools.psm1', line: 9 }));
    expect(formatErrorRecord(record)).toBe(`Get-Thing: ${NOT_FOUND}`);
  });

  it('adds the recommended action', () => {
    const record = errorRecord('The vault is locked.', 'VaultLocked', 'InvalidOperation', { recommendedAction: 'Unlock it first.' });
    record.invocationInfo = { commandName: 'Get-Thing' };
    expect(formatErrorRecord(record)).toBe('Get-Thing: The vault is locked.\n  Recommendation: Unlock it first.');
  });

  it('shows a native command error as its message only', () => {
    const record = errorRecord('ls: cannot access', 'NativeCommandError', 'NotSpecified');
    expect(formatErrorRecord(record)).toBe('ls: cannot access');
  });
});

describe('formatErrorRecord, NormalView and CategoryView', () => {
  it('shows the position message and the category lines', () => {
    const record = bindingError(extent('Get-Thing -Foo', 11, 15, { file: '/path/to/script.ps1', line: 3 }));
    expect(formatErrorRecord(record, { view: 'NormalView' })).toBe(
      [
        `Get-Thing : ${NOT_FOUND}`,
        'At /path/to/script.ps1:3 char:11',
        '+ Get-Thing -Foo',
        '+           ~~~~',
        '+ CategoryInfo          : InvalidArgument: (:) [Get-Thing], ParameterBindingException',
        '+ FullyQualifiedErrorId : NamedParameterNotFound,Get-Thing',
      ].join('\n'),
    );
  });

  it('prefixes the name as typed when it was an alias', () => {
    const record = errorRecord("Cannot find path '/nothere' because it does not exist.", 'PathNotFound', 'ObjectNotFound', {
      typeName: 'System.Management.Automation.ItemNotFoundException',
      targetObject: '/nothere',
    });
    record.invocationInfo = { commandName: 'Get-ChildItem', invocationName: 'ls', extent: extent('ls /nothere', 1, 12) };
    expect(formatErrorRecord(record, { view: 'NormalView' })).toBe(
      [
        "ls : Cannot find path '/nothere' because it does not exist.",
        'At line:1 char:1',
        '+ ls /nothere',
        '+ ~~~~~~~~~~~',
        '+ CategoryInfo          : ObjectNotFound: (/nothere:String) [Get-ChildItem], ItemNotFoundException',
        '+ FullyQualifiedErrorId : PathNotFound,Get-ChildItem',
      ].join('\n'),
    );
  });

  it('is the category line alone in CategoryView', () => {
    expect(formatErrorRecord(bindingError(extent('Get-Thing -Foo', 11, 15)), { view: 'CategoryView' })).toBe(
      'InvalidArgument: (:) [Get-Thing], ParameterBindingException',
    );
  });

  it('shortens long names in the category line', () => {
    const record = errorRecord('x', 'Id', 'InvalidData', { targetObject: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ' });
    expect(categoryInfoMessage(record)).toBe('InvalidData: (abcdefghijklmnopqrs\u2026123456789ABCDEFGHIJ:String) [], RuntimeException');
  });
});

describe('errorViewOf', () => {
  it('reads $ErrorView as an enum value or a string, ConciseView otherwise', () => {
    expect(errorViewOf(new PSEnumValue('System.Management.Automation.ErrorView', 'NormalView', 0))).toBe('NormalView');
    expect(errorViewOf('categoryview')).toBe('CategoryView');
    expect(errorViewOf(42)).toBe('ConciseView');
  });
});
