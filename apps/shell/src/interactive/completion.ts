/**
 * Tab completion from the session, as PowerShell's TabExpansion2 offers it: command names in
 * command position, parameter names after `-` from the command's metadata, ValidateSet and enum
 * values after such a parameter, variables after `$`, members after `$var.`, else file paths.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { allParameters, type CommandType, type ParameterMetadata, type Session } from '@dpmsh/cmdlets';
import { listMembers, resolveType } from '@dpmsh/runtime';

/** What one completion inserts and how the menu lists it. */
export interface CompletionMatch {
  readonly text: string;
  readonly listItem: string;
}

/** The range of the input a completion replaces, and the candidates in order. */
export interface Completion {
  readonly start: number;
  readonly end: number;
  readonly matches: readonly CompletionMatch[];
}

const ALL_COMMAND_TYPES: readonly CommandType[] = ['Alias', 'Function', 'Filter', 'Cmdlet', 'ExternalScript', 'Application'];
/** Characters that end a word being completed. */
const WORD_BREAK = /[\s|;(){}=,'"]/;
/** Characters after which a new command starts. */
const COMMAND_START = /[|;({\n]/;

const byName = (a: string, b: string): number => a.toLowerCase().localeCompare(b.toLowerCase());
const startsWithCI = (text: string, prefix: string): boolean => text.toLowerCase().startsWith(prefix.toLowerCase());

/** The completions for the word at `cursor` in `text`. */
export function complete(session: Session, text: string, cursor: number): Completion {
  let start = cursor;
  while (start > 0 && !WORD_BREAK.test(text[start - 1])) start--;
  const word = text.slice(start, cursor);
  const matches = (value: readonly CompletionMatch[]): Completion => ({ start, end: cursor, matches: value });

  let segmentStart = start;
  while (segmentStart > 0 && !COMMAND_START.test(text[segmentStart - 1])) segmentStart--;
  const before = text.slice(segmentStart, start).trim();
  const words = before === '' ? [] : before.split(/\s+/);

  if (word.startsWith('$')) {
    const dot = word.lastIndexOf('.');
    if (dot > 0) return { start: start + dot + 1, end: cursor, matches: memberMatches(session, word.slice(1, dot), word.slice(dot + 1)) };
    return matches(variableMatches(session, word.slice(1)));
  }
  if (words.length === 0 && !looksLikePath(word)) return matches(commandMatches(session, word));
  const command = words[0];
  if (command !== undefined && word.startsWith('-')) {
    const found = parameterMatches(session, command, word.slice(1));
    if (found.length > 0) return matches(found);
  }
  const previous = words[words.length - 1];
  if (command !== undefined && previous !== undefined && previous.startsWith('-') && words.length > 1) {
    const values = valueMatches(session, command, previous.slice(1), word);
    if (values) return matches(values);
  }
  return matches(pathMatches(session, word));
}

function looksLikePath(word: string): boolean {
  return word.startsWith('.') || word.startsWith('/') || word.startsWith('~') || word.includes('/');
}

function commandMatches(session: Session, prefix: string): CompletionMatch[] {
  if (prefix === '') return [];
  const found = session.registry.getCommands({ name: `${prefix}*`, commandType: ALL_COMMAND_TYPES }, session.globalScope);
  const names = new Map<string, string>();
  for (const c of found) if (!names.has(c.name.toLowerCase())) names.set(c.name.toLowerCase(), c.name);
  return [...names.values()].sort(byName).map((name) => ({ text: name, listItem: name }));
}

function commandParameters(session: Session, command: string): readonly ParameterMetadata[] {
  const info = session.registry.resolve(command, session.globalScope);
  if (!info || !('metadata' in info)) return [];
  return allParameters(info.metadata).filter((p) => !p.dontShow);
}

function parameterMatches(session: Session, command: string, prefix: string): CompletionMatch[] {
  return commandParameters(session, command)
    .filter((p) => startsWithCI(p.name, prefix))
    .map((p) => ({ text: `-${p.name}`, listItem: p.name }));
}

/** Values of a ValidateSet or enum parameter; undefined when the parameter takes free values. */
function valueMatches(session: Session, command: string, parameterName: string, prefix: string): CompletionMatch[] | undefined {
  const lower = parameterName.toLowerCase();
  const parameters = commandParameters(session, command);
  const parameter =
    parameters.find((p) => p.name.toLowerCase() === lower || p.aliases?.some((a) => a.toLowerCase() === lower)) ??
    (() => {
      const candidates = parameters.filter((p) => p.name.toLowerCase().startsWith(lower));
      return candidates.length === 1 ? candidates[0] : undefined;
    })();
  if (!parameter) return undefined;
  let values: readonly string[] | undefined;
  for (const v of parameter.validation ?? []) if (v.kind === 'set') values = v.values;
  if (!values) {
    const type = resolveType(parameter.type.replace(/\[\]$/, ''));
    if (type?.isEnum) values = (type.enumMembers ?? []).map((m) => m.name);
  }
  if (!values) return undefined;
  return values.filter((v) => startsWithCI(v, prefix)).map((v) => ({ text: /[\s'"$`]/.test(v) ? `'${v.replace(/'/g, "''")}'` : v, listItem: v }));
}

function variableMatches(session: Session, prefix: string): CompletionMatch[] {
  const names = new Map<string, string>();
  for (const variable of session.globalScope.variables.values()) {
    if (startsWithCI(variable.name, prefix) && !names.has(variable.name.toLowerCase())) names.set(variable.name.toLowerCase(), variable.name);
  }
  return [...names.values()].sort(byName).map((name) => ({ text: `$${name}`, listItem: name }));
}

function memberMatches(session: Session, variableName: string, prefix: string): CompletionMatch[] {
  const variable = session.globalScope.lookup(variableName);
  if (!variable) return [];
  const seen = new Set<string>();
  const out: CompletionMatch[] = [];
  for (const member of listMembers(variable.value)) {
    if (!startsWithCI(member.name, prefix) || seen.has(member.name.toLowerCase())) continue;
    seen.add(member.name.toLowerCase());
    const method = member.memberType === 'Method';
    out.push({ text: method ? `${member.name}(` : member.name, listItem: member.name });
  }
  return out;
}

/** Files and folders, relative paths as `./name`, folders with a trailing `/`, quoted when they need it. */
function pathMatches(session: Session, word: string): CompletionMatch[] {
  const slash = word.lastIndexOf('/');
  const folderText = slash >= 0 ? word.slice(0, slash + 1) : '';
  const namePrefix = word.slice(slash + 1);
  let entries: Dirent[];
  try {
    entries = readdirSync(session.resolvePath(folderText === '' ? '.' : folderText), { withFileTypes: true });
  } catch {
    return [];
  }
  const shown = folderText === '' ? './' : folderText;
  return entries
    .filter((e) => startsWithCI(e.name, namePrefix) && (namePrefix.startsWith('.') || !e.name.startsWith('.')))
    .sort((a, b) => byName(a.name, b.name))
    .map((e) => {
      const path = `${shown}${e.name}${e.isDirectory() ? '/' : ''}`;
      return { text: /[\s'"$`&(){};,]/.test(path) ? `'${path.replace(/'/g, "''")}'` : path, listItem: e.name };
    });
}
