/** Test-Path: whether a path exists. */
import { existsSync, statSync } from 'node:fs';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';

const all = ALL_PARAMETER_SETS;

/** Test-Path. */
export const testPath = defineCmdlet<{ Path: string[]; PathType?: string; IsValid?: boolean }>({
  name: 'Test-Path',
  parameters: [
    { name: 'Path', type: 'string[]', sets: { [all]: { mandatory: true, position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } }, allowNull: true, allowEmptyString: true, allowEmptyCollection: true, description: 'The paths to test.' },
    { name: 'PathType', type: 'string', aliases: ['Type'], sets: { [all]: {} }, validation: [{ kind: 'set', values: ['Any', 'Container', 'Leaf'] }], defaultValueText: 'Any', description: 'Any, Container (a folder) or Leaf (a file).' },
    { name: 'IsValid', type: 'switch', sets: { [all]: {} }, description: 'Tests only whether the path is well formed.' },
  ],
  outputType: ['System.Boolean'],
  help: {
    synopsis: 'Determines whether all elements of a path exist.',
    description: 'Returns True when the path exists (and is of -PathType), False otherwise.',
    examples: [{ title: 'A folder', code: 'Test-Path / -PathType Container', output: 'True' }],
  },
  async process(ctx) {
    for (const path of ctx.params.Path ?? []) {
      if (!path) {
        await ctx.write(false);
        continue;
      }
      if (ctx.params.IsValid) {
        await ctx.write(!path.includes('\0'));
        continue;
      }
      const full = ctx.session.resolvePath(path);
      if (!existsSync(full)) {
        await ctx.write(false);
        continue;
      }
      const type = (ctx.params.PathType ?? 'Any').toLowerCase();
      const directory = statSync(full).isDirectory();
      await ctx.write(type === 'any' || (type === 'container') === directory);
    }
  },
});
