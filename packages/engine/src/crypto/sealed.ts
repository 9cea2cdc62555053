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

/** Slices encrypted at a time when sealing into a buffer: small, so their outputs are cheap garbage. */
const PIECE_BYTES = 64 * 1024;

/**
 * Seals `head` then `body` into `target` from its start and returns the sealed length (body
 * length + head length + SEAL_OVERHEAD); `target` must have room. `body` may sit in `target`
 * itself at exactly the offset its ciphertext goes to (IV_BYTES + head length): each piece is
 * read before its ciphertext overwrites it, which lets a chunk be sealed in its own buffer.
 */
export function sealInto(key: Uint8Array, aad: Uint8Array, target: Uint8Array, head: Uint8Array, body: Uint8Array): number {
  const iv = randomBytes(IV_BYTES);
  target.set(iv, 0);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  let at = IV_BYTES;
  target.set(cipher.update(head), at);
  at += head.length;
  for (let offset = 0; offset < body.length; offset += PIECE_BYTES) {
    const piece = cipher.update(body.subarray(offset, Math.min(body.length, offset + PIECE_BYTES)));
    target.set(piece, at);
    at += piece.length;
  }
  const tail = cipher.final();
  target.set(tail, at);
  at += tail.length;
  target.set(cipher.getAuthTag(), at);
  return at + TAG_BYTES;
}

/** Where sealInto puts the body's ciphertext for a head of this length. */
export function sealedBodyOffset(headLength: number): number {
  return IV_BYTES + headLength;
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
