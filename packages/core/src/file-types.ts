/**
 * The seed's supported and unsupported file types as one classifier. Encrypted files back up
 * (full backups only), compressed and sparse files back up (incrementally), compressed-and-sparse
 * counts as sparse; links and other reparse points, hard-link duplicates, encrypted-and-compressed,
 * encrypted-and-sparse, and compressed or sparse named streams are skipped.
 *
 * Hard links: the seed skips them; dpmsh backs up the first name of a multiply-linked file and
 * skips the other names (issue 6), so no file's only copy is lost. The seed's "servers on
 * case-sensitive file systems" is not a per-file rule and is not applied here: every Linux
 * file system is case-sensitive.
 */

/** What an entry is. 'reparse' is any reparse point other than a symbolic link; 'stream' a named data stream; 'special' a device, FIFO or socket. */
export type FileKind = 'file' | 'directory' | 'symlink' | 'reparse' | 'stream' | 'special';

/** The facts about an entry that decide whether it is backed up. */
export interface FileFacts {
  readonly kind: FileKind;
  /** Number of names the file has (st_nlink); 1 for most files. */
  readonly hardLinkCount: number;
  /** True when another name of the same file was already backed up in this backup. */
  readonly otherLinkBackedUp: boolean;
  readonly sparse: boolean;
  readonly compressed: boolean;
  readonly encrypted: boolean;
}

/** Why an entry is skipped. */
export type FileSkipReason =
  | 'SymbolicLink'
  | 'ReparsePoint'
  | 'HardLinkDuplicate'
  | 'EncryptedAndCompressed'
  | 'EncryptedAndSparse'
  | 'CompressedStream'
  | 'SparseStream'
  | 'SpecialFile';

/** How a backed-up entry is stored. */
export type FileTreatment = 'regular' | 'directory' | 'sparse' | 'compressed' | 'encrypted' | 'stream';

/** Back up (how, and whether incremental backups of it are possible) or skip (why, in words for a warning). */
export type FileBackupDecision =
  | { readonly action: 'backup'; readonly treatAs: FileTreatment; readonly incremental: boolean }
  | { readonly action: 'skip'; readonly reason: FileSkipReason; readonly message: string };

const SKIP_MESSAGES: Readonly<Record<FileSkipReason, string>> = {
  SymbolicLink: 'a symbolic link; links and other reparse points are not backed up',
  ReparsePoint: 'a reparse point; reparse points are not backed up',
  HardLinkDuplicate: 'another name of a hard-linked file already backed up; hard links are not backed up twice',
  EncryptedAndCompressed: 'encrypted and compressed; files that are both are not backed up',
  EncryptedAndSparse: 'encrypted and sparse; files that are both are not backed up',
  CompressedStream: 'a compressed stream; compressed streams are not backed up',
  SparseStream: 'a sparse stream; sparse streams are not backed up',
  SpecialFile: 'a device, FIFO or socket; only files and directories are backed up',
};

/** Decides whether an entry is backed up, and how, by the seed's file-type rules. */
export function classifyFileForBackup(facts: FileFacts): FileBackupDecision {
  switch (facts.kind) {
    case 'symlink':
      return skip('SymbolicLink');
    case 'reparse':
      return skip('ReparsePoint');
    case 'special':
      return skip('SpecialFile');
    case 'directory':
      return backup('directory', true);
    case 'stream':
      if (facts.compressed) return skip('CompressedStream');
      if (facts.sparse) return skip('SparseStream');
      return backup('stream', !facts.encrypted);
    case 'file':
      break;
  }
  if (facts.hardLinkCount > 1 && facts.otherLinkBackedUp) return skip('HardLinkDuplicate');
  if (facts.encrypted) {
    if (facts.compressed) return skip('EncryptedAndCompressed');
    if (facts.sparse) return skip('EncryptedAndSparse');
    return backup('encrypted', false);
  }
  if (facts.sparse) return backup('sparse', true);
  if (facts.compressed) return backup('compressed', true);
  return backup('regular', true);
}

function skip(reason: FileSkipReason): FileBackupDecision {
  return { action: 'skip', reason, message: SKIP_MESSAGES[reason] };
}

function backup(treatAs: FileTreatment, incremental: boolean): FileBackupDecision {
  return { action: 'backup', treatAs, incremental };
}
