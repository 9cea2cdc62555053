/**
 * The line editor as a state machine: a key press and the current state give the next state.
 * PSReadLine's Emacs-style bindings: editing, history (Up/Down, Ctrl+R), completion
 * (Tab/Shift+Tab/Ctrl+Space), the history prediction (Right), Enter, Ctrl+C and Ctrl+D.
 */
import type { Completion } from './completion.js';
import type { History } from './history.js';
import { chord, type KeyPress } from './keys.js';
import * as edit from './line-buffer.js';
import type { LineBuffer } from './line-buffer.js';

/** What the editor needs from the shell. */
export interface EditorServices {
  /** True when the parser wants more input (Enter then continues on a `>> ` line). */
  readonly isIncomplete: (text: string) => boolean;
  readonly complete: (text: string, cursor: number) => Completion;
  readonly history: History;
}

/** How editing ended: a line to run, an abandoned line (Ctrl+C), or the end of input (Ctrl+D). */
export type EditorOutcome = { readonly kind: 'accept'; readonly text: string } | { readonly kind: 'cancel'; readonly text: string } | { readonly kind: 'exit' };

/** A completion being cycled through. */
export interface CompletionState {
  readonly completion: Completion;
  /** The match shown; -1 before the first Tab of a menu opened with Ctrl+Space. */
  readonly index: number;
  /** The buffer before the completion replaced anything (Escape goes back to it). */
  readonly original: LineBuffer;
}

/** Ctrl+R's incremental search. */
export interface SearchState {
  readonly query: string;
  /** The history entry found; undefined while nothing matches. */
  readonly index: number | undefined;
  readonly original: LineBuffer;
}

/** Everything the editor shows. */
export interface EditorState {
  readonly buffer: LineBuffer;
  /** The history entry shown by Up/Down; undefined while editing new input. */
  readonly historyIndex: number | undefined;
  /** The new input put aside while browsing history. */
  readonly draft: string;
  readonly completion?: CompletionState;
  readonly search?: SearchState;
  readonly outcome?: EditorOutcome;
  /** True between a bracketed paste's start and end marks: what arrives is text, Enter and Tab included. */
  readonly pasting?: boolean;
}

/** The state of a fresh prompt. */
export const INITIAL_STATE: EditorState = { buffer: edit.EMPTY, historyIndex: undefined, draft: '' };

/** The dim text after the cursor that Right accepts: the newest history entry the input begins. */
export function prediction(state: EditorState, history: History): string | undefined {
  if (state.completion || state.search || state.outcome || state.buffer.cursor !== state.buffer.text.length) return undefined;
  return history.predict(state.buffer.text)?.slice(state.buffer.text.length);
}

/** The next state after a key press. */
export function reduceKey(state: EditorState, press: KeyPress, services: EditorServices): EditorState {
  if (state.outcome) return state;
  if (press.kind === 'key' && press.name === 'pastestart') return { ...state, pasting: true, completion: undefined, search: undefined };
  if (state.pasting) return reducePaste(state, press);
  if (state.search) return reduceSearch(state, state.search, press, services);
  if (state.completion) {
    const next = reduceCompletion(state, state.completion, press);
    if (next) return next;
    state = { ...state, completion: undefined };
  }
  return reduceEditing(state, press, services);
}

/** Inside a bracketed paste: text and line breaks go into the buffer as they are; Tab is a tab. */
function reducePaste(state: EditorState, press: KeyPress): EditorState {
  if (press.kind === 'text') return press.text === '' ? state : withBuffer(state, edit.insert(state.buffer, press.text));
  switch (press.name) {
    case 'pasteend':
      return { ...state, pasting: false };
    case 'enter':
      return withBuffer(state, edit.insert(state.buffer, '\n'));
    case 'tab':
      return press.shift ? state : withBuffer(state, edit.insert(state.buffer, '\t'));
    default:
      return state;
  }
}

function withBuffer(state: EditorState, buffer: LineBuffer): EditorState {
  return { ...state, buffer };
}

function enter(state: EditorState, services: EditorServices): EditorState {
  const text = state.buffer.text;
  if (services.isIncomplete(text)) return withBuffer(state, edit.insert(edit.bufferOf(text), '\n'));
  return { ...state, outcome: { kind: 'accept', text } };
}

