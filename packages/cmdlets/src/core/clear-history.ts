/** Clear-History: deletes entries from the command history. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { historyStore } from './history.js';

/** Clear-History. */
export const clearHistory = defineCmdlet<{ Id?: number[]; Count?: number }>({
  name: 'Clear-History',
  supportsShouldProcess: true,
  parameters: [
    { name: 'Id', type: 'int[]', sets: { [ALL_PARAMETER_SETS]: { position: 0 } }, description: 'The ids of the entries to delete.' },
    { name: 'Count', type: 'int', sets: { [ALL_PARAMETER_SETS]: { position: 1 } }, description: 'How many of the most recent entries to delete.' },
  ],
  help: {
    synopsis: 'Deletes entries from the PowerShell session command history.',
    description: 'Deletes all history entries, the entries with the given ids, or the -Count most recent ones. Ids are never reused.',
    examples: [{ title: 'Clear the history', code: 'Clear-History\n(Get-History).Count', output: '0' }],
  },
  async process(ctx) {
    const history = historyStore(ctx.session);
    if (!(await ctx.shouldProcess('History', 'Clear-History'))) return;
    if (ctx.params.Id) history.entries = history.entries.filter((e) => !ctx.params.Id?.includes(e.id));
    else if (ctx.params.Count !== undefined) history.entries = history.entries.slice(0, Math.max(0, history.entries.length - ctx.params.Count));
    else history.entries = [];
  },
});
