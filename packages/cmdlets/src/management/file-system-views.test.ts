import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PSDateTime } from '@dpmsh/runtime';
import { outString } from '../formatting/text-output.js';
import { fileItem } from './file-items.js';
import { sessionIn, useFolderPerTest } from './test-support/file-system.js';

let dir = '';
useFolderPerTest((folder) => (dir = folder));
const newSession = (): ReturnType<typeof sessionIn> => sessionIn(dir);

describe('file-system items', () => {
  it('prints items as pwsh on Linux: a Directory header, then UnixMode User Group LastWriteTime Size Name', async () => {
    writeFileSync(join(dir, 'f.txt'), '12345');
    const item = fileItem(join(dir, 'f.txt'), (await import('node:fs')).statSync(join(dir, 'f.txt')));
    item.addNote('LastWriteTime', new PSDateTime(Date.UTC(2024, 2, 14, 10, 31)));
    item.addNote('User', 'root');
    item.addNote('Group', 'root');
    item.addNote('UnixMode', '-rw-r--r--');
    const text = await outString([item], { width: 120, tables: newSession().session });
    expect(text.split('\n')).toEqual([
      '',
      `    Directory: ${dir}`,
      '',
      'UnixMode         User Group         LastWriteTime         Size Name',
      '--------         ---- -----         -------------         ---- ----',
      '-rw-r--r--       root root        3/14/2024 10:31            5 f.txt',
      '',
      '',
    ]);
  });
});
