/**
 * Creating and opening repositories, and the Repository object whose operations live in their
 * own modules (backup, restore, verify, forget, prune, repair-index, reclaim, replicate). Layout of a repository:
 *   config               sealed: id, version, chunker sizes (written last at init)
 *   keys/<keyId>         the key envelope, JSON with a digest of its fields (not secret: argon2id guards it)
 *   data/<2 hex>/<name>  packs, named by the SHA-256 of their bytes
 *   index/<name>         sealed lists of the blobs in packs, written after those packs
 *   snapshots/<id>       sealed snapshot records, written last by a backup
 *   locks/exclusive      the writers' lock
 */
import { randomBytes } from 'node:crypto';
import type {
  BackupEntry,
  BackupRunOptions,
  IndexRepairReport,
  KeyEnvelope,
  LongRunOptions,
  MasterKey,
  ObjectBackend,
  PruneReport,
  ReclaimReport,
  ReplicationReport,
  Repository,
  RepositoryCredentials,
  SnapshotEntry,
  SnapshotSummary,
  RecoveredEntry,
  VerifyReport,
} from '../api.js';
import { readIfExists } from '../backend/not-found.js';
import { DEFAULT_CHUNKER_PARAMS } from '../chunking/fastcdc.js';
import { gearTable } from '../chunking/gear.js';
import { unwrapMasterKey } from '../crypto/envelope.js';
import { deriveKeys, keyIdOf } from '../crypto/keys.js';
import { keyMismatch, passphraseIncorrect, repositoryCorrupt, repositoryExists as repositoryExistsError, repositoryNotFound } from '../errors.js';
import { isDomainError } from '@dpmsh/core';
import { runBackup } from './backup.js';
import { CONFIG_OBJECT, openConfig, writeConfig, type RepositoryConfig } from './config.js';
import type { RepositoryContext } from './context.js';
import { IndexStore } from './index-store.js';
import { encodeEnvelope, keyObjectName, readEnvelopes } from './key-objects.js';
import { runForget } from './forget.js';
import { runPrune } from './prune.js';
import { runReclaim } from './reclaim.js';
import { runRepairIndex } from './repair-index.js';
import { runReplicate } from './replicate.js';
import { snapshotIndex, storedEntries } from './restore.js';
import { listSnapshotIds, readSnapshot, summaryOf } from './snapshot-store.js';
import { runVerify } from './verify.js';

/** How a repository is worked with on this server. */
export interface RepositoryOptions {
  /** Codec worker threads: one per core when absent; 0 does the CPU work on the calling thread. */
  readonly workers?: number;
}


/** The contexts behind Repository objects, so that replicate can write into its target. */
const contexts = new WeakMap<Repository, RepositoryContext>();

/** True when the backend holds a repository (its config object). */
export async function repositoryExists(backend: ObjectBackend): Promise<boolean> {
  return (await readIfExists(backend, CONFIG_OBJECT)) !== undefined;
}

/** Creates a repository; 'RepositoryExists' when there is one already. */
export async function initRepository(
  backend: ObjectBackend,
  init: { readonly masterKey: MasterKey; readonly envelope: KeyEnvelope },
  options: RepositoryOptions = {},
): Promise<Repository> {
  if (await repositoryExists(backend)) throw repositoryExistsError(backend.location);
  const keyId = keyIdOf(init.masterKey);
  if (init.envelope.keyId !== keyId) throw keyMismatch(backend.location, 'The key envelope');
  const keys = deriveKeys(init.masterKey);
  const config: RepositoryConfig = { version: 1, id: randomBytes(16).toString('hex'), chunker: DEFAULT_CHUNKER_PARAMS };
  await writeEnvelope(backend, init.envelope);
  // The config last: until it is there, the location is not a repository and init can be rerun.
  await writeConfig(backend, keys, config);
  return openRepository(backend, { masterKey: init.masterKey }, options);
}

/** Opens a repository with its master key or passphrase; loads its index. */
export async function openRepository(backend: ObjectBackend, credentials: RepositoryCredentials, options: RepositoryOptions = {}): Promise<Repository> {
  const sealedConfig = await readIfExists(backend, CONFIG_OBJECT);
  if (sealedConfig === undefined) throw repositoryNotFound(backend.location);
  const masterKey = 'masterKey' in credentials ? credentials.masterKey : await unwrapStored(backend, credentials.passphrase);
  const keys = deriveKeys(masterKey);
  const config = openConfig(keys, sealedConfig);
  if (config === null) throw await configRefusal(backend, credentials, keyIdOf(masterKey));
  const context: RepositoryContext = {
    backend,
    keys,
    keyId: keyIdOf(masterKey),
    config,
    gear: gearTable(keys.gearSeed),
    index: new IndexStore(),
    workers: options.workers,
  };
  await context.index.refresh(backend, keys.dataKey);
  const repository = new OpenRepository(context);
  contexts.set(repository, context);
  return repository;
}

