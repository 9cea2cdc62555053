import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineCmdlet } from './cmdlet.js';
import type { CmdletDefinition } from './cmdlet.js';
import { RuntimeError } from '@dpmsh/runtime';
import type { ScriptBlock } from '@dpmsh/runtime';
import type { ScriptEngine } from './engine.js';
import { RecordingHost } from './recording-host.js';
import { CommandRegistrationError, commandNotFoundMessage } from './registry.js';
import type { FunctionInfo } from './registry.js';
import { Session } from './session.js';
import { approvedVerb } from './verbs.js';

let dir: string;
let other: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dpmsh-registry-'));
  other = mkdtempSync(join(tmpdir(), 'dpmsh-registry-other-'));
  writeFileSync(join(dir, 'mytool'), '#!/bin/sh\necho hi\n');
  chmodSync(join(dir, 'mytool'), 0o755);
  writeFileSync(join(dir, 'notexec'), 'data');
  chmodSync(join(dir, 'notexec'), 0o644);
  writeFileSync(join(dir, 'deploy.ps1'), "'deployed'");
  writeFileSync(join(dir, 'Get-Thing'), '#!/bin/sh\n');
  chmodSync(join(dir, 'Get-Thing'), 0o755);
  writeFileSync(join(other, 'mytool'), '#!/bin/sh\n');
  chmodSync(join(other, 'mytool'), 0o755);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(other, { recursive: true, force: true });
});

function cmdlet(name: string, aliases: string[] = []): CmdletDefinition<never> {
  return defineCmdlet<never>({ name, aliases, parameters: [] });
}

function newSession(path = dir): Session {
  return new Session({ host: new RecordingHost(), location: dir, home: other, environment: { PATH: path } });
}

const block = (text: string): ScriptBlock => ({ isScriptBlock: true, text, invoke: async () => [] });

function fn(name: string): FunctionInfo {
  return { kind: 'Function', name, metadata: { name, cmdletBinding: false, parameters: [] }, scriptBlock: block(name) };
}

describe('CommandRegistry: registering', () => {
  it('takes Verb-Noun names with an approved verb, and their aliases', () => {
    const s = newSession();
    const info = s.registry.register(cmdlet('Get-Thing', ['gth']), 'Things');
    expect(info).toMatchObject({ kind: 'Cmdlet', name: 'Get-Thing', module: 'Things' });
    expect(s.registry.cmdlet('get-thing')).toBe(info);
    expect(s.registry.alias('GTH', s.globalScope)).toEqual({ kind: 'Alias', name: 'gth', definition: 'Get-Thing', module: 'Things' });
  });

  it('refuses a verb PowerShell does not approve, and a name that is not Verb-Noun', () => {
    const s = newSession();
    expect(() => s.registry.register(cmdlet('Fetch-Thing'), 'Things')).toThrow(
      "Cannot register cmdlet 'Fetch-Thing' of module 'Things': 'Fetch' is not an approved PowerShell verb (Get-Verb lists them).",
    );
    expect(() => s.registry.register(cmdlet('Thing'), 'Things')).toThrow(
      "Cannot register cmdlet 'Thing' of module 'Things': a cmdlet name is Verb-Noun, such as 'Get-Item'.",
    );
    expect(approvedVerb('convertto')).toEqual({ verb: 'ConvertTo', group: 'Data' });
    expect(approvedVerb('Fetch')).toBeUndefined();
  });

  it('reports every clash of a module in one error, and registers none of its cmdlets', () => {
    const s = newSession();
    s.registry.register(cmdlet('Get-Thing', ['gth']), 'First');
    let error: unknown;
    try {
      s.registry.registerAll([cmdlet('Get-Other', ['gth']), cmdlet('Get-Thing'), cmdlet('Set-Thing', ['ls'])], 'Second');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CommandRegistrationError);
    expect((error as CommandRegistrationError).problems).toEqual([
      "Cannot register alias 'gth' of cmdlet 'Get-Other' of module 'Second': it already stands for 'Get-Thing' (module 'First').",
      "Cannot register cmdlet 'Get-Thing' of module 'Second': module 'First' already registers 'Get-Thing'.",
      "Cannot register alias 'ls' of cmdlet 'Set-Thing' of module 'Second': it is PowerShell's built-in alias of 'Get-ChildItem'.",
    ]);
    expect(s.registry.cmdlet('Get-Other')).toBeUndefined();
  });

  it('lets a standard cmdlet declare its own built-in alias', () => {
    const s = newSession();
    s.registry.register(cmdlet('Where-Object', ['?', 'where']), 'Microsoft.PowerShell.Core');
    expect(s.registry.resolve('?', s.globalScope)?.name).toBe('Where-Object');
  });

  it('forgets a module', () => {
    const s = newSession();
    s.registry.register(cmdlet('Get-Thing', ['gth']), 'Things');
    s.registry.unregisterModule('things');
    expect(s.registry.cmdlet('Get-Thing')).toBeUndefined();
    expect(s.registry.alias('gth', s.globalScope)).toBeUndefined();
  });
});

