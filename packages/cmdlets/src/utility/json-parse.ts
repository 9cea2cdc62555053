/**
 * ConvertFrom-Json's reader, after the Json.NET settings PowerShell 7 uses: objects become
 * custom objects (or ordered hashtables) in key order, integers Int64, other numbers Double,
 * ISO 8601 date-times DateTime; comments, single-quoted strings and unquoted names are accepted.
 */
import { PSDateTime, PSHashtable, PSObject, makeInteger, makeNumber, fitsIntegerType, makeDateTime } from '@dpmsh/runtime';

/** A JSON text that cannot be read: `message` is Json.NET's wording, without the "Conversion from JSON failed" prefix. */
export class JsonSyntaxError extends Error {}

/** A problem PowerShell reports itself (duplicate keys, empty names, depth). */
export class JsonConversionError extends Error {
  constructor(
    message: string,
    readonly errorId: string,
  ) {
    super(message);
  }
}

/** How objects are read. */
export interface JsonReadOptions {
  readonly asHashtable: boolean;
  /** Nesting allowed (1024 by default). */
  readonly depth: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/** An ISO 8601 date-time as Json.NET reads it: no zone is Unspecified, Z is Utc, an offset becomes local time. */
export function isoDateTime(text: string): PSDateTime | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  const zone = m[8];
  const kind = zone === undefined ? 'Unspecified' : 'Utc';
  const parts = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)] as const;
  const date = makeDateTime(...parts, ms, kind);
  if (!date || zone === undefined || zone === 'Z') return date;
  const sign = zone[0] === '-' ? -1 : 1;
  const offset = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  // The instant, shown as local time (Kind Local), as .NET converts a date with an offset.
  return new PSDateTime(date.ms - offset, 'Local');
}

class Reader {
  #pos = 0;
  #line = 1;
  #lineStart = 0;
  constructor(
    readonly text: string,
    readonly options: JsonReadOptions,
  ) {}

