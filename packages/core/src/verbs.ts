/**
 * PowerShell's approved verbs (Get-Verb), by group. Every command's name starts with one, so
 * compiled cmdlets and plugin cmdlets alike read the way admins expect and Import-Module has
 * nothing to warn about.
 */

/** The groups Get-Verb reports. */
export type VerbGroup = 'Common' | 'Communications' | 'Data' | 'Diagnostic' | 'Lifecycle' | 'Security' | 'Other';

/** One approved verb. */
export interface ApprovedVerb {
  readonly verb: string;
  readonly group: VerbGroup;
}

const BY_GROUP: Readonly<Record<VerbGroup, readonly string[]>> = {
  Common: [
    'Add', 'Clear', 'Close', 'Copy', 'Enter', 'Exit', 'Find', 'Format', 'Get', 'Hide', 'Join', 'Lock', 'Move', 'New', 'Open',
    'Optimize', 'Pop', 'Push', 'Redo', 'Remove', 'Rename', 'Reset', 'Resize', 'Search', 'Select', 'Set', 'Show', 'Skip',
    'Split', 'Step', 'Switch', 'Undo', 'Unlock', 'Watch',
  ],
  Communications: ['Connect', 'Disconnect', 'Read', 'Receive', 'Send', 'Write'],
  Data: [
    'Backup', 'Checkpoint', 'Compare', 'Compress', 'Convert', 'ConvertFrom', 'ConvertTo', 'Dismount', 'Edit', 'Expand',
    'Export', 'Group', 'Import', 'Initialize', 'Limit', 'Merge', 'Mount', 'Out', 'Publish', 'Restore', 'Save', 'Sync',
    'Unpublish', 'Update',
  ],
  Diagnostic: ['Debug', 'Measure', 'Ping', 'Repair', 'Resolve', 'Test', 'Trace'],
  Lifecycle: [
    'Approve', 'Assert', 'Build', 'Complete', 'Confirm', 'Deny', 'Deploy', 'Disable', 'Enable', 'Install', 'Invoke',
    'Register', 'Request', 'Restart', 'Resume', 'Start', 'Stop', 'Submit', 'Suspend', 'Uninstall', 'Unregister', 'Wait',
  ],
  Security: ['Block', 'Grant', 'Protect', 'Revoke', 'Unblock', 'Unprotect'],
  Other: ['Use'],
};

const VERBS = new Map<string, ApprovedVerb>();
for (const [group, verbs] of Object.entries(BY_GROUP) as [VerbGroup, readonly string[]][]) {
  for (const verb of verbs) VERBS.set(verb.toLowerCase(), { verb, group });
}

/** Every approved verb, grouped as Get-Verb lists them. */
export function approvedVerbs(): readonly ApprovedVerb[] {
  return [...VERBS.values()];
}

/** The approved verb a word names (case-insensitively), or undefined when it is not approved. */
export function approvedVerb(word: string): ApprovedVerb | undefined {
  return VERBS.get(word.toLowerCase());
}
