/**
 * A small, strict reader and writer for flat XML documents: one root element whose children are
 * leaf elements holding text. It is just enough for the vault credentials file; it refuses what
 * the shape does not need (DOCTYPE and custom entities among them, so no entity expansion),
 * and throws XmlFormatError with the position of the first problem. Private to this package.
 */

/** Why a document was refused, with the character offset. */
export class XmlFormatError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} (at character ${offset})`);
    this.name = 'XmlFormatError';
  }
}

/** A leaf child: its local name and namespace, its text, and whether it is xsi:nil. */
export interface FlatXmlChild {
  readonly localName: string;
  readonly namespace: string;
  readonly text: string;
  readonly nil: boolean;
}

/** A parsed flat document. */
export interface FlatXmlDocument {
  readonly rootLocalName: string;
  readonly rootNamespace: string;
  readonly children: readonly FlatXmlChild[];
}

/** The XML Schema instance namespace, which carries `nil`. */
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

const NAME = /[A-Za-z_][A-Za-z0-9._-]*(?::[A-Za-z_][A-Za-z0-9._-]*)?/y;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Escapes text for element content. */
export function escapeText(text: string): string {
  assertXmlChars(text);
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

/** Escapes text for a double-quoted attribute value. */
export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;');
}

/** Replaces the five predefined entities and character references; refuses anything else. */
export function unescape(text: string, offset: number): string {
  return text.replace(/&([^;&<]*);?/g, (match, body: string, at: number) => {
    if (!match.endsWith(';')) throw new XmlFormatError("an '&' that does not start an entity", offset + at);
    const predefined = PREDEFINED[body];
    if (predefined !== undefined) return predefined;
    const m = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
    if (m === null) throw new XmlFormatError(`unknown entity '&${body};'`, offset + at);
    const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2] as string, 10);
    if (!isXmlChar(code)) throw new XmlFormatError(`character reference to a character XML forbids (${body})`, offset + at);
    return String.fromCodePoint(code);
  });
}

/** Parses a flat document: optional declaration, one root, leaf children, comments anywhere between. */
export function parseFlatXml(source: string): FlatXmlDocument {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.codePointAt(i) as number;
    if (!isXmlChar(code)) throw new XmlFormatError(`a character XML forbids (U+${code.toString(16).padStart(4, '0')})`, i);
    if (code > 0xffff) i += 1;
  }
  const r = new Reader(text);
  if (r.startsWith('<?xml')) r.skipDeclaration();
  r.skipMisc();
  if (r.startsWith('<!DOCTYPE')) r.fail('a DOCTYPE is not allowed');
  const root = r.startTag(new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]));
  const children: FlatXmlChild[] = [];
  if (!root.selfClosing) {
    for (;;) {
      r.skipMisc();
      if (r.startsWith('</')) {
        r.endTag(root.qname);
        break;
      }
      if (!r.startsWith('<')) r.fail('text directly inside the root element');
      const child = r.startTag(root.scope);
      let text = '';
      if (!child.selfClosing) {
        text = r.content();
        r.endTag(child.qname);
      }
      const nilValue = child.attributes.get(`{${XSI_NAMESPACE}}nil`);
      children.push({ localName: child.localName, namespace: child.namespace, text, nil: nilValue === 'true' });
    }
  }
  r.skipMisc();
  if (!r.atEnd()) r.fail('content after the root element');
  return { rootLocalName: root.localName, rootNamespace: root.namespace, children };
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function assertXmlChars(text: string): void {
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (!isXmlChar(code)) throw new TypeError(`XML cannot hold the character U+${code.toString(16).padStart(4, '0')}`);
  }
}

interface StartTag {
  readonly qname: string;
  readonly localName: string;
  readonly namespace: string;
  /** Attribute values by `{namespace}local` (or plain local name when unprefixed). */
  readonly attributes: ReadonlyMap<string, string>;
  readonly scope: ReadonlyMap<string, string>;
  readonly selfClosing: boolean;
}

class Reader {
  private pos = 0;

  constructor(private readonly s: string) {}

  fail(message: string): never {
    throw new XmlFormatError(message, this.pos);
  }

  atEnd(): boolean {
    return this.pos >= this.s.length;
  }

  startsWith(text: string): boolean {
    return this.s.startsWith(text, this.pos);
  }

  skipDeclaration(): void {
    const end = this.s.indexOf('?>', this.pos);
    if (end < 0) this.fail('an unterminated XML declaration');
    const decl = this.s.slice(this.pos, end);
    if (!/^<\?xml\s+version\s*=\s*(["'])1\.[0-9]\1/.test(decl)) this.fail('an XML declaration without a version');
    const encoding = /encoding\s*=\s*(["'])([^"']*)\1/.exec(decl);
    if (encoding !== null && !/^utf-?8$/i.test(encoding[2] as string)) this.fail(`an encoding other than UTF-8 (${encoding[2]})`);
    this.pos = end + 2;
  }

  skipMisc(): void {
    for (;;) {
      this.skipSpace();
      if (this.startsWith('<!--')) {
        const end = this.s.indexOf('-->', this.pos + 4);
        if (end < 0) this.fail('an unterminated comment');
        this.pos = end + 3;
      } else if (this.startsWith('<?')) {
        this.fail('a processing instruction');
      } else {
        return;
      }
    }
  }

  private skipSpace(): void {
    while (this.pos < this.s.length && /[ \t\r\n]/.test(this.s[this.pos] as string)) this.pos += 1;
  }

  private name(): string {
    NAME.lastIndex = this.pos;
    const m = NAME.exec(this.s);
    if (m === null) this.fail('a name was expected');
    this.pos += m[0].length;
    return m[0];
  }

  startTag(parentScope: ReadonlyMap<string, string>): StartTag {
    if (!this.startsWith('<')) this.fail("'<' was expected");
    this.pos += 1;
    const qname = this.name();
    const raw: Array<[string, string, number]> = [];
    for (;;) {
      const before = this.pos;
      this.skipSpace();
      if (this.startsWith('/>') || this.startsWith('>')) break;
      if (this.pos === before) this.fail('a space was expected between attributes');
      const attrAt = this.pos;
      const attrName = this.name();
      this.skipSpace();
      if (!this.startsWith('=')) this.fail(`'=' was expected after attribute ${attrName}`);
      this.pos += 1;
      this.skipSpace();
      const quote = this.s[this.pos];
      if (quote !== '"' && quote !== "'") this.fail('a quoted attribute value was expected');
      const end = this.s.indexOf(quote, this.pos + 1);
      if (end < 0) this.fail('an unterminated attribute value');
      const value = this.s.slice(this.pos + 1, end);
      if (value.includes('<')) this.fail("'<' inside an attribute value");
      if (raw.some(([n]) => n === attrName)) this.fail(`attribute ${attrName} given twice`);
      raw.push([attrName, unescape(value, this.pos + 1), attrAt]);
      this.pos = end + 1;
    }
    const selfClosing = this.startsWith('/>');
    this.pos += selfClosing ? 2 : 1;

    const scope = new Map(parentScope);
    for (const [n, v] of raw) {
      if (n === 'xmlns') scope.set('', v);
      else if (n.startsWith('xmlns:')) scope.set(n.slice(6), v);
    }
    const resolve = (q: string, at: number, isElement: boolean): [string, string] => {
      const colon = q.indexOf(':');
      if (colon < 0) return [isElement ? (scope.get('') ?? '') : '', q];
      const prefix = q.slice(0, colon);
      const ns = scope.get(prefix);
      if (ns === undefined) throw new XmlFormatError(`undeclared namespace prefix '${prefix}'`, at);
      return [ns, q.slice(colon + 1)];
    };
    const [namespace, localName] = resolve(qname, this.pos, true);
    const attributes = new Map<string, string>();
    for (const [n, v, at] of raw) {
      if (n === 'xmlns' || n.startsWith('xmlns:')) continue;
      const [ns, local] = resolve(n, at, false);
      const key = ns === '' ? local : `{${ns}}${local}`;
      if (attributes.has(key)) throw new XmlFormatError(`attribute ${n} given twice`, at);
      attributes.set(key, v);
    }
    return { qname, localName, namespace, attributes, scope, selfClosing };
  }

  endTag(qname: string): void {
    if (!this.startsWith('</')) this.fail(`'</${qname}>' was expected`);
    this.pos += 2;
    const at = this.pos;
    const name = this.name();
    if (name !== qname) throw new XmlFormatError(`'</${name}>' closes <${qname}>`, at);
    this.skipSpace();
    if (!this.startsWith('>')) this.fail("'>' was expected");
    this.pos += 1;
  }

  /** Text content of a leaf element: character data, references and CDATA sections. */
  content(): string {
    let text = '';
    for (;;) {
      const lt = this.s.indexOf('<', this.pos);
      if (lt < 0) this.fail('an unterminated element');
      const chunk = this.s.slice(this.pos, lt);
      if (chunk.includes(']]>')) this.fail("']]>' in text");
      text += unescape(chunk, this.pos);
      this.pos = lt;
      if (this.startsWith('<![CDATA[')) {
        const end = this.s.indexOf(']]>', this.pos + 9);
        if (end < 0) this.fail('an unterminated CDATA section');
        text += this.s.slice(this.pos + 9, end);
        this.pos = end + 3;
      } else if (this.startsWith('<!--')) {
        const end = this.s.indexOf('-->', this.pos + 4);
        if (end < 0) this.fail('an unterminated comment');
        this.pos = end + 3;
      } else if (this.startsWith('</')) {
        return text;
      } else {
        this.fail('a nested element where only text is allowed');
      }
    }
  }
}
