// The process the crash tests kill. Modes:
//   backup  backs the source directory up (tagged with its path);
//   prune   backs up, then forgets the oldest snapshot when there are more than two, and prunes;
//   verify  backs up, then verifies (with the codec workers checking packs) and prints the report;
//   forget-oldest, prune-only, repair-index, reclaim   that operation alone;
//   forget  forgets the snapshots whose ids the 5th argument lists, comma-separated;
//   replicate   copies the newest snapshot into the repository at the 5th argument (same key).
// It runs the built engine (dist/), with its codec workers; the workspace's `npm test` builds
// before it tests.
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { localBackend, openRepository } from '../../dist/index.js';

const [repositoryDir, sourceDir, masterKeyHex, mode, extra] = process.argv.slice(2);
const masterKey = Buffer.from(masterKeyHex, 'hex');
const repository = await openRepository(localBackend(repositoryDir), { masterKey });

const MiB = 1024 * 1024;

async function* entries() {
  for (const name of (await readdir(sourceDir)).sort()) {
    const path = join(sourceDir, name);
    const s = await stat(path);
    const metadata = { mode: s.mode, uid: s.uid, gid: s.gid, size: s.size, mtimeMs: s.mtimeMs, atimeMs: 0, ctimeMs: s.ctimeMs, inode: s.ino };
    yield {
      type: 'file',
      path: name,
      metadata,
      sparse: false,
      content: async function* () {
        const handle = await open(path, 'r');
        try {
          for (;;) {
            const block = Buffer.allocUnsafe(MiB);
            const { bytesRead } = await handle.read(block, 0, MiB, null);
            if (bytesRead === 0) return;
            yield block.subarray(0, bytesRead);
          }
        } finally {
          await handle.close();
        }
      },
    };
  }
}

if (mode === 'backup' || mode === 'prune' || mode === 'verify') await repository.backup(entries(), { parent: null, tags: { source: sourceDir } });
if (mode === 'prune' || mode === 'forget-oldest') {
  const snapshots = await repository.snapshots();
  if (snapshots.length > 2) await repository.forget([snapshots[0].id]);
}
if (mode === 'forget') await repository.forget(extra.split(','));
if (mode === 'prune' || mode === 'prune-only') await repository.prune();
if (mode === 'repair-index') await repository.repairIndex();
if (mode === 'reclaim') await repository.reclaim();
if (mode === 'replicate') {
  const snapshots = await repository.snapshots();
  const target = await openRepository(localBackend(extra), { masterKey });
  await repository.replicate(snapshots[snapshots.length - 1].id, target);
}
if (mode === 'verify') {
  const report = await repository.verify();
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
process.stdout.write('done\n');
