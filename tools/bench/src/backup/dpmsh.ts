/**
 * dpmsh's side of the backup bench: the files plugin feeding the engine's repository on a local
 * disk, the same path New-DPMRecoveryPoint takes, timed in this process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createMasterKey,
  initRepository,
  localBackend,
  wrapMasterKey,
  type Repository,
  type SnapshotEntry,
} from '@dpmsh/engine';
import filesPlugin from '@dpmsh/plugin-files';
import type { DataSourceInfo, PluginContext, PreviousBackup, RecoveryPointReader } from '@dpmsh/sdk';
import type { BackupTimings } from './restic.js';

const context: PluginContext = {
  signal: new AbortController().signal,
  warn: (message) => process.stderr.write(`WARNING: ${message}\n`),
  verbose: () => undefined,
};

/** Backs `source` up with dpmsh twice (the second unchanged) and restores it; returns the times. */
export async function timeDpmsh(source: string): Promise<BackupTimings & { readonly storedBytes: number }> {
  const work = mkdtempSync(join(tmpdir(), 'dpmsh-bench-engine-'));
  try {
    const masterKey = createMasterKey();
    const repository = await initRepository(localBackend(join(work, 'repo')), {
      masterKey,
      envelope: await wrapMasterKey(masterKey, 'bench passphrase 0123456789'),
    });
    const resolved = await filesPlugin.resolve?.(source, context);
    if (resolved === undefined) throw new Error(`The files plugin cannot protect ${source}.`);

    let start = performance.now();
    const first = await backUp(repository, resolved, null);
    const backup = performance.now() - start;

    start = performance.now();
    await backUp(repository, resolved, first.id);
    const rebackup = performance.now() - start;

    start = performance.now();
    await filesPlugin.restore(reader(repository, resolved, first.id, first.createdAt), {
      target: { kind: 'alternate', path: join(work, 'restored') },
      overwrite: 'fail',
    }, context);
    const restore = performance.now() - start;
    return { backup, rebackup, restore, storedBytes: first.addedBytes };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function backUp(repository: Repository, source: DataSourceInfo, parent: string | null) {
  const previous = parent === null ? null : await previousBackup(repository, parent);
  const entries = filesPlugin.backup(source, { kind: parent === null ? 'full' : 'incremental', previous }, context);
  return repository.backup(entries, { parent });
}

async function previousBackup(repository: Repository, snapshotId: string): Promise<PreviousBackup> {
  const index: Map<string, SnapshotEntry> = await repository.index(snapshotId);
  return { recoveryPointId: snapshotId, createdAt: new Date(), lookup: (path) => index.get(path) };
}

function reader(repository: Repository, source: DataSourceInfo, snapshotId: string, createdAt: Date): RecoveryPointReader {
  return { recoveryPointId: snapshotId, createdAt, source, entries: (items) => repository.entries(snapshotId, items) };
}
