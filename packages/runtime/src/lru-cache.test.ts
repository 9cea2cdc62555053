import { describe, expect, it } from 'vitest';
import { LruCache } from './lru-cache.js';

describe('LruCache', () => {
  it('keeps what is used and drops what was not used for a whole generation', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2); // the young generation is full: a, b become old
    expect(cache.get('a')).toBe(1); // a moves back to the young generation
    cache.set('c', 3); // young full again: a, c become old, b is dropped
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBeLessThanOrEqual(4);
  });
});
