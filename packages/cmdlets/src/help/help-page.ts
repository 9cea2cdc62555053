/**
 * A command's help page, as Get-Help shows it: built from its metadata (synopsis, description,
 * parameters, examples) or, for a script function, from its comment-based help, in PowerShell's
 * layout: NAME, SYNOPSIS, SYNTAX, DESCRIPTION, PARAMETERS (-Detailed, -Full), EXAMPLES, RELATED
 * LINKS, REMARKS.
 */
import type { CommandExample, CommandMetadata, ParameterMetadata } from '../metadata/command.js';
import type { FormatTable } from '../formatting/views.js';
import { PSObject } from '@dpmsh/runtime';
import type { Scope } from '@dpmsh/runtime';
import type { CommandInfo } from '../session/commands.js';
import type { Session } from '../session/session.js';
import { metadataOf } from './command-info.js';
import { parseCommentHelp } from './comment-help.js';
import { isSwitchParameter, membershipIn, parameterSetNames, syntaxLines, syntaxTypeName } from './syntax.js';

/** Which page Get-Help shows. */
export type HelpView = 'Default' | 'Detailed' | 'Full' | 'Examples';

/** A command's help, whichever source it came from. */
export interface HelpDocument {
  readonly name: string;
  readonly category: 'Cmdlet' | 'Function' | 'Filter' | 'ExternalScript';
  readonly module: string;
  readonly metadata: CommandMetadata;
  /** False when the command has no help text at all (a function without a help comment). */
  readonly hasHelp: boolean;
  readonly synopsis: string;
  readonly description?: string;
  readonly parameterDescriptions: ReadonlyMap<string, string>;
  readonly examples: readonly CommandExample[];
  readonly inputs?: string;
  readonly outputs?: string;
  readonly notes?: string;
  readonly links: readonly string[];
  readonly aliases: readonly string[];
}

/** The help of a command, or undefined for one that has no metadata (a native program). */
export function helpDocument(command: CommandInfo, session: Session, scope: Scope): HelpDocument | undefined {
  const metadata = metadataOf(command);
  if (!metadata || (command.kind !== 'Cmdlet' && command.kind !== 'Function' && command.kind !== 'Filter')) return undefined;
  const aliases = session.registry
    .aliases(scope)
    .filter((a) => a.definition.toLowerCase() === command.name.toLowerCase())
    .map((a) => a.name)
    .sort((a, b) => a.localeCompare(b));
  const base = { name: command.name, category: command.kind, module: command.module ?? '', metadata, aliases };
  if (command.kind !== 'Cmdlet') {
    const comment = parseCommentHelp(command.scriptBlock.text);
    if (comment) {
      return {
        ...base,
        hasHelp: true,
        synopsis: comment.synopsis ?? '',
        description: comment.description,
        parameterDescriptions: comment.parameters,
        examples: comment.examples.map((e, i) => ({ title: `EXAMPLE ${i + 1}`, code: e.code, remarks: e.remarks || undefined })),
        inputs: comment.inputs,
        outputs: comment.outputs,
        notes: comment.notes,
        links: comment.links,
      };
    }
  }
  const help = metadata.help;
  const descriptions = new Map<string, string>();
  for (const p of metadata.parameters) if (p.description) descriptions.set(p.name.toLowerCase(), p.description);
  return {
    ...base,
    hasHelp: command.kind === 'Cmdlet' || help !== undefined,
    synopsis: help?.synopsis ?? '',
    description: help?.description,
    parameterDescriptions: descriptions,
    examples: help?.examples ?? [],
    outputs: metadata.outputType?.join('\n'),
    notes: help?.notes,
    links: help?.links ?? [],
  };
}

const INDENT = '    ';

function indent(text: string, by = INDENT): string[] {
  return text.split('\n').map((line) => (line === '' ? '' : by + line));
}

/** The example header: `EXAMPLE 1` for comment-based help, `Example 1: Title` otherwise. */
function exampleHeader(example: CommandExample, index: number): string {
  const title = /^EXAMPLE \d+$/.test(example.title) ? example.title : `Example ${index + 1}: ${example.title}`;
  return `${INDENT}-------------------------- ${title} --------------------------`;
}

