/**
 * PowerShell's approved verbs (Get-Verb in PowerShell 7), so a plugin's cmdlets read like every
 * other cmdlet and Import-Module-style tooling never warns about them.
 */
const VERBS = [
  // common
  'Add', 'Clear', 'Close', 'Copy', 'Enter', 'Exit', 'Find', 'Format', 'Get', 'Hide', 'Join', 'Lock', 'Move', 'New', 'Open',
  'Optimize', 'Pop', 'Push', 'Redo', 'Remove', 'Rename', 'Reset', 'Resize', 'Search', 'Select', 'Set', 'Show', 'Skip',
  'Split', 'Step', 'Switch', 'Undo', 'Unlock', 'Watch',
  // communications
  'Connect', 'Disconnect', 'Read', 'Receive', 'Send', 'Write',
  // data
  'Backup', 'Checkpoint', 'Compare', 'Compress', 'Convert', 'ConvertFrom', 'ConvertTo', 'Dismount', 'Edit', 'Expand',
  'Export', 'Group', 'Import', 'Initialize', 'Limit', 'Merge', 'Mount', 'Out', 'Publish', 'Restore', 'Save', 'Sync',
  'Unpublish', 'Update',
  // diagnostic
  'Debug', 'Measure', 'Ping', 'Repair', 'Resolve', 'Test', 'Trace',
  // lifecycle
  'Approve', 'Assert', 'Build', 'Complete', 'Confirm', 'Deny', 'Deploy', 'Disable', 'Enable', 'Install', 'Invoke',
  'Register', 'Request', 'Restart', 'Resume', 'Start', 'Stop', 'Submit', 'Suspend', 'Uninstall', 'Unregister', 'Wait',
  // other
  'Use',
  // security
  'Block', 'Grant', 'Protect', 'Revoke', 'Unblock', 'Unprotect',
] as const;

/** PowerShell's approved verbs, in their canonical casing. */
export const APPROVED_VERBS: readonly string[] = Object.freeze([...VERBS]);

const BY_LOWER = new Map(VERBS.map((verb) => [verb.toLowerCase(), verb]));

/** The approved verb `verb` names, in canonical casing (verbs are case-insensitive), or undefined. */
export function approvedVerb(verb: string): string | undefined {
  return BY_LOWER.get(verb.toLowerCase());
}
