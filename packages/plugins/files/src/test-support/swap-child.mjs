// The local user of restore-race.test.ts: while a restore runs, swaps directories of the restore
// target for links to a victim directory outside it (and back), as fast as it can, until told to
// stop; then puts every directory back where it was, so the test can compare the restored tree.
import { lstatSync, renameSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

const [victim] = process.argv.slice(2);
let job;

function attempt(action) {
  try {
    action();
    return true;
  } catch {
    return false;
  }
}

const isLink = (path) => attempt(() => {
  if (!lstatSync(path).isSymbolicLink()) throw new Error('not a link');
});

/** One swap: the directory goes aside, a link to the victim takes its name, then it comes back. */
function swap(path) {
  if (!attempt(() => renameSync(path, `${path}.away`))) return false;
  attempt(() => symlinkSync(victim, path));
  if (isLink(path)) attempt(() => unlinkSync(path));
  attempt(() => renameSync(`${path}.away`, path));
  return true;
}

/** After the last swap: no link left, and each directory back at its name when nothing took it. */
function putBack(paths) {
  for (const path of paths) {
    if (isLink(path)) attempt(() => unlinkSync(path));
    attempt(() => renameSync(`${path}.away`, path));
  }
}

async function run(current) {
  const paths = current.dirs.map((dir) => join(current.target, dir));
  while (!current.stopping) {
    for (const path of paths) if (swap(path)) current.swaps++;
    // Lets the stop message in.
    await new Promise((resolve) => setImmediate(resolve));
  }
  putBack(paths);
  process.send({ type: 'stopped', swaps: current.swaps });
}

process.on('message', (message) => {
  if (message.type === 'start') {
    job = { target: message.target, dirs: message.dirs, stopping: false, swaps: 0 };
    void run(job);
    process.send({ type: 'started' });
  } else if (message.type === 'stop') {
    job.stopping = true;
  } else if (message.type === 'exit') {
    process.exit(0);
  }
});
