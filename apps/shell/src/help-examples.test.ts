/**
 * Examples are tests: every registered cmdlet's help example states its `output` or says why it
 * cannot (`outputUnchecked`). One that states it runs in a fresh shell (its own DPMSH_HOME), after
 * its unseen `setup`, and must print exactly that, as the scripted host would show it (formatted
 * output and stream messages; errors in the concise view).
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

interface NamedExample {
  readonly cmdlet: string;
  readonly index: number;
  readonly example: CommandExample;
}

/** The examples of every cmdlet a new shell registers, named by cmdlet. */
async function registeredExamples(): Promise<NamedExample[]> {
  const shell = await createDpmshShell({ host: new RecordingHost(), dpmshHome: join(work, 'registry'), environment: { PATH: '' } });
  const found = shell.session.registry.cmdlets().flatMap((c) => (c.definition.help?.examples ?? []).map((example, index) => ({ cmdlet: c.name, index, example })));
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
const checked = examples.filter((e): e is NamedExample & { example: { output: string } } => e.example.output !== undefined);
let homes = 0;

describe('cmdlet help examples', () => {
  it('finds examples with outputs', () => {
    expect(checked.length).toBeGreaterThan(10);
  });

  it('every example states its output, or why it cannot', () => {
    const silent = examples.filter(({ example }) => (example.output === undefined) === (example.outputUnchecked === undefined));
    expect(silent.map(({ cmdlet, index, example }) => `${cmdlet} example ${index + 1}: ${example.title}`)).toEqual([]);
  });

  for (const { cmdlet, index, example } of checked) {
    it(`${cmdlet} example ${index + 1}: ${example.title}`, async () => {
      const home = join(work, `home-${homes++}`);
      const host = new RecordingHost({ width: 120 });
      const shell = await createDpmshShell({ host, dpmshHome: home, location: work, environment: { PATH: process.env.PATH ?? '', DPMSH_HOME: home, HOME: home } });
      try {
        if (example.setup !== undefined) {
          const prepared = await shell.run(example.setup, { output: () => undefined, dotSource: true });
          expect(prepared.status, `setup of ${cmdlet} example ${index + 1}: ${host.text}`).toBe('completed');
          host.clear();
        }
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