function exampleLines(doc: HelpDocument): string[] {
  const lines: string[] = [];
  doc.examples.forEach((example, i) => {
    lines.push(exampleHeader(example, i), '', `${INDENT}PS > ${example.code}`);
    if (example.output !== undefined && example.output !== '') lines.push(...indent(example.output.replace(/^\n+|\n+$/g, '')));
    if (example.remarks) lines.push('', ...indent(example.remarks));
    lines.push('', '', '');
  });
  return lines;
}

/** Help's "Accept pipeline input?" answer for a parameter. */
function pipelineInput(parameter: ParameterMetadata): string {
  const memberships = Object.values(parameter.sets);
  const kinds: string[] = [];
  if (memberships.some((m) => m.valueFromPipeline)) kinds.push('ByValue');
  if (memberships.some((m) => m.valueFromPipelineByPropertyName)) kinds.push('ByPropertyName');
  return kinds.length > 0 ? `true (${kinds.join(', ')})` : 'false';
}

/** The position help shows: one-based, or `named`. */
function helpPosition(doc: HelpDocument, parameter: ParameterMetadata): string {
  for (const set of parameterSetNames(doc.metadata)) {
    const position = membershipIn(parameter, set)?.position;
    if (position !== undefined) return String(position + 1);
  }
  return 'named';
}

function parameterLines(doc: HelpDocument, parameter: ParameterMetadata, full: boolean): string[] {
  const type = isSwitchParameter(parameter) ? '' : ` <${syntaxTypeName(parameter.type)}>`;
  const lines = [`${INDENT}-${parameter.name}${type}`];
  const description = doc.parameterDescriptions.get(parameter.name.toLowerCase());
  if (description) lines.push(...indent(description, INDENT + INDENT));
  if (full) {
    const required = Object.values(parameter.sets).some((m) => m.mandatory) ? 'true' : 'false';
    const wildcards = parameter.description?.toLowerCase().includes('wildcard') ? 'true' : 'false';
    lines.push(
      '',
      `${INDENT}${INDENT}Required?                    ${required}`,
      `${INDENT}${INDENT}Position?                    ${helpPosition(doc, parameter)}`,
      `${INDENT}${INDENT}Default value                ${parameter.defaultValueText ?? ''}`,
      `${INDENT}${INDENT}Accept pipeline input?       ${pipelineInput(parameter)}`,
      `${INDENT}${INDENT}Aliases                      ${(parameter.aliases ?? []).join(', ')}`,
      `${INDENT}${INDENT}Accept wildcard characters?  ${wildcards}`,
    );
  }
  lines.push('');
  return lines;
}

const COMMON_PARAMETERS_TEXT = [
  `${INDENT}<CommonParameters>`,
  `${INDENT}${INDENT}This cmdlet supports the common parameters: Verbose, Debug,`,
  `${INDENT}${INDENT}ErrorAction, ErrorVariable, WarningAction, WarningVariable,`,
  `${INDENT}${INDENT}OutBuffer, PipelineVariable, and OutVariable. For more information, see`,
  `${INDENT}${INDENT}about_CommonParameters (https://go.microsoft.com/fwlink/?LinkID=113216).`,
  '',
];

/** The parameters a help page lists: not the common ones, nor those marked DontShow. */
export function visibleParameters(doc: HelpDocument): ParameterMetadata[] {
  return doc.metadata.parameters.filter((p) => !p.isCommon && !p.dontShow);
}

function remarks(doc: HelpDocument): string[] {
  return [
    'REMARKS',
    `${INDENT}To see the examples, type: "Get-Help ${doc.name} -Examples"`,
    `${INDENT}For more information, type: "Get-Help ${doc.name} -Detailed"`,
    `${INDENT}For technical information, type: "Get-Help ${doc.name} -Full"`,
    '',
  ];
}

