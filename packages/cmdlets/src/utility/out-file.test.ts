import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CmdletDefinition } from '../session/cmdlet.js';
import { outFileCmdlet } from './out-file.js';
import { dir, named, flag, run, vaults, removeDir } from './test-support/format-pipeline.js';

afterAll(removeDir);

describe('Out-File', () => {
  it('writes the formatted text, appends, and encodes', async () => {
    const path = join(dir, 'out.txt');
    await run(vaults(), [outFileCmdlet as CmdletDefinition<never>, named('FilePath', path)]);
    expect(readFileSync(path, 'utf8')).toBe('\nName   Size\n----   ----\nvault1   10\nb      2000\n\n');
    await run(['more'], [outFileCmdlet as CmdletDefinition<never>, named('FilePath', path), flag('Append')]);
    expect(readFileSync(path, 'utf8').endsWith('\n\nmore\n')).toBe(true);
    await run(['hi'], [outFileCmdlet as CmdletDefinition<never>, named('FilePath', path), named('Encoding', 'utf8BOM')]);
    expect([...readFileSync(path)]).toEqual([0xef, 0xbb, 0xbf, 0x68, 0x69, 0x0a]);
  });
});
