/**
 * The server's master key, from which the engine derives every key of its repositories, and
 * beside it in `$DPMSH_HOME/keys/` (a 0700 folder, files 0600) the key envelope: the master key
 * wrapped under the encryption passphrase, which each repository also stores so that the
 * passphrase alone recovers the data on another server.
 *
 * Two ways to keep it, as the README's "Keys at rest" tells:
 * - in a file (the default): `master.key` holds the 32 key bytes, so the server runs unattended and
 *   whoever can read `$DPMSH_HOME` as this user (or root, or a copy of the home) can decrypt;
 * - wrapped (Protect-DPMMasterKey): the `wrapped` marker is written and `master.key` removed, so
 *   only the envelope is stored and a copy of the home decrypts nothing. Each session opens the
 *   key with the passphrase from DPMSH_PASSPHRASE_FILE or Unlock-DPMMasterKey; until then every
 *   use of the key fails with MasterKeyLocked.
 *
 * The marker is the commit point of both switches: protecting writes it durably before the key
 * file is removed, unprotecting writes the key file durably before the marker is removed. A crash
 * between the two leaves the marker and the key file; that is read as wrapped and the key file is
 * removed then, so an interrupted protect completes and an interrupted unprotect is as if not run.
 *
 * The key is made when the passphrase is first given (at registration or with
 * Set-OBMachineSetting). A catalog from before keys existed may hold a passphrase check but no key:
 * the passphrase is not stored, so the key cannot be wrapped until the passphrase is given again,
 * and the next operation that gives it (registration, a passphrase change) creates the key;
 * backups refuse meanwhile with EncryptionKeyMissing.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError } from '@dpmsh/core';
import { createMasterKey, stepReached, unwrapMasterKey, wrapMasterKey, type KeyEnvelope, type MasterKey } from '@dpmsh/engine';
import { InputFileRefusedError, readBoundedFile } from '../input/bounded-read.js';
import { encryptionKeyMissingError, masterKeyLockedError, masterKeyPassphraseIncorrectError, passphraseFileUnreadableError } from '../model/errors.js';

/** The master key and its envelope under the current passphrase. */
export interface KeyMaterial {
  readonly masterKey: MasterKey;
  readonly envelope: KeyEnvelope;
}

/** How the master key is kept at rest: in `master.key`, or only wrapped in the envelope. */
export type KeyProtection = 'File' | 'Wrapped';

/** Where a wrapped key's passphrase may come from besides Unlock-DPMMasterKey. */
export interface KeyStoreOptions {
  /** A file holding the encryption passphrase (DPMSH_PASSPHRASE_FILE), read when a wrapped key is first needed. */
  readonly passphraseFile?: string;
}

const KEY_FILE = 'master.key';
const ENVELOPE_FILE = 'envelope.json';
const WRAPPED_MARKER = 'wrapped';
const WRAPPED_MARKER_TEXT = 'The master key is kept only wrapped in envelope.json (Protect-DPMMasterKey); Unprotect-DPMMasterKey writes master.key back.\n';
// A passphrase is at most a few hundred characters; the bound keeps a wrong path (a device, a log) from being read whole.
const PASSPHRASE_FILE_LIMIT = 64 * 1024;

/** The key files of one dpmsh home. */
export class KeyStore {
  readonly #dir: string;
  readonly #passphraseFile: string | undefined;
  #cached: KeyMaterial | undefined;

  constructor(home: string, options: KeyStoreOptions = {}) {
    this.#dir = join(home, 'keys');
    this.#passphraseFile = options.passphraseFile;
  }

