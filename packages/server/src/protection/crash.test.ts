/**
 * Crash safety of the protection flow, as a power cut would test it: a child process runs a disk
 * backup (with retention and prune), an online backup (replication, online retention and prune in
 * the vault) or a restore (from disk, or from the vault through the recovery folder), and is
 * killed with SIGKILL at every step boundary it reaches and at random moments. The step names are
 * learnt from a clean run of each operation (DPMSH_TEST_STEP_TRACE), so the steps the engine and
 * the server add later are killed at too. After each kill, on the home the kill left:
 *   - every recovery point the catalog lists verifies and restores to exactly the data it was made of;
 *   - the next backup completes without a warning;
 *   - nothing is left behind: no temporary file in the vault or in the disk repository, no staging
 *     copy in the recovery folder, no snapshot without a recovery point, no recovery point without
 *     its snapshot, and the vault's catalog lists exactly the online points.
 *
 * One protection setup is made once and copied back before every kill. The child runs the built
 * server (packages/server/dist), so this test needs a build first; the workspace's `npm test`
 * builds before it tests, and the test refuses a dist older than the sources.
 * DPMSH_CRASH_KILLS sets how many kills a run makes (100 by default).
 */
import { spawn } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { localBackend, openRepository } from '@dpmsh/engine';
import { KeyStore } from '../keys/key-store.js';
import { ProtectionServer } from '../server.js';
import { DISK_REPOSITORY_FOLDER } from '../storage/repositories.js';
import { PASSPHRASE } from '../test-support/fixture.js';

const here = dirname(fileURLToPath(import.meta.url));
const child = join(here, '..', 'test-support', 'crash-child.mjs');
const sources = join(here, '..');
// Written by every build, unlike outputs that did not change.
const buildInfo = join(here, '..', '..', 'dist', '.tsbuildinfo');
const KILLS = Number.parseInt(process.env.DPMSH_CRASH_KILLS ?? '', 10) || 100;
const DAY = 86_400_000;
/** Guards against a hung child only; a slow machine is no failure. */
const HANG_MS = 300_000;

const base = mkdtempSync(join(tmpdir(), 'dpmsh-crash-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const work = join(base, 'work');
const template = join(base, 'template');
const home = join(work, 'home');
const source = join(work, 'source');
const disk = join(work, 'disk');
const recovery = join(work, 'recovery');

/** A tree as path -> SHA-256 of the content ('dir' for a folder). */
type Tree = Record<string, string>;

function treeOf(root: string): Tree {
  const out: Tree = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        out[relative(root, path)] = 'dir';
        walk(path);
      } else out[relative(root, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(root);
  return out;
}

/** Every file under a folder whose name starts with a prefix. */
function filesNamed(root: string, prefix: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.startsWith(prefix))
    .map((e) => join(e.parentPath, e.name));
}

function writeVersion(version: string): void {
  mkdirSync(join(source, 'docs', 'empty'), { recursive: true });
  writeFileSync(join(source, 'version.txt'), `${version}\n`);
  writeFileSync(join(source, 'docs', `${version}.bin`), randomFillSync(Buffer.alloc(96 * 1024)));
  writeFileSync(join(source, 'docs', 'notes.txt'), `notes of ${version}\n`.repeat(2000));
}

interface Setup {
  readonly datasourceId: string;
  /** The data each template snapshot was made of. */
  readonly trees: ReadonlyMap<string, Tree>;
  readonly diskPointId: string;
  readonly onlinePointId: string;
}

/**
 * The template: registered, disk storage, a group protecting the source on disk and online with
 * retention of one day, two disk points and one online point, all made three days ago (their
 * catalog times are moved back), so every backup has retention and prune to do.
 */
async function makeTemplate(): Promise<Setup> {
  for (const dir of [source, disk, recovery, join(work, 'credentials')]) mkdirSync(dir, { recursive: true });
  const server = await ProtectionServer.open({ home, serverName: 'crash01', engineWorkers: 0 });
  const trees = new Map<string, Tree>();
  try {
    await server.createVault({ name: 'contoso-vault', location: 'westus' });
    const credentials = await server.issueCredentials('contoso-vault', join(work, 'credentials'));
    await server.register({ credentialsPath: credentials.filePath, passphrase: PASSPHRASE, recoveryFolder: recovery, scratchPath: join(work, 'scratch') });
    await server.addDisk(disk);
    const { groups, datasources } = server;
    const ds = await datasources.resolve(source);
    const draft = groups.create('Crash');
    groups.addMember(draft.draftId, ds, true);
    groups.setProtectionType(draft.draftId, 'Disk', 'Online');
    groups.setPolicy(draft.draftId, { retentionDays: 1, onlineRetentionDays: 1 });
    await groups.commit(draft.draftId);
    writeVersion('v1');
    const first = await server.backupNow(ds.datasourceId, { location: 'Online' });
    trees.set(first.recoveryPoint.snapshotId, treeOf(source));
    writeVersion('v2');
    const second = await server.backupNow(ds.datasourceId, { location: 'Disk' });
    trees.set(second.recoveryPoint.snapshotId, treeOf(source));
    ageRecoveryPoints(3 * DAY);
    return { datasourceId: ds.datasourceId, trees, diskPointId: second.recoveryPoint.id, onlinePointId: first.recoveryPoint.id };
  } finally {
    await server.close();
  }
}

function ageRecoveryPoints(ms: number): void {
  const db = new Database(join(home, 'catalog.db'));
  try {
    const rows = db.prepare('SELECT id, created_at FROM recovery_point').all() as { id: string; created_at: string }[];
    const update = db.prepare('UPDATE recovery_point SET created_at = ? WHERE id = ?');
    for (const row of rows) update.run(new Date(new Date(row.created_at).getTime() - ms).toISOString(), row.id);
  } finally {
    db.close();
  }
}

/** One operation the child runs. */
interface Operation {
  readonly name: string;
  readonly args: readonly string[];
  /** Whether the next backup after a kill is an online one (it then also replicates and runs online retention). */
  readonly online: boolean;
}

interface ChildRun {
  readonly killed: boolean;
  readonly code: number | null;
  readonly output: string;
  /** From 'ready' to the end. */
  readonly ms: number;
}

function runChild(operation: Operation, env: Record<string, string>, killAfterReadyMs: number | null): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DPMSH_TEST_')));
    const proc = spawn(process.execPath, [child, home, ...operation.args], { env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let ready = 0;
    let timer: NodeJS.Timeout | undefined;
    const hang = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`${operation.name} did not end within ${HANG_MS} ms: ${output}`));
    }, HANG_MS);
    proc.stdout.on('data', (data: Buffer) => {
      output += data.toString();
      if (ready === 0 && output.includes('ready\n')) {
        ready = performance.now();
        if (killAfterReadyMs !== null) timer = setTimeout(() => proc.kill('SIGKILL'), killAfterReadyMs);
      }
    });
    proc.stderr.on('data', (data: Buffer) => (output += data.toString()));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      clearTimeout(hang);
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', code, output, ms: ready === 0 ? 0 : performance.now() - ready });
    });
  });
}

