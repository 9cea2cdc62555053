/** Join-Path, Split-Path and Test-Path. */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute } from 'node:path';
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

