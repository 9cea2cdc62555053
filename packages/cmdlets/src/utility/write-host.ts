/** Write-Host: shows objects on the host through the information stream. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { HOST_TAG, HostInformationMessage, dotNetToString, enumerableItems, isSwitchOn } from '@dpmsh/runtime';
import type { PSSwitch , PSEnumValue} from '@dpmsh/runtime';
import { enumName } from './write-parameters.js';

const all = ALL_PARAMETER_SETS;

interface WriteHostParameters {
  Object?: unknown;
  NoNewline?: PSSwitch;
  Separator?: unknown;
  ForegroundColor?: PSEnumValue;
  BackgroundColor?: PSEnumValue;
}

/** Write-Host's text for an object: strings as they are, collections item by item with the separator, the rest by ToString(). */
function hostText(value: unknown, separator: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  const items = enumerableItems(value);
  if (items) return items.map((item) => hostText(item, separator)).join(separator);
  return dotNetToString(value);
}

/** Write-Host. */
export const writeHost = defineCmdlet<WriteHostParameters>({
  name: 'Write-Host',
  parameters: [
    { name: 'Object', type: 'object', sets: { [all]: { position: 0, valueFromPipeline: true, valueFromRemainingArguments: true } }, allowNull: true, description: 'The objects to display; collections show their items separated by -Separator.' },
    { name: 'NoNewline', type: 'switch', sets: { [all]: {} }, description: 'Does not end the output with a newline, so the next output continues the line.' },
    { name: 'Separator', type: 'object', sets: { [all]: {} }, defaultValueText: 'Space', description: 'The text put between the items of a collection.' },
    { name: 'ForegroundColor', type: 'System.ConsoleColor', sets: { [all]: {} }, description: 'The colour of the text.' },
    { name: 'BackgroundColor', type: 'System.ConsoleColor', sets: { [all]: {} }, description: 'The colour behind the text.' },
  ],
  help: {
    synopsis: 'Writes customized output to a host.',
    description:
      'Shows objects on the host, optionally in colour and without a newline. The text goes to the information stream with the PSHOST tag, so it always shows unless -InformationAction says otherwise, and `6>` redirects or captures it.',
    examples: [
      { title: 'Join the items of an array', code: 'Write-Host (1, 2, 3) -Separator ", "', output: '1, 2, 3' },
      { title: 'Write without a newline', code: 'Write-Host "no newline " -NoNewline; Write-Host "here"', output: 'no newline here' },
      { title: 'Capture host output', code: '$r = Write-Host "captured" 6>&1; "[$r]"', output: '[captured]' },
    ],
  },
  process(ctx) {
    const separator = ctx.boundParameters.has('Separator') ? hostText(ctx.params.Separator, ' ') : ' ';
    const text = hostText(ctx.params.Object, separator);
    const message = new HostInformationMessage(text, {
      foregroundColor: enumName(ctx.params.ForegroundColor),
      backgroundColor: enumName(ctx.params.BackgroundColor),
      noNewLine: isSwitchOn(ctx.params.NoNewline),
    });
    ctx.writeInformation(message, [HOST_TAG]);
  },
});