/** A fresh copy of the template, with the source at a new version; returns the source's tree. */
function resetWork(iteration: number): Tree {
  rmSync(work, { recursive: true, force: true });
  cpSync(template, work, { recursive: true });
  writeVersion(`kill-${iteration}`);
  return treeOf(source);
}

/** The steps a clean run reaches, each occurrence as 'step' or 'step#n'. */
async function learnSteps(operation: Operation): Promise<{ steps: string[]; ms: number }> {
  resetWork(0);
  const trace = join(base, `trace-${operation.name}`);
  const run = await runChild(operation, { DPMSH_TEST_STEP_TRACE: trace }, null);
  expect(run.code, `${operation.name} in a clean run: ${run.output}`).toBe(0);
  const seen = new Map<string, number>();
  const steps: string[] = [];
  // An operation with no step boundary (yet) writes no trace.
  const reached = existsSync(trace) ? readFileSync(trace, 'utf8').split('\n') : [];
  for (const step of reached.filter((s) => s !== '')) {
    const n = (seen.get(step) ?? 0) + 1;
    seen.set(step, n);
    steps.push(n === 1 ? step : `${step}#${n}`);
  }
  return { steps, ms: run.ms };
}

/** What must hold after a kill; `label` names the kill in every failure. */
async function checkAfterKill(label: string, setup: Setup, current: Tree, operation: Operation): Promise<void> {
  // The checks run with the engine's work on this thread: many short operations, where starting
  // worker threads would cost more than the work (the killed child keeps its workers).
  const server = await ProtectionServer.open({ home, engineWorkers: 0 });
  try {
    await server.cloudStatus();
    for (const point of server.recoveryPoints()) {
      const what = `${label}: ${point.location} point ${point.id}`;
      const verified = await server.verify(point.id);
      expect(verified.problems, what).toEqual([]);
      const target = join(work, 'checked', point.id);
      await server.restore(point.id, { options: { target: { alternatePath: target }, overwrite: 'fail' } });
      // A snapshot the template did not make was made during this kill's run, of the current source.
      expect(treeOf(target), what).toEqual(setup.trees.get(point.snapshotId) ?? current);
    }

    const warnings: string[] = [];
    const next = await server.backupNow(setup.datasourceId, { location: operation.online ? 'Online' : 'Disk', warn: (w) => warnings.push(w) });
    expect(warnings, label).toEqual([]);
    expect(next.job.status, label).toBe('Succeeded');
    expect((await server.verify(next.recoveryPoint.id)).ok, label).toBe(true);

    // Nothing left behind.
    expect(readdirSync(recovery), `${label}: recovery folder`).toEqual([]);
    expect(readdirSync(join(home, 'vault', 'objects', '.tmp')), `${label}: vault temporary files`).toEqual([]);
    expect(filesNamed(join(disk, DISK_REPOSITORY_FOLDER), '.tmp-'), `${label}: disk repository temporary files`).toEqual([]);
    const keys = await new KeyStore(home).read();
    const repository = await openRepository(localBackend(join(disk, DISK_REPOSITORY_FOLDER)), { masterKey: (keys as { masterKey: Uint8Array }).masterKey });
    const onDisk = (await repository.snapshots()).map((s) => s.id).sort();
    expect(onDisk, `${label}: disk snapshots`).toEqual([...new Set(server.recoveryPoints({ location: 'Disk' }).map((p) => p.snapshotId))].sort());
    const online = server.recoveryPoints({ location: 'Online' });
    const inVault = (await server.vault.listObjects(server.serverId, 'snapshots/')).map((name) => name.slice('snapshots/'.length)).sort();
    expect(inVault, `${label}: vault snapshots`).toEqual([...new Set(online.map((p) => p.snapshotId))].sort());
    expect((await server.vault.listRecoveryPoints(server.serverId)).map((p) => p.recoveryPointId).sort(), `${label}: vault catalog`).toEqual(online.map((p) => p.id).sort());
  } finally {
    await server.close();
  }
}

