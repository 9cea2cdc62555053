/** PowerShell's ScopedItemOptions: the options of variables and aliases, read from -Option and shown as a flags value. */
import { PSEnumValue } from '@dpmsh/runtime';
import type { VariableOptions } from '@dpmsh/runtime';

const SESSION_STATE = 'System.Management.Automation';
const SCOPED_ITEM_OPTIONS = `${SESSION_STATE}.ScopedItemOptions`;
const OPTION_BITS: ReadonlyArray<readonly [keyof VariableOptions, string, number]> = [
  ['readOnly', 'ReadOnly', 1],
  ['constant', 'Constant', 2],
  ['private', 'Private', 4],
  ['allScope', 'AllScope', 8],
];
/** The names -Option accepts. */
export const OPTION_NAMES = ['None', 'ReadOnly', 'Constant', 'Private', 'AllScope', 'Unspecified'];

/** A variable's options as PowerShell's ScopedItemOptions flags value ("ReadOnly, AllScope"). */
export function scopedItemOptions(options: VariableOptions): PSEnumValue {
  const set = OPTION_BITS.filter(([key]) => options[key]);
  const name = set.length === 0 ? 'None' : set.map(([, n]) => n).join(', ');
  return new PSEnumValue(SCOPED_ITEM_OPTIONS, name, set.reduce((sum, [, , bit]) => sum + bit, 0));
}

/** Parses -Option values ("ReadOnly", "ReadOnly, AllScope", an array of names). */
export function parseOptions(values: readonly string[] | undefined): VariableOptions | undefined {
  if (values === undefined) return undefined;
  const names = values.flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter((v) => v.length > 0);
  const options: { -readonly [K in keyof VariableOptions]: VariableOptions[K] } = {};
  for (const [key, name] of OPTION_BITS) if (names.includes(name.toLowerCase())) options[key] = true;
  return options;
}