async function unwrapStored(backend: ObjectBackend, passphrase: string): Promise<MasterKey> {
  const damaged: string[] = [];
  for (const stored of await readEnvelopes(backend)) {
    if ('damage' in stored) {
      damaged.push(`key envelope ${stored.name} (${stored.damage})`);
      continue;
    }
    try {
      return await unwrapMasterKey(stored.envelope, passphrase, backend.location);
    } catch (error) {
      if (!isDomainError(error, 'RepositoryPassphraseIncorrect')) throw error;
    }
  }
  // A damaged envelope may well be the one the passphrase opens: blaming the passphrase would send the administrator the wrong way.
  if (damaged.length > 0) {
    throw repositoryCorrupt(backend.location, `${damaged.join(', ')} ${damaged.length === 1 ? 'is' : 'are'} damaged, so the passphrase cannot be tried against ${damaged.length === 1 ? 'it' : 'them'}; open the repository with the server's master key and store the envelope again (a passphrase change does)`);
  }
  throw passphraseIncorrect(backend.location);
}

/** Why a config did not open: damage when the key's own envelope is stored here, another key when it is not. */
async function configRefusal(backend: ObjectBackend, credentials: RepositoryCredentials, keyId: string): Promise<Error> {
  const envelope = keyObjectName(keyId);
  if ('passphrase' in credentials || (await readIfExists(backend, envelope)) !== undefined) {
    return repositoryCorrupt(backend.location, `its config does not authenticate under the key whose envelope ${envelope} is stored here, so the config is damaged`);
  }
  return keyMismatch(backend.location, 'The master key');
}

async function writeEnvelope(backend: ObjectBackend, envelope: KeyEnvelope): Promise<void> {
  await backend.write(keyObjectName(envelope.keyId), encodeEnvelope(envelope));
}

class OpenRepository implements Repository {
  readonly backend: ObjectBackend;
  readonly id: string;
  readonly keyId: string;

  constructor(private readonly context: RepositoryContext) {
    this.backend = context.backend;
    this.id = context.config.id;
    this.keyId = context.keyId;
  }

  backup(entries: AsyncIterable<BackupEntry>, options: BackupRunOptions): Promise<SnapshotSummary> {
    return runBackup(this.context, entries, options);
  }

  async snapshots(): Promise<SnapshotSummary[]> {
    const summaries: SnapshotSummary[] = [];
    for (const id of await listSnapshotIds(this.backend)) {
      const record = await readSnapshot(this.backend, this.context.keys, id);
      if (record !== undefined) summaries.push(summaryOf(id, record));
    }
    return summaries.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  }

  entries(snapshotId: string, items?: readonly string[]): AsyncIterable<RecoveredEntry> {
    return storedEntries(this.context, snapshotId, items);
  }

  index(snapshotId: string): Promise<Map<string, SnapshotEntry>> {
    return snapshotIndex(this.context, snapshotId);
  }

  verify(options?: LongRunOptions & { readonly snapshotIds?: readonly string[] }): Promise<VerifyReport> {
    return runVerify(this.context, options);
  }

  forget(snapshotIds: readonly string[]): Promise<void> {
    return runForget(this.context, snapshotIds);
  }

  prune(options?: LongRunOptions): Promise<PruneReport> {
    return runPrune(this.context, options);
  }

  repairIndex(options?: LongRunOptions): Promise<IndexRepairReport> {
    return runRepairIndex(this.context, options);
  }

  reclaim(options?: LongRunOptions): Promise<ReclaimReport> {
    return runReclaim(this.context, options);
  }

  async replicate(snapshotId: string, target: Repository, options?: LongRunOptions): Promise<ReplicationReport> {
    const targetContext = contexts.get(target);
    if (targetContext === undefined) throw new TypeError('replicate needs a target opened with openRepository or initRepository.');
    return runReplicate(this.context, snapshotId, targetContext, options);
  }

  async setKeyEnvelope(envelope: KeyEnvelope): Promise<void> {
    if (envelope.keyId !== this.keyId) throw keyMismatch(this.backend.location, 'The key envelope');
    await writeEnvelope(this.backend, envelope);
  }
}
