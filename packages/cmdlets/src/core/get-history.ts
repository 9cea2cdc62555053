/** Get-History: the command lines run in this session. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { errorRecord } from '@dpmsh/runtime';
import { historyEntries, historyObject } from './history.js';

/** Get-History. */
export const getHistory = defineCmdlet<{ Id?: number[]; Count?: number }>({
  name: 'Get-History',
  parameters: [
    { name: 'Id', type: 'long[]', sets: { [ALL_PARAMETER_SETS]: { position: 0, valueFromPipeline: true } }, validation: [{ kind: 'range', min: 1, max: Number.MAX_SAFE_INTEGER }], description: 'The ids of the entries to get.' },
    { name: 'Count', type: 'int', sets: { [ALL_PARAMETER_SETS]: { position: 1 } }, validation: [{ kind: 'range', min: 0, max: 32767 }], description: 'How many of the most recent entries to get.' },
  ],
  outputType: ['Microsoft.PowerShell.Commands.HistoryInfo'],
  help: {
    synopsis: 'Gets a list of the commands entered during the current session.',
    description: 'Gets the command lines run at the interactive prompt in this session, oldest first, with their ids, status and timing. -Count limits the output to the most recent entries; -Id picks entries.',
    examples: [
      { title: 'The last five commands', code: 'Get-History -Count 5', outputUnchecked: 'It lists the command lines typed at the interactive prompt, which differ from session to session; a script adds none.' },
      { title: 'An id the history does not hold', code: 'Get-History -Id 4096', output: 'Get-History: Cannot locate history for Id 4096.' },
    ],
  },
  async process(ctx) {
    const entries = historyEntries(ctx.session);
    if (ctx.params.Id) {
      for (const id of ctx.params.Id) {
        const found = entries.find((e) => e.id === Number(id));
        if (found) await ctx.write(historyObject(found));
        else ctx.writeError(errorRecord(`Cannot locate history for Id ${id}.`, 'GetHistoryObjectNotFound', 'ObjectNotFound', { typeName: 'System.ArgumentException', targetObject: id }));
      }
      return;
    }
    const count = ctx.params.Count ?? entries.length;
    for (const entry of entries.slice(Math.max(0, entries.length - count))) await ctx.write(historyObject(entry));
  },
});
