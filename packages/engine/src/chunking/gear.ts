/**
 * The gear table of the chunker: 256 pseudo-random 32-bit values. A repository's table is keyed
 * from its master key rather than fixed: with a public table, anyone who sees the sizes of the
 * stored blobs can test whether a known file is in the repository (chunk-size fingerprinting);
 * with a keyed one, boundaries are as secret as the key. Dedup does not suffer: only repositories
 * of the same master key share chunk ids, and they share the table too.
 */
import { createHmac } from 'node:crypto';

/** The table for a seed (the derived gear key of a repository, or any bytes in tests). */
export function gearTable(seed: Uint8Array): Int32Array {
  const table = new Int32Array(256);
  for (let block = 0; block < 32; block++) {
    const digest = createHmac('sha256', seed).update(`dpmsh gear ${block}`).digest();
    for (let i = 0; i < 8; i++) table[block * 8 + i] = digest.readInt32LE(i * 4);
  }
  return table;
}
