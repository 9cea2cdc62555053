/**
 * Command history, kept in `$DPMSH_HOME/history` as PSReadLine keeps its file: one entry a line,
 * a multi-line entry with each inner line ending in a backtick. Entries that look like they hold
 * a secret stay in memory for this session only, as PSReadLine's default AddToHistoryHandler does.
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** $MaximumHistoryCount's default. */
export const DEFAULT_HISTORY_SIZE = 4096;

/** PSReadLine's sensitive words, and a passphrase (vault registration takes one). */
const SENSITIVE = /password|passphrase|asplaintext|token|apikey|secret/i;

/** True when an entry must not be written to the history file. */
export function isSensitive(entry: string): boolean {
  return SENSITIVE.test(entry);
}

/** Reads a history file's text into entries, oldest first. */
export function parseHistoryFile(text: string): string[] {
  const entries: string[] = [];
  let pending: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.endsWith('`')) {
      pending.push(line.slice(0, -1));
      continue;
    }
    pending.push(line);
    const entry = pending.join('\n');
    pending = [];
    if (entry.trim() !== '') entries.push(entry);
  }
  return entries;
}

function encode(entry: string): string {
  return `${entry.split('\n').join('`\n')}\n`;
}

/** The session's history: persisted entries plus this session's, newest last. */
export class History {
  readonly #file: string | undefined;
  readonly #limit: number;
  #entries: string[];

  /** Loads the file (if any); `file` undefined keeps history in memory only. */
  constructor(file: string | undefined, limit = DEFAULT_HISTORY_SIZE) {
    this.#file = file;
    this.#limit = limit;
    let text = '';
    if (file) {
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        text = '';
      }
    }
    const all = parseHistoryFile(text);
    this.#entries = all.slice(-limit);
    // Trim the file once it holds more than the limit, so it never grows without bound.
    if (file && all.length > limit) writeFileSync(file, this.#entries.map(encode).join(''));
  }

  /** Entries, oldest first. */
  get entries(): readonly string[] {
    return this.#entries;
  }

  /** Adds an entry: blank ones and a repeat of the last one are skipped; secrets are not saved. */
  add(entry: string): void {
    if (entry.trim() === '' || this.#entries[this.#entries.length - 1] === entry) return;
    this.#entries.push(entry);
    if (this.#entries.length > this.#limit) this.#entries.shift();
    if (!this.#file || isSensitive(entry)) return;
    try {
      mkdirSync(dirname(this.#file), { recursive: true });
      appendFileSync(this.#file, encode(entry));
    } catch {
      // An unwritable home must not break the prompt; the entry stays in memory.
    }
  }

  /** The newest entry before index `before` containing `query` (case-insensitive), for Ctrl+R. */
  searchBackward(query: string, before: number): number | undefined {
    const needle = query.toLowerCase();
    for (let i = Math.min(before, this.#entries.length) - 1; i >= 0; i--) {
      if (this.#entries[i].toLowerCase().includes(needle)) return i;
    }
    return undefined;
  }

  /** The newest entry that starts with `prefix` and is longer, for the inline prediction. */
  predict(prefix: string): string | undefined {
    if (prefix.trim() === '') return undefined;
    for (let i = this.#entries.length - 1; i >= 0; i--) {
      const e = this.#entries[i];
      if (e.length > prefix.length && e.startsWith(prefix)) return e;
    }
    return undefined;
  }
}
