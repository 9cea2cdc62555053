import { isDomainError } from '@dpmsh/core';
import { describe, expect, it } from 'vitest';
import { unwrapMasterKey, wrapMasterKey } from './envelope.js';
import { createMasterKey, deriveKeys, keyIdOf } from './keys.js';
import { label, open, seal } from './sealed.js';

describe('master keys and their envelope', () => {
  it('wraps under argon2id m=64 MiB t=3 p=4 and unwraps with the same passphrase', async () => {
    const masterKey = createMasterKey();
    expect(masterKey).toHaveLength(32);
    const envelope = await wrapMasterKey(masterKey, 'correct horse battery staple');
    expect(envelope).toMatchObject({ kdf: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 4, keyId: keyIdOf(masterKey) });
    expect(Buffer.from(envelope.salt, 'base64')).toHaveLength(16);
    expect(JSON.parse(JSON.stringify(envelope))).toEqual(envelope);
    expect(Buffer.from(await unwrapMasterKey(envelope, 'correct horse battery staple')).equals(masterKey)).toBe(true);
  });

  it("refuses a wrong passphrase with 'RepositoryPassphraseIncorrect', and an envelope relabelled with another key id", async () => {
    const masterKey = createMasterKey();
    const envelope = await wrapMasterKey(masterKey, 'the right one');
    const wrong = await unwrapMasterKey(envelope, 'the wrong one').catch((error: unknown) => error);
    expect(isDomainError(wrong, 'RepositoryPassphraseIncorrect')).toBe(true);
    const relabelled = await unwrapMasterKey({ ...envelope, keyId: keyIdOf(createMasterKey()) }, 'the right one').catch((error: unknown) => error);
    expect(isDomainError(relabelled, 'RepositoryPassphraseIncorrect')).toBe(true);
  });

  it('derives distinct keys per label, the same for the same master key', () => {
    const masterKey = createMasterKey();
    const keys = deriveKeys(masterKey);
    const hexes = [keys.idKey, keys.dataKey, keys.gearSeed].map((key) => Buffer.from(key).toString('hex'));
    expect(new Set(hexes).size).toBe(3);
    expect(Buffer.from(deriveKeys(masterKey).dataKey).toString('hex')).toBe(hexes[1]);
    expect(keyIdOf(masterKey)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('sealed bytes', () => {
  it('open only under the same key and additional data, and never when a byte is flipped', () => {
    const key = deriveKeys(createMasterKey()).dataKey;
    const sealed = seal(key, label('a'), Buffer.from('hello '), Buffer.from('world'));
    expect(open(key, label('a'), sealed)?.toString()).toBe('hello world');
    expect(open(key, label('b'), sealed)).toBeNull();
    expect(open(deriveKeys(createMasterKey()).dataKey, label('a'), sealed)).toBeNull();
    for (let at = 0; at < sealed.length; at++) {
      const damaged = Buffer.from(sealed);
      damaged[at] ^= 1;
      expect(open(key, label('a'), damaged)).toBeNull();
    }
    expect(seal(key, label('a'), Buffer.from('x')).equals(seal(key, label('a'), Buffer.from('x')))).toBe(false);
  });
});
