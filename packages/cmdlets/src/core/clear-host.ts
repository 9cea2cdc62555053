/** Clear-Host: clears the terminal. */
import { defineCmdlet } from '../session/cmdlet.js';

/** Clear-Host. */
export const clearHost = defineCmdlet<Record<string, never>>({
  name: 'Clear-Host',
  parameters: [],
  // A script function in pwsh: its errors say ",Clear-Host".
  implementingType: '',
  help: {
    synopsis: 'Clears the display in the host program.',
    description: 'Clears the terminal screen and scroll-back. When the output is not a terminal (a pipe or a file) it writes nothing.',
    examples: [{ title: 'Clear the screen', code: 'Clear-Host', output: '' }],
  },
  process(ctx) {
    ctx.session.host.clear();
  },
});
