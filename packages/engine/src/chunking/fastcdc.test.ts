import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cutMasks, DEFAULT_CHUNKER_PARAMS, findCut } from './fastcdc.js';
import { gearTable } from './gear.js';
import { chunkStream, StreamChunker } from './stream-chunker.js';

const MiB = 1024 * 1024;
const params = DEFAULT_CHUNKER_PARAMS;
const gear = gearTable(Buffer.from('test gear seed'));

async function* blocks(data: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

async function chunksOf(data: Uint8Array, blockSize = MiB, table = gear): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of chunkStream(blocks(data, blockSize), new StreamChunker(params, table))) chunks.push(chunk);
  return chunks;
}

const digest = (chunk: Uint8Array): string => createHash('sha256').update(chunk).digest('hex');

describe('FastCDC chunking', () => {
  it('cuts 24 MiB of random data into chunks between the minimum and maximum, averaging near 1 MiB, that join back to the input', async () => {
    const data = randomBytes(24 * MiB);
    const chunks = await chunksOf(data);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.length).toBeGreaterThanOrEqual(params.min);
      expect(chunk.length).toBeLessThanOrEqual(params.max);
    }
    const average = data.length / chunks.length;
    expect(average).toBeGreaterThan(0.7 * MiB);
    expect(average).toBeLessThan(1.6 * MiB);
  });

  it('cuts the same chunks whatever block sizes the stream yields', async () => {
    const data = randomBytes(9 * MiB + 12345);
    const reference = (await chunksOf(data)).map(digest);
    for (const size of [1, 4093, 64 * 1024, 5 * MiB, 20 * MiB]) {
      const input = size === 1 ? data.subarray(0, 600 * 1024) : data;
      const expected = size === 1 ? (await chunksOf(input)).map(digest) : reference;
      expect((await chunksOf(input, size)).map(digest)).toEqual(expected);
    }
  });

  it('places boundaries by content: bytes inserted at the start leave most chunks as they were', async () => {
    const data = randomBytes(32 * MiB);
    const before = new Set((await chunksOf(data)).map(digest));
    const shifted = Buffer.concat([randomBytes(1000), data]);
    const after = (await chunksOf(shifted)).map(digest);
    const reused = after.filter((id) => before.has(id)).length;
    expect(reused).toBeGreaterThanOrEqual(after.length - 3);
  });

  it('cuts at the maximum when no boundary is found (zeros) and leaves small inputs whole', async () => {
    const zeros = await chunksOf(new Uint8Array(10 * MiB));
    expect(zeros.slice(0, -1).every((chunk) => chunk.length === params.max)).toBe(true);
    expect((await chunksOf(randomBytes(1000))).map((chunk) => chunk.length)).toEqual([1000]);
    expect(await chunksOf(new Uint8Array(0))).toEqual([]);
  });

  it('never hashes below the minimum: bytes before it do not move a cut', () => {
    const masks = cutMasks(params);
    const data = randomBytes(8 * MiB);
    const cut = findCut(data, 0, data.length, params, masks, gear);
    const changed = Buffer.from(data);
    changed.fill(7, 0, params.min - 64);
    expect(findCut(changed, 0, changed.length, params, masks, gear)).toBe(cut);
  });

  it('uses the table it is given: another seed cuts elsewhere', async () => {
    const data = randomBytes(16 * MiB);
    const one = (await chunksOf(data)).map((chunk) => chunk.length);
    const other = (await chunksOf(data, MiB, gearTable(Buffer.from('another seed')))).map((chunk) => chunk.length);
    expect(other).not.toEqual(one);
  });

  it('hands out chunks with buffers of their own, so they can be transferred', () => {
    const chunker = new StreamChunker(params, gear);
    const chunks = [...chunker.push(randomBytes(6 * MiB)), ...chunker.finish()];
    for (const chunk of chunks) expect(chunk.byteLength).toBe(chunk.buffer.byteLength);
  });

  it('refuses sizes that are not a power-of-two average between min and max', () => {
    expect(() => cutMasks({ min: 1, avg: 1000, max: 4000 })).toThrow(RangeError);
    expect(() => cutMasks({ min: 2048, avg: 1024, max: 4096 })).toThrow(RangeError);
  });
});
