/**
 * A blob is one chunk of file content ('data') or one piece of a snapshot's manifest ('tree').
 * Its id is HMAC-SHA256 under the chunk-id key of the type byte and the plaintext, so the backend
 * learns nothing from ids and a tree never shares an id with a data chunk. Stored, it is
 * flag ‖ payload sealed under the data key with the type and id as additional data: the flag
 * says whether the payload is zstd (level 3) or the raw bytes, when zstd would not shrink them.
 */
import { createHmac } from 'node:crypto';
import { decompress } from 'zstd-napi';
// The binding is CommonJS without named-export hints: its default export is the module.
import zstdBinding from 'zstd-napi/binding.js';
import { open, seal, SEAL_OVERHEAD, sealedBodyOffset, sealInto } from '../crypto/sealed.js';

/** What a blob holds. */
export type BlobType = 'data' | 'tree';

/** The byte a type is stored as (pack headers, index, ids). */
export const BLOB_TYPE_CODES: Readonly<Record<BlobType, number>> = { data: 0, tree: 1 };

/** The type a stored byte stands for, or undefined. */
export function blobTypeOf(code: number): BlobType | undefined {
  return code === 0 ? 'data' : code === 1 ? 'tree' : undefined;
}

/** Bytes of a blob id. */
export const BLOB_ID_BYTES = 32;

const RAW = 0;
const ZSTD = 1;
const ZSTD_LEVEL = 3;
const SAMPLE_BYTES = 16 * 1024;
/** A sample that zstd shrinks by less than this is taken as incompressible (random, media, already compressed). */
const SAMPLE_RATIO = 0.97;

/** The blob's id. */
export function blobId(idKey: Uint8Array, type: BlobType, plaintext: Uint8Array): Buffer {
  return createHmac('sha256', idKey).update(Uint8Array.of(BLOB_TYPE_CODES[type])).update(plaintext).digest();
}

function blobAad(type: BlobType, id: Uint8Array): Buffer {
  const aad = Buffer.alloc(1 + id.length);
  aad[0] = BLOB_TYPE_CODES[type];
  aad.set(id, 1);
  return aad;
}

/** Bytes a sealed blob may have beyond its plaintext: a buffer this much larger can seal it in place. */
export const BLOB_OVERHEAD = 1 + SEAL_OVERHEAD;

// One compression context and output buffer per thread, reused: fresh memory for every chunk
// would cost a page fault per 4 KiB, which on a virtual machine rivals zstd itself.
let context: InstanceType<typeof zstdBinding.CCtx> | undefined;
let scratch: Buffer | undefined;

function compressInto(plaintext: Uint8Array, level: number): Buffer {
  context ??= new zstdBinding.CCtx();
  const bound = zstdBinding.compressBound(plaintext.length);
  if (scratch === undefined || scratch.length < bound) scratch = Buffer.allocUnsafeSlow(Math.max(bound, 64 * 1024));
  return scratch.subarray(0, context.compress(scratch, plaintext, level));
}

// zstd level 3 runs at about 300 MiB/s even on random bytes; three small samples (about 1% of
// a chunk) tell incompressible data apart at a tenth of that cost.
function looksIncompressible(plaintext: Uint8Array): boolean {
  if (plaintext.length < 8 * SAMPLE_BYTES) return false;
  let input = 0;
  let output = 0;
  for (const at of [0, (plaintext.length - SAMPLE_BYTES) >> 1, plaintext.length - SAMPLE_BYTES]) {
    const sample = plaintext.subarray(at, at + SAMPLE_BYTES);
    input += sample.length;
    output += compressInto(sample, 1).length;
  }
  return output >= input * SAMPLE_RATIO;
}

/**
 * Compresses (when it pays) and seals a blob. When `plaintext` starts a buffer of its own with
 * BLOB_OVERHEAD bytes to spare (a chunk from ChunkBuffers), the sealed blob is written into that
 * buffer, so no memory is allocated; the plaintext is then gone.
 */
export function encodeBlob(dataKey: Uint8Array, type: BlobType, id: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const aad = blobAad(type, id);
  const { buffer } = plaintext;
  const inPlace = buffer instanceof ArrayBuffer && plaintext.byteOffset === 0 && buffer.byteLength >= plaintext.length + BLOB_OVERHEAD && !Buffer.isBuffer(plaintext);
  let flag = RAW;
  let payload = plaintext;
  if (plaintext.length > 0 && !looksIncompressible(plaintext)) {
    const packed = compressInto(plaintext, ZSTD_LEVEL);
    if (packed.length < plaintext.length) {
      flag = ZSTD;
      payload = packed;
    }
  }
  if (!inPlace) return seal(dataKey, aad, Uint8Array.of(flag), payload);
  const target = new Uint8Array(buffer);
  if (flag === RAW) {
    // The plaintext moves to where its ciphertext goes, then is encrypted piece by piece over itself.
    target.copyWithin(sealedBodyOffset(1), 0, plaintext.length);
    payload = target.subarray(sealedBodyOffset(1), sealedBodyOffset(1) + plaintext.length);
  }
  return target.subarray(0, sealInto(dataKey, aad, target, Uint8Array.of(flag), payload));
}

/** Opens a sealed blob; null when it does not authenticate as this type and id, or does not decode. */
export function decodeBlob(dataKey: Uint8Array, type: BlobType, id: Uint8Array, sealed: Uint8Array): Buffer | null {
  const body = open(dataKey, blobAad(type, id), sealed);
  if (body === null || body.length === 0) return null;
  if (body[0] === RAW) return body.subarray(1);
  if (body[0] !== ZSTD) return null;
  try {
    return decompress(body.subarray(1));
  } catch {
    return null;
  }
}

/** True when sealed bytes authenticate as this blob (no decompression: replication copies them as they are). */
export function blobAuthenticates(dataKey: Uint8Array, type: BlobType, id: Uint8Array, sealed: Uint8Array): boolean {
  return open(dataKey, blobAad(type, id), sealed) !== null;
}
