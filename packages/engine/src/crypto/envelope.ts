/**
 * The master key wrapped under the passphrase: argon2id (64 MiB, 3 passes, 4 lanes) stretches
 * the passphrase into a key-encryption key that AES-256-GCM wraps the master key with. The key id
 * is part of the additional data, so an envelope cannot be relabelled as another key's.
 */
import { randomBytes } from 'node:crypto';
import { hashRaw, type Algorithm } from '@node-rs/argon2';
import type { KeyEnvelope, MasterKey } from '../api.js';
import { passphraseIncorrect } from '../errors.js';
import { KEY_BYTES, keyIdOf } from './keys.js';
import { label, open, seal } from './sealed.js';

const MEMORY_KIB = 64 * 1024;
const ITERATIONS = 3;
const PARALLELISM = 4;
const SALT_BYTES = 16;
// Algorithm is a const enum, which isolated modules cannot read; 2 is its Argon2id member.
const ARGON2ID = 2 as Algorithm;

const envelopeAad = (keyId: string): Buffer => label(`dpmsh key envelope v1 ${keyId}`);

async function keyEncryptionKey(passphrase: string, salt: Uint8Array, envelope: Pick<KeyEnvelope, 'memoryKiB' | 'iterations' | 'parallelism'>): Promise<Buffer> {
  return hashRaw(Buffer.from(passphrase, 'utf8'), {
    algorithm: ARGON2ID,
    memoryCost: envelope.memoryKiB,
    timeCost: envelope.iterations,
    parallelism: envelope.parallelism,
    outputLen: KEY_BYTES,
    salt,
  });
}

/** Wraps the master key under the passphrase (argon2id m=64 MiB t=3 p=4, AES-256-GCM). */
export async function wrapMasterKey(masterKey: MasterKey, passphrase: string): Promise<KeyEnvelope> {
  const salt = randomBytes(SALT_BYTES);
  const params = { memoryKiB: MEMORY_KIB, iterations: ITERATIONS, parallelism: PARALLELISM };
  const kek = await keyEncryptionKey(passphrase, salt, params);
  const keyId = keyIdOf(masterKey);
  return {
    kdf: 'argon2id',
    ...params,
    salt: salt.toString('base64'),
    wrapped: seal(kek, envelopeAad(keyId), masterKey).toString('base64'),
    keyId,
  };
}

/** Unwraps the master key; 'RepositoryPassphraseIncorrect' when the passphrase is not the one it was wrapped under. */
export async function unwrapMasterKey(envelope: KeyEnvelope, passphrase: string, location = 'this location'): Promise<MasterKey> {
  const kek = await keyEncryptionKey(passphrase, Buffer.from(envelope.salt, 'base64'), envelope);
  const masterKey = open(kek, envelopeAad(envelope.keyId), Buffer.from(envelope.wrapped, 'base64'));
  if (masterKey === null || masterKey.length !== KEY_BYTES || keyIdOf(masterKey) !== envelope.keyId) throw passphraseIncorrect(location);
  return new Uint8Array(masterKey);
}
