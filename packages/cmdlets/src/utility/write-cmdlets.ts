/**
 * The stream-writing cmdlets: Write-Host, Write-Error, Write-Warning, Write-Verbose, Write-Debug,
 * Write-Information and Write-Progress. Each only hands a record to its command runtime; the
 * preferences, redirections and the host decide whether and where it shows.
 */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { ParameterMetadata } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import type { CmdletContext } from '../session/cmdlet.js';
import { HOST_TAG, HostInformationMessage, ErrorRecord, PSException, dotNetToString, enumerableItems, PSEnumValue, isSwitchOn } from '@dpmsh/runtime';
import type { ErrorCategory, InvocationInfo , PSSwitch} from '@dpmsh/runtime';

const all = ALL_PARAMETER_SETS;

function enumName(value: unknown): string | undefined {
  if (value instanceof PSEnumValue) return value.name;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

// ---- Write-Host ---------------------------------------------------------------------------------

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

// ---- Write-Error --------------------------------------------------------------------------------

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

// ---- Write-Warning, Write-Verbose, Write-Debug ----------------------------------------------------

function messageParameter(description: string): ParameterMetadata {
  return { name: 'Message', type: 'string', aliases: ['Msg'], sets: { [all]: { mandatory: true, position: 0, valueFromPipeline: true } }, allowEmptyString: true, description };
}

/** Write-Warning. */
export const writeWarning = defineCmdlet<{ Message: string }>({
  name: 'Write-Warning',
  parameters: [messageParameter('The text of the warning.')],
  help: {
    synopsis: 'Writes a warning message.',
    description: 'Writes to the warning stream, shown as "WARNING: message" unless $WarningPreference or -WarningAction hides it; -WarningVariable collects it.',
    examples: [{ title: 'Write a warning', code: 'Write-Warning "The vault credentials expire in 2 days."', output: 'WARNING: The vault credentials expire in 2 days.' }],
  },
  process(ctx) {
    ctx.writeWarning(ctx.params.Message ?? '');
  },
});

/** Write-Verbose. */
export const writeVerbose = defineCmdlet<{ Message: string }>({
  name: 'Write-Verbose',
  parameters: [messageParameter('The text of the verbose message.')],
  help: {
    synopsis: 'Writes text to the verbose message stream.',
    description: 'Writes to the verbose stream, shown as "VERBOSE: message" only with -Verbose or when $VerbosePreference is Continue.',
    examples: [
      { title: 'Shown with -Verbose', code: 'Write-Verbose "Connecting to the vault" -Verbose', output: 'VERBOSE: Connecting to the vault' },
      { title: 'Hidden by default', code: 'Write-Verbose "not shown"; "done"', output: 'done' },
    ],
  },
  process(ctx) {
    ctx.writeVerbose(ctx.params.Message ?? '');
  },
});

/** Write-Debug. */
export const writeDebug = defineCmdlet<{ Message: string }>({
  name: 'Write-Debug',
  parameters: [messageParameter('The text of the debug message.')],
  help: {
    synopsis: 'Writes a debug message to the console.',
    description: 'Writes to the debug stream, shown as "DEBUG: message" only with -Debug or when $DebugPreference is Continue.',
    examples: [{ title: 'Shown when the preference is Continue', code: '$DebugPreference = "Continue"; Write-Debug "chunk size 4096"', output: 'DEBUG: chunk size 4096' }],
  },
  process(ctx) {
    ctx.writeDebug(ctx.params.Message ?? '');
  },
});

// ---- Write-Information --------------------------------------------------------------------------

/** Write-Information. */
export const writeInformation = defineCmdlet<{ MessageData: unknown; Tags?: string[] }>({
  name: 'Write-Information',
  parameters: [
    { name: 'MessageData', type: 'object', aliases: ['Msg', 'Message'], sets: { [all]: { mandatory: true, position: 0 } }, description: 'The object to write to the information stream.' },
    { name: 'Tags', type: 'string[]', sets: { [all]: { position: 1 } }, description: 'Tags to filter the records by later.' },
  ],
  help: {
    synopsis: 'Specifies how PowerShell handles information stream data for a command.',
    description: 'Writes an object to the information stream. It shows only when $InformationPreference or -InformationAction is Continue; -InformationVariable and `6>&1` capture it.',
    examples: [
      { title: 'Shown with -InformationAction Continue', code: 'Write-Information "Backup started" -InformationAction Continue', output: 'Backup started' },
      { title: 'Capture the record', code: '$r = Write-Information "kept" -Tags Backup -InformationAction Continue 6>&1; "[$r]"', output: '[kept]' },
    ],
  },
  process(ctx) {
    ctx.writeInformation(ctx.params.MessageData, ctx.params.Tags ?? []);
  },
});

// ---- Write-Progress -----------------------------------------------------------------------------

interface WriteProgressParameters {
  Activity?: string;
  Status?: string;
  Id?: number;
  PercentComplete?: number;
  SecondsRemaining?: number;
  CurrentOperation?: string;
  ParentId?: number;
  Completed?: PSSwitch;
  SourceId?: number;
}

/** Write-Progress. */
export const writeProgress = defineCmdlet<WriteProgressParameters>({
  name: 'Write-Progress',
  parameters: [
    { name: 'Activity', type: 'string', sets: { [all]: { position: 0 } }, description: 'The first line of the progress display: what is being done.' },
    { name: 'Status', type: 'string', sets: { [all]: { position: 1 } }, allowEmptyString: false, defaultValueText: 'Processing', description: 'The state of the activity.' },
    { name: 'Id', type: 'int', sets: { [all]: { position: 2 } }, validation: [{ kind: 'range', min: 0, max: 2147483647 }], defaultValueText: '0', description: 'Tells progress bars apart.' },
    { name: 'PercentComplete', type: 'int', sets: { [all]: {} }, validation: [{ kind: 'range', min: -1, max: 100 }], defaultValueText: '-1', description: 'How much of the activity is done, -1 when unknown.' },
    { name: 'SecondsRemaining', type: 'int', sets: { [all]: {} }, defaultValueText: '-1', description: 'The time left.' },
    { name: 'CurrentOperation', type: 'string', sets: { [all]: {} }, description: 'The line under the bar: the current step.' },
    { name: 'ParentId', type: 'int', sets: { [all]: {} }, validation: [{ kind: 'range', min: -1, max: 2147483647 }], defaultValueText: '-1', description: 'The activity this one is part of.' },
    { name: 'Completed', type: 'switch', sets: { [all]: {} }, description: 'Removes the progress display.' },
    { name: 'SourceId', type: 'int', sets: { [all]: {} }, description: 'The source of the record.' },
  ],
  help: {
    synopsis: 'Displays a progress bar within a PowerShell command window.',
    description: 'Shows or updates a progress bar on the host. Scripted runs without a terminal show nothing, and $ProgressPreference SilentlyContinue hides it.',
    examples: [{ title: 'Report progress of a loop', code: 'foreach ($i in 1..3) { Write-Progress -Activity "Copying" -Status "$i of 3" -PercentComplete ($i * 33) }; Write-Progress -Activity "Copying" -Completed; "copied"', output: 'copied' }],
  },
  process(ctx) {
    const p = ctx.params;
    ctx.writeProgress({
      activityId: p.Id ?? 0,
      parentActivityId: p.ParentId ?? -1,
      activity: p.Activity ?? '',
      status: p.Status ?? 'Processing',
      currentOperation: p.CurrentOperation,
      percentComplete: p.PercentComplete ?? -1,
      secondsRemaining: p.SecondsRemaining ?? -1,
      completed: isSwitchOn(p.Completed),
    });
  },
});
