/** Running test-support/crash-child.mjs, the process the crash tests kill, against the built engine. */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesUnder } from './repositories.js';

const here = dirname(fileURLToPath(import.meta.url));
const child = join(here, 'crash-child.mjs');
const built = join(here, '..', '..', 'dist', 'index.js');
// Written by every build, unlike outputs that did not change.
const buildInfo = join(here, '..', '..', 'dist', '.tsbuildinfo');

/** How a child run ended. */
export interface ChildRun {
  readonly ms: number;
  /** False when it was killed (by the test's timer or at a step). */
  readonly finished: boolean;
  readonly output: string;
}

async function newestSource(dir: string): Promise<number> {
  let newest = 0;
  for (const file of await filesUnder(dir)) if (file.endsWith('.ts') && !file.endsWith('.test.ts')) newest = Math.max(newest, (await stat(file)).mtimeMs);
  return newest;
}

/** Throws unless dist/ is built from the current sources (the child runs the built engine, with its workers). */
export async function assertBuilt(): Promise<void> {
  if (!existsSync(built) || !existsSync(buildInfo) || statSync(buildInfo).mtimeMs < (await newestSource(join(here, '..')))) {
    throw new Error('The crash tests run the built engine: run `npx tsc -b packages/engine/tsconfig.lib.json` from the workspace root first.');
  }
}

/** Runs the child to its end, or until SIGKILL (after `killAfterMs`, or at a step named in `env`). */
export function runChild(args: readonly string[], options: { readonly killAfterMs?: number; readonly env?: Readonly<Record<string, string>> } = {}): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const process = spawn('node', [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...globalThis.process.env, ...options.env } });
    let output = '';
    let errors = '';
    process.stdout.on('data', (data: Buffer) => (output += data.toString()));
    process.stderr.on('data', (data: Buffer) => (errors += data.toString()));
    const timer = options.killAfterMs === undefined ? undefined : setTimeout(() => process.kill('SIGKILL'), options.killAfterMs);
    // 'exit' comes once the child is reaped: its pid is then gone, and its lock stale.
    process.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve({ ms: performance.now() - started, finished: false, output });
      else if (code === 0 && output.includes('done')) resolve({ ms: performance.now() - started, finished: true, output });
      else reject(new Error(`The crash child failed (code ${code}): ${errors}`));
    });
  });
}
