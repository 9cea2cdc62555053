import { describe, expect, it } from 'vitest';
import { parseHostArguments, UsageError } from './arguments.js';

const parse = (...argv: string[]) => parseHostArguments(argv, true);

describe('host arguments', () => {
  it('takes -Command and joins what follows into the command', () => {
    expect(parse('-Command', 'Get-Date', '|', 'Out-Null')).toMatchObject({ kind: 'command', text: 'Get-Date | Out-Null', fromStdin: false });
  });

  it('matches names case-insensitively, by alias and by unique prefix', () => {
    expect(parse('-c', '1')).toMatchObject({ kind: 'command', text: '1' });
    expect(parse('-COMM', '1')).toMatchObject({ kind: 'command', text: '1' });
    expect(parse('--command', '1')).toMatchObject({ kind: 'command', text: '1' });
    expect(parse('-nop', '-noni', '-c', '1')).toMatchObject({ options: { noProfile: true, nonInteractive: true } });
    expect(parse('-NonI', '-NoP', '-c', '1')).toMatchObject({ options: { noProfile: true, nonInteractive: true } });
  });

  it('refuses an ambiguous prefix and names the candidates', () => {
    expect(() => parse('-No', '-c', '1')).toThrow(/ambiguous.*-NoProfile -NonInteractive -NoExit -NoLogo/);
  });

  it('refuses an unknown parameter with pwsh\'s message', () => {
    expect(() => parse('-Frobnicate')).toThrow(UsageError);
    expect(() => parse('-Frobnicate')).toThrow("The argument '-Frobnicate' is not recognized as the name of a script file.");
  });

  it('passes everything after the -File path to the script', () => {
    expect(parse('-NoProfile', '-File', 'x.ps1', '-WorkDir', '/tmp', '-c')).toEqual({
      kind: 'file',
      path: 'x.ps1',
      args: ['-WorkDir', '/tmp', '-c'],
      options: { noProfile: true, nonInteractive: false, outputFormat: 'Text', workingDirectory: undefined, noExit: false },
    });
  });

  it('treats a bare first argument as the script path', () => {
    expect(parse('script.ps1', 'a', 'b')).toMatchObject({ kind: 'file', path: 'script.ps1', args: ['a', 'b'] });
  });

  it('reads standard input for -, -Command - and piped input', () => {
    expect(parse('-')).toMatchObject({ kind: 'command', fromStdin: true });
    expect(parse('-Command', '-')).toMatchObject({ kind: 'command', fromStdin: true });
    expect(parseHostArguments(['-NoProfile'], false)).toMatchObject({ kind: 'command', fromStdin: true });
    expect(parseHostArguments([], true)).toMatchObject({ kind: 'interactive' });
  });

  it('reads -OutputFormat Text or Json and refuses anything else', () => {
    expect(parse('-OutputFormat', 'json', '-c', '1')).toMatchObject({ options: { outputFormat: 'Json' } });
    expect(parse('-o', 'TEXT', '-c', '1')).toMatchObject({ options: { outputFormat: 'Text' } });
    expect(() => parse('-OutputFormat', 'xml', '-c', '1')).toThrow("The value 'xml' for -OutputFormat is not valid. Specify Text or Json.");
  });

  it('answers -Version and -Help before anything else runs', () => {
    expect(parse('-Version')).toEqual({ kind: 'version' });
    expect(parse('-?')).toEqual({ kind: 'help' });
    expect(parse('/h')).toEqual({ kind: 'help' });
  });

  it('says which parameter lacks its value', () => {
    expect(() => parse('-File')).toThrow('Missing argument for parameter -File.');
    expect(() => parse('-Command')).toThrow('Missing argument for parameter -Command.');
  });
});
