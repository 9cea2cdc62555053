import { describe, expect, it } from 'vitest';
import {
  assertReadyForOnlineBackup,
  requiredScratchBytes,
  unusableFolderError,
  validatePassphrase,
  validateProxy,
  validateScratchSpace,
} from './registration.js';
import { GB } from './bytes.js';
import { expectDomainError } from './test-support/domain-error.js';

describe('validatePassphrase', () => {
  it('accepts 16 printable ASCII characters, including space and tilde', () => {
    expect(() => validatePassphrase('sixteen chars!!!')).not.toThrow();
    expect(() => validatePassphrase(' ~'.repeat(8))).not.toThrow();
    expect(() => validatePassphrase('Complex!123_STRING')).not.toThrow();
  });

  it('refuses 15 characters, saying 16 are needed', () => {
    const e = expectDomainError(() => validatePassphrase('fifteen chars!!'), 'PassphraseTooShort');
    expect(e.message).toBe('The encryption passphrase has 15 characters; it must have at least 16.');
    expect(e.recommendedAction).toContain('secure location');
    expectDomainError(() => validatePassphrase(''), 'PassphraseTooShort');
  });

  it('refuses a non-ASCII character without echoing it', () => {
    const e = expectDomainError(() => validatePassphrase('correct horse bättery'), 'PassphraseNotPrintableAscii');
    expect(e.message).toContain('position 16');
    expect(e.message).not.toContain('ä');
    expect(e.message).not.toContain('horse');
  });

  it('refuses control characters (tab, newline, DEL)', () => {
    for (const bad of ['\t', '\n', '\u007f']) {
      expectDomainError(() => validatePassphrase(`abcdefghijklmnop${bad}`), 'PassphraseNotPrintableAscii');
    }
  });

  it('counts characters, not UTF-16 units, so an emoji passphrase is judged on ASCII, not length', () => {
    expectDomainError(() => validatePassphrase('😀'.repeat(8)), 'PassphraseTooShort');
    expectDomainError(() => validatePassphrase('😀'.repeat(16)), 'PassphraseNotPrintableAscii');
  });
});

describe('scratch space', () => {
  it('needs 5% of the planned online data, rounded up', () => {
    expect(requiredScratchBytes(100 * GB)).toBe(5 * GB);
    expect(requiredScratchBytes(0)).toBe(0);
    expect(requiredScratchBytes(1)).toBe(1);
    expect(requiredScratchBytes(20)).toBe(1);
    expect(requiredScratchBytes(21)).toBe(2);
    expect(requiredScratchBytes(54_400 * GB)).toBe(2720 * GB);
  });

  it('refuses a byte count that is not a whole number from 0', () => {
    expectDomainError(() => requiredScratchBytes(-1), 'InvalidByteCount');
    expectDomainError(() => requiredScratchBytes(1.5), 'InvalidByteCount');
    expectDomainError(() => validateScratchSpace({ freeBytes: Number.NaN, plannedOnlineBytes: 0 }), 'InvalidByteCount');
  });

  it('accepts exactly 5% free and refuses one byte less', () => {
    expect(() => validateScratchSpace({ freeBytes: 5 * GB, plannedOnlineBytes: 100 * GB })).not.toThrow();
    const e = expectDomainError(() => validateScratchSpace({ freeBytes: 5 * GB - 1, plannedOnlineBytes: 100 * GB }), 'InsufficientScratchSpace');
    expect(e.message).toContain('needs at least 5 GB: 5% of the 100 GB planned for online protection');
    expect(e.category).toBe('LimitsExceeded');
  });
});

describe('validateProxy', () => {
  it('accepts host names, addresses and an http:// prefix', () => {
    expect(validateProxy({ server: 'proxy.contoso.com', port: 8080 })).toEqual({ server: 'proxy.contoso.com', host: 'proxy.contoso.com', port: 8080 });
    expect(validateProxy({ server: 'http://proxycontoso.com', port: 7777 }).host).toBe('proxycontoso.com');
    expect(validateProxy({ server: 'HTTPS://proxy/', port: 1 }).host).toBe('proxy');
    expect(validateProxy({ server: '192.0.2.10', port: 65535 }).host).toBe('192.0.2.10');
    expect(validateProxy({ server: '[2001:db8::1]', port: 3128 }).host).toBe('2001:db8::1');
    expect(validateProxy({ server: '::ffff:192.0.2.1', port: 3128 }).host).toBe('::ffff:192.0.2.1');
    expect(validateProxy({ server: '1:2:3:4:5:6:7:8', port: 3128 }).host).toBe('1:2:3:4:5:6:7:8');
  });

  it('refuses what is not a host', () => {
    for (const server of ['', 'pro xy', 'proxy..com', '-proxy.com', '999.1.1.1', '1.2.3', '1::2::3', '1:2:3:4:5:6:7:8:9', 'a'.repeat(64)]) {
      const e = expectDomainError(() => validateProxy({ server, port: 80 }), 'InvalidProxyServer');
      expect(e.message).toContain('ProxyServer');
    }
  });

  it('refuses ports outside 1-65535', () => {
    for (const port of [0, 65536, -1, 80.5, Number.NaN]) {
      const e = expectDomainError(() => validateProxy({ server: 'proxy', port }), 'InvalidProxyPort');
      expect(e.message).toContain('from 1 to 65535');
    }
  });

  it('keeps credentials and requires a password with a user name', () => {
    expect(validateProxy({ server: 'proxy', port: 80, username: 'u', password: 'p' })).toEqual({
      server: 'proxy',
      host: 'proxy',
      port: 80,
      username: 'u',
      password: 'p',
    });
    expectDomainError(() => validateProxy({ server: 'proxy', port: 80, username: 'u' }), 'ProxyPasswordMissing');
    expectDomainError(() => validateProxy({ server: 'proxy', port: 80, username: 'u', password: '' }), 'ProxyPasswordMissing');
    expectDomainError(() => validateProxy({ server: 'proxy', port: 80, password: 'p' }), 'ProxyUsernameMissing');
  });
});

describe('folders and readiness', () => {
  it('names the folder role and path', () => {
    const r = unusableFolderError('RecoveryFolder', '/x/recovery', 'permission denied');
    expect(r.id).toBe('RecoveryFolderUnusable');
    expect(r.message).toBe("The recovery folder '/x/recovery' cannot be used: permission denied.");
    expect(unusableFolderError('ScratchLocation', '/s', 'no such device').id).toBe('ScratchLocationUnusable');
  });

  it('refuses to send data before registration and before a passphrase', () => {
    expectDomainError(() => assertReadyForOnlineBackup({ registered: false, passphraseSet: false }), 'ServerNotRegistered');
    const e = expectDomainError(() => assertReadyForOnlineBackup({ registered: true, passphraseSet: false }), 'EncryptionPassphraseNotSet');
    expect(e.recommendedAction).toContain('EncryptionPassphrase');
    expect(() => assertReadyForOnlineBackup({ registered: true, passphraseSet: true })).not.toThrow();
  });
});