describe('CommandRegistry: resolving', () => {
  it('finds aliases, then functions, then cmdlets, then scripts and programs on PATH', () => {
    const s = newSession();
    const scope = s.globalScope.child('script');
    expect(s.registry.resolve('Get-Thing', scope)).toEqual({ kind: 'Application', name: 'Get-Thing', path: join(dir, 'Get-Thing') });
    s.registry.register(cmdlet('Get-Thing'), 'Things');
    s.registry.register(cmdlet('Get-Other'), 'Things');
    expect(s.registry.resolve('get-thing', scope)?.kind).toBe('Cmdlet');
    s.registry.setFunction(scope, fn('Get-Thing'));
    expect(s.registry.resolve('Get-Thing', scope)?.kind).toBe('Function');
    expect(s.registry.resolve('Get-Thing', s.globalScope)?.kind).toBe('Cmdlet');
    s.registry.setAlias(scope, 'Get-Thing', 'Get-Other');
    expect(s.registry.resolve('Get-Thing', scope)?.name).toBe('Get-Other');
    expect(s.registry.lookup('Get-Thing', scope)).toEqual({ kind: 'Alias', name: 'Get-Thing', definition: 'Get-Other' });
  });

  it('follows built-in aliases to the standard cmdlets', () => {
    const s = newSession();
    s.registry.register(cmdlet('Get-ChildItem'), 'Microsoft.PowerShell.Management');
    s.registry.register(cmdlet('ForEach-Object'), 'Microsoft.PowerShell.Core');
    for (const alias of ['ls', 'dir', 'gci', 'LS']) expect(s.registry.resolve(alias, s.globalScope)?.name).toBe('Get-ChildItem');
    expect(s.registry.resolve('%', s.globalScope)?.name).toBe('ForEach-Object');
    expect(s.registry.resolve('foreach', s.globalScope)?.name).toBe('ForEach-Object');
  });

  it('resolves module-qualified names within the module only', () => {
    const s = newSession();
    s.registry.register(cmdlet('Get-Date'), 'Microsoft.PowerShell.Utility');
    expect(s.registry.resolve('Microsoft.PowerShell.Utility\\Get-Date', s.globalScope)?.name).toBe('Get-Date');
    expect(s.registry.resolve('microsoft.powershell.utility\\get-date', s.globalScope)?.name).toBe('Get-Date');
    s.registry.register(cmdlet('Get-Item'), 'Microsoft.PowerShell.Management');
    expect(s.registry.resolve('Microsoft.PowerShell.Utility\\Get-Item', s.globalScope)).toBeUndefined();
  });

  it('throws CommandNotFoundException for an unknown name, naming what was typed', () => {
    const s = newSession();
    let error: unknown;
    try {
      s.registry.require('Get-Nothing', s.globalScope);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuntimeError);
    const record = (error as RuntimeError).errorRecord;
    expect(record.message).toBe(
      "The term 'Get-Nothing' is not recognized as a name of a cmdlet, function, script file, or executable program.\n" +
        'Check the spelling of the name, or if a path was included, verify that the path is correct and try again.',
    );
    expect(record.fullyQualifiedErrorId).toBe('CommandNotFoundException');
    expect(record.category).toBe('ObjectNotFound');
    expect(record.exception.typeName).toBe('System.Management.Automation.CommandNotFoundException');
    expect(record.targetObject).toBe('Get-Nothing');
  });

  it('reports the missing target of an alias', () => {
    const s = newSession();
    s.registry.setAlias(s.globalScope, 'foo', 'bar');
    try {
      s.registry.require('foo', s.globalScope);
      expect.unreachable();
    } catch (e) {
      const record = (e as RuntimeError).errorRecord;
      expect(record.message).toBe(commandNotFoundMessage('bar'));
      expect(record.invocationInfo?.invocationName).toBe('foo');
    }
  });

  it('defines mkdir and its alias md as functions once an engine can compile them', () => {
    const s = newSession('');
    expect(s.registry.resolve('mkdir', s.globalScope)).toBeUndefined();
    const compiled: string[] = [];
    s.engine = {
      compile: (text: string) => {
        compiled.push(text);
        return block(text);
      },
    } as unknown as ScriptEngine;
    const mkdir = s.registry.resolve('md', s.globalScope);
    expect(mkdir).toMatchObject({ kind: 'Function', name: 'mkdir' });
    expect(mkdir?.kind === 'Function' && mkdir.metadata.parameters.map((p) => p.name)).toEqual(['Path', 'Name', 'Value', 'Force']);
    expect(compiled[0]).toContain('New-Item -ItemType Directory @PSBoundParameters');
    expect(s.registry.resolve('mkdir', s.globalScope)).toBe(mkdir);
  });
});

