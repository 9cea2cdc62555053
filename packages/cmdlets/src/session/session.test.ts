import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorRecord, PSEnumValue, PSVersion } from '@dpmsh/runtime';
import type { RuntimeError, PSHashtable, PSObject } from '@dpmsh/runtime';
import { RecordingHost } from './recording-host.js';
import { ServiceKey } from './services.js';
import { Session } from './session.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dpmsh-session-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'file.txt'), 'x');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function newSession(): Session {
  return new Session({ host: new RecordingHost({ width: 100 }), location: dir, home: join(dir, 'sub'), environment: {}, dpmshVersion: '1.2.3' });
}

const value = (s: Session, name: string): unknown => s.globalScope.lookup(name)?.value;

describe('Session variables', () => {
  it('starts with PowerShell 7 preference defaults as enum values', () => {
    const s = newSession();
    const names = ['ErrorActionPreference', 'WarningPreference', 'VerbosePreference', 'DebugPreference', 'InformationPreference', 'ProgressPreference'];
    expect(names.map((n) => String(value(s, n)))).toEqual(['Continue', 'Continue', 'SilentlyContinue', 'SilentlyContinue', 'SilentlyContinue', 'Continue']);
    expect(value(s, 'ErrorActionPreference')).toBeInstanceOf(PSEnumValue);
    expect(String(value(s, 'ConfirmPreference'))).toBe('High');
    expect(value(s, 'WhatIfPreference')).toBe(false);
    expect(String(value(s, 'ErrorView'))).toBe('ConciseView');
    expect(value(s, 'MaximumErrorCount')).toBe(256);
    expect(value(s, 'FormatEnumerationLimit')).toBe(4);
    expect(value(s, 'NestedPromptLevel')).toBe(0);
    expect(value(s, 'ShellId')).toBe('Microsoft.PowerShell');
    expect(value(s, 'PID')).toBe(process.pid);
    expect(value(s, 'HOME')).toBe(join(dir, 'sub'));
    expect(s.globalScope.lookup('LASTEXITCODE')).toBeUndefined();
    expect(s.globalScope.lookup('OFS')).toBeUndefined();
    expect(s.globalScope.lookup('true')).toBeUndefined();
  });

  it('describes itself in $PSVersionTable as PowerShell 7.4 Core, and as dpmsh', () => {
    const table = value(newSession(), 'PSVersionTable') as PSHashtable;
    expect(table.keys()).toEqual([
      'PSVersion',
      'PSEdition',
      'GitCommitId',
      'OS',
      'Platform',
      'PSCompatibleVersions',
      'PSRemotingProtocolVersion',
      'SerializationVersion',
      'WSManStackVersion',
      'DpmshVersion',
    ]);
    expect(table.get('PSVersion')).toEqual(new PSVersion(7, 4, 6));
    expect(table.get('psedition')).toBe('Core');
    expect(table.get('Platform')).toBe(process.platform === 'win32' ? 'Win32NT' : 'Unix');
    expect(table.get('DpmshVersion')).toBe('1.2.3');
  });

  it('keeps $Error as the session errors array, and $? and $PWD live', async () => {
    const s = newSession();
    expect(value(s, 'Error')).toBe(s.errors);
    expect(value(s, '?')).toBe(true);
    s.lastSuccess = false;
    expect(value(s, '?')).toBe(false);
    expect((value(s, 'PWD') as PSObject).read('Path')).toBe(dir);
    s.setLocation('sub');
    expect((value(s, 'PWD') as PSObject).read('Path')).toBe(join(dir, 'sub'));
    expect((value(s, 'PWD') as PSObject).toDotNetString?.()).toBe(join(dir, 'sub'));
    expect((value(s, 'Host') as PSObject).read('Name')).toBe('RecordingHost');
  });

  it('keeps an assignment to $PWD until the location changes', () => {
    const s = newSession();
    const pwd = s.globalScope.lookup('PWD');
    if (!pwd) throw new Error('no $PWD');
    pwd.value = 'mine';
    expect(pwd.value).toBe('mine');
    s.setLocation('sub');
    expect((pwd.value as PSObject).read('Path')).toBe(join(dir, 'sub'));
  });
});

