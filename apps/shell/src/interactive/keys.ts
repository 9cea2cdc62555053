/**
 * Terminal input decoded into keys. Ink splits raw input into one escape sequence or one run of
 * plain text per event; this names each the way the editor's bindings speak (PSReadLine's
 * names: Ctrl+LeftArrow, Alt+b, Shift+Tab...). Plain text (typing or a paste) stays text.
 */

/** A named key with its modifiers, or text to insert. */
export type KeyPress =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'key'; readonly name: KeyName; readonly ctrl: boolean; readonly alt: boolean; readonly shift: boolean };

/** A key's name: 'up', 'home', 'delete', 'backspace', 'enter', 'tab', 'escape', 'space', or a letter 'a'..'z'. */
export type KeyName = string;

const CSI_FINAL: Readonly<Record<string, KeyName>> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', Z: 'tab' };
const CSI_TILDE: Readonly<Record<string, KeyName>> = { '1': 'home', '7': 'home', '4': 'end', '8': 'end', '3': 'delete', '5': 'pageup', '6': 'pagedown',
  // Bracketed paste (enabled while the editor is mounted) marks where a paste starts and ends.
  '200': 'pastestart', '201': 'pasteend' };

function key(name: KeyName, mods: { ctrl?: boolean; alt?: boolean; shift?: boolean } = {}): KeyPress {
  return { kind: 'key', name, ctrl: mods.ctrl ?? false, alt: mods.alt ?? false, shift: mods.shift ?? false };
}

/** xterm's modifier parameter: 1 + (shift 1 | alt 2 | ctrl 4). */
function modifiers(parameter: string | undefined): { ctrl: boolean; alt: boolean; shift: boolean } {
  const bits = Math.max(0, Number(parameter ?? '1') - 1);
  return { shift: (bits & 1) !== 0, alt: (bits & 2) !== 0, ctrl: (bits & 4) !== 0 };
}

/** Decodes one input event as Ink delivers it. */
export function decodeKey(sequence: string): KeyPress {
  if (sequence === '\r' || sequence === '\n') return key('enter');
  if (sequence === '\t') return key('tab');
  if (sequence === '\x7f' || sequence === '\b') return key('backspace');
  if (sequence === '\x1b\x7f' || sequence === '\x1b\b') return key('backspace', { alt: true });
  if (sequence === '\x1b') return key('escape');
  if (sequence === '\x00') return key('space', { ctrl: true });
  if (sequence.length === 1) {
    const code = sequence.charCodeAt(0);
    if (code >= 1 && code <= 26) return key(String.fromCharCode(code + 96), { ctrl: true });
  }
  const csi = /^\x1b(?:\[|O)(?:(\d+)(?:;(\d+))?)?([~A-Z])$/.exec(sequence);
  if (csi) {
    const [, first, second, final] = csi;
    if (final === '~') {
      const name = CSI_TILDE[first ?? ''];
      if (name) return key(name, modifiers(second));
    } else {
      const name = CSI_FINAL[final];
      // ESC [ 1 ; 5 D is Ctrl+Left; ESC [ Z is Shift+Tab.
      if (name) return key(name, final === 'Z' ? { shift: true } : modifiers(second));
    }
    return { kind: 'text', text: '' };
  }
  if (sequence.startsWith('\x1b') && sequence.length === 2) {
    const letter = sequence[1];
    if (/[a-z]/i.test(letter)) return key(letter.toLowerCase(), { alt: true, shift: letter !== letter.toLowerCase() });
    return { kind: 'text', text: '' };
  }
  if (sequence.startsWith('\x1b')) return { kind: 'text', text: '' };
  // Text, possibly many pasted lines; other control characters are dropped.
  return { kind: 'text', text: sequence.replace(/\r\n?/g, '\n').replace(/[\x00-\x08\x0b-\x1f]/g, '') };
}

/**
 * Decodes one input event into key presses. Text typed faster than it is read arrives in one
 * event; a Tab at its end is still the Tab key (inside a paste, tabs stay text).
 */
export function decodeKeys(sequence: string): KeyPress[] {
  if (sequence.length > 1 && sequence.endsWith('\t') && !sequence.startsWith('\x1b')) {
    return [decodeKey(sequence.slice(0, -1)), decodeKey('\t')];
  }
  return [decodeKey(sequence)];
}

/** A short name for a key press such as 'Ctrl+r' or 'Shift+Tab', for bindings. */
export function chord(press: KeyPress): string {
  if (press.kind === 'text') return '';
  return `${press.ctrl ? 'Ctrl+' : ''}${press.alt ? 'Alt+' : ''}${press.shift ? 'Shift+' : ''}${press.name}`;
}
