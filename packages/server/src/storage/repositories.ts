/**
 * The server's repositories: one per disk storage folder (`<disk>/dpmsh-repository`, the first
 * copy) and one in the vault (the online copy), all under the server's master key. A repository
 * is created the first time it is needed. The vault repository is opened for each operation,
 * over the throttle of the schedule in force then.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createThrottle,
  initRepository,
  localBackend,
  openRepository,
  repositoryExists,
  throttledBackend,
  type ObjectBackend,
  type Repository,
  type RepositoryOptions,
} from '@dpmsh/engine';
import type { ThrottlingSchedule } from '@dpmsh/core';
import { encryptionKeyMissingError } from '../model/errors.js';
import type { KeyMaterial, KeyStore } from '../keys/key-store.js';

/** The folder a disk's repository lives in. */
export const DISK_REPOSITORY_FOLDER = 'dpmsh-repository';

/** Opens or creates a repository over a backend with the server's key. */
export async function openOrCreate(backend: ObjectBackend, keys: KeyMaterial, options: RepositoryOptions = {}): Promise<Repository> {
  if (!(await repositoryExists(backend))) await initRepository(backend, { masterKey: keys.masterKey, envelope: keys.envelope }, options);
  return openRepository(backend, { masterKey: keys.masterKey }, options);
}

/** The disk repositories opened so far, and the way to the vault's. */
export class RepositoryPool {
  readonly #keys: KeyStore;
  readonly #options: RepositoryOptions;
  readonly #disks = new Map<string, Promise<Repository>>();

  /** `options` apply to every repository (the engine's codec worker threads). */
  constructor(keys: KeyStore, options: RepositoryOptions = {}) {
    this.#keys = keys;
    this.#options = options;
  }

  /** The key material; EncryptionKeyMissing before any passphrase was given. */
  async keyMaterial(): Promise<KeyMaterial> {
    const keys = await this.#keys.read();
    if (!keys) throw encryptionKeyMissingError();
    return keys;
  }

  /** The repository of a disk storage folder, created on first use. */
  disk(diskId: string, diskPath: string): Promise<Repository> {
    let repository = this.#disks.get(diskId);
    if (!repository) {
      repository = (async () => {
        const keys = await this.keyMaterial();
        const dir = join(diskPath, DISK_REPOSITORY_FOLDER);
        await mkdir(dir, { recursive: true, mode: 0o700 });
        return openOrCreate(localBackend(dir), keys, this.#options);
      })();
      // A failed open is not kept: the next operation tries again.
      repository.catch(() => this.#disks.delete(diskId));
      this.#disks.set(diskId, repository);
    }
    return repository;
  }

  /** The vault repository, its writes paced by the throttling schedule; created on first use unless `existingOnly`. */
  async vault(backend: ObjectBackend, schedule: ThrottlingSchedule, existingOnly = false): Promise<Repository | undefined> {
    const keys = await this.keyMaterial();
    // The throttle keeps real time, never the server's clock, which a test may hold still.
    const paced = throttledBackend(backend, createThrottle({ schedule }));
    if (existingOnly && !(await repositoryExists(paced))) return undefined;
    return openOrCreate(paced, keys, this.#options);
  }

  /** A new repository in a local folder (a restore's staging area). */
  async local(dir: string): Promise<Repository> {
    const keys = await this.keyMaterial();
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return openOrCreate(localBackend(dir), keys, this.#options);
  }

  /** The disk repositories open now. */
  async openDisks(): Promise<Repository[]> {
    const settled = await Promise.allSettled(this.#disks.values());
    return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  }
}
