/** What the Write-* cmdlets share: reading an enum argument and the -Message parameter of the message streams. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { ParameterMetadata } from '../metadata/command.js';
import { PSEnumValue } from '@dpmsh/runtime';

const all = ALL_PARAMETER_SETS;

/** The name an enum argument (a colour, an error category) gives, or undefined when it is absent or empty. */
export function enumName(value: unknown): string | undefined {
  if (value instanceof PSEnumValue) return value.name;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The mandatory, positional -Message parameter of Write-Warning, Write-Verbose and Write-Debug. */
export function messageParameter(description: string): ParameterMetadata {
  return { name: 'Message', type: 'string', aliases: ['Msg'], sets: { [all]: { mandatory: true, position: 0, valueFromPipeline: true } }, allowEmptyString: true, description };
}
