/**
 * The acceptance scripts shared with the project (../shared/acceptance): each runs through the
 * built dpmsh exactly as their README says, in a fresh DPMSH_HOME and a fresh working
 * directory, and must exit 0, print nothing on stderr and print its expected output.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const dpmsh = join(root, 'apps/shell/bin/dpmsh.js');
const acceptance = resolve(root, '../shared/acceptance');

/** The script's output as the README compares it: blank lines and trailing spaces removed. */
function meaningfulLines(text: string): string[] {
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .filter((line) => line !== '');
}

function scripts(): string[] {
  if (!existsSync(acceptance)) return [];
  return readdirSync(acceptance, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ps1') && existsSync(join(acceptance, `${f}.expected`)))
    .sort();
}

describe('acceptance scripts', () => {
  it('are present beside the project', () => {
    expect(scripts().length).toBeGreaterThan(0);
  });

  for (const script of scripts()) {
    it(script, { timeout: 120_000 }, async () => {
      const home = mkdtempSync(join(tmpdir(), 'dpmsh-acceptance-home-'));
      const workDir = mkdtempSync(join(tmpdir(), 'dpmsh-acceptance-work-'));
      try {
        const result = await execa('node', [dpmsh, '-NoProfile', '-NonInteractive', '-File', join(acceptance, script), '-WorkDir', workDir], {
          cwd: workDir,
          // The README's run: only the home is set; colour settings of the runner stay out of stderr.
          env: { DPMSH_HOME: home, FORCE_COLOR: undefined, NO_COLOR: undefined },
          reject: false,
        });
        expect(result.stderr).toBe('');
        expect(result.exitCode).toBe(0);
        const actual = meaningfulLines(result.stdout);
        const expected = meaningfulLines(readFileSync(join(acceptance, `${script}.expected`), 'utf8'));
        expect(actual.length, `output:\n${result.stdout}`).toBe(expected.length);
        expected.forEach((line, i) => {
          if (line.startsWith('~ ')) expect(actual[i]).toMatch(new RegExp(`^(?:${line.slice(2)})$`));
          else expect(actual[i]).toBe(line);
        });
      } finally {
        rmSync(home, { recursive: true, force: true });
        rmSync(workDir, { recursive: true, force: true });
      }
    });
  }
});
