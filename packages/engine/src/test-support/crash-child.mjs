// The process crash.test.ts kills: backs a directory up into a repository and, when asked,
// forgets the oldest snapshot and prunes, or verifies (with the codec workers checking packs). It runs the built engine (dist/), with its codec
// workers; the workspace's `npm test` builds before it tests.
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { localBackend, openRepository } from '../../dist/index.js';

const [repositoryDir, sourceDir, masterKeyHex, mode] = process.argv.slice(2);
const repository = await openRepository(localBackend(repositoryDir), { masterKey: Buffer.from(masterKeyHex, 'hex') });

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

await repository.backup(entries(), { parent: null, tags: { source: sourceDir } });
if (mode === 'prune') {
  const snapshots = await repository.snapshots();
  if (snapshots.length > 2) await repository.forget([snapshots[0].id]);
  await repository.prune();
}
if (mode === 'verify') {
  const report = await repository.verify();
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
process.stdout.write('done\n');
