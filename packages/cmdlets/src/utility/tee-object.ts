/** Tee-Object: passes objects on and also saves them in a variable or a file. */
import { appendFileSync, writeFileSync } from 'node:fs';
import { outString } from '../formatting/text-output.js';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { setVariable } from '../pipeline/error-actions.js';
import type { PSSwitch } from '@dpmsh/runtime';
import { defineCmdlet, type CmdletContext } from '../session/cmdlet.js';
import { errorRecord, isSwitchOn } from '@dpmsh/runtime';

const all = ALL_PARAMETER_SETS;

interface TeeParameters {
  InputObject?: unknown;
  FilePath?: string;
  LiteralPath?: string;
  Append?: PSSwitch;
  Variable?: string;
}

const saved = new WeakMap<object, unknown[]>();

function savedOf(ctx: CmdletContext<TeeParameters>): unknown[] {
  const items = saved.get(ctx);
  if (!items) throw new Error('bug: Tee-Object state missing');
  return items;
}

function fileError(path: string, error: unknown): ReturnType<typeof errorRecord> {
  const code = (error as { code?: string }).code;
  const message = code === 'ENOENT' ? `Could not find a part of the path '${path}'.` : code === 'EACCES' || code === 'EPERM' || code === 'EISDIR' ? `Access to the path '${path}' is denied.` : (error as Error).message;
  return errorRecord(message, 'FileOpenFailure', 'OpenError', { typeName: 'System.IO.IOException', targetObject: path });
}

/** Tee-Object. */
export const teeObject = defineCmdlet<TeeParameters>({
  name: 'Tee-Object',
  defaultParameterSet: 'File',
  parameters: [
    { name: 'InputObject', type: 'psobject', sets: { [all]: { valueFromPipeline: true } }, description: 'The objects to save and pass on.' },
    { name: 'FilePath', type: 'string', aliases: ['Path'], sets: { File: { mandatory: true, position: 0 } }, description: 'The file the objects are written to, formatted as the console shows them.' },
    { name: 'LiteralPath', type: 'string', aliases: ['PSPath', 'LP'], sets: { LiteralFile: { mandatory: true } }, description: 'The file, its name taken literally.' },
    { name: 'Append', type: 'switch', sets: { File: {}, LiteralFile: {} }, description: 'Adds to the end of the file instead of replacing it.' },
    { name: 'Variable', type: 'string', sets: { Variable: { mandatory: true } }, description: 'The variable (name without $) that receives the objects.' },
  ],
  outputType: ['System.Management.Automation.PSObject'],
  help: {
    synopsis: 'Saves command output in a file or variable and also sends it down the pipeline.',
    description: 'Writes each input object down the pipeline and also stores it: in a variable of the calling scope (-Variable) or in a file (-FilePath), formatted as text as Out-File writes it.',
    examples: [{ title: 'Keep a copy in a variable', code: '$null = 1..3 | Tee-Object -Variable saved; $saved', output: '1\n2\n3' }],
  },
  begin(ctx) {
    saved.set(ctx, []);
    const path = ctx.params.FilePath ?? ctx.params.LiteralPath;
    if (path === undefined) return;
    const full = ctx.session.resolvePath(path);
    try {
      if (isSwitchOn(ctx.params.Append)) appendFileSync(full, '');
      else writeFileSync(full, '');
    } catch (error) {
      ctx.throwTerminating(fileError(full, error));
    }
  },
  async process(ctx) {
    if (!ctx.boundParameters.has('InputObject') && ctx.input === undefined) return;
    savedOf(ctx).push(ctx.params.InputObject);
    await ctx.write(ctx.params.InputObject);
  },
  async end(ctx) {
    const items = savedOf(ctx);
    if (ctx.params.Variable !== undefined) {
      setVariable(ctx.scope, ctx.params.Variable, items);
      return;
    }
    const path = ctx.params.FilePath ?? ctx.params.LiteralPath;
    if (path === undefined || items.length === 0) return;
    const full = ctx.session.resolvePath(path);
    const text = await outString(items, { hostWidth: ctx.session.host.width, tables: ctx.session });
    try {
      appendFileSync(full, text.endsWith('\n') || text === '' ? text : `${text}\n`, 'utf8');
    } catch (error) {
      ctx.throwTerminating(fileError(full, error));
    }
  },
});