it(
  'keeps every listed recovery point restorable, the next backup working and nothing left behind, whatever the kill',
  async () => {
    const newestSource = Math.max(...readdirSync(sources, { recursive: true }).map(String).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => statSync(join(sources, f)).mtimeMs));
    expect(statSync(buildInfo).mtimeMs, 'packages/server/dist is older than its sources: build first (npm run build)').toBeGreaterThanOrEqual(newestSource);

    const setup = await makeTemplate();
    cpSync(work, template, { recursive: true });
    const operations: Operation[] = [
      { name: 'disk backup', args: ['backup-disk', source], online: false },
      { name: 'online backup', args: ['backup-online', source], online: true },
      { name: 'restore from the vault', args: ['restore', setup.onlinePointId, join(work, 'restored')], online: false },
      { name: 'restore from disk', args: ['restore', setup.diskPointId, join(work, 'restored')], online: false },
    ];
    const learnt: { operation: Operation; steps: string[]; ms: number }[] = [];
    for (const operation of operations) learnt.push({ operation, ...(await learnSteps(operation)) });
    // Retention, prune and replication run inside these operations: their steps must be among those killed at.
    const allSteps = learnt.flatMap((l) => l.steps);
    for (const step of ['retention:catalog-updated', 'retention:snapshots-forgotten', 'retention:pruned', 'online-backup:replicated', 'restore:staged']) expect(allSteps).toContain(step);

    let kills = 0;
    let iteration = 0;
    const kill = async (operation: Operation, env: Record<string, string>, afterReadyMs: number | null): Promise<void> => {
      iteration += 1;
      const current = resetWork(iteration);
      const label = `kill ${iteration} (${operation.name}, ${env.DPMSH_TEST_KILL_AT ?? `${Math.round(afterReadyMs ?? 0)} ms after ready`})`;
      const run = await runChild(operation, env, afterReadyMs);
      if (!run.killed) {
        // A random moment after the end: the run completed, which must be a clean one.
        expect(run.code, `${label}: ${run.output}`).toBe(0);
        return;
      }
      kills += 1;
      await checkAfterKill(label, setup, current, operation);
    };

    for (const { operation, steps } of learnt) {
      for (const step of steps) {
        const before = kills;
        await kill(operation, { DPMSH_TEST_KILL_AT: step }, null);
        expect(kills, `the child was not killed at ${step}`).toBe(before + 1);
      }
    }
    // Random moments fill the rest, spread over the operations and over each one's clean run time.
    let turn = 0;
    while (kills < KILLS) {
      const { operation, ms } = learnt[turn++ % learnt.length] as { operation: Operation; ms: number };
      await kill(operation, {}, Math.random() * ms * 0.9);
    }
    expect(kills).toBeGreaterThanOrEqual(KILLS);
  },
  30 * 60_000,
);

