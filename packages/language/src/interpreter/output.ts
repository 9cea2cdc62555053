/**
 * How values become output and how output becomes a value: statements write their values
 * enumerated, as PowerShell does; `(...)`, `$(...)` and assignments collect output back into a
 * value (nothing is $null, one object is itself, more are an array).
 */
import { enumerableItems } from '@dpmsh/runtime';
import type { OutputSink } from './context.js';

/** Writes a value to the output, enumerating collections (arrays and lists). */
export async function writeEnumerated(value: unknown, output: OutputSink): Promise<void> {
  if (value === undefined) return; // [void] and statements that output nothing
  const items = enumerableItems(value);
  if (items) {
    for (const item of items) await output(item);
  } else {
    await output(value);
  }
}

/** The value of collected output: $null for none, the object for one, an array for more. */
export function unwrapCollected(items: unknown[]): unknown {
  if (items.length === 0) return null;
  if (items.length === 1) return items[0];
  return items;
}

/** Iterates a value as `foreach` and the pipeline do: collections item by item, $null not at all, anything else once. */
export function enumerateValue(value: unknown): Iterable<unknown> {
  if (value === null || value === undefined) return [];
  return enumerableItems(value) ?? [value];
}