function reduceEditing(state: EditorState, press: KeyPress, services: EditorServices): EditorState {
  const b = state.buffer;
  if (press.kind === 'text') {
    if (press.text === '') return state;
    // A paste (or fast typing) of whole lines: insert them, and a final line break is Enter.
    const endsLine = press.text.endsWith('\n');
    const inserted = withBuffer(state, edit.insert(b, endsLine ? press.text.slice(0, -1) : press.text));
    return endsLine ? enter(inserted, services) : inserted;
  }
  switch (chord(press)) {
    case 'enter':
      return enter(state, services);
    case 'left':
    case 'Ctrl+b':
      return withBuffer(state, edit.moveBy(b, -1));
    case 'right':
    case 'Ctrl+f':
    case 'end':
    case 'Ctrl+e': {
      const predicted = prediction(state, services.history);
      if (predicted) return withBuffer(state, edit.bufferOf(b.text + predicted));
      return withBuffer(state, press.name === 'right' || press.name === 'f' ? edit.moveBy(b, 1) : edit.lineEnd(b));
    }
    case 'home':
    case 'Ctrl+a':
      return withBuffer(state, edit.lineStart(b));
    case 'Ctrl+left':
    case 'Alt+b':
      return withBuffer(state, edit.wordLeft(b));
    case 'Ctrl+right':
    case 'Alt+f':
      return withBuffer(state, edit.wordRight(b));
    case 'backspace':
    case 'Ctrl+h':
      return withBuffer(state, edit.backspace(b));
    case 'delete':
      return withBuffer(state, edit.deleteChar(b));
    case 'Ctrl+w':
    case 'Alt+backspace':
      return withBuffer(state, edit.killWordBack(b));
    case 'Ctrl+u':
      return withBuffer(state, edit.killToStart(b));
    case 'Ctrl+k':
      return withBuffer(state, edit.killToEnd(b));
    case 'up':
    case 'Ctrl+p':
      return lineOrHistory(state, -1, services.history);
    case 'down':
    case 'Ctrl+n':
      return lineOrHistory(state, 1, services.history);
    case 'Ctrl+r':
      return { ...state, search: { query: '', index: undefined, original: b } };
    case 'tab':
    case 'Shift+tab':
    case 'Ctrl+space':
      return startCompletion(state, press, services);
    case 'Ctrl+c':
      return { ...state, outcome: { kind: 'cancel', text: b.text } };
    case 'Ctrl+d':
      return b.text === '' ? { ...state, outcome: { kind: 'exit' } } : withBuffer(state, edit.deleteChar(b));
    default:
      return state;
  }
}

/** Up/Down: another line of multi-line input, else another history entry. */
function lineOrHistory(state: EditorState, direction: -1 | 1, history: History): EditorState {
  const moved = edit.moveLine(state.buffer, direction);
  return moved ? withBuffer(state, moved) : historyStep(state, direction, history);
}

function historyStep(state: EditorState, direction: -1 | 1, history: History): EditorState {
  const entries = history.entries;
  const current = state.historyIndex ?? entries.length;
  const next = current + direction;
  if (next < 0 || next > entries.length) return state;
  const draft = state.historyIndex === undefined ? state.buffer.text : state.draft;
  if (next === entries.length) return { ...state, buffer: edit.bufferOf(draft), historyIndex: undefined, draft: '' };
  return { ...state, buffer: edit.bufferOf(entries[next]), historyIndex: next, draft };
}

function applyMatch(original: LineBuffer, completion: Completion, index: number): LineBuffer {
  const match = completion.matches[index];
  return match ? edit.replaceRange(original, completion.start, completion.end, match.text) : original;
}

function startCompletion(state: EditorState, press: KeyPress, services: EditorServices): EditorState {
  const b = state.buffer;
  const completion = services.complete(b.text, b.cursor);
  const count = completion.matches.length;
  if (count === 0) return state;
  if (count === 1) return withBuffer(state, applyMatch(b, completion, 0));
  const menuOnly = press.kind === 'key' && press.ctrl && press.name === 'space';
  const index = menuOnly ? -1 : press.kind === 'key' && press.shift ? count - 1 : 0;
  return { ...state, buffer: applyMatch(b, completion, index), completion: { completion, index, original: b } };
}

/** Keys while a completion menu is open; undefined when the key ends the completion and is handled normally. */
function reduceCompletion(state: EditorState, c: CompletionState, press: KeyPress): EditorState | undefined {
  const count = c.completion.matches.length;
  const step = (delta: number): EditorState => {
    const index = (((c.index < 0 && delta < 0 ? 0 : c.index) + delta) % count + count) % count;
    return { ...state, buffer: applyMatch(c.original, c.completion, index), completion: { ...c, index } };
  };
  switch (chord(press)) {
    case 'tab':
    case 'right':
    case 'down':
      return step(1);
    case 'Shift+tab':
    case 'left':
    case 'up':
      return step(-1);
    case 'escape':
      return { ...state, buffer: c.original, completion: undefined };
    case 'enter':
      // Enter takes the shown match without running the line, as PSReadLine's menu does.
      return { ...state, completion: undefined };
    default:
      return undefined;
  }
}

function reduceSearch(state: EditorState, s: SearchState, press: KeyPress, services: EditorServices): EditorState {
  const history = services.history;
  const show = (query: string, index: number | undefined): EditorState => ({
    ...state,
    buffer: index === undefined ? state.buffer : edit.bufferOf(history.entries[index]),
    search: { ...s, query, index },
  });
  if (press.kind === 'text') {
    const query = s.query + press.text.replace(/\n/g, '');
    return show(query, history.searchBackward(query, (s.index ?? history.entries.length - 1) + 1));
  }
  switch (chord(press)) {
    case 'Ctrl+r':
      return show(s.query, history.searchBackward(s.query, s.index ?? history.entries.length) ?? s.index);
    case 'backspace': {
      const query = s.query.slice(0, -1);
      return show(query, query === '' ? s.index : history.searchBackward(query, history.entries.length));
    }
    case 'escape':
    case 'Ctrl+g':
      return { ...state, buffer: s.original, search: undefined };
    case 'Ctrl+c':
      return { ...state, search: undefined, outcome: { kind: 'cancel', text: state.buffer.text } };
    case 'enter':
      return enter({ ...state, search: undefined }, services);
    default:
      // Any other key leaves the search with the found entry, then does its usual work.
      return reduceEditing({ ...state, search: undefined }, press, services);
  }
}
