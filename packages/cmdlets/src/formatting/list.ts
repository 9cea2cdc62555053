/**
 * PowerShell's list layout (ListWriter): `Label : value`, labels padded to the longest one,
 * values wrapped to the screen and continuation lines indented under the first.
 */
import { cellLength, fitFromStart, spaces } from './cells.js';
import { splitLines, wrapText } from './lines.js';

const SEPARATOR = ' : ';
const MINIMUM_LABEL_WIDTH = 1;
const MINIMUM_FIELD_WIDTH = 1;

/** The lines of one object in a list: one `label : value` entry per property. */
export function listEntryLines(labels: readonly string[], values: readonly string[], screenWidth: number): string[] {
  if (labels.length === 0 || screenWidth - SEPARATOR.length - MINIMUM_FIELD_WIDTH - MINIMUM_LABEL_WIDTH < 0) return [];
  const maxLabel = screenWidth - SEPARATOR.length - MINIMUM_FIELD_WIDTH;
  const lengths = labels.map(cellLength);
  const labelWidth = Math.min(Math.max(...lengths), maxLabel);
  const padded = labels.map((label, k) => {
    if (lengths[k] < labelWidth) return label + spaces(labelWidth - lengths[k]);
    if (lengths[k] > labelWidth) return label.slice(0, fitFromStart(label, labelWidth));
    return label;
  });
  const indent = labelWidth + SEPARATOR.length;
  const fieldWidth = screenWidth - indent;
  const out: string[] = [];
  labels.forEach((_, k) => {
    splitLines(values[k] ?? '').forEach((line, i) => {
      const prefix = i === 0 ? padded[k] + SEPARATOR : spaces(indent);
      wrapText(line, fieldWidth, fieldWidth).forEach((piece, j) => out.push((j === 0 ? prefix : spaces(indent)) + piece));
    });
  });
  return out;
}
