/**
 * A least-recently-used cache cheap enough for per-object hot paths (-match and -like in
 * Where-Object over a million items): a hit is one Map lookup. Entries live in two generations;
 * when the young one is full it becomes the old one and the previous old one is dropped, so what
 * was not used during a whole generation goes first. It holds between `capacity` and twice that.
 */
export class LruCache<K, V> {
  #young = new Map<K, V>();
  #old = new Map<K, V>();

  constructor(readonly capacity: number) {}

  get(key: K): V | undefined {
    const hit = this.#young.get(key);
    if (hit !== undefined) return hit;
    const old = this.#old.get(key);
    if (old !== undefined) {
      this.#old.delete(key);
      this.set(key, old);
    }
    return old;
  }

  set(key: K, value: V): void {
    this.#young.set(key, value);
    if (this.#young.size >= this.capacity) {
      this.#old = this.#young;
      this.#young = new Map();
    }
  }

  get size(): number {
    return this.#young.size + this.#old.size;
  }
}
