/**
 * Comment-based help of script functions: the `<# .SYNOPSIS ... #>` block (or run of `#` lines)
 * at the start or the end of the function body, with PowerShell's keywords .SYNOPSIS,
 * .DESCRIPTION, .PARAMETER name, .EXAMPLE, .INPUTS, .OUTPUTS, .NOTES and .LINK.
 */

/** One .EXAMPLE: its first line is the code, the rest the remarks. */
export interface CommentExample {
  readonly code: string;
  readonly remarks: string;
}

/** What a function's help comment says. */
export interface CommentHelp {
  readonly synopsis?: string;
  readonly description?: string;
  /** .PARAMETER descriptions by lower-case parameter name. */
  readonly parameters: ReadonlyMap<string, string>;
  readonly examples: readonly CommentExample[];
  readonly inputs?: string;
  readonly outputs?: string;
  readonly notes?: string;
  readonly links: readonly string[];
}

const KEYWORD = /^\s*\.([A-Za-z]+)(?:[ \t]+(.*?))?\s*$/;
const KNOWN = new Set(['synopsis', 'description', 'parameter', 'example', 'inputs', 'outputs', 'notes', 'link', 'component', 'role', 'functionality', 'forwardhelptargetname', 'forwardhelpcategory', 'remotehelprunspace', 'externalhelp']);

/** The comment blocks at the start and the end of a body, as lists of lines. */
function edgeComments(text: string): string[][] {
  const blocks: string[][] = [];
  const leading = /^\s*(<#([\s\S]*?)#>|(?:[ \t]*#[^\n]*\n?)+)/.exec(text);
  if (leading) blocks.push(commentLines(leading[1]));
  const trailing = /(<#([\s\S]*?)#>|(?:[ \t]*#[^\n]*\n?)+)\s*$/.exec(text);
  if (trailing && (!leading || trailing.index > leading.index + leading[0].length - 1)) blocks.push(commentLines(trailing[1]));
  return blocks;
}

function commentLines(comment: string): string[] {
  if (comment.startsWith('<#')) return comment.slice(2, -2).split(/\r?\n/);
  return comment.split(/\r?\n/).map((line) => line.replace(/^\s*#/, ''));
}

/** Removes the indentation every non-blank line shares, and blank lines around the text. */
function dedent(lines: readonly string[]): string {
  const body = [...lines];
  while (body.length > 0 && body[0].trim() === '') body.shift();
  while (body.length > 0 && body[body.length - 1].trim() === '') body.pop();
  const indents = body.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return body.map((l) => l.slice(cut).trimEnd()).join('\n');
}

function parseBlock(lines: readonly string[]): CommentHelp | undefined {
  const sections: { keyword: string; argument: string; lines: string[] }[] = [];
  for (const line of lines) {
    const m = KEYWORD.exec(line);
    if (m && KNOWN.has(m[1].toLowerCase())) sections.push({ keyword: m[1].toLowerCase(), argument: m[2] ?? '', lines: [] });
    else if (sections.length > 0) sections[sections.length - 1].lines.push(line);
    else if (line.trim() !== '') return undefined;
  }
  if (sections.length === 0) return undefined;
  const parameters = new Map<string, string>();
  const examples: CommentExample[] = [];
  const links: string[] = [];
  const help: { -readonly [K in keyof CommentHelp]?: CommentHelp[K] } = {};
  for (const s of sections) {
    const text = dedent(s.lines);
    switch (s.keyword) {
      case 'synopsis':
        help.synopsis = text;
        break;
      case 'description':
        help.description = text;
        break;
      case 'parameter':
        parameters.set(s.argument.toLowerCase(), text);
        break;
      case 'example': {
        const [code = '', ...rest] = text.split('\n');
        examples.push({ code, remarks: dedent(rest) });
        break;
      }
      case 'inputs':
        help.inputs = text;
        break;
      case 'outputs':
        help.outputs = text;
        break;
      case 'notes':
        help.notes = text;
        break;
      case 'link':
        links.push(...text.split('\n').filter((l) => l.trim() !== ''));
        break;
    }
  }
  return { ...help, parameters, examples, links };
}

/** The comment-based help of a function body's text, if it has one. */
export function parseCommentHelp(bodyText: string): CommentHelp | undefined {
  for (const block of edgeComments(bodyText)) {
    const help = parseBlock(block);
    if (help) return help;
  }
  return undefined;
}
