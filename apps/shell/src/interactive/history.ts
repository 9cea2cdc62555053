/**
 * Command history, kept in `$DPMSH_HOME/history` as PSReadLine keeps its file: one entry a line,
 * a multi-line entry with each inner line ending in a backtick. Entries that look like they hold
 * a secret stay in memory for this session only, as PSReadLine's default AddToHistoryHandler does:
 * its sensitive words, an assignment to a variable whose name is password-like or that the
 * session used as a secret (`-EncryptionPassphrase $pp` takes an earlier `$pp = 'x'` out of the
 * file, and keeps a later one out), a [securestring] or [pscredential] cast. The file is the
 * user's alone (0600, in a home created 0700), since what it keeps is still what the user typed.
 */
import { appendFileSync, chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** $MaximumHistoryCount's default. */
export const DEFAULT_HISTORY_SIZE = 4096;

/** PSReadLine's sensitive words, a passphrase (vault registration takes one), and -Pwd. */
const SENSITIVE = /password|passphrase|asplaintext|token|apikey|secret|-\w*pwd\b/i;
/** A variable name that says it holds a secret. */
const SECRET_NAME = /pass|pwd|secret|key|token|cred/i;
/** A cast that makes a secure string or credential of what follows. */
const SECURE_CAST = /\[\s*(?:system\.)?(?:security\.)?(?:securestring|pscredential|management\.automation\.pscredential)\s*\]/i;
/** `$name =`, `${name} =`, `$env:name +=`: the variables an entry assigns. */
const ASSIGNMENT = /\$(?:\{([^}]+)\}|(?:[a-z]+:)?([\w?]+))\s*(?:[-+*\/%]|\?\?)?=(?!=)/gi;
/** Every variable an entry mentions. */
const VARIABLE = /\$(?:\{([^}]+)\}|(?:[a-z]+:)?([\w?]+))/gi;

/** The names of the variables `entry` assigns, lower-cased and without a scope or drive. */
function assignedNames(entry: string): string[] {
  return [...entry.matchAll(ASSIGNMENT)].map((m) => bareName(m[1] ?? m[2] ?? ''));
}

function bareName(name: string): string {
  return name.replace(/^[a-z]+:/i, '').toLowerCase();
}

/**
 * True when an entry must not be written to the history file. `secretVariables` are the names
 * the session has used as secrets so far; a sensitive entry adds the variables it mentions to it.
 */
export function isSensitive(entry: string, secretVariables: Set<string> = new Set()): boolean {
  const sensitive =
    SENSITIVE.test(entry) ||
    SECURE_CAST.test(entry) ||
    assignedNames(entry).some((name) => SECRET_NAME.test(name) || secretVariables.has(name));
  if (sensitive) for (const m of entry.matchAll(VARIABLE)) secretVariables.add(bareName(m[1] ?? m[2] ?? ''));
  return sensitive;
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

/** Takes group and other access away from a history file an older dpmsh wrote 0644. */
function ownerOnly(file: string): void {
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
}

function encode(entry: string): string {
  return `${entry.split('\n').join('`\n')}\n`;
}

/** The session's history: persisted entries plus this session's, newest last. */
export class History {
  readonly #file: string | undefined;
  readonly #limit: number;
  readonly #secretVariables = new Set<string>();
  /** This session's entries written to the file, to take back one that turns out to hold a secret. */
  #written: string[] = [];
  #entries: string[];

  /** Loads the file (if any); `file` undefined keeps history in memory only. */
  constructor(file: string | undefined, limit = DEFAULT_HISTORY_SIZE) {
    this.#file = file;
    this.#limit = limit;
    let text = '';
    if (file) {
      try {
        text = readFileSync(file, 'utf8');
        ownerOnly(file);
      } catch {
        text = '';
      }
    }
    const all = parseHistoryFile(text);
    this.#entries = all.slice(-limit);
    // Trim the file once it holds more than the limit, so it never grows without bound.
    if (file && all.length > limit) writeFileSync(file, this.#entries.map(encode).join(''), { mode: 0o600 });
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
    if (isSensitive(entry, this.#secretVariables)) {
      this.#forgetSecretAssignments();
      return;
    }
    if (!this.#file) return;
    try {
      mkdirSync(dirname(this.#file), { recursive: true, mode: 0o700 });
      appendFileSync(this.#file, encode(entry), { mode: 0o600 });
      this.#written.push(entry);
    } catch {
      // An unwritable home must not break the prompt; the entry stays in memory.
    }
  }

  /**
   * Takes out of the file the entries of this session that assigned a variable only now used as
   * a secret (`$pp = 'x'`, then `-EncryptionPassphrase $pp`): they were written before anything
   * said what they held.
   */
  #forgetSecretAssignments(): void {
    const stale = this.#written.filter((e) => assignedNames(e).some((name) => this.#secretVariables.has(name)));
    if (stale.length === 0 || !this.#file) return;
    this.#written = this.#written.filter((e) => !stale.includes(e));
    try {
      const kept = parseHistoryFile(readFileSync(this.#file, 'utf8')).filter((e) => !stale.includes(e));
      const temporary = `${this.#file}.${String(process.pid)}.tmp`;
      writeFileSync(temporary, kept.map(encode).join(''), { mode: 0o600 });
      renameSync(temporary, this.#file);
    } catch {
      // As for an append: the prompt goes on.
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
