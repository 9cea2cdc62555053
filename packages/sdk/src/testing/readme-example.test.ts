/** The README's example plugin is this test's plugin, so the example shown to authors is known to work. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRoundTrip } from './round-trip.js';
import notes from './test-support/notes-plugin.js';
import { useTempDirs } from './test-support/temp-dir.js';

const tempDir = useTempDirs();

describe('the README example', () => {
  it('is the notes plugin, word for word', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const example = (await readFile(new URL('./test-support/notes-plugin.ts', import.meta.url), 'utf8')).replaceAll("'../../index.js'", "'@dpmsh/sdk'");
    expect(readme).toContain(`\`\`\`ts\n${example}\`\`\``);
  });

  it('round-trips a folder of notes, skipping a subfolder with a warning', async () => {
    const folder = await tempDir();
    await writeFile(join(folder, 'a.txt'), 'alpha');
    await writeFile(join(folder, 'b.txt'), 'beta');
    await mkdir(join(folder, 'drafts'));
    await writeFile(join(folder, 'drafts/c.txt'), 'gamma');
    const report = await runRoundTrip({ plugin: notes, source: folder, change: (path) => writeFile(join(path, 'b.txt'), 'beta, edited') });
    expect(report.incremental).toMatchObject({ files: 1, unchanged: 1 });
    expect(report.skipped).toEqual(['drafts']);
    expect(report.full.steps).toEqual(['backup']);
  });
});
