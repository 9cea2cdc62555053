/** What the content cmdlets (Get-, Set-, Add- and Clear-Content) share: their path and -Encoding parameters, and the error for a folder given where a file is needed. */
import type { ErrorRecord } from '@dpmsh/runtime';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { ParameterMetadata } from '../metadata/command.js';
import { errorRecord } from '@dpmsh/runtime';
import { ENCODING_NAMES } from '../files/text-encoding.js';

const all = ALL_PARAMETER_SETS;

/** -Path (wildcards) and -LiteralPath, each in its own set. */
export const pathParameters: readonly ParameterMetadata[] = [
  { name: 'Path', type: 'string[]', sets: { Path: { mandatory: true, position: 0, valueFromPipelineByPropertyName: true } }, description: 'The files, wildcards allowed.' },
  { name: 'LiteralPath', type: 'string[]', aliases: ['PSPath', 'LP'], sets: { LiteralPath: { mandatory: true, valueFromPipelineByPropertyName: true } }, description: 'The files, taken exactly as written.' },
];

/** -Encoding, as every content cmdlet that reads or writes text takes it. */
export const encodingParameter: ParameterMetadata = {
  name: 'Encoding',
  type: 'object',
  sets: { [all]: {} },
  defaultValueText: 'utf8NoBOM',
  description: `The text encoding: ${ENCODING_NAMES.join(', ')}, or a .NET encoding name or code page.`,
};

/** The error for a directory given where a file is needed. */
export function isDirectoryError(path: string, verb: 'get' | 'set' | 'clear'): ErrorRecord {
  const id = verb === 'get' ? 'GetContentReaderUnauthorizedAccessError' : verb === 'set' ? 'GetContentWriterUnauthorizedAccessError' : 'ClearContentUnauthorizedAccessError';
  const message = verb === 'get' ? `Unable to get content because it is a directory: '${path}'. Please use 'Get-ChildItem' instead.` : `Access to the path '${path}' is denied.`;
  return errorRecord(message, id, 'PermissionDenied', { typeName: 'System.UnauthorizedAccessException', targetObject: path });
}
