/**
 * The one way tests render the line editor: ink-testing-library (100 columns), services from a
 * real shell over a temporary home and folder, keys sent only once the editor listens for them.
 */
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { RecordingHost } from '@dpmsh/cmdlets';
import type { Shell } from '@dpmsh/language';
import { createDpmshShell } from '../../compose.js';
import { render } from 'ink-testing-library';
import { complete } from '../completion.js';
import type { EditorOutcome, EditorServices } from '../editor-state.js';
import { History } from '../history.js';
import { PromptEditor } from '../prompt-editor.js';

/** A rendered editor: send keys, read the frame, see how editing ended. */
export interface RenderedEditor {
  readonly shell: Shell;
  readonly folder: string;
  /** Sends raw terminal input, one event per argument, letting each render. */
  press(...inputs: string[]): Promise<void>;
  /** The last frame, colours stripped. */
  frame(): string;
  /** How editing ended; waits briefly for it, as it is reported after the last frame. */
  outcome(): Promise<EditorOutcome | undefined>;
  unmount(): void;
}

/** A new shell in a new temporary folder, for a test to prepare before rendering. */
export async function testShell(): Promise<{ shell: Shell; folder: string }> {
  const folder = realpathSync(mkdtempSync(join(tmpdir(), 'dpmsh-editor-')));
  const shell = await createDpmshShell({ host: new RecordingHost(), dpmshHome: join(folder, '.dpmsh'), location: folder });
  return { shell, folder };
}

const pause = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Waits until a new frame has been drawn and nothing more follows for a moment (or a second passed). */
async function settle(frames: readonly string[], before: number): Promise<void> {
  const deadline = Date.now() + 1000;
  while (frames.length === before && Date.now() < deadline) await pause(5);
  let seen = frames.length;
  do {
    seen = frames.length;
    await pause(20);
  } while (frames.length !== seen && Date.now() < deadline);
}

/** Renders the editor over a shell (a new one unless given) and waits until it takes keys. */
export async function renderEditor(options: { prompt?: string; history?: readonly string[]; shell?: { shell: Shell; folder: string } } = {}): Promise<RenderedEditor> {
  const { shell, folder } = options.shell ?? (await testShell());
  const history = new History(undefined);
  for (const entry of options.history ?? []) history.add(entry);
  const services: EditorServices = {
    isIncomplete: (text) => shell.isIncomplete(text),
    complete: (text, cursor) => complete(shell.session, text, cursor),
    history,
  };
  let outcome: EditorOutcome | undefined;
  let ready: () => void = () => undefined;
  const armed = new Promise<void>((done) => (ready = done));
  const instance = render(
    <PromptEditor prompt={options.prompt ?? `PS ${folder}> `} services={services} onDone={(o) => (outcome = o)} onReady={() => ready()} />,
  );
  await armed;
  return {
    shell,
    folder,
    async press(...inputs) {
      for (const input of inputs) {
        const before = instance.frames.length;
        instance.stdin.write(input);
        await settle(instance.frames, before);
      }
    },
    frame: () => stripVTControlCharacters(instance.lastFrame() ?? '').split('\n').map((l) => l.trimEnd()).join('\n'),
    async outcome() {
      for (let i = 0; i < 100 && outcome === undefined; i++) await pause(10);
      return outcome;
    },
    unmount: () => instance.unmount(),
  };
}
