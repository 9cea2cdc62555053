/**
 * The input line drawn with Ink: the prompt, the highlighted input with its cursor, `>> ` on
 * continuation lines, the dim history prediction, the Ctrl+R search line and the completion menu.
 * One editor is mounted per prompt; when editing ends its last frame (the line as typed) stays on
 * the screen and the command's output is written below it.
 */
import { Box, render, Text, useStdin, useStdout } from 'ink';
import { useEffect, useMemo, useReducer, useRef, type ReactElement } from 'react';
import type { CompletionState, EditorOutcome, EditorServices, EditorState } from './editor-state.js';
import { INITIAL_STATE, prediction, reduceKey } from './editor-state.js';
import { HIGHLIGHT_COLOURS, highlight, parseErrorRanges, type HighlightKind } from './highlight.js';
import { decodeKeys, type KeyPress } from './keys.js';

/** What the editor shows and whom it tells. */
export interface PromptEditorProps {
  readonly prompt: string;
  readonly services: EditorServices;
  /** Called once, after the last frame is drawn, with how editing ended. */
  readonly onDone: (outcome: EditorOutcome) => void;
  /** Called when the editor listens for keys (tests wait for it before typing). */
  readonly onReady?: () => void;
}

const CONTINUATION_PROMPT = '>> ';
const MENU_ROWS = 10;
const BRACKETED_PASTE_ON = '\x1b[?2004h';
const BRACKETED_PASTE_OFF = '\x1b[?2004l';

interface Cell {
  readonly text: string;
  readonly kind: HighlightKind | 'prediction';
  readonly cursor?: boolean;
}

/** Splits the input into lines of styled cells, the cursor and the prediction included. */
function layout(text: string, cursor: number | undefined, predicted: string | undefined): Cell[][] {
  const lines: Cell[][] = [[]];
  const push = (cell: Cell): void => {
    const parts = cell.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== '') lines[lines.length - 1].push({ ...cell, text: part });
    });
  };
  for (const run of highlight(text)) {
    if (cursor !== undefined && cursor >= run.start && cursor < run.end) {
      push({ text: text.slice(run.start, cursor), kind: run.kind });
      const under = text[cursor];
      if (under === '\n') {
        push({ text: ' ', kind: run.kind, cursor: true });
        push({ text: text.slice(cursor, run.end), kind: run.kind });
      } else {
        push({ text: under, kind: run.kind, cursor: true });
        push({ text: text.slice(cursor + 1, run.end), kind: run.kind });
      }
    } else {
      push({ text: text.slice(run.start, run.end), kind: run.kind });
    }
  }
  if (cursor !== undefined && cursor >= text.length) {
    push({ text: predicted ? predicted[0] : ' ', kind: predicted ? 'prediction' : 'default', cursor: true });
    if (predicted && predicted.length > 1) push({ text: predicted.slice(1), kind: 'prediction' });
  }
  return lines;
}

function CellText({ cell }: { readonly cell: Cell }): ReactElement {
  if (cell.kind === 'prediction') {
    return (
      <Text dimColor italic inverse={cell.cursor}>
        {cell.text}
      </Text>
    );
  }
  const colour = cell.kind === 'default' ? undefined : HIGHLIGHT_COLOURS[cell.kind];
  return (
    <Text color={colour} inverse={cell.cursor}>
      {cell.text}
    </Text>
  );
}

function CompletionMenu({ state, width }: { readonly state: CompletionState; readonly width: number }): ReactElement {
  const items = state.completion.matches.map((m) => m.listItem);
  const cellWidth = Math.min(width, Math.max(...items.map((i) => i.length)) + 2);
  const columns = Math.max(1, Math.floor(width / cellWidth));
  const rows = Math.ceil(items.length / columns);
  const selectedRow = state.index < 0 ? 0 : state.index % rows;
  const first = Math.max(0, Math.min(selectedRow - MENU_ROWS + 1, rows - MENU_ROWS));
  const shownRows = Array.from({ length: Math.min(rows, MENU_ROWS) }, (_, i) => first + i);
  return (
    <Box flexDirection="column">
      {shownRows.map((row) => (
        <Box key={row}>
          {Array.from({ length: columns }, (_, column) => column * rows + row)
            .filter((index) => index < items.length)
            .map((index) => (
              <Box key={index} width={cellWidth}>
                <Text inverse={index === state.index} wrap="truncate">
                  {items[index]}
                </Text>
              </Box>
            ))}
        </Box>
      ))}
    </Box>
  );
}

/** The interactive input line. */
export function PromptEditor({ prompt, services, onDone, onReady }: PromptEditorProps): ReactElement {
  const servicesRef = useRef(services);
  servicesRef.current = services;
  const [state, dispatch] = useReducer((s: EditorState, press: KeyPress) => reduceKey(s, press, servicesRef.current), INITIAL_STATE);
  const { internal_eventEmitter: input, setRawMode } = useStdin();
  const { stdout } = useStdout();
  const width = stdout.columns || 80;

  useEffect(() => {
    setRawMode(true);
    return () => setRawMode(false);
  }, [setRawMode]);
  useEffect(() => {
    // Bracketed paste while the editor is up, so that a paste is told from typing; off again when
    // it unmounts (a command's own input is not marked) and if the process exits meanwhile.
    if (!stdout.isTTY) return undefined;
    const off = (): void => void stdout.write(BRACKETED_PASTE_OFF);
    stdout.write(BRACKETED_PASTE_ON);
    process.once('exit', off);
    return () => {
      process.off('exit', off);
      off();
    };
  }, [stdout]);
  const readyRef = useRef(onReady);
  readyRef.current = onReady;
  useEffect(() => {
    const onInput = (data: string): void => decodeKeys(data).forEach(dispatch);
    input.on('input', onInput);
    readyRef.current?.();
    return () => {
      input.off('input', onInput);
    };
  }, [input]);
  useEffect(() => {
    if (state.outcome) onDone(state.outcome);
  }, [state.outcome, onDone]);

  const done = state.outcome !== undefined;
  const text = state.buffer.text;
  const predicted = done ? undefined : prediction(state, services.history);
  const lines = useMemo(() => layout(text, done ? undefined : state.buffer.cursor, predicted), [text, done, state.buffer.cursor, predicted]);
  const hasErrors = useMemo(() => parseErrorRanges(text).length > 0, [text]);
  const search = state.search;

  return (
    <Box flexDirection="column" width={width}>
      {lines.map((cells, i) => (
        <Text key={i} wrap="wrap">
          {i === 0 ? <Text color={hasErrors && !done ? 'redBright' : undefined}>{prompt}</Text> : CONTINUATION_PROMPT}
          {cells.map((cell, j) => (
            <CellText key={j} cell={cell} />
          ))}
        </Text>
      ))}
      {search && !done ? <Text>{`${search.index === undefined && search.query !== '' ? 'failing ' : ''}bck-i-search: ${search.query}_`}</Text> : null}
      {state.completion && !done && state.completion.completion.matches.length > 1 ? <CompletionMenu state={state.completion} width={width} /> : null}
    </Box>
  );
}

/** Mounts an editor on the terminal and resolves with how editing ended, once its last frame is drawn. */
export async function readEditorLine(prompt: string, services: EditorServices): Promise<EditorOutcome> {
  let outcome: EditorOutcome = { kind: 'exit' };
  const instance = render(
    <PromptEditor
      prompt={prompt}
      services={services}
      onDone={(result) => {
        outcome = result;
        instance.unmount();
      }}
    />,
    { exitOnCtrlC: false, patchConsole: false },
  );
  await instance.waitUntilExit();
  return outcome;
}
