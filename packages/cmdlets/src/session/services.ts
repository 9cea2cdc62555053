/**
 * Typed slots on a session for domain modules: the DPM cmdlets keep their server connection here,
 * a plugin its client. A key carries its value's type, so a module reads back what it stored
 * without casts; a value with `dispose()` or `close()` is closed when the session is disposed.
 */

/** The key of one service slot; `T` is the type of the value stored under it. */
export class ServiceKey<T> {
  /** Only carries `T` for the type checker. */
  declare readonly __type?: T;
  constructor(
    /** Shown in errors, e.g. `dpm.connection`. */
    readonly name: string,
  ) {}
}

/** A service the session closes when it is disposed. */
export interface DisposableService {
  dispose?(): unknown;
  close?(): unknown;
}

/** The service slots of one session. */
export class ServiceMap {
  readonly #values = new Map<ServiceKey<unknown>, unknown>();

  /** The value under a key, undefined when none is set. */
  get<T>(key: ServiceKey<T>): T | undefined {
    return this.#values.get(key) as T | undefined;
  }

  /** Sets (or replaces) a value; the replaced value is not disposed, as its owner may still use it. */
  set<T>(key: ServiceKey<T>, value: T): void {
    this.#values.delete(key);
    this.#values.set(key, value);
  }

  /** Removes a value without disposing it; returns it. */
  delete<T>(key: ServiceKey<T>): T | undefined {
    const value = this.get(key);
    this.#values.delete(key);
    return value;
  }

  /**
   * Disposes every value, newest first (a later service may depend on an earlier one), and
   * empties the map. Every value is tried; the failures are thrown together afterwards.
   */
  async disposeAll(): Promise<void> {
    const entries = [...this.#values.entries()].reverse();
    this.#values.clear();
    const failures: unknown[] = [];
    for (const [key, value] of entries) {
      const service = value as DisposableService | null;
      try {
        if (typeof service?.dispose === 'function') await service.dispose();
        else if (typeof service?.close === 'function') await service.close();
      } catch (error) {
        failures.push(new Error(`Closing the session service '${key.name}' failed: ${(error as Error).message ?? String(error)}`, { cause: error }));
      }
    }
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new AggregateError(failures, 'Closing the session services failed.');
  }
}
