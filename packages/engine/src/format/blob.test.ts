import { describe, expect, it } from 'vitest';
import { createMasterKey, deriveKeys } from '../crypto/keys.js';
import { SEAL_OVERHEAD } from '../crypto/sealed.js';
import { logText, random } from '../test-support/repositories.js';
import { blobAuthenticates, blobId, decodeBlob, encodeBlob } from './blob.js';

const keys = deriveKeys(createMasterKey());
const MiB = 1024 * 1024;

describe('blobs', () => {
  it('compresses what shrinks and stores incompressible data raw, both decoding to the plaintext', () => {
    const text = logText(MiB);
    const noise = random(MiB);
    for (const plaintext of [text, noise, Buffer.alloc(0), Buffer.from('x')]) {
      const id = blobId(keys.idKey, 'data', plaintext);
      const sealed = encodeBlob(keys.dataKey, 'data', id, plaintext);
      expect(decodeBlob(keys.dataKey, 'data', id, sealed)?.equals(plaintext)).toBe(true);
      if (plaintext === text) expect(sealed.length).toBeLessThan(text.length / 4);
      else expect(sealed.length).toBe(plaintext.length + 1 + SEAL_OVERHEAD);
    }
  });

  it('binds a blob to its id and type: a swapped or retyped blob does not open', () => {
    const a = Buffer.from('first chunk');
    const b = Buffer.from('second chunk');
    const idA = blobId(keys.idKey, 'data', a);
    const idB = blobId(keys.idKey, 'data', b);
    const sealedA = encodeBlob(keys.dataKey, 'data', idA, a);
    expect(decodeBlob(keys.dataKey, 'data', idB, sealedA)).toBeNull();
    expect(decodeBlob(keys.dataKey, 'tree', idA, sealedA)).toBeNull();
    expect(blobAuthenticates(keys.dataKey, 'data', idA, sealedA)).toBe(true);
    expect(blobAuthenticates(keys.dataKey, 'data', idB, sealedA)).toBe(false);
  });

  it('gives equal content equal ids under one key only, and trees ids apart from data', () => {
    const data = Buffer.from('same bytes');
    expect(blobId(keys.idKey, 'data', data).equals(blobId(keys.idKey, 'data', Buffer.from(data)))).toBe(true);
    expect(blobId(keys.idKey, 'data', data).equals(blobId(keys.idKey, 'tree', data))).toBe(false);
    expect(blobId(keys.idKey, 'data', data).equals(blobId(deriveKeys(createMasterKey()).idKey, 'data', data))).toBe(false);
  });
});
