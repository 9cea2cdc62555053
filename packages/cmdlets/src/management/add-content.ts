/** Add-Content: appends lines to files. */
import { defineCmdlet } from '../session/cmdlet.js';
import { gather, writeContent, writeParameters } from './content-writes.js';
import type { WriteParams } from './content-writes.js';

/** Add-Content. */
export const addContent = defineCmdlet<WriteParams>({
  name: 'Add-Content',
  defaultParameterSet: 'Path',
  parameters: writeParameters,
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  outputType: ['System.String'],
  help: {
    synopsis: 'Adds content to the specified items, such as adding words to a file.',
    description: 'Appends each value as a line to the file, creating it when it does not exist. The lines are appended in one write once all input has arrived.',
    examples: [
      {
        title: 'Append lines to a file',
        code: "$d = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) \"ac-example-$PID\") -Force\n$f = Join-Path $d log.txt\nAdd-Content $f 'started'\nAdd-Content $f 'done'\nGet-Content $f\nRemove-Item $d -Recurse",
        output: 'started\ndone',
      },
    ],
  },
  process(ctx) {
    gather(ctx);
  },
  async end(ctx) {
    await writeContent(ctx, 'add');
  },
});
