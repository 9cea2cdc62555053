/**
 * Secrets the catalog must keep (the proxy password) are sealed under a key derived from the
 * master key, so catalog.db never holds them in clear and a copy of it alone reveals nothing:
 * HKDF-SHA256 of the master key with a label of its own (a key that seals catalog secrets is
 * never a key of a repository), then AES-256-GCM with a fresh 96-bit nonce, the secret's name as
 * associated data so that one sealed value cannot be moved into another's place.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { MasterKey } from '@dpmsh/engine';

/** A secret as the catalog stores it. */
export interface SealedSecret {
  readonly alg: 'A256GCM';
  /** base64 of the 12-byte nonce. */
  readonly nonce: string;
  /** base64 of the ciphertext followed by the 16-byte tag. */
  readonly sealed: string;
}

const LABEL = 'dpmsh catalog secret v1';
const TAG_BYTES = 16;

function secretKey(masterKey: MasterKey): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), LABEL, 32));
}

/** Seals `text` under the master key, bound to `name`. */
export function sealSecret(masterKey: MasterKey, name: string, text: string): SealedSecret {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secretKey(masterKey), nonce);
  cipher.setAAD(Buffer.from(name, 'utf8'));
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { alg: 'A256GCM', nonce: nonce.toString('base64'), sealed: sealed.toString('base64') };
}

/** The text of a sealed secret, or undefined when it does not open under this key and name (damaged, or another server's). */
export function openSecret(masterKey: MasterKey, name: string, secret: SealedSecret): string | undefined {
  const bytes = Buffer.from(secret.sealed, 'base64');
  if (secret.alg !== 'A256GCM' || bytes.length < TAG_BYTES) return undefined;
  const decipher = createDecipheriv('aes-256-gcm', secretKey(masterKey), Buffer.from(secret.nonce, 'base64'));
  decipher.setAAD(Buffer.from(name, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
