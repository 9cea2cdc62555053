// The process interrupted-restore.test.ts kills: restores one large file into a target and, once
// half of it is written, tells the test so and waits there to be killed with SIGKILL. It runs the
// built plugin (dist/); the workspace's `npm test` builds before it tests.
import { filesPlugin } from '../../dist/index.js';

const [target, sizeText] = process.argv.slice(2);
const size = Number(sizeText);
const MiB = 1024 * 1024;
const metadata = { mode: 0o100644, uid: 0, gid: 0, size, mtimeMs: 1_600_000_000_000, atimeMs: 1_600_000_000_000, ctimeMs: 0, inode: 0 };

async function* content() {
  for (let at = 0; at < size; at += MiB) {
    if (at === size / 2) {
      process.send('half written');
      await new Promise(() => undefined);
    }
    yield Buffer.alloc(Math.min(MiB, size - at), at / MiB + 1);
  }
}

const reader = {
  recoveryPointId: 'rp',
  createdAt: new Date(),
  source: { id: 'x', name: 'x', kind: 'Folder', sizeEstimateBytes: size },
  async *entries() {
    yield { type: 'file', path: 'big.bin', metadata, sparse: false, content };
  },
};
const context = { signal: new AbortController().signal, warn() {}, verbose() {} };
await filesPlugin.restore(reader, { target: { kind: 'alternate', path: target }, overwrite: 'overwrite' }, context);
process.send('finished');