/** The lines of a help page. */
export function renderHelp(doc: HelpDocument, view: HelpView): string[] {
  // The formatter puts the blank line before the page.
  const lines = ['NAME', `${INDENT}${doc.name}`, ''];
  const syntax: string[] = [];
  syntaxLines(doc.name, doc.metadata).forEach((line, i) => syntax.push(...(i > 0 ? [''] : []), `${INDENT}${line}`));
  if (!doc.hasHelp) {
    lines.push('SYNTAX', ...syntax, '', '', 'ALIASES', ...(doc.aliases.length > 0 ? doc.aliases.map((a) => `${INDENT}${a}`) : [`${INDENT}None`]), '', '', 'REMARKS', `${INDENT}None`, '');
    return lines;
  }
  if (doc.synopsis) lines.push('SYNOPSIS', ...indent(doc.synopsis), '', '');
  if (view === 'Examples') {
    lines.push(...(doc.examples.length > 0 ? exampleLines(doc) : []));
    return lines;
  }
  lines.push('SYNTAX', ...syntax, '', '');
  if (doc.description) lines.push('DESCRIPTION', ...indent(doc.description), '', '');
  if (view === 'Detailed' || view === 'Full') {
    lines.push('PARAMETERS');
    for (const p of visibleParameters(doc)) lines.push(...parameterLines(doc, p, view === 'Full'));
    if (doc.metadata.cmdletBinding) lines.push(...COMMON_PARAMETERS_TEXT);
    lines.push('');
    if (view === 'Full') {
      lines.push('INPUTS', ...(doc.inputs ? indent(doc.inputs) : []), '', 'OUTPUTS', ...(doc.outputs ? indent(doc.outputs) : []), '');
      if (doc.notes) lines.push('NOTES', '', ...indent(doc.notes), '');
    }
    if (doc.examples.length > 0) lines.push(...exampleLines(doc));
  }
  lines.push('RELATED LINKS', ...doc.links.map((l) => `${INDENT}${l}`), '');
  lines.push(...remarks(doc));
  return lines;
}

/** The page of one parameter (Get-Help -Parameter). */
export function renderParameterHelp(doc: HelpDocument, parameter: ParameterMetadata): string[] {
  return parameterLines(doc, parameter, true);
}

const HELP_TYPE = 'MamlCommandHelpInfo';
const PARAMETER_HELP_TYPE = 'MamlCommandHelpInfo#parameter';
const pages = new WeakMap<PSObject, () => string[]>();/** A help page as an object: Name, Synopsis... to read, and the page as its display. */
export function helpObject(doc: HelpDocument, view: HelpView): PSObject {
  const typeName = view === 'Default' ? HELP_TYPE : `${HELP_TYPE}#${view}View`;
  const o = new PSObject([typeName, HELP_TYPE, 'HelpInfo', 'System.Object']);
  o.addNote('Name', doc.name);
  o.addNote('Category', doc.category);
  o.addNote('ModuleName', doc.module);
  o.addNote('Synopsis', doc.synopsis || syntaxLines(doc.name, doc.metadata).join('\n'));
  o.addNote('Description', doc.description ?? null);
  o.addNote('Syntax', syntaxLines(doc.name, doc.metadata));
  o.addNote('Examples', doc.examples.map((e) => e.code));
  pages.set(o, () => renderHelp(doc, view));
  return o;
}/** The help of one parameter (Get-Help -Parameter) as an object: name, type and description to read, and its page as its display. */
export function parameterHelpObject(doc: HelpDocument, param: ParameterMetadata): PSObject {
  const o = new PSObject([PARAMETER_HELP_TYPE, 'System.Object']);
  o.addNote('name', param.name);
  o.addNote('type', syntaxTypeName(param.type));
  o.addNote('description', doc.parameterDescriptions.get(param.name.toLowerCase()) ?? '');
  pages.set(o, () => renderParameterHelp(doc, param));
  return o;
}

function renderPage(obj: unknown): string[] {
  return obj instanceof PSObject ? (pages.get(obj)?.() ?? []) : [];
}

/** Registers the help page views. */
export function registerHelpViews(formats: FormatTable): void {
  for (const typeName of [HELP_TYPE, `${HELP_TYPE}#DetailedView`, `${HELP_TYPE}#FullView`, `${HELP_TYPE}#ExamplesView`, PARAMETER_HELP_TYPE]) {
    formats.register({ typeName, kind: 'custom', render: renderPage });
  }
  formats.register({
    typeName: 'HelpInfoShort',
    kind: 'table',
    columns: [{ property: 'Name', width: 33 }, { property: 'Category', width: 9 }, { property: 'Module', width: 25 }, { property: 'Synopsis' }],
  });
}
