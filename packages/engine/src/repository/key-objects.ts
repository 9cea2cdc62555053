/**
 * The stored key envelopes, 'keys/<keyId>': JSON a person can read, made self-checking. The
 * envelope is what a rebuilt server opens the repository with, and a wrong passphrase and a
 * damaged envelope look the same to AES-GCM, so each stored envelope carries a digest over its
 * other fields, and every envelope (older ones without a digest included) must be well formed
 * and named by its own key id. Damage is then told apart from a wrong passphrase.
 */
import { createHash } from 'node:crypto';
import type { KeyEnvelope, ObjectBackend } from '../api.js';
import { readIfExists } from '../backend/not-found.js';
import { KEY_BYTES } from '../crypto/keys.js';
import { SEAL_OVERHEAD } from '../crypto/sealed.js';

/** Where the envelopes are. */
export const KEYS_PREFIX = 'keys/';

/** The object name of a key's envelope. */
export const keyObjectName = (keyId: string): string => `${KEYS_PREFIX}${keyId}`;

/** One stored envelope: the envelope, or why it cannot be used. */
export type StoredEnvelope = { readonly name: string; readonly envelope: KeyEnvelope } | { readonly name: string; readonly damage: string };

const DIGEST_LABEL = 'dpmsh key envelope digest v1\0';
const KEY_ID = /^[0-9a-f]{64}$/;
const MIN_SALT_BYTES = 8;
const FIELDS = new Set(['kdf', 'memoryKiB', 'iterations', 'parallelism', 'salt', 'wrapped', 'keyId', 'digest']);

function digestOf(envelope: KeyEnvelope): string {
  // Fields in a fixed order, so the digest does not depend on how the JSON was laid out.
  const fields = [envelope.kdf, envelope.memoryKiB, envelope.iterations, envelope.parallelism, envelope.salt, envelope.wrapped, envelope.keyId];
  return createHash('sha256').update(DIGEST_LABEL).update(JSON.stringify(fields)).digest('hex');
}

/** The bytes stored for an envelope: its fields and their digest. */
export function encodeEnvelope(envelope: KeyEnvelope): Buffer {
  const { kdf, memoryKiB, iterations, parallelism, salt, wrapped, keyId } = envelope;
  const stored = { kdf, memoryKiB, iterations, parallelism, salt, wrapped, keyId, digest: digestOf(envelope) };
  return Buffer.from(`${JSON.stringify(stored, null, 2)}\n`, 'utf8');
}

const isCount = (value: unknown, max: number): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && value <= max;

function base64Bytes(value: unknown): Buffer | undefined {
  if (typeof value !== 'string') return undefined;
  const bytes = Buffer.from(value, 'base64');
  // Node's decoder skips what is not base64; a strict round trip catches a damaged character.
  return bytes.toString('base64') === value ? bytes : undefined;
}

/** The envelope stored under `name`, or why it is damaged. */
export function decodeEnvelope(name: string, bytes: Uint8Array): KeyEnvelope | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return 'it is not valid JSON';
  }
  if (typeof parsed !== 'object' || parsed === null) return 'it is not an envelope';
  const fields = parsed as Record<string, unknown>;
  // A damaged field name would otherwise pass for an absent (optional) digest.
  const unknown = Object.keys(fields).find((field) => !FIELDS.has(field));
  if (unknown !== undefined) return `it has an unknown field '${unknown}'`;
  const { kdf, memoryKiB, iterations, parallelism, keyId, digest } = fields;
  if (kdf !== 'argon2id') return 'its kdf is not argon2id';
  if (!isCount(memoryKiB, 4 * 1024 * 1024) || !isCount(iterations, 1000) || !isCount(parallelism, 255)) return 'its argon2id parameters are out of range';
  if (typeof keyId !== 'string' || !KEY_ID.test(keyId)) return 'its key id is malformed';
  if (name !== keyObjectName(keyId)) return `it holds the envelope of key ${keyId}, not of the key it is named after`;
  const salt = base64Bytes(fields.salt);
  if (salt === undefined || salt.length < MIN_SALT_BYTES) return 'its salt is malformed';
  const wrapped = base64Bytes(fields.wrapped);
  if (wrapped?.length !== KEY_BYTES + SEAL_OVERHEAD) return 'its wrapped key is malformed';
  const envelope: KeyEnvelope = { kdf, memoryKiB, iterations, parallelism, salt: fields.salt as string, wrapped: fields.wrapped as string, keyId };
  // Envelopes written before the digest have none: well formed is all that can be asked of them.
  if (digest !== undefined && digest !== digestOf(envelope)) return 'its digest does not match its fields';
  return envelope;
}

/** Every stored envelope, read and checked. */
export async function readEnvelopes(backend: ObjectBackend): Promise<StoredEnvelope[]> {
  const stored: StoredEnvelope[] = [];
  for (const name of (await backend.list(KEYS_PREFIX)).sort()) {
    const bytes = await readIfExists(backend, name);
    if (bytes === undefined) continue;
    const decoded = decodeEnvelope(name, bytes);
    stored.push(typeof decoded === 'string' ? { name, damage: decoded } : { name, envelope: decoded });
  }
  return stored;
}
