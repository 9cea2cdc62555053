/**
 * dpmsh's benchmarks. Each measures dpmsh beside a reference run on the same machine in the
 * same process (plain Node for start-up, a JavaScript loop for the interpreter, restic for
 * backup) and prints the figures and their ratio. Run with `npm run bench` after `npm run build`;
 * name sections to run only those: `npm run bench -- backup throttle`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { report, timeCommand } from './measure.js';
import { timeToPrompt } from './prompt.js';
import { writeMixedData } from './backup/data.js';
import { timeDpmsh } from './backup/dpmsh.js';
import { ensureRestic, timeRestic } from './backup/restic.js';
import { throttledUploadRate } from './backup/throttle.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const dpmsh = join(root, 'apps/shell/bin/dpmsh.js');
const home = mkdtempSync(join(tmpdir(), 'dpmsh-bench-'));
process.env.DPMSH_HOME = home;

async function startup(): Promise<void> {
  const node = await timeCommand('node', ['-e', '0'], 10);
  const shell = await timeCommand('node', [dpmsh, '-NoProfile', '-Command', '$true'], 10);
  report('cold start: node -e 0', `${node.toFixed(0)} ms`);
  report("cold start: dpmsh -Command '$true'", `${shell.toFixed(0)} ms  (${(shell / node).toFixed(2)}x node)`);
  const prompt = await timeToPrompt(dpmsh, 5);
  report('cold start: dpmsh to its first prompt', `${prompt.toFixed(0)} ms  (${(prompt / node).toFixed(2)}x node)`);
}

/** Runs a script in dpmsh and the same work in plain Node; prints both and the ratio. */
async function scriptBench(name: string, script: string, reference: string, unit: { count: number; what: string }): Promise<void> {
  const base = await timeCommand('node', [dpmsh, '-NoProfile', '-Command', '$true'], 3);
  const total = await timeCommand('node', [dpmsh, '-NoProfile', '-Command', script], 3);
  const work = Math.max(1, total - base);
  const js = await timeCommand('node', ['-e', reference], 3);
  const jsBase = await timeCommand('node', ['-e', '0'], 3);
  const jsWork = Math.max(1, js - jsBase);
  const rate = (unit.count / work) * 1000;
  report(name, `${work.toFixed(0)} ms, ${Math.round(rate).toLocaleString('en-US')} ${unit.what}/s  (${(work / jsWork).toFixed(0)}x plain JS)`);
}

async function interpreter(): Promise<void> {
  await scriptBench(
    'loop: for ($i=0; $i -lt 1e6; $i++) { $s += $i }',
    '$s = 0; for ($i = 0; $i -lt 1000000; $i++) { $s += $i }; $s',
    'let s = 0; for (let i = 0; i < 1e6; i++) s += i; console.log(s)',
    { count: 1_000_000, what: 'iterations' },
  );
  await scriptBench(
    'pipeline: 1..1000000 | Where-Object | Measure-Object',
    '1..1000000 | Where-Object { $_ % 3 -eq 0 } | Measure-Object | Out-Null',
    'let n = 0; for (let i = 1; i <= 1e6; i++) if (i % 3 === 0) n++; console.log(n)',
    { count: 1_000_000, what: 'objects' },
  );
  await scriptBench(
    'sort and group 100k objects',
    '$o = 1..100000 | ForEach-Object { [pscustomobject]@{ Id = $_; Key = $_ % 100 } }; $o | Sort-Object Key, Id | Group-Object Key | Measure-Object | Out-Null',
    'const o = Array.from({ length: 1e5 }, (_, i) => ({ Id: i + 1, Key: (i + 1) % 100 })); o.sort((a, b) => a.Key - b.Key || a.Id - b.Id); const g = new Map(); for (const x of o) g.set(x.Key, (g.get(x.Key) ?? 0) + 1); console.log(g.size)',
    { count: 100_000, what: 'objects' },
  );
}

/** 1 GiB of mixed data backed up, backed up again unchanged and restored, by dpmsh and by restic. */
async function backup(): Promise<void> {
  const data = mkdtempSync(join(tmpdir(), 'dpmsh-bench-data-'));
  try {
    const bytes = writeMixedData(data, 1024);
    const mib = bytes / 1024 / 1024;
    const ours = await timeDpmsh(data);
    const haveRestic = await ensureRestic();
    const theirs = haveRestic ? await timeRestic(data) : undefined;
    const line = (what: string, ms: number, peer: number | undefined, rate: boolean): void => {
      const speed = rate ? `, ${(mib / (ms / 1000)).toFixed(0)} MiB/s` : '';
      const beside = peer === undefined ? '  (restic unavailable)' : `  (restic ${peer.toFixed(0)} ms; dpmsh takes ${(ms / peer).toFixed(2)}x)`;
      report(what, `${ms.toFixed(0)} ms${speed}${beside}`);
    };
    line('backup: 1 GiB mixed, first', ours.backup, theirs?.backup, true);
    line('backup: 1 GiB mixed, unchanged', ours.rebackup, theirs?.rebackup, false);
    line('restore: 1 GiB mixed', ours.restore, theirs?.restore, true);
    report('backup: stored after compression', `${(ours.storedBytes / 1024 / 1024).toFixed(0)} MiB of ${mib.toFixed(0)} MiB`);
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

/** A throttled upload's achieved rate beside the configured one. */
async function throttle(): Promise<void> {
  for (const mbps of [16, 64]) {
    const configured = mbps * 1024 * 1024;
    const achieved = await throttledUploadRate(configured, mbps);
    report(`throttle: upload at ${mbps} Mbps`, `${(achieved / 1024 / 1024).toFixed(2)} Mbps achieved  (${(achieved / configured).toFixed(3)}x configured)`);
  }
}

const sections: Readonly<Record<string, () => Promise<void>>> = { startup, interpreter, backup, throttle };
const chosen = process.argv.slice(2);
for (const name of chosen) {
  if (!(name in sections)) throw new Error(`No bench section '${name}'; choose from ${Object.keys(sections).join(', ')}.`);
}
for (const [name, run] of Object.entries(sections)) {
  if (chosen.length === 0 || chosen.includes(name)) await run();
}
rmSync(home, { recursive: true, force: true });
