/**
 * The encryption passphrase is never stored. The catalog keeps a key check value: a key derived
 * from the passphrase with a salt by scrypt, then an HMAC of a fixed label under that key. It
 * tells whether a passphrase typed later is the same one, and reveals nothing else.
 */
import { createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** A stored key check value and how it was derived. */
export interface PassphraseCheck {
  readonly kdf: 'scrypt';
  readonly n: number;
  readonly r: number;
  readonly p: number;
  readonly salt: string;
  readonly check: string;
}

// 2^15 costs 32 MiB and tens of milliseconds: dear enough against guessing, cheap for one check.
const N = 2 ** 15;
const R = 8;
const P = 1;
const LABEL = 'dpmsh passphrase key check';

function derive(passphrase: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase, salt, 32, { N: n, r, p, maxmem: 256 * n * r }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** The key check value of a passphrase, with a fresh salt. */
export async function passphraseCheck(passphrase: string): Promise<PassphraseCheck> {
  const salt = randomBytes(16);
  const key = await derive(passphrase, salt, N, R, P);
  return { kdf: 'scrypt', n: N, r: R, p: P, salt: salt.toString('base64'), check: createHmac('sha256', key).update(LABEL).digest('base64') };
}

/** True when a passphrase matches a stored key check value. */
export async function passphraseMatches(passphrase: string, stored: PassphraseCheck): Promise<boolean> {
  const key = await derive(passphrase, Buffer.from(stored.salt, 'base64'), stored.n, stored.r, stored.p);
  const check = createHmac('sha256', key).update(LABEL).digest();
  const expected = Buffer.from(stored.check, 'base64');
  return check.length === expected.length && timingSafeEqual(check, expected);
}
