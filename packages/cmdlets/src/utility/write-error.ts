/** Write-Error: writes a non-terminating error record. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { ParameterMetadata } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import type { CmdletContext } from '../session/cmdlet.js';
import { ErrorRecord, PSException, dotNetToString } from '@dpmsh/runtime';
import type { ErrorCategory, InvocationInfo , PSEnumValue } from '@dpmsh/runtime';
import { enumName } from './write-parameters.js';

const all = ALL_PARAMETER_SETS;

interface WriteErrorParameters {
  Exception?: unknown;
  Message?: string | null;
  ErrorRecord?: ErrorRecord;
  Category?: PSEnumValue;
  ErrorId?: string;
  TargetObject?: unknown;
  RecommendedAction?: string;
  CategoryActivity?: string;
  CategoryReason?: string;
  CategoryTargetName?: string;
  CategoryTargetType?: string;
}

const WRITE_ERROR_EXCEPTION = 'Microsoft.PowerShell.Commands.WriteErrorException';
const errorSets = { NoException: {}, WithException: {} };
const categoryParameters: readonly ParameterMetadata[] = [
  { name: 'Category', type: 'System.Management.Automation.ErrorCategory', sets: errorSets, defaultValueText: 'NotSpecified', description: 'The category of the error.' },
  { name: 'ErrorId', type: 'string', sets: errorSets, description: 'The error id, shown in FullyQualifiedErrorId.' },
  { name: 'TargetObject', type: 'object', sets: errorSets, description: 'The object being processed when the error occurred.' },
  { name: 'RecommendedAction', type: 'string', sets: { [all]: {} }, description: 'What the user should do, shown under the error.' },
  { name: 'CategoryActivity', type: 'string', aliases: ['Activity'], sets: { [all]: {} }, description: 'The activity of the category information (the command name by default).' },
  { name: 'CategoryReason', type: 'string', aliases: ['Reason'], sets: { [all]: {} }, description: 'The reason of the category information (the exception type by default).' },
  { name: 'CategoryTargetName', type: 'string', aliases: ['TargetName'], sets: { [all]: {} }, description: 'The target name of the category information.' },
  { name: 'CategoryTargetType', type: 'string', aliases: ['TargetType'], sets: { [all]: {} }, description: 'The target type of the category information.' },
];

/** The exception -Exception names, as an exception of its .NET type. */
function asException(value: unknown): PSException {
  if (value instanceof PSException) return value;
  if (value instanceof Error) return new PSException(value.message, { typeName: 'System.Exception', inner: value });
  return new PSException(dotNetToString(value), { typeName: 'System.Exception' });
}

/** The record Write-Error writes, before it gets its invocation. */
function writeErrorRecord(p: WriteErrorParameters): ErrorRecord {
  const category = (enumName(p.Category) ?? 'NotSpecified') as ErrorCategory;
  if (p.ErrorRecord) {
    const source = p.ErrorRecord;
    return new ErrorRecord({
      exception: source.exception,
      errorId: source.errorId,
      category: source.category,
      targetObject: source.targetObject,
      recommendedAction: p.RecommendedAction || source.recommendedAction,
      detailsMessage: source.detailsMessage,
      categoryInfo: source.categoryInfoOverrides,
    });
  }
  const message = p.Message ?? '';
  const exception = p.Exception !== undefined && p.Exception !== null ? asException(p.Exception) : new PSException(message, { typeName: WRITE_ERROR_EXCEPTION });
  return new ErrorRecord({
    exception,
    errorId: p.ErrorId || (p.Exception ? exception.typeName : WRITE_ERROR_EXCEPTION),
    category,
    targetObject: p.TargetObject,
    recommendedAction: p.RecommendedAction || undefined,
    detailsMessage: p.Exception && message !== '' ? message : undefined,
  });
}

/**
 * Where a Write-Error record says it came from: inside a function or script, that command's
 * invocation (`f: message`); at the top level, Write-Error itself without a command name, so the
 * error id stays bare as in PowerShell.
 */
function writeErrorInvocation(ctx: CmdletContext<unknown>): InvocationInfo {
  if (ctx.callerInvocation?.commandName) return ctx.callerInvocation;
  const own = ctx.invocation;
  return { commandName: undefined, invocationName: own.invocationName ?? own.commandName, scriptName: own.scriptName, extent: own.extent };
}

/** Write-Error. */
export const writeError = defineCmdlet<WriteErrorParameters>({
  name: 'Write-Error',
  defaultParameterSet: 'NoException',
  parameters: [
    { name: 'Exception', type: 'System.Exception', sets: { WithException: { mandatory: true } }, description: 'The exception of the error.' },
    {
      name: 'Message',
      type: 'string',
      aliases: ['Msg'],
      sets: { NoException: { mandatory: true, position: 0, valueFromPipeline: true }, WithException: {} },
      allowNull: true,
      allowEmptyString: true,
      description: 'The text of the error.',
    },
    { name: 'ErrorRecord', type: 'System.Management.Automation.ErrorRecord', sets: { ErrorRecord: { mandatory: true } }, description: 'An error record to write again.' },
    ...categoryParameters,
  ],
  help: {
    synopsis: 'Writes an object to the error stream.',
    description:
      'Writes a non-terminating error: it is shown in the error view and kept in $Error, and the script goes on. Inside a function the error is reported as the function\'s. -ErrorAction Stop makes it terminating.',
    examples: [
      { title: 'Write an error and read its id', code: 'Write-Error "Disk full" -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId', output: 'Microsoft.PowerShell.Commands.WriteErrorException' },
      { title: 'Give an error id and category', code: 'Write-Error "No such vault" -ErrorId VaultNotFound -Category ObjectNotFound -ErrorAction SilentlyContinue; $Error[0].CategoryInfo.Category', output: 'ObjectNotFound' },
    ],
  },
  process(ctx) {
    const record = writeErrorRecord(ctx.params);
    const overrides = {
      ...(record.categoryInfoOverrides ?? {}),
      activity: ctx.params.CategoryActivity || record.categoryInfoOverrides?.activity || (ctx.callerInvocation?.commandName ? undefined : 'Write-Error'),
      reason: ctx.params.CategoryReason || record.categoryInfoOverrides?.reason,
      targetName: ctx.params.CategoryTargetName || record.categoryInfoOverrides?.targetName,
      targetType: ctx.params.CategoryTargetType || record.categoryInfoOverrides?.targetType,
    };
    record.categoryInfoOverrides = overrides;
    record.invocationInfo = writeErrorInvocation(ctx);
    ctx.writeError(record);
  },
});