describe('Session location', () => {
  it('resolves paths against its location, with ~ and backslashes', () => {
    const s = newSession();
    expect(s.resolvePath('sub\\file.txt')).toBe(join(dir, 'sub', 'file.txt'));
    expect(s.resolvePath('~')).toBe(join(dir, 'sub'));
    expect(s.resolvePath('~/x')).toBe(join(dir, 'sub', 'x'));
    expect(s.resolvePath('FileSystem::/tmp')).toBe('/tmp');
    expect(s.resolvePath('/a/b/../c')).toBe('/a/c');
  });

  it('refuses a location that is not an existing directory, as Set-Location does', () => {
    const s = newSession();
    for (const target of ['nothere', 'file.txt']) {
      try {
        s.setLocation(target);
        expect.unreachable();
      } catch (e) {
        const record = (e as RuntimeError).errorRecord;
        expect(record.message).toBe(`Cannot find path '${join(dir, target)}' because it does not exist.`);
        expect(record.errorId).toBe('PathNotFound');
        expect(record.category).toBe('ObjectNotFound');
        expect(record.exception.typeName).toBe('System.Management.Automation.ItemNotFoundException');
      }
    }
    expect(s.location).toBe(dir);
  });
});

describe('Session preferences and $Error', () => {
  it('reads preferences from a scope, converting strings and ignoring values that are not members', () => {
    const s = newSession();
    const scope = s.globalScope.child('function');
    expect(s.preference(scope, 'ErrorActionPreference')).toBe('Continue');
    scope.define({ name: 'ErrorActionPreference', value: 'stop', options: {} });
    expect(s.preference(scope, 'ErrorActionPreference')).toBe('Stop');
    scope.define({ name: 'ErrorActionPreference', value: 4, options: {} });
    expect(s.preference(scope, 'ErrorActionPreference')).toBe('Ignore');
    scope.define({ name: 'ErrorActionPreference', value: 'bogus', options: {} });
    expect(s.preference(scope, 'ErrorActionPreference')).toBe('Continue');
    scope.define({ name: 'ConfirmPreference', value: 'low', options: {} });
    expect(s.confirmPreference(scope)).toBe('Low');
    scope.define({ name: 'WhatIfPreference', value: 'false', options: {} });
    expect(s.whatIfPreference(scope)).toBe(true);
  });

  it('records errors newest first, once, and keeps at most $MaximumErrorCount', () => {
    const s = newSession();
    s.globalScope.lookup('MaximumErrorCount')!.value = 2;
    const [a, b, c] = ['a', 'b', 'c'].map((m) => errorRecord(m, m, 'NotSpecified'));
    s.recordError(a);
    s.recordError(b);
    s.recordError(b);
    expect(s.errors).toEqual([b, a]);
    s.recordError(c);
    expect(s.errors).toEqual([c, b]);
  });
});

describe('Session services', () => {
  it('stores typed services and closes them newest first on dispose', async () => {
    const s = newSession();
    const closed: string[] = [];
    const connection = new ServiceKey<{ url: string; close(): void }>('dpm.connection');
    const cache = new ServiceKey<{ dispose(): Promise<void> }>('dpm.cache');
    s.setService(connection, { url: 'https://vault', close: () => void closed.push('connection') });
    s.setService(cache, { dispose: async () => void closed.push('cache') });
    expect(s.getService(connection)?.url).toBe('https://vault');
    await s.dispose();
    expect(closed).toEqual(['cache', 'connection']);
    expect(s.getService(connection)).toBeUndefined();
  });

  it('closes every service even when one fails, then reports the failure', async () => {
    const s = newSession();
    const closed: string[] = [];
    s.setService(new ServiceKey<{ close(): void }>('first'), { close: () => void closed.push('first') });
    s.setService(new ServiceKey<{ close(): void }>('broken'), {
      close: () => {
        throw new Error('socket gone');
      },
    });
    await expect(s.dispose()).rejects.toThrow("Closing the session service 'broken' failed: socket gone");
    expect(closed).toEqual(['first']);
  });
});