describe('CommandRegistry: PATH', () => {
  it('finds executable files only, scripts with or without .ps1', () => {
    const s = newSession();
    expect(s.registry.resolve('mytool', s.globalScope)).toEqual({ kind: 'Application', name: 'mytool', path: join(dir, 'mytool') });
    expect(s.registry.resolve('notexec', s.globalScope)).toBeUndefined();
    expect(s.registry.resolve('deploy', s.globalScope)).toEqual({ kind: 'ExternalScript', name: 'deploy.ps1', path: join(dir, 'deploy.ps1') });
    expect(s.registry.resolve('deploy.ps1', s.globalScope)).toEqual({ kind: 'ExternalScript', name: 'deploy.ps1', path: join(dir, 'deploy.ps1') });
    expect(s.registry.resolve('MYTOOL', s.globalScope)).toBeUndefined();
  });

  it('runs a path as written, relative to the location, and never a bare name from the current directory', () => {
    const s = newSession('');
    expect(s.registry.resolve('mytool', s.globalScope)).toBeUndefined();
    expect(s.registry.resolve('./mytool', s.globalScope)).toEqual({ kind: 'Application', name: 'mytool', path: join(dir, 'mytool') });
    expect(s.registry.resolve('.\\deploy.ps1', s.globalScope)).toEqual({ kind: 'ExternalScript', name: 'deploy.ps1', path: join(dir, 'deploy.ps1') });
    expect(s.registry.resolve('./missing.ps1', s.globalScope)).toBeUndefined();
    expect(s.registry.resolve('~/mytool', s.globalScope)).toEqual({ kind: 'Application', name: 'mytool', path: join(other, 'mytool') });
  });

  it('looks again when PATH changes, and finds a program installed after a miss', () => {
    const s = newSession();
    expect(s.registry.resolve('mytool', s.globalScope)?.kind === 'Application' && s.registry.resolve('mytool', s.globalScope)).toMatchObject({ path: join(dir, 'mytool') });
    s.environment.PATH = other;
    expect(s.registry.resolve('mytool', s.globalScope)).toMatchObject({ path: join(other, 'mytool') });
    expect(s.registry.resolve('late', s.globalScope)).toBeUndefined();
    writeFileSync(join(other, 'late'), '#!/bin/sh\n');
    chmodSync(join(other, 'late'), 0o755);
    expect(s.registry.resolve('late', s.globalScope)).toMatchObject({ kind: 'Application', path: join(other, 'late') });
  });
});

describe('CommandRegistry: getCommands', () => {
  it('lists aliases, functions and cmdlets by type then name, and programs only when asked for', () => {
    const s = newSession();
    s.registry.register(cmdlet('Get-Thing', ['gth']), 'Things');
    s.registry.register(cmdlet('Set-Thing'), 'Things');
    s.registry.setFunction(s.globalScope, fn('Get-Helper'));
    const names = s.registry.getCommands({ name: ['*-Thing', 'gth', 'Get-H*'] }, s.globalScope).map((c) => `${c.kind} ${c.name}`);
    expect(names).toEqual(['Alias gth', 'Function Get-Helper', 'Cmdlet Get-Thing', 'Cmdlet Set-Thing', 'Application Get-Thing']);
    expect(s.registry.getCommands({ name: 'myt*', commandType: ['Application'] }, s.globalScope)).toEqual([
      { kind: 'Application', name: 'mytool', path: join(dir, 'mytool') },
    ]);
    expect(s.registry.getCommands({ module: 'things' }, s.globalScope).map((c) => c.name)).toEqual(['gth', 'Get-Thing', 'Set-Thing']);
  });
});
