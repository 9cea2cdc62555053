/**
 * Whether a warning names a path. A plain substring test would let a warning about 'ab' excuse
 * 'a', so the path must stand alone: not preceded or followed by more of a name.
 */
const BEFORE = /[\s'"`(\[]$/;
const AFTER = /^[\s'"`)\],;:.!?]/;

function standsAlone(text: string, path: string): boolean {
  for (let at = text.indexOf(path); at !== -1; at = text.indexOf(path, at + 1)) {
    const before = text.slice(0, at);
    const after = text.slice(at + path.length);
    // A trailing '.' ends a sentence only when nothing of a name follows it ('a.txt' is not 'a').
    const endsHere = after === '' || (AFTER.test(after) && !/^\.[^\s]/.test(after));
    if ((before === '' || BEFORE.test(before)) && endsHere) return true;
  }
  return false;
}

/** True when one of `warnings` names one of `paths`. */
export function warningsName(warnings: readonly string[], paths: readonly string[]): boolean {
  return warnings.some((warning) => paths.some((path) => standsAlone(warning, path)));
}
