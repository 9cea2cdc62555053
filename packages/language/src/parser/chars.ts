/**
 * Character classes of the PowerShell tokenizer. PowerShell accepts several Unicode look-alikes
 * for dashes and quotes (scripts pasted from word processors), so every check goes through here.
 */

/** `-`, en dash, em dash, horizontal bar. */
export function isDash(c: string): boolean {
  return c === '-' || c === '\u2013' || c === '\u2014' || c === '\u2015';
}

/** `'` and the curly single quotes PowerShell treats the same. */
export function isSingleQuote(c: string): boolean {
  return c === "'" || c === '\u2018' || c === '\u2019' || c === '\u201A' || c === '\u201B';
}

/** `"` and the curly double quotes PowerShell treats the same. */
export function isDoubleQuote(c: string): boolean {
  return c === '"' || c === '\u201C' || c === '\u201D' || c === '\u201E';
}

export function isQuote(c: string): boolean {
  return isSingleQuote(c) || isDoubleQuote(c);
}

export function isNewlineChar(c: string): boolean {
  return c === '\n' || c === '\r';
}

/** Horizontal white space (not line breaks), as .NET `char.IsWhiteSpace` minus newlines. */
export function isSpace(c: string): boolean {
  switch (c) {
    case ' ':
    case '\t':
    case '\v':
    case '\f':
    case '\u00A0':
    case '\u0085':
    case '\u1680':
    case '\u2028':
    case '\u2029':
    case '\u202F':
    case '\u205F':
    case '\u3000':
    case '\uFEFF':
      return true;
    default:
      return c >= '\u2000' && c <= '\u200A';
  }
}

/**
 * Characters that end a bareword no matter the mode ("a#b" is one token, "a{" is two).
 * This is PowerShell's ForceStartNewToken set; '' stands for end of input.
 */
export function forcesNewToken(c: string): boolean {
  switch (c) {
    case '':
    case '\n':
    case '\r':
    case '{':
    case '}':
    case '(':
    case ')':
    case ';':
    case ',':
    case '|':
    case '&':
      return true;
    default:
      return isSpace(c);
  }
}

const letterRe = /\p{L}/u;
const letterOrDigitRe = /[\p{L}\p{Nd}]/u;

export function isLetter(c: string): boolean {
  if (c === '') return false;
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return letterRe.test(c);
}

export function isDigit(c: string): boolean {
  return c >= '0' && c <= '9' && c.length === 1;
}

export function isHexDigit(c: string): boolean {
  return c.length === 1 && /[0-9a-fA-F]/.test(c);
}

/** Letters, digits and `_`: the characters of identifiers, member names and labels. */
export function isIdentifierChar(c: string): boolean {
  if (c === '') return false;
  const code = c.charCodeAt(0);
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  }
  return letterOrDigitRe.test(c);
}

/** Characters of an unbraced variable name; `?` is one, which is why `$x?.y` needs braces. */
export function isVariableNameChar(c: string): boolean {
  return isIdentifierChar(c) || c === '?';
}
