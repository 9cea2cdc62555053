/**
 * Examples are tests: every registered cmdlet's help example that declares its `output` runs in a
 * fresh shell (its own DPMSH_HOME) and must print exactly that, as the scripted host would show
 * it (formatted output and stream messages; errors in the concise view).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOutDefault, RecordingHost } from '@dpmsh/cmdlets';
import type { CommandExample } from '@dpmsh/cmdlets';
import { createDpmshShell } from './compose.js';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'dpmsh-examples-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The examples of every cmdlet a new shell registers, named by cmdlet. */
async function registeredExamples(): Promise<{ cmdlet: string; index: number; example: CommandExample & { output: string } }[]> {
  const shell = await createDpmshShell({ host: new RecordingHost(), dpmshHome: join(work, 'registry'), environment: { PATH: '' } });
  const found = shell.session.registry
    .cmdlets()
    .flatMap((c) => (c.definition.help?.examples ?? []).map((example, index) => ({ cmdlet: c.name, index, example })))
    .filter((e): e is { cmdlet: string; index: number; example: CommandExample & { output: string } } => e.example.output !== undefined);
  await shell.dispose();
  return found;
}

/** Trailing spaces and blank lines do not count, as in the conformance cases. */
function normalize(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');
}

const examples = await registeredExamples();
let homes = 0;

describe('cmdlet help examples', () => {
  it('finds examples with outputs', () => {
    expect(examples.length).toBeGreaterThan(10);
  });

  for (const { cmdlet, index, example } of examples) {
    it(`${cmdlet} example ${index + 1}: ${example.title}`, async () => {
      const home = join(work, `home-${homes++}`);
      const host = new RecordingHost({ width: 120 });
      const shell = await createDpmshShell({ host, dpmshHome: home, location: work, environment: { PATH: process.env.PATH ?? '', DPMSH_HOME: home, HOME: home } });
      try {
        const formatter = createOutDefault({ host, width: host.width, session: shell.session });
        await shell.run(example.code, { output: (value) => formatter.write(value), dotSource: true });
        await formatter.flush();
        expect(normalize(host.text)).toBe(normalize(example.output));
      } finally {
        await shell.dispose();
      }
    });
  }
});
