/**
 * verify: checks the stored key envelopes and the config, reads the chosen snapshots' manifests,
 * then re-reads every pack they use (every indexed pack when all snapshots are chosen) and has
 * the codec check each byte of it. Damage becomes a
 * problem line naming the object, never an exception, so one report shows all of it. Packs no
 * index lists (left by an interrupted write) are counted as unreferenced, not as problems.
 */
import type { LongRunOptions, VerifyReport } from '../api.js';
import { isNotFound, readIfExists } from '../backend/not-found.js';
import { createBlobCodec } from '../workers/blob-codec.js';
import { BlobReader } from './blob-reader.js';
import { CONFIG_OBJECT, openConfig } from './config.js';
import type { RepositoryContext } from './context.js';
import { listPacks, readIndexContents, type BlobLocation } from './index-store.js';
import { keyObjectName, readEnvelopes } from './key-objects.js';
import { packObjectName, type PackBlob, type PackRecord } from '../format/pack-format.js';
import { listSnapshotIds, readSnapshot, snapshotObjectName } from './snapshot-store.js';
import { walkSnapshot } from './walk.js';

/** Verifies the repository (the chosen snapshots, or all). */
export async function runVerify(context: RepositoryContext, options: LongRunOptions & { readonly snapshotIds?: readonly string[] } = {}): Promise<VerifyReport> {
  const { backend, keys } = context;
  const problems: string[] = await keyAndConfigProblems(context);
  const contents = await readIndexContents(backend, keys.dataKey);
  for (const name of contents.unreadable) problems.push(`index ${name}: it does not authenticate or decode`);
  const existing = await listPacks(backend);

  const indexed = new Map<string, PackRecord>();
  const locations = new Map<string, BlobLocation>();
  for (const [objectName, records] of contents.objects) {
    for (const record of records) {
      if (!existing.has(record.name)) {
        problems.push(`index ${objectName}: it lists pack ${packObjectName(record.name)}, which is missing`);
        continue;
      }
      indexed.set(record.name, record);
      for (const blob of record.blobs) {
        if (!locations.has(blob.id)) locations.set(blob.id, { pack: record.name, type: blob.type, offset: blob.offset, length: blob.length });
      }
    }
  }

  const all = options.snapshotIds === undefined;
  const snapshotIds = options.snapshotIds ?? (await listSnapshotIds(backend));
  const reader = new BlobReader(backend, keys.dataKey, locations);
  const usedPacks = new Set<string>();
  let snapshotsChecked = 0;
  for (const snapshotId of snapshotIds) {
    options.signal?.throwIfAborted();
    const where = `snapshot ${snapshotObjectName(snapshotId)}`;
    let record;
    try {
      record = await readSnapshot(backend, keys, snapshotId);
    } catch (error) {
      problems.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (record === undefined) {
      problems.push(`${where}: it is missing`);
      continue;
    }
    snapshotsChecked += 1;
    await walkSnapshot(
      reader,
      record,
      (reference) => {
        const location = locations.get(reference.id);
        if (location !== undefined) usedPacks.add(location.pack);
        else problems.push(`${where}: ${reference.type} blob ${reference.id}${reference.path === undefined ? '' : ` of '${reference.path}'`} is in no index`);
      },
      (problem) => problems.push(`${where}: ${problem}`),
    );
  }

  const toCheck = all ? [...indexed.keys()] : [...usedPacks];
  const codec = createBlobCodec(keys, context.workers);
  let packsChecked = 0;
  let bytesChecked = 0;
  try {
    const inFlight = new Set<Promise<void>>();
    for (const name of toCheck) {
      options.signal?.throwIfAborted();
      while (inFlight.size >= codec.parallelism) await Promise.race(inFlight);
      const work: Promise<void> = checkOne(name).finally(() => inFlight.delete(work));
      inFlight.add(work);
    }
    await Promise.all(inFlight);
  } finally {
    await codec.close();
  }

  async function checkOne(name: string): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = await backend.read(packObjectName(name));
    } catch (error) {
      problems.push(`pack ${packObjectName(name)}: ${isNotFound(error) ? 'it is missing' : `it cannot be read (${error instanceof Error ? error.message : String(error)})`}`);
      return;
    }
    const length = bytes.length;
    const check = await codec.check(name, bytes);
    problems.push(...check.problems);
    const record = indexed.get(name);
    if (record !== undefined && check.blobs !== null) problems.push(...compareWithIndex(name, record, check.blobs));
    packsChecked += 1;
    bytesChecked += length;
    options.onProgress?.({ bytesDone: bytesChecked, filesDone: packsChecked, filesTotal: toCheck.length, currentPath: packObjectName(name) });
  }

  return {
    ok: problems.length === 0,
    snapshotsChecked,
    packsChecked,
    bytesChecked,
    unreferencedPacks: all ? [...existing].filter((name) => !indexed.has(name)).length : 0,
    problems,
  };
}

function compareWithIndex(name: string, record: PackRecord, header: readonly PackBlob[]): string[] {
  const problems: string[] = [];
  const key = (blob: PackBlob): string => `${blob.type}:${blob.id}:${blob.offset}:${blob.length}`;
  const inHeader = new Set(header.map(key));
  for (const blob of record.blobs) {
    if (!inHeader.has(key(blob))) problems.push(`pack ${packObjectName(name)}: the index lists ${blob.type} blob ${blob.id} at ${blob.offset}+${blob.length}, which its header does not`);
  }
  return problems;
}

/** What is wrong with the key envelopes and the config: what a server rebuilt from the passphrase alone would trip on. */
async function keyAndConfigProblems(context: RepositoryContext): Promise<string[]> {
  const { backend, keys, keyId, config } = context;
  const problems: string[] = [];
  const envelopes = await readEnvelopes(backend);
  for (const stored of envelopes) if ('damage' in stored) problems.push(`key envelope ${stored.name}: ${stored.damage}`);
  if (!envelopes.some((stored) => stored.name === keyObjectName(keyId))) {
    problems.push(`key envelope ${keyObjectName(keyId)}: it is missing, so the passphrase alone cannot open this repository`);
  }
  const sealed = await readIfExists(backend, CONFIG_OBJECT);
  const stored = sealed === undefined ? undefined : openConfig(keys, sealed);
  if (sealed === undefined) problems.push(`config ${CONFIG_OBJECT}: it is missing`);
  else if (stored === null) problems.push(`config ${CONFIG_OBJECT}: it does not authenticate under this repository's key (it is damaged)`);
  else if (stored?.id !== config.id) problems.push(`config ${CONFIG_OBJECT}: it names repository ${stored?.id ?? '?'}, not ${config.id}`);
  return problems;
}
