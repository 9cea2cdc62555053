/**
 * Scripted runs start fast because they never load the interactive shell: the built binary runs
 * `-Command '$true'` under a module-resolution hook that lists every module it loads.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

const bin = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../bin/dpmsh.js');
const work = mkdtempSync(join(tmpdir(), 'dpmsh-lazy-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The URLs of every module the binary loads for these arguments. */
async function modulesLoaded(args: readonly string[]): Promise<string[]> {
  const log = join(work, `modules-${Date.now()}.log`);
  const hooks = join(work, 'hooks.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';\nexport async function resolve(specifier, context, next) {\n  const result = await next(specifier, context);\n  appendFileSync(process.env.DPMSH_MODULE_LOG, result.url + '\\n');\n  return result;\n}\n`,
  );
  const register = join(work, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const run = await execa('node', ['--import', pathToFileURL(register).href, bin, ...args], {
    reject: false,
    env: { DPMSH_HOME: join(work, 'home'), DPMSH_MODULE_LOG: log, NO_COLOR: '1', FORCE_COLOR: undefined },
  });
  expect(run.exitCode).toBe(0);
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

describe('scripted runs', () => {
  it('never import Ink, React or the interactive shell', async () => {
    const modules = await modulesLoaded(['-NoProfile', '-Command', '$true']);
    expect(modules.some((url) => url.endsWith('/dist/dpmsh.js'))).toBe(true);
    // The interactive shell is its own chunk of the bundle (dpmsh-run-interactive-*.js, dpmsh-prompt-editor-*.js).
    expect(modules.filter((url) => /\/node_modules\/(ink|react|react-reconciler)\/|\/interactive\/|interactive-|prompt-editor-/.test(url))).toEqual([]);
  }, 30_000);
});
