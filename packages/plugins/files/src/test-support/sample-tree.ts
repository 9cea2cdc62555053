/** A small tree with the things a files backup must keep: nested and empty directories, modes, times. */
import { chmod, mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Writes the sample tree under `root` and returns `root`. */
export async function sampleTree(root: string): Promise<string> {
  const at = (path: string) => join(root, path);
  await mkdir(at('docs/reports/2024'), { recursive: true });
  await mkdir(at('empty'));
  await mkdir(at('docs/empty-too'));
  await writeFile(at('readme.txt'), 'read me\n');
  await writeFile(at('docs/plan.md'), '# plan\n'.repeat(1000));
  await writeFile(at('docs/reports/2024/q1.csv'), 'a,b\n1,2\n');
  await writeFile(at('docs/reports/big.bin'), Buffer.from(Array.from({ length: 3 * 1024 * 1024 + 17 }, (_, i) => (i * 7) % 251)));
  await writeFile(at('secret.key'), 'k');
  await writeFile(at('script.sh'), '#!/bin/sh\n');
  await chmod(at('secret.key'), 0o600);
  await chmod(at('docs/plan.md'), 0o640);
  await chmod(at('script.sh'), 0o755);
  await chmod(at('docs/reports'), 0o750);
  await utimes(at('readme.txt'), 1_600_000_000, 1_600_000_000.123);
  await utimes(at('docs/reports/2024'), 1_500_000_000, 1_500_000_000.5);
  await utimes(at('empty'), 1_400_000_000, 1_400_000_000);
  return root;
}
