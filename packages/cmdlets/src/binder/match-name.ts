/**
 * Finds the parameter a name written on the command line designates: case-insensitively, by
 * exact name or alias, else by unique prefix of names and aliases; when a prefix matches several
 * parameters but only one is not a common parameter, that one wins (`-Ver` is `-Verb`, not
 * `-Verbose`).
 */
import type { CompiledCommand, CompiledParameter } from './compiled-command.js';

/** What a name designates. */
export type NameMatch =
  | { readonly kind: 'none' }
  | { readonly kind: 'one'; readonly parameter: CompiledParameter }
  | { readonly kind: 'ambiguous'; readonly matches: readonly CompiledParameter[] };

const NONE: NameMatch = { kind: 'none' };

function lookUp(command: CompiledCommand, lower: string): NameMatch {
  if (lower === '') return NONE;
  const matches: CompiledParameter[] = [];
  for (const [name, parameter] of command.names) {
    if (!name.startsWith(lower)) continue;
    if (name === lower) return { kind: 'one', parameter };
    matches.push(parameter);
  }
  for (const [alias, parameter] of command.aliases) {
    if (!alias.startsWith(lower)) continue;
    if (alias === lower) return { kind: 'one', parameter };
    if (!matches.includes(parameter)) matches.push(parameter);
  }
  if (matches.length === 0) return NONE;
  if (matches.length === 1) return { kind: 'one', parameter: matches[0] as CompiledParameter };
  const own = matches.filter((p) => !p.isCommon);
  if (own.length === 1) return { kind: 'one', parameter: own[0] as CompiledParameter };
  return { kind: 'ambiguous', matches };
}

/** The parameter a written name (without its dash) designates. Memoized per command. */
export function matchParameterName(command: CompiledCommand, name: string): NameMatch {
  const lower = name.toLowerCase();
  let match = command.nameCache.get(lower) as NameMatch | undefined;
  if (!match) {
    match = lookUp(command, lower);
    command.nameCache.set(lower, match);
  }
  return match;
}
