/**
 * The properties the formatter sees on a value: a custom object's own properties (then those of
 * the value it wraps), and the .NET properties dpmsh models for everything else, in their
 * declaration order, as PowerShell's formatter lists them.
 */
import { PSObject, findProperty, instanceTable } from '@dpmsh/runtime';

/** A property read: `found` is false when the value has no such property. */
export type PropertyRead = { readonly found: true; readonly value: unknown } | { readonly found: false };

/** The names of a value's properties, in the order Format-List and Format-Table show them. */
export function propertyNames(value: unknown): string[] {
  if (value instanceof PSObject) {
    const own = value.properties.map((p) => p.name);
    if (value.baseObject === undefined || value.baseObject === null) return own;
    const seen = new Set(own.map((n) => n.toLowerCase()));
    return [...own, ...propertyNames(value.baseObject).filter((n) => !seen.has(n.toLowerCase()))];
  }
  const table = instanceTable(value);
  return table ? [...table.properties.values()].map((p) => p.name) : [];
}

/** Reads a property by name (any case); a getter that throws reads as not found, an empty cell. */
export function readProperty(value: unknown, name: string): PropertyRead {
  try {
    const hit = findProperty(value, name);
    return hit ? { found: true, value: hit.value } : { found: false };
  } catch {
    return { found: false };
  }
}
