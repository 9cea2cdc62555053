/** Set-Content: replaces the content of files. */
import { defineCmdlet } from '../session/cmdlet.js';
import { gather, writeContent, writeParameters } from './content-writes.js';
import type { WriteParams } from './content-writes.js';

/** Set-Content. */
export const setContent = defineCmdlet<WriteParams>({
  name: 'Set-Content',
  defaultParameterSet: 'Path',
  parameters: writeParameters,
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  outputType: ['System.String'],
  help: {
    synopsis: 'Writes new content or replaces existing content in a file.',
    description:
      'Writes each value as a line (UTF-8 without a byte-order mark by default), replacing what the file held; creates the file when it does not exist. The file is replaced in one step once all input has arrived, so a failing pipeline leaves it unchanged.',
    examples: [
      {
        title: 'Replace the content of a file',
        code: "$d = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) \"sc-example-$PID\") -Force\n$f = Join-Path $d notes.txt\nSet-Content $f 'first'\n'second', 'third' | Set-Content $f\nGet-Content $f\nRemove-Item $d -Recurse",
        output: 'second\nthird',
      },
    ],
  },
  process(ctx) {
    gather(ctx);
  },
  async end(ctx) {
    await writeContent(ctx, 'set');
  },
});
