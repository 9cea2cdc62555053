/**
 * What the built dpmsh binary loads, traced by a module hook given to node as a user's process
 * gets it: a command that needs no server never loads the server, the engine, the vault or their
 * native and crypto libraries, and a DPM command that needs the server does load it, which shows
 * the trace sees what it is looking for.
 */
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));
const bin = resolve(here, '../../bin/dpmsh.js');
const hook = pathToFileURL(join(here, 'test-support/trace-modules.mjs')).href;
// Node reports a workspace package by its real path, not through node_modules/@dpmsh links.
const workspace = realpathSync(resolve(here, '../../../..'));
const work = mkdtempSync(join(tmpdir(), 'dpmsh-modules-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let runs = 0;
/** Runs `dpmsh -Command <command>` in a fresh home and returns its result and the files it loaded. */
async function traced(command: string) {
  const run = join(work, `run-${runs++}`);
  const trace = `${run}-modules.txt`;
  const result = await execa('node', ['--import', hook, bin, '-Command', command], {
    reject: false,
    cwd: work,
    // FORCE_COLOR from the test runner's environment would make Node warn beside NO_COLOR on stderr.
    env: { DPMSH_HOME: join(run, 'home'), DPMSH_TRACE_MODULES: trace, NO_COLOR: '1', FORCE_COLOR: undefined },
  });
  const files = readFileSync(trace, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => relative(workspace, fileURLToPath(url)).split(sep).join('/'));
  return { result, files };
}

// What only a command that uses the server may load: the server, the engine and the vault, the
// native SQLite and zstd addons, the X.509 library and the passphrase hash (@node-rs/argon2).
const heavyParts = ['packages/server', 'packages/engine', 'packages/vault', 'better-sqlite3', 'zstd-napi', 'node-forge', 'argon2'];

/** The heavy part a loaded file belongs to, if any. */
function heavyPart(file: string): string | undefined {
  // The package after the last node_modules: the one the file belongs to, however deeply nested.
  const library = [...file.matchAll(/(?:^|\/)node_modules\/(?:@[^/]+\/)?([^/]+)\//g)].at(-1)?.[1];
  return heavyParts.find((part) => (part.startsWith('packages/') ? file.startsWith(`${part}/`) : library === part));
}

/** The loaded files that belong to a heavy part. */
function heavy(files: readonly string[]): string[] {
  return files.filter((file) => heavyPart(file) !== undefined);
}

describe('modules dpmsh loads', () => {
  it("loads nothing of the server, the engine or the vault for dpmsh -Command 'Get-Date'", async () => {
    const { result, files } = await traced('Get-Date');
    expect(result).toMatchObject({ stderr: '', exitCode: 0 });
    expect(result.stdout).toMatch(/\d{4}/);
    // The trace saw the run: the entry point and the bundle the language and cmdlets run in.
    expect(files).toContain('apps/shell/bin/dpmsh.js');
    expect(files).toContain('apps/shell/dist/dpmsh.js');
    expect(heavy(files)).toEqual([]);
  });

  it('loads @dpmsh/server once a DPM command needs the server', async () => {
    const { files } = await traced('Get-DPMCloudConnection');
    expect(heavy(files)).toContain('packages/server/dist/index.js');
    // The server brings every heavy part with it today, which shows that each pattern above
    // matches a file Node really loads, so the Get-Date check can fail for any of them.
    expect(new Set(files.map(heavyPart).filter((part) => part !== undefined))).toEqual(new Set(heavyParts));
  });
});
