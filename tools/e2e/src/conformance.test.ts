/**
 * The conformance suite: every case of tests/conformance runs through the built dpmsh binary,
 * as a user would run it, and must print exactly what PowerShell 7 prints.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCases, normalize } from './cases.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const dpmsh = join(root, 'apps/shell/bin/dpmsh.js');
const cases = loadCases(join(root, 'tests/conformance'));
const work = mkdtempSync(join(tmpdir(), 'dpmsh-conformance-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.concurrent('conformance', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const [index, c] of cases.entries()) {
    it(`${c.file}: ${c.name}`, async () => {
      const home = join(work, `home-${index}`);
      const scriptPath = join(work, `case-${index}.ps1`);
      const args = ['-NoProfile', '-NonInteractive'];
      if (c.asFile) {
        writeFileSync(scriptPath, c.script);
        args.push('-File', scriptPath);
      } else {
        args.push('-Command', '-');
      }
      const result = await execa('node', [dpmsh, ...args], {
        input: c.asFile ? undefined : c.script,
        cwd: work,
        // FORCE_COLOR from the runner's environment would make Node warn beside NO_COLOR on stderr.
        env: { DPMSH_HOME: home, TZ: 'UTC', COLUMNS: '120', NO_COLOR: '1', FORCE_COLOR: undefined },
        reject: false,
      });
      const stdout = normalize(result.stdout.replaceAll(scriptPath, '<script>'));
      const stderr = normalize(result.stderr.replaceAll(scriptPath, '<script>'));
      expect({ stdout, stderr, exitCode: result.exitCode }).toEqual({ stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode });
    });
  }
});
