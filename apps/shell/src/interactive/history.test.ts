import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { History, parseHistoryFile } from './history.js';

const file = (): string => join(mkdtempSync(join(tmpdir(), 'dpmsh-history-')), 'history');

describe('history', () => {
  it('saves entries, skipping blanks and a repeat of the last one, and reads them back', () => {
    const path = file();
    const h = new History(path);
    for (const e of ['"a"', '"a"', '  ', 'function f {\n1\n}', '"a"']) h.add(e);
    expect(h.entries).toEqual(['"a"', 'function f {\n1\n}', '"a"']);
    expect(readFileSync(path, 'utf8')).toBe('"a"\nfunction f {`\n1`\n}\n"a"\n');
    expect(new History(path).entries).toEqual(['"a"', 'function f {\n1\n}', '"a"']);
  });

  it('keeps lines with a password, passphrase or plain-text secure string in memory only', () => {
    const path = file();
    const h = new History(path);
    h.add('Register-DPMServer -Passphrase x');
    h.add('ConvertTo-SecureString "p" -AsPlainText -Force');
    h.add('New-Thing -Password p');
    h.add('"kept"');
    expect(h.entries).toHaveLength(4);
    expect(readFileSync(path, 'utf8')).toBe('"kept"\n');
  });

  it('keeps assignments to password-like or already-secret variables, and secure casts, in memory only', () => {
    const path = file();
    const h = new History(path);
    const secret = [
      // Written at first: nothing in it says it is a secret, until the next line uses it as one.
      "$pp = 'hunter2'",
      'Set-OBMachineSetting -EncryptionPassphrase (ConvertTo-SecureString $pp -AsPlainText -Force)',
      "$pwd2 = 'hunter2'",
      '$ApiKey = "k-123"',
      "$script:creds = 'u:p'",
      "${my token} = 'abc'",
      "[securestring]$s = Read-Host",
      "[pscredential]$c = Get-Credential",
      'Set-OBMachineSetting -EncryptionPassphrase $pass2',
      // `$pass2` was just given as a passphrase: a later assignment to it is a secret too, whatever its name.
      "$pass2 = 'the next one'",
      'Register-DPMServer -ProxyPassword $p3',
      "$p3 = 'proxy'",
      'Connect-Thing -Pwd x',
    ];
    for (const e of secret) h.add(e);
    for (const e of ['$files = Get-ChildItem', '"$pp"', 'Get-Process | Stop-Process -PassThru', '$x -eq 1']) h.add(e);
    expect(h.entries).toHaveLength(secret.length + 4);
    expect(readFileSync(path, 'utf8')).toBe('$files = Get-ChildItem\n"$pp"\nGet-Process | Stop-Process -PassThru\n$x -eq 1\n');
  });

  it('writes the file 0600 in a home it creates 0700, and takes group and other access from an old 0644 file', () => {
    const home = join(mkdtempSync(join(tmpdir(), 'dpmsh-history-')), 'new-home');
    const path = join(home, 'history');
    const previous = process.umask(0o022);
    try {
      new History(path).add('"first"');
    } finally {
      process.umask(previous);
    }
    expect(statSync(home).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o777).toBe(0o600);

    const old = file();
    writeFileSync(old, '"from before"\n');
    chmodSync(old, 0o644);
    expect(new History(old).entries).toEqual(['"from before"']);
    expect(statSync(old).mode & 0o777).toBe(0o600);
  });

  it('keeps at most the limit, trimming the file when it loads', () => {
    const path = file();
    writeFileSync(path, '1\n2\n3\n4\n5\n');
    const h = new History(path, 3);
    expect(h.entries).toEqual(['3', '4', '5']);
    expect(parseHistoryFile(readFileSync(path, 'utf8'))).toEqual(['3', '4', '5']);
    h.add('6');
    expect(h.entries).toEqual(['4', '5', '6']);
  });

  it('searches backwards and predicts from the newest entry with the prefix', () => {
    const h = new History(undefined);
    for (const e of ['Get-Date', 'Get-ChildItem', 'Set-Location /', 'Get-Date -AsUTC']) h.add(e);
    expect(h.searchBackward('get', 4)).toBe(3);
    expect(h.searchBackward('get', 3)).toBe(1);
    expect(h.searchBackward('nothing', 4)).toBeUndefined();
    expect(h.predict('Get-D')).toBe('Get-Date -AsUTC');
    expect(h.predict('Get-Date -AsUTC')).toBeUndefined();
    expect(h.predict('')).toBeUndefined();
  });
});