  #fail(message: string): never {
    throw new JsonSyntaxError(`${message} Path '', line ${this.#line}, position ${this.#pos - this.#lineStart}.`);
  }

  #skip(): void {
    for (;;) {
      const c = this.text[this.#pos];
      if (c === '\n') {
        this.#pos++;
        this.#line++;
        this.#lineStart = this.#pos;
      } else if (c === ' ' || c === '\t' || c === '\r' || c === '\ufeff') this.#pos++;
      else if (c === '/' && this.text[this.#pos + 1] === '/') {
        while (this.#pos < this.text.length && this.text[this.#pos] !== '\n') this.#pos++;
      } else if (c === '/' && this.text[this.#pos + 1] === '*') {
        const end = this.text.indexOf('*/', this.#pos + 2);
        if (end < 0) this.#fail('Unexpected end while parsing comment.');
        this.#pos = end + 2;
      } else return;
    }
  }

  /** Reads the whole text as one value; undefined for empty text. */
  document(): { value: unknown } | undefined {
    this.#skip();
    if (this.#pos >= this.text.length) return undefined;
    const value = this.#value(0);
    this.#skip();
    if (this.#pos < this.text.length) this.#fail(`Additional text encountered after finished reading JSON content: ${this.text[this.#pos]}.`);
    return { value };
  }

  #value(depth: number): unknown {
    this.#skip();
    const c = this.text[this.#pos];
    if (c === undefined) this.#fail('Unexpected end when reading JSON.');
    if (c === '{') return this.#object(depth + 1);
    if (c === '[') return this.#array(depth + 1);
    if (c === '"' || c === "'") {
      const s = this.#string();
      return isoDateTime(s) ?? s;
    }
    if (c === '-' || (c >= '0' && c <= '9')) return this.#number();
    const word = /^[A-Za-z]+/.exec(this.text.slice(this.#pos))?.[0] ?? '';
    const literals: Record<string, unknown> = { true: true, false: false, null: null, NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY };
    if (word in literals) {
      this.#pos += word.length;
      return literals[word];
    }
    this.#fail(`Unexpected character encountered while parsing value: ${c}.`);
  }

  #checkDepth(depth: number): void {
    if (depth > this.options.depth) {
      throw new JsonConversionError(`The reader's MaxDepth of ${this.options.depth} has been exceeded. Path '', line ${this.#line}, position ${this.#pos - this.#lineStart + 1}.`, 'System.ArgumentException');
    }
  }

  #array(depth: number): unknown[] {
    this.#checkDepth(depth);
    this.#pos++;
    const items: unknown[] = [];
    for (;;) {
      this.#skip();
      if (this.text[this.#pos] === ']') {
        this.#pos++;
        return items;
      }
      items.push(this.#value(depth));
      this.#skip();
      const c = this.text[this.#pos];
      if (c === ',') this.#pos++;
      else if (c !== ']') this.#fail(c === undefined ? 'Unexpected end when reading JSON.' : `After parsing a value an unexpected character was encountered: ${c}.`);
    }
  }

  #object(depth: number): PSObject | PSHashtable {
    this.#checkDepth(depth);
    this.#pos++;
    const hashtable = this.options.asHashtable ? new PSHashtable(true) : undefined;
    const obj = hashtable ? undefined : new PSObject();
    const keys = new Map<string, string>();
    for (;;) {
      this.#skip();
      const c = this.text[this.#pos];
      if (c === '}') {
        this.#pos++;
        return hashtable ?? obj!;
      }
      let name: string;
      if (c === '"' || c === "'") name = this.#string();
      else {
        const word = /^[A-Za-z_$][\w$]*/.exec(this.text.slice(this.#pos))?.[0];
        if (!word) this.#fail(c === undefined ? 'Unexpected end when reading JSON.' : `Invalid property identifier character: ${c}.`);
        name = word;
        this.#pos += word.length;
      }
      this.#skip();
      if (this.text[this.#pos] !== ':') this.#fail(`Invalid character after parsing property name. Expected ':' but got: ${this.text[this.#pos] ?? 'end'}.`);
      this.#pos++;
      const value = this.#value(depth);
      if (hashtable) hashtable.set(name, value);
      else {
        if (name === '') throw new JsonConversionError('The provided JSON includes a property whose name is an empty string, this is only supported using the -AsHashtable switch.', 'EmptyKeyInJsonString');
        const existing = keys.get(name.toLowerCase());
        if (existing !== undefined && existing !== name) {
          throw new JsonConversionError(
            `Cannot convert the JSON string because it contains keys with different casing. Please use the -AsHashtable switch instead. The key that was attempted to be added to the existing key '${existing}' was '${name}'.`,
            'KeysWithDifferentCasesInJsonString',
          );
        }
        keys.set(name.toLowerCase(), name);
        obj!.addNote(name, value);
      }
      this.#skip();
      const next = this.text[this.#pos];
      if (next === ',') this.#pos++;
      else if (next !== '}') this.#fail(next === undefined ? 'Unexpected end when reading JSON.' : `After parsing a value an unexpected character was encountered: ${next}.`);
    }
  }

  #string(): string {
    const quote = this.text[this.#pos++];
    let out = '';
    for (;;) {
      const c = this.text[this.#pos++];
      if (c === undefined) this.#fail('Unterminated string. Expected delimiter: ' + quote + '.');
      if (c === quote) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.text[this.#pos++];
      const escapes: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', '"': '"', "'": "'", '\\': '\\', '/': '/' };
      if (e === 'u') {
        const hex = this.text.slice(this.#pos, this.#pos + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.#fail('Invalid Unicode escape sequence.');
        out += String.fromCharCode(parseInt(hex, 16));
        this.#pos += 4;
      } else if (e !== undefined && e in escapes) out += escapes[e];
      else this.#fail(`Bad JSON escape sequence: \\${e ?? ''}.`);
    }
  }

  #number(): unknown {
    const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.#pos));
    if (!m) this.#fail(`Unexpected character encountered while parsing value: ${this.text[this.#pos]}.`);
    this.#pos += m[0].length;
    if (m[1] === undefined && m[2] === undefined) {
      // Integers are Int64 while they fit (exactly), as Json.NET reads them.
      const big = BigInt(m[0]);
      if (fitsIntegerType('Int64', big)) return makeInteger('Int64', big);
    }
    return makeNumber('Double', Number(m[0]));
  }
}

/** Reads a JSON text; undefined for text that is empty or only white space. */
export function parseJson(text: string, options: JsonReadOptions): { value: unknown } | undefined {
  return new Reader(text, options).document();
}
