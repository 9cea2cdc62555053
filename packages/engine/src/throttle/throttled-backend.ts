/** An object backend whose writes are paced by a throttle, slice by slice as they are written. */
import type { ObjectBackend } from '../api.js';
import type { Throttle } from './throttle.js';

/** The slice a write is charged and handed on in: 64 KiB. */
export const THROTTLE_SLICE_BYTES = 64 * 1024;

/** Wraps a backend so that every byte written waits for the throttle; reads, lists, deletes and leftovers pass through. */
export function throttledBackend(backend: ObjectBackend, throttle: Throttle): ObjectBackend {
  return {
    location: backend.location,
    read: (name) => backend.read(name),
    write: (name, data) => backend.write(name, paced(data, throttle)),
    list: (prefix) => backend.list(prefix),
    delete: (name) => backend.delete(name),
    ...(backend.leftovers === undefined ? {} : { leftovers: backend.leftovers.bind(backend) }),
    ...(backend.deleteLeftover === undefined ? {} : { deleteLeftover: backend.deleteLeftover.bind(backend) }),
  };
}

async function* paced(data: Uint8Array | AsyncIterable<Uint8Array>, throttle: Throttle): AsyncIterable<Uint8Array> {
  const chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array> = data instanceof Uint8Array ? [data] : data;
  for await (const chunk of chunks) {
    for (let offset = 0; offset < chunk.length; offset += THROTTLE_SLICE_BYTES) {
      const slice = chunk.subarray(offset, Math.min(chunk.length, offset + THROTTLE_SLICE_BYTES));
      // Charged before it is handed on: the backend sends it as soon as it has it.
      await throttle.take(slice.length);
      yield slice;
    }
  }
}
