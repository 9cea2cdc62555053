/** Split-Path: one part of a path. */
import { basename, dirname, extname, isAbsolute } from 'node:path';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';

const all = ALL_PARAMETER_SETS;

/** Split-Path. */
export const splitPath = defineCmdlet<{ Path: string[]; Leaf?: boolean; Parent?: boolean; LeafBase?: boolean; Extension?: boolean; IsAbsolute?: boolean }>({
  name: 'Split-Path',
  defaultParameterSet: 'ParentSet',
  parameters: [
    { name: 'Path', type: 'string[]', sets: { [all]: { mandatory: true, position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } }, description: 'The paths to split.' },
    { name: 'Parent', type: 'switch', sets: { ParentSet: {} }, description: 'Returns the parent folder (the default).' },
    { name: 'Leaf', type: 'switch', sets: { LeafSet: { mandatory: true } }, description: 'Returns the last element.' },
    { name: 'LeafBase', type: 'switch', sets: { LeafBaseSet: { mandatory: true } }, description: 'Returns the last element without its extension.' },
    { name: 'Extension', type: 'switch', sets: { ExtensionSet: { mandatory: true } }, description: "Returns the last element's extension." },
    { name: 'IsAbsolute', type: 'switch', sets: { IsAbsoluteSet: { mandatory: true } }, description: 'Returns whether the path is absolute.' },
  ],
  outputType: ['System.String', 'System.Boolean'],
  help: {
    synopsis: 'Returns the specified part of a path.',
    description: 'Gets the parent folder, the leaf, its base name or extension, or whether a path is absolute.',
    examples: [
      { title: 'The leaf', code: 'Split-Path -Leaf /srv/backup/vault.db', output: 'vault.db' },
      { title: 'The parent', code: 'Split-Path /srv/backup/vault.db', output: '/srv/backup' },
    ],
  },
  async process(ctx) {
    for (const raw of ctx.params.Path) {
      const path = raw.replace(/\\/g, '/');
      switch (ctx.parameterSetName) {
        case 'LeafSet':
          await ctx.write(basename(path));
          break;
        case 'LeafBaseSet':
          await ctx.write(basename(path, extname(path)));
          break;
        case 'ExtensionSet':
          await ctx.write(extname(path));
          break;
        case 'IsAbsoluteSet':
          await ctx.write(isAbsolute(path));
          break;
        default: {
          const parent = dirname(path);
          await ctx.write(parent === '.' && !path.startsWith('.') ? '' : parent);
        }
      }
    }
  },
});
