/** True when a backend error says the object does not exist (its `code` is 'ENOENT'). */
export function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}

/** The object's bytes, or undefined when there is none. */
export async function readIfExists(backend: { read(name: string): Promise<Uint8Array> }, name: string): Promise<Uint8Array | undefined> {
  try {
    return await backend.read(name);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
