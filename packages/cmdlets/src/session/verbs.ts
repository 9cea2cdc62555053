/**
 * PowerShell's approved verbs, which every compiled cmdlet's name must start with. The list lives
 * in core, shared with the plugin SDK; this file adds the standard cmdlets that predate it.
 */

export { approvedVerb, approvedVerbs, type ApprovedVerb, type VerbGroup } from '@dpmsh/core';

/**
 * PowerShell's own cmdlets whose verbs are not approved. They keep their names (scripts use them
 * everywhere); no other command may use these verbs.
 */
const STANDARD_EXCEPTIONS = new Set(['foreach-object', 'where-object', 'sort-object', 'tee-object']);

/** True for one of PowerShell's standard cmdlet names that predate the approved verbs. */
export function isStandardVerbException(name: string): boolean {
  return STANDARD_EXCEPTIONS.has(name.toLowerCase());
}