  /** How the key is kept now. */
  async protection(): Promise<KeyProtection> {
    return (await readOptional(this.#path(WRAPPED_MARKER))) ? 'Wrapped' : 'File';
  }

  /**
   * The key material, or undefined while no passphrase has been given; MasterKeyLocked when the
   * key is kept wrapped and no passphrase opened it in this session.
   */
  async read(): Promise<KeyMaterial | undefined> {
    if (this.#cached) return this.#cached;
    const envelope = await this.#envelope();
    if (!envelope) return undefined;
    if ((await this.protection()) === 'Wrapped') {
      await this.#removeKeyFile();
      if (this.#passphraseFile === undefined) throw masterKeyLockedError();
      return this.#unlockWith(envelope, await readPassphraseFile(this.#passphraseFile), `the file '${this.#passphraseFile}' (DPMSH_PASSPHRASE_FILE)`);
    }
    const key = await readOptional(this.#path(KEY_FILE));
    if (!key) return undefined;
    this.#cached = { masterKey: new Uint8Array(key), envelope };
    return this.#cached;
  }

  /** Opens the key for this session with the passphrase; MasterKeyPassphraseIncorrect when it does not. */
  async unlock(passphrase: string): Promise<KeyMaterial> {
    const envelope = await this.#envelope();
    if (!envelope) throw encryptionKeyMissingError();
    return this.#unlockWith(envelope, passphrase, 'Unlock-DPMMasterKey');
  }

  /** Keeps the key only wrapped: the marker is made durable, then master.key is removed. The key stays open in this session. */
  async protect(): Promise<void> {
    const material = await this.read();
    if (!material) throw encryptionKeyMissingError();
    if ((await this.protection()) === 'Wrapped') return;
    await writeAtomically(this.#path(WRAPPED_MARKER), Buffer.from(WRAPPED_MARKER_TEXT));
    stepReached('keys:wrapped-marker-written');
    await this.#removeKeyFile();
  }

  /** Keeps the key in master.key again: the file is made durable, then the marker is removed. Needs the key open. */
  async unprotect(): Promise<void> {
    const material = await this.read();
    if (!material) throw encryptionKeyMissingError();
    if ((await this.protection()) === 'File') return;
    await writeAtomically(this.#path(KEY_FILE), material.masterKey);
    stepReached('keys:key-file-written');
    await rm(this.#path(WRAPPED_MARKER), { force: true });
    await syncFolder(this.#dir);
  }

  /** The existing master key wrapped under `passphrase`, or a new key when there is none. Writes nothing. */
  async wrapFor(passphrase: string): Promise<KeyMaterial & { readonly created: boolean }> {
    const existing = await this.read();
    const masterKey = existing?.masterKey ?? createMasterKey();
    return { masterKey, envelope: await wrapMasterKey(masterKey, passphrase), created: existing === undefined };
  }

  /** Writes key material atomically (only the envelope while the key is kept wrapped); the returned function puts back what was there before. */
  async write(material: KeyMaterial): Promise<() => Promise<void>> {
    await mkdir(this.#dir, { recursive: true, mode: 0o700 });
    const keyPath = this.#path(KEY_FILE);
    const envelopePath = this.#path(ENVELOPE_FILE);
    const wrapped = (await this.protection()) === 'Wrapped';
    const before = { key: await readOptional(keyPath), envelope: await readOptional(envelopePath), cached: this.#cached };
    if (!wrapped) await writeAtomically(keyPath, material.masterKey);
    await writeAtomically(envelopePath, Buffer.from(JSON.stringify(material.envelope, null, 2)));
    this.#cached = { masterKey: material.masterKey, envelope: material.envelope };
    return async () => {
      this.#cached = before.cached;
      const restore = wrapped ? ([[envelopePath, before.envelope]] as const) : ([[keyPath, before.key], [envelopePath, before.envelope]] as const);
      for (const [path, data] of restore) {
        if (data) await writeAtomically(path, data);
        else await rm(path, { force: true });
      }
    };
  }

  #path(name: string): string {
    return join(this.#dir, name);
  }

  async #envelope(): Promise<KeyEnvelope | undefined> {
    const text = await readOptional(this.#path(ENVELOPE_FILE));
    return text ? (JSON.parse(text.toString('utf8')) as KeyEnvelope) : undefined;
  }

  async #unlockWith(envelope: KeyEnvelope, passphrase: string, source: string): Promise<KeyMaterial> {
    let masterKey: MasterKey;
    try {
      masterKey = await unwrapMasterKey(envelope, passphrase);
    } catch (error) {
      if (error instanceof DomainError) throw masterKeyPassphraseIncorrectError(source);
      throw error;
    }
    this.#cached = { masterKey, envelope };
    return this.#cached;
  }

  /** Removes a key file left by an interrupted protect or unprotect, durably. */
  async #removeKeyFile(): Promise<void> {
    if (!(await readOptional(this.#path(KEY_FILE)))) return;
    await rm(this.#path(KEY_FILE), { force: true });
    await syncFolder(this.#dir);
  }
}

/** The passphrase on the first line of a passphrase file. */
async function readPassphraseFile(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readBoundedFile(path, PASSPHRASE_FILE_LIMIT);
  } catch (error) {
    if (error instanceof InputFileRefusedError) throw passphraseFileUnreadableError(path, error.reason);
    throw passphraseFileUnreadableError(path, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
  }
  const passphrase = bytes.toString('utf8').split(/\r?\n/)[0] ?? '';
  if (passphrase === '') throw passphraseFileUnreadableError(path, 'its first line is empty');
  return passphrase;
}

async function readOptional(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Write, fsync, rename, fsync of the folder: the file is wholly the old or the new one after a crash. */
async function writeAtomically(path: string, data: Uint8Array): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  const file = await open(temporary, 'wx', 0o600);
  try {
    await file.writeFile(data);
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(join(path, '..'));
}

async function syncFolder(path: string): Promise<void> {
  const dir = await open(path, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
