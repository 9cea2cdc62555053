/**
 * Authenticated encryption of one object or blob: AES-256-GCM with a random 12-byte IV each
 * time, laid out as IV ‖ ciphertext ‖ tag. The additional data binds the bytes to what they are
 * (a blob's type and id, 'snapshot' and its id...), so a backend cannot swap one for another.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Bytes seal adds to its input. */
export const SEAL_OVERHEAD = IV_BYTES + TAG_BYTES;

/** Encrypts the parts, in order, as one plaintext; the IV is fresh for every call. */
export function seal(key: Uint8Array, aad: Uint8Array, ...parts: readonly Uint8Array[]): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const out: Buffer[] = [iv];
  for (const part of parts) out.push(cipher.update(part));
  out.push(cipher.final(), cipher.getAuthTag());
  return Buffer.concat(out);
}

/** Decrypts and authenticates; null when the bytes were not sealed under this key and AAD. */
export function open(key: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Buffer | null {
  if (sealed.length < SEAL_OVERHEAD) return null;
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    const body = decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES));
    const tail = decipher.final();
    return tail.length === 0 ? body : Buffer.concat([body, tail]);
  } catch {
    return null;
  }
}

/** The UTF-8 bytes of a label, optionally followed by more bytes (an id). */
export function label(text: string, suffix?: Uint8Array): Buffer {
  const head = Buffer.from(text, 'utf8');
  return suffix === undefined ? head : Buffer.concat([head, suffix]);
}
