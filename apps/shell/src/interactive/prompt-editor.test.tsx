import { afterEach, describe, expect, it } from 'vitest';
import { renderEditor, type RenderedEditor } from './test-support/render-editor.js';

const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const UP = '\x1b[A';
const DOWN = '\x1b[B';
const HOME = '\x1b[H';
const END = '\x1b[F';
const DELETE = '\x1b[3~';
const BACKSPACE = '\x7f';
const CTRL_LEFT = '\x1b[1;5D';
const CTRL_RIGHT = '\x1b[1;5C';
const SHIFT_TAB = '\x1b[Z';

let editor: RenderedEditor | undefined;
afterEach(() => editor?.unmount());

async function editorWith(options: Parameters<typeof renderEditor>[0] = {}): Promise<RenderedEditor> {
  editor = await renderEditor({ prompt: 'PS /w> ', ...options });
  return editor;
}

describe('the prompt editor', () => {
  it("shows PowerShell's prompt and the typed text, and Enter accepts a complete line", async () => {
    const e = await editorWith();
    await e.press('Get-Item .');
    expect(e.frame()).toBe('PS /w> Get-Item .');
    await e.press('\r');
    expect(await e.outcome()).toEqual({ kind: 'accept', text: 'Get-Item .' });
  });

  it('moves by character, line end and word and edits where the cursor is', async () => {
    const e = await editorWith();
    await e.press('Get-Item', HOME, 'x', '\x05', 'y', '\x01', DELETE, END, BACKSPACE, LEFT, LEFT, 'Z', RIGHT, 'W');
    expect(e.frame()).toBe('PS /w> Get-ItZeWm');
    await e.press('\x05', '\x15', 'one two three', CTRL_LEFT, CTRL_LEFT, '[', CTRL_RIGHT, ']', '\x1bb', '\x1bb', '<', '\x1bf', '>');
    expect(e.frame()).toBe('PS /w> <one> [two] three');
  });

  it('deletes a word back with Ctrl+W, to the start with Ctrl+U and to the end with Ctrl+K', async () => {
    const e = await editorWith();
    await e.press('Get-Item -Path here', '\x17');
    expect(e.frame()).toBe('PS /w> Get-Item -Path');
    await e.press(CTRL_LEFT, CTRL_LEFT, '\x0b');
    expect(e.frame()).toBe('PS /w> Get-');
    await e.press('Item', LEFT, '\x15');
    expect(e.frame()).toBe('PS /w> m');
  });

  it('continues incomplete input on a >> line and accepts it once the parser says it is complete', async () => {
    const e = await editorWith();
    await e.press('function f {', '\r', '"in f"', '\r');
    expect(e.frame()).toBe('PS /w> function f {\n>> "in f"\n>>');
    expect(await e.outcome()).toBeUndefined();
    await e.press('}', '\r');
    expect(await e.outcome()).toEqual({ kind: 'accept', text: 'function f {\n"in f"\n}' });
  });

  it('takes a paste of many lines as one input', async () => {
    const e = await editorWith();
    await e.press('"one"\r"two"\r');
    expect(await e.outcome()).toEqual({ kind: 'accept', text: '"one"\n"two"' });
  });

  it('walks the history with Up and Down and gives back the draft', async () => {
    const e = await editorWith({ history: ['"first"', '"second"'] });
    await e.press('dra', UP);
    expect(e.frame()).toBe('PS /w> "second"');
    await e.press(UP, UP);
    expect(e.frame()).toBe('PS /w> "first"');
    await e.press(DOWN, DOWN);
    expect(e.frame()).toBe('PS /w> dra');
  });

  it('predicts from history and Right accepts the prediction', async () => {
    const e = await editorWith({ history: ['Get-ChildItem -Recurse', 'Get-Date'] });
    await e.press('Get-Ch');
    expect(e.frame()).toBe('PS /w> Get-ChildItem -Recurse');
    await e.press(RIGHT, '\r');
    expect(await e.outcome()).toEqual({ kind: 'accept', text: 'Get-ChildItem -Recurse' });
  });

  it('searches history backwards with Ctrl+R, incrementally', async () => {
    const e = await editorWith({ history: ['"alpha one"', '"beta"', '"alpha two"'] });
    await e.press('\x12', 'alp');
    expect(e.frame()).toBe('PS /w> "alpha two"\nbck-i-search: alp_');
    await e.press('\x12');
    expect(e.frame()).toBe('PS /w> "alpha one"\nbck-i-search: alp_');
    await e.press('x');
    expect(e.frame()).toBe('PS /w> "alpha one"\nfailing bck-i-search: alpx_');
    await e.press('\x1b');
    // A lone Escape is told from the start of a sequence only after a pause.
    await new Promise((r) => setTimeout(r, 50));
    expect(e.frame()).toBe('PS /w>');
  });

  it('completes with Tab, cycles with Tab and Shift+Tab, and lists the matches under the line', async () => {
    const e = await editorWith();
    await e.press('Get-DPMCloud', '\t');
    expect(e.frame()).toBe(
      `PS /w> Get-DPMCloudConnection\n${'Get-DPMCloudConnection'.padEnd(33)}${'Get-DPMCloudStatus'.padEnd(33)}Get-DPMCloudSubscriptionSetting`,
    );
    await e.press('\t');
    expect(e.frame().split('\n')[0]).toBe('PS /w> Get-DPMCloudStatus');
    await e.press(SHIFT_TAB, SHIFT_TAB);
    expect(e.frame().split('\n')[0]).toBe('PS /w> Get-DPMCloudSubscriptionSetting');
    await e.press(' ');
    expect(e.frame()).toBe('PS /w> Get-DPMCloudSubscriptionSetting');
  });

  it('cancels the line with Ctrl+C and ends input with Ctrl+D on an empty line', async () => {
    const e = await editorWith();
    await e.press('"abandoned"', '\x03');
    expect(await e.outcome()).toEqual({ kind: 'cancel', text: '"abandoned"' });
    e.unmount();
    const f = await editorWith();
    await f.press('\x04');
    expect(await f.outcome()).toEqual({ kind: 'exit' });
  });
});

describe('a bracketed paste', () => {
  it('is inserted as text: its lines stay one multi-line input and its tabs are not completion', async () => {
    const e = await editorWith();
    await e.press('\x1b[200~', 'function Get-Two {\r', "\t'two'\r}", '\x1b[201~');
    expect(e.frame()).toBe("PS /w> function Get-Two {\n>> \t'two'\n>> }");
    expect(await e.outcome()).toBeUndefined();
    await e.press('\r');
    expect(await e.outcome()).toEqual({ kind: 'accept', text: "function Get-Two {\n\t'two'\n}" });
  });

  it('keeps Tab and Enter keys that arrive inside the paste as text, and typing after it edits again', async () => {
    const e = await editorWith();
    await e.press('\x1b[200~', 'Get-DPMCloud', '\t', '\r', '\x1b[201~', BACKSPACE, BACKSPACE);
    expect(e.frame()).toBe('PS /w> Get-DPMCloud');
    await e.press('\t');
    expect(e.frame().split('\n')[0]).toBe('PS /w> Get-DPMCloudConnection');
  });
});
