/** Aliases as Get-Alias outputs them, with the descriptions and options Set-Alias and New-Alias record. */
import { commandInfoObject } from '../help/command-info.js';
import { PSEnumValue, type PSObject } from '@dpmsh/runtime';
import type { AliasInfo } from '../session/registry.js';
import type { Scope, VariableOptions } from '@dpmsh/runtime';
import type { Session } from '../session/session.js';
import { scopedItemOptions } from './scoped-item-options.js';
import { scopeChain } from './scope-argument.js';

const SMA = 'System.Management.Automation';

/** What Set-Alias and New-Alias record besides the definition. */
export interface AliasDetails {
  readonly description: string;
  readonly options: VariableOptions;
}

/** Descriptions and options of aliases set in a scope, by lower-case name. */
export const aliasDetails = new WeakMap<Scope, Map<string, AliasDetails>>();

/** The details of an alias seen from a scope: its scope's record, or AllScope for built-in ones. */
export function detailsOf(name: string, scope: Scope): AliasDetails {
  const key = name.toLowerCase();
  for (const s of scopeChain(scope)) {
    if (s.aliases.has(key)) return aliasDetails.get(s)?.get(key) ?? { description: '', options: {} };
  }
  return { description: '', options: { allScope: true } };
}

/** An alias as Get-Alias outputs it: Get-Command's AliasInfo plus its Description and Options. */
export function aliasObject(alias: AliasInfo, session: Session, scope: Scope): PSObject {
  const o = commandInfoObject(alias, session, scope);
  const details = detailsOf(alias.name, scope);
  o.addNote('Description', details.description);
  o.addNote('Options', scopedItemOptions(details.options));
  o.addNote('Visibility', new PSEnumValue(`${SMA}.SessionStateEntryVisibility`, 'Public', 0));
  return o;
}
