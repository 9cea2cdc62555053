import { describe, expect, it } from 'vitest';
import { isAllZero, replayContent, storeContent } from './stored-content.js';

const fail = (problem: string): never => {
  throw new Error(problem);
};

async function collect(source: () => AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source()) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('stored content', () => {
  it('keeps runs of zeros as lengths and replays the same bytes', async () => {
    const parts = [new Uint8Array([1, 2]), new Uint8Array(5), new Uint8Array(3 << 20), new Uint8Array([3])];
    const stored = await storeContent(async function* () {
      yield* parts;
    }, fail);
    expect(stored.chunks).toEqual([new Uint8Array([1, 2]), 5 + (3 << 20), new Uint8Array([3])]);
    expect(stored.size).toBe(8 + (3 << 20));
    expect((await collect(replayContent(stored))).equals(Buffer.concat(parts))).toBe(true);
  });

  it('copies chunks, so the source may not change them afterwards without being caught', async () => {
    const buffer = new Uint8Array(4);
    const reusing = async function* () {
      buffer.fill(1);
      yield buffer;
      buffer.fill(2);
      yield buffer;
    };
    await expect(storeContent(reusing, fail)).rejects.toThrow('a content chunk changed after it was yielded');
  });

  it('refuses what is not bytes', async () => {
    const strings = async function* () {
      yield 'text' as unknown as Uint8Array;
    };
    await expect(storeContent(strings, fail)).rejects.toThrow('content yielded string, not a Uint8Array');
  });

  it('tells zeros from data', () => {
    expect(isAllZero(new Uint8Array(3 << 20))).toBe(true);
    const data = new Uint8Array(3 << 20);
    data[(3 << 20) - 1] = 1;
    expect(isAllZero(data)).toBe(false);
  });
});
