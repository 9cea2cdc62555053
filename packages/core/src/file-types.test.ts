import { describe, expect, it } from 'vitest';
import { classifyFileForBackup, type FileFacts } from './file-types.js';

const plain: FileFacts = { kind: 'file', hardLinkCount: 1, otherLinkBackedUp: false, sparse: false, compressed: false, encrypted: false };
const file = (change: Partial<FileFacts>): FileFacts => ({ ...plain, ...change });

describe('classifyFileForBackup: supported types', () => {
  it.each<[string, Partial<FileFacts>, string, boolean]>([
    ['a plain file', {}, 'regular', true],
    ['an encrypted file (full backups only)', { encrypted: true }, 'encrypted', false],
    ['a compressed file (incremental)', { compressed: true }, 'compressed', true],
    ['a sparse file (incremental)', { sparse: true }, 'sparse', true],
    ['a compressed and sparse file (treated as sparse)', { compressed: true, sparse: true }, 'sparse', true],
    ['the first name of a hard-linked file', { hardLinkCount: 3 }, 'regular', true],
    ['a directory', { kind: 'directory' }, 'directory', true],
    ['a plain named stream', { kind: 'stream' }, 'stream', true],
  ])('backs up %s', (_what, change, treatAs, incremental) => {
    expect(classifyFileForBackup(file(change))).toEqual({ action: 'backup', treatAs, incremental });
  });
});

describe('classifyFileForBackup: unsupported types', () => {
  it.each<[string, Partial<FileFacts>, string]>([
    ['a symbolic link', { kind: 'symlink' }, 'SymbolicLink'],
    ['another reparse point', { kind: 'reparse' }, 'ReparsePoint'],
    ['a second name of a hard-linked file', { hardLinkCount: 2, otherLinkBackedUp: true }, 'HardLinkDuplicate'],
    ['an encrypted and compressed file', { encrypted: true, compressed: true }, 'EncryptedAndCompressed'],
    ['an encrypted and sparse file', { encrypted: true, sparse: true }, 'EncryptedAndSparse'],
    ['a compressed stream', { kind: 'stream', compressed: true }, 'CompressedStream'],
    ['a sparse stream', { kind: 'stream', sparse: true }, 'SparseStream'],
    ['a device, FIFO or socket', { kind: 'special' }, 'SpecialFile'],
  ])('skips %s with a reason for the warning', (_what, change, reason) => {
    const decision = classifyFileForBackup(file(change));
    expect(decision.action).toBe('skip');
    if (decision.action === 'skip') {
      expect(decision.reason).toBe(reason);
      expect(decision.message.length).toBeGreaterThan(10);
    }
  });

  it('skips a symbolic link even if it claims other attributes', () => {
    expect(classifyFileForBackup(file({ kind: 'symlink', encrypted: true, hardLinkCount: 2 }))).toMatchObject({ reason: 'SymbolicLink' });
  });

  it('ignores a stale "already backed up" flag on a file with one name', () => {
    expect(classifyFileForBackup(file({ hardLinkCount: 1, otherLinkBackedUp: true }))).toMatchObject({ action: 'backup' });
  });
});
