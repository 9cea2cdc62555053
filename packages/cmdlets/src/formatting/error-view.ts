/**
 * How an error record is shown, as PowerShell 7's default view for ErrorRecord renders it
 * (PowerShellCore_format_ps1xml's ErrorInstance view, without colours):
 *
 * - ConciseView (the default): `Command: message` for something typed on one line; for an error
 *   from a script file, a parse error, or a statement past the first line, a header naming the
 *   file and line, the source line under `Line |`, a `~` marker, and the message after `| `,
 *   wrapped at the window width.
 * - NormalView: `Command : message`, the position message (`At file:line char:col`, the line, the
 *   marker), then `+ CategoryInfo` and `+ FullyQualifiedErrorId`.
 * - CategoryView: the category line alone.
 *
 * The result never ends with a newline: the host adds the line end when it writes the record.
 */
import type { ErrorRecord, ScriptExtent } from '@dpmsh/runtime';
import { typeOf, dotNetToString, PSEnumValue } from '@dpmsh/runtime';

/** The values of $ErrorView. DetailedView (Get-Error's output) is shown as NormalView. */
export type ErrorView = 'ConciseView' | 'NormalView' | 'CategoryView' | 'DetailedView';

/** How to render a record. */
export interface ErrorViewOptions {
  readonly view?: ErrorView;
  /** The window width the concise view wraps messages of script errors at; PowerShell's fallback is 120. */
  readonly width?: number;
}

const ELLIPSIS = '\u2026';
/** Longest source line the position message shows before cutting it (PowerShell's constant). */
const MAX_POSITION_LINE = 69;

/** The error view a $ErrorView value names; ConciseView for anything unknown, as PowerShell falls back. */
export function errorViewOf(value: unknown): ErrorView {
  const name = (value instanceof PSEnumValue ? value.name : typeof value === 'string' ? value : '').toLowerCase();
  const views: readonly ErrorView[] = ['ConciseView', 'NormalView', 'CategoryView', 'DetailedView'];
  return views.find((v) => v.toLowerCase() === name) ?? 'ConciseView';
}

/**
 * PowerShell's position message for an extent:
 * ```
 * At /path/script.ps1:3 char:11
 * + Get-Thing -Foo
 * +           ~~~~
 * ```
 * `line` stands for the file name of interactive input. Lines longer than 69 characters are cut
 * around the marked text with an ellipsis; tabs count as four spaces; a marker spanning lines
 * underlines the rest of the first line.
 */
export function positionMessage(extent: ScriptExtent): string {
  const fileName = extent.file ? extent.file : 'line';
  let sourceLine = extent.lineText.trimEnd();
  let message = '';
  if (sourceLine !== '') {
    let spacesBeforeError = Math.max(extent.startColumn - 1, 0);
    let errorLength =
      extent.startLine === extent.endLine && extent.endColumn <= sourceLine.length + 1
        ? extent.endColumn - extent.startColumn
        : sourceLine.length - extent.startColumn + 1;

    if (sourceLine.includes('\t')) {
      const before = sourceLine.slice(0, spacesBeforeError).replace(/\t/g, '    ');
      const error = sourceLine.slice(spacesBeforeError, spacesBeforeError + errorLength).replace(/\t/g, '    ');
      const after = sourceLine.slice(spacesBeforeError + errorLength).replace(/\t/g, '    ');
      spacesBeforeError = before.length;
      errorLength = error.length;
      sourceLine = before + error + after;
    }

    let prefixDots = false;
    let suffixDots = false;
    if (sourceLine.length > MAX_POSITION_LINE) {
      const totalPrefix = spacesBeforeError;
      let prefix = Math.min(totalPrefix, 12);
      const totalSuffix = sourceLine.length - errorLength - spacesBeforeError;
      let suffix = Math.min(totalSuffix, 8);
      let candidate = prefix + errorLength + suffix;
      if (candidate >= MAX_POSITION_LINE) {
        if (prefix + errorLength >= MAX_POSITION_LINE) errorLength = MAX_POSITION_LINE - prefix;
        suffixDots = true;
      } else {
        const prefixAvailable = totalPrefix - prefix;
        if (prefixAvailable > 0) {
          prefix += Math.min(prefixAvailable, MAX_POSITION_LINE - candidate);
          candidate = prefix + errorLength + suffix;
        }
        if (candidate < MAX_POSITION_LINE && totalSuffix > 0) suffix += Math.min(totalSuffix, MAX_POSITION_LINE - candidate);
        suffixDots = suffix < totalSuffix;
      }
      prefixDots = prefix < totalPrefix;
      const start = Math.max(spacesBeforeError - prefix, 0);
      sourceLine = sourceLine.slice(start, start + MAX_POSITION_LINE);
      spacesBeforeError = Math.min(spacesBeforeError, prefix);
      errorLength = Math.min(errorLength, MAX_POSITION_LINE - spacesBeforeError);
    }

    message =
      (prefixDots ? `${ELLIPSIS} ` : '') +
      sourceLine +
      (suffixDots ? ` ${ELLIPSIS}` : '') +
      '\n+ ' +
      ' '.repeat(spacesBeforeError + (prefixDots ? 2 : 0)) +
      '~'.repeat(errorLength > 0 ? errorLength : 1);
  }
  return `At ${fileName}:${extent.startLine} char:${extent.startColumn}\n+ ${message}`;
}

