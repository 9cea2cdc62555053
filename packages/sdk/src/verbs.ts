/**
 * PowerShell's approved verbs (Get-Verb in PowerShell 7), so a plugin's cmdlets read like every
 * other cmdlet and Import-Module-style tooling never warns about them. The list lives in core,
 * where the shell's own cmdlets take it from too; the contract gives it as plain verb names.
 */
import { approvedVerb as approvedVerbOf, approvedVerbs } from '@dpmsh/core';

/** PowerShell's approved verbs, in their canonical casing. */
export const APPROVED_VERBS: readonly string[] = Object.freeze(approvedVerbs().map((approved) => approved.verb));

/** The approved verb `verb` names, in canonical casing (verbs are case-insensitive), or undefined. */
export function approvedVerb(verb: string): string | undefined {
  return approvedVerbOf(verb)?.verb;
}
