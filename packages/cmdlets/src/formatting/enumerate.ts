/**
 * What the formatter unrolls before it formats: collections one level deep, and hashtables
 * into their entries (System.Collections.DictionaryEntry, with Name, Key and Value), which is
 * why a hashtable prints as a Name/Value table.
 */
import { PSHashtable, PSList, PSObject, dictionaryEntry } from '@dpmsh/runtime';

/** The type name of a hashtable entry. */
export const DICTIONARY_ENTRY_TYPE_NAME = 'System.Collections.DictionaryEntry';

/** True for a hashtable entry (what a hashtable's GetEnumerator yields). */
export function isDictionaryEntry(value: unknown): value is PSObject {
  return value instanceof PSObject && value.typeNames[0] === DICTIONARY_ENTRY_TYPE_NAME;
}

/** The objects the formatter formats for one pipeline object: its items for a collection or hashtable, else itself. */
export function formatItems(value: unknown): readonly unknown[] {
  const base = value instanceof PSObject && value.baseObject !== undefined ? value.baseObject : value;
  if (Array.isArray(base)) return base;
  if (base instanceof PSList) return base.items;
  if (base instanceof PSHashtable) return base.entries().map(([k, v]) => dictionaryEntry(k, v));
  return [value];
}
