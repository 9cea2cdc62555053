/** Join-Path: joins a path and child paths. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';

const all = ALL_PARAMETER_SETS;

/** Join-Path. */
export const joinPath = defineCmdlet<{ Path: string[]; ChildPath: string; AdditionalChildPath?: string[] }>({
  name: 'Join-Path',
  parameters: [
    { name: 'Path', type: 'string[]', aliases: ['PSPath'], sets: { [all]: { mandatory: true, position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } }, description: 'The parent paths.' },
    { name: 'ChildPath', type: 'string', sets: { [all]: { mandatory: true, position: 1, valueFromPipelineByPropertyName: true } }, allowEmptyString: true, description: 'The path to append.' },
    { name: 'AdditionalChildPath', type: 'string[]', sets: { [all]: { position: 2, valueFromRemainingArguments: true } }, description: 'More paths to append, in order.' },
  ],
  outputType: ['System.String'],
  help: {
    synopsis: 'Combines a path and a child path into a single path.',
    description: 'Joins paths with one separator between them; the paths need not exist.',
    examples: [{ title: 'Join three parts', code: "Join-Path /srv backup 'vault.db'", output: '/srv/backup/vault.db' }],
  },
  async process(ctx) {
    for (const parent of ctx.params.Path) {
      const parts = [ctx.params.ChildPath, ...(ctx.params.AdditionalChildPath ?? [])].map((p) => p.replace(/\\/g, '/'));
      let result = parent.replace(/\\/g, '/');
      for (const part of parts) result = part === '' ? result : result.endsWith('/') ? result + part.replace(/^\/+/, '') : `${result}/${part.replace(/^\/+/, '')}`;
      await ctx.write(result);
    }
  },
});
