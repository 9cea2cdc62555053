/**
 * The server's master key, from which the engine derives every key of its repositories:
 * `$DPMSH_HOME/keys/master.key` (32 random bytes, mode 0600, in a 0700 folder) and beside it the
 * key envelope, the master key wrapped under the encryption passphrase, which each repository
 * also stores so that the passphrase alone recovers the data on another server.
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
import { createMasterKey, wrapMasterKey, type KeyEnvelope, type MasterKey } from '@dpmsh/engine';

/** The master key and its envelope under the current passphrase. */
export interface KeyMaterial {
  readonly masterKey: MasterKey;
  readonly envelope: KeyEnvelope;
}

const KEY_FILE = 'master.key';
const ENVELOPE_FILE = 'envelope.json';

/** The key files of one dpmsh home. */
export class KeyStore {
  readonly #dir: string;
  #cached: KeyMaterial | undefined;

  constructor(home: string) {
    this.#dir = join(home, 'keys');
  }

  /** The key material, or undefined while no passphrase has been given. */
  async read(): Promise<KeyMaterial | undefined> {
    if (this.#cached) return this.#cached;
    const key = await readOptional(join(this.#dir, KEY_FILE));
    const envelope = await readOptional(join(this.#dir, ENVELOPE_FILE));
    if (!key || !envelope) return undefined;
    this.#cached = { masterKey: new Uint8Array(key), envelope: JSON.parse(envelope.toString('utf8')) as KeyEnvelope };
    return this.#cached;
  }

  /** The existing master key wrapped under `passphrase`, or a new key when there is none. Writes nothing. */
  async wrapFor(passphrase: string): Promise<KeyMaterial & { readonly created: boolean }> {
    const existing = await this.read();
    const masterKey = existing?.masterKey ?? createMasterKey();
    return { masterKey, envelope: await wrapMasterKey(masterKey, passphrase), created: existing === undefined };
  }

  /** Writes key material atomically; the returned function puts back what was there before. */
  async write(material: KeyMaterial): Promise<() => Promise<void>> {
    await mkdir(this.#dir, { recursive: true, mode: 0o700 });
    const keyPath = join(this.#dir, KEY_FILE);
    const envelopePath = join(this.#dir, ENVELOPE_FILE);
    const before = { key: await readOptional(keyPath), envelope: await readOptional(envelopePath), cached: this.#cached };
    await writeAtomically(keyPath, material.masterKey);
    await writeAtomically(envelopePath, Buffer.from(JSON.stringify(material.envelope, null, 2)));
    this.#cached = { masterKey: material.masterKey, envelope: material.envelope };
    return async () => {
      this.#cached = before.cached;
      for (const [path, data] of [[keyPath, before.key], [envelopePath, before.envelope]] as const) {
        if (data) await writeAtomically(path, data);
        else await rm(path, { force: true });
      }
    };
  }
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
  const dir = await open(join(path, '..'), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