function ellipsize(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 19)}${ELLIPSIS}${text.slice(-19)}`;
}

function shortTypeName(fullName: string): string {
  return fullName.slice(fullName.lastIndexOf('.') + 1);
}

/** ErrorCategoryInfo's text: `Category: (TargetName:TargetType) [Activity], Reason`. */
export function categoryInfoMessage(record: ErrorRecord): string {
  const target = record.targetObject;
  const hasTarget = target !== null && target !== undefined;
  const set = record.categoryInfoOverrides;
  const targetName = set?.targetName ?? (hasTarget ? dotNetToString(target) : '');
  const targetType = set?.targetType ?? (hasTarget ? typeOf(target).name : '');
  const activity = set?.activity ?? record.invocationInfo?.commandName ?? '';
  const reason = set?.reason ?? shortTypeName(record.exception.typeName);
  return `${record.category}: (${ellipsize(targetName)}:${ellipsize(targetType)}) [${ellipsize(activity)}], ${reason}`;
}

/** Renders an error record in a view (ConciseView by default). */
export function formatErrorRecord(record: ErrorRecord, options: ErrorViewOptions = {}): string {
  const fqid = record.fullyQualifiedErrorId;
  if (fqid === 'NativeCommandErrorMessage' || fqid === 'NativeCommandError') return record.exception.message;
  const view = options.view ?? 'ConciseView';
  let text: string;
  if (view === 'ConciseView') text = concise(record, options.width ?? 120);
  else if (view === 'CategoryView') text = categoryInfoMessage(record);
  else text = normal(record);
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

function concise(record: ErrorRecord, width: number): string {
  const inv = record.invocationInfo;
  const extent = inv?.extent;
  const scriptName = inv?.scriptName || extent?.file || '';
  const lineNumber = extent?.startLine ?? 0;
  const isParseError = record.category === 'ParserError';
  const showLineDetail = extent !== undefined && (isParseError || scriptName !== '' || lineNumber > 1) && !/\.psm1$/i.test(scriptName);

  let posmsg = '';
  let prefix = '';
  let message = '';
  if (extent && showLineDetail) {
    posmsg = scriptName ? `${scriptName}:${lineNumber}\n` : '\n';
    const digits = String(lineNumber).length;
    const headerWhitespace = digits > 4 ? ' '.repeat(digits - 4) : '';
    const lineWhitespace = digits < 4 ? ' '.repeat(4 - digits) : '';
    posmsg += `${headerWhitespace}Line |\n`;
    // The source line and the marker come from the position message, minus its leading '+'.
    const lines = positionMessage(extent).split('\n');
    let line = lines[1].slice(1);
    const highlight = lines[lines.length - 1].slice(1);
    if (!line.endsWith('\n')) line += '\n';
    posmsg += `${lineWhitespace}${lineNumber} | ${line}`;
    prefix = `${headerWhitespace}     | `;
    if (highlight !== '') posmsg += `${prefix}${highlight}\n`;
    message = prefix;
  }

  if (record.detailsMessage) message += record.detailsMessage;
  else if (isParseError && record.exception.message.includes('~\n')) {
    // A parse exception's message carries its own rendered position; keep only the text after it.
    message += record.exception.message.split('~\n')[1].split('\n\n')[0];
  } else message += record.exception.message;

  if (scriptName !== '' || isParseError) {
    message = message.replace(/\n/g, ' ').replace(/\t/g, ' ');
    if (width > 0 && message.length > width) message = wrap(message, prefix, width);
    message += '\n';
  }
  posmsg += message;

  let text = `${conciseReason(record)}: ${posmsg}`;
  const recommendation = record.recommendedAction;
  if (recommendation !== undefined && recommendation.trim() !== '') text += `\n  Recommendation: ${recommendation}`;
  return text;
}

/** Cuts a string to `length` characters at its last whitespace (the view's Get-TruncatedString). */
function truncated(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  let last = -1;
  for (let i = cut.length - 1; i >= 0; i--) {
    if (/\s/.test(cut[i])) {
      last = i;
      break;
    }
  }
  return last < 0 ? cut : cut.slice(0, last);
}

function wrap(message: string, prefix: string, width: number): string {
  let out = truncated(message, width);
  let remaining = message.slice(out.length).trim();
  out += '\n';
  while (remaining.length + prefix.length > width) {
    const piece = truncated(prefix + remaining, width);
    if (piece.length - prefix.length <= 0) break;
    out += `${piece}\n`;
    remaining = remaining.slice(piece.length - prefix.length).trim();
  }
  return out + prefix + remaining.trim();
}

/** The word before the colon: Exception for `throw`, else the command, else what was typed, else the category or exception type. */
function conciseReason(record: ErrorRecord): string {
  const inv = record.invocationInfo;
  if (record.exception.thrownValue !== undefined) return 'Exception';
  if (inv?.commandName) return inv.commandName;
  if (record.categoryInfoOverrides?.activity) return record.categoryInfoOverrides.activity;
  if (inv?.invocationName) return inv.invocationName;
  // NotSpecified is the enum's zero, which the view's condition reads as false.
  if (record.category !== 'NotSpecified') return record.category;
  return shortTypeName(record.exception.typeName);
}

function normal(record: ErrorRecord): string {
  const inv = record.invocationInfo;
  let name = '';
  if (inv?.commandName) name = inv.invocationName && !/^[&.]?$/.test(inv.invocationName) ? inv.invocationName : inv.commandName;
  else if (inv?.invocationName) name = inv.invocationName;
  const commandPrefix = name ? `${name} : ` : '';

  let posmsg = '';
  if (inv && (inv.commandName || record.category !== 'ParserError') && inv.extent) posmsg = `\n${positionMessage(inv.extent)}`;
  posmsg += `\n+ CategoryInfo          : ${categoryInfoMessage(record)}`;
  posmsg += `\n+ FullyQualifiedErrorId : ${record.fullyQualifiedErrorId}`;
  return `${commandPrefix}${record.detailsMessage ?? record.exception.message}${posmsg}`;
}
