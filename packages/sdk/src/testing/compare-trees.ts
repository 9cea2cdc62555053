/**
 * Compares a restored directory tree with the tree it came from: the same paths (empty
 * directories included), types, bytes, permission bits, modification times, link targets,
 * sparseness and, on request, owners. The roots themselves are not compared: a data source's
 * root has no entry.
 */
import type { Stats } from 'node:fs';
import { open, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { listTree } from './list-tree.js';

/** What kind of difference was found. */
export type DifferenceKind = 'missing' | 'extra' | 'type' | 'size' | 'content' | 'mode' | 'mtime' | 'owner' | 'sparse' | 'link' | 'result';

/** One difference between an expected and an actual tree. */
export interface TreeDifference {
  /** The entry path it is about ('' for the restore as a whole). */
  readonly path: string;
  readonly kind: DifferenceKind;
  /** One line, naming the path and both values. */
  readonly message: string;
}

/** What compareTrees compares besides paths, types and bytes. */
export interface CompareOptions {
  /** Compares only the paths this accepts (an excluded directory excludes all under it). */
  readonly include?: (path: string) => boolean;
  /** Permission bits (mode & 0o7777); default true. */
  readonly modes?: boolean;
  /** Modification times of files and directories; default true. */
  readonly mtimes?: boolean;
  /** How far apart two mtimes may be, for file systems that keep coarser times; default 1 ms. */
  readonly mtimeToleranceMs?: number;
  /** uid and gid; default false (only root can restore them). */
  readonly ownership?: boolean;
  /** A sparse expected file must be sparse when restored; default true. */
  readonly sparse?: boolean;
}

const BLOCK = 1 << 20;

/** True when a file has fewer bytes allocated than its size: it has holes. */
export function isSparse(stats: Stats): boolean {
  return stats.isFile() && stats.blocks * 512 < stats.size;
}

function typeOf(stats: Stats): string {
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'directory';
  if (stats.isSymbolicLink()) return 'symbolic link';
  if (stats.isFIFO()) return 'FIFO';
  if (stats.isSocket()) return 'socket';
  return 'device';
}

const octal = (mode: number): string => `0${(mode & 0o7777).toString(8).padStart(3, '0')}`;

/** The offset of the first byte that differs between two files of the same size, or -1. */
async function firstDifference(a: string, b: string): Promise<number> {
  const [left, right] = await Promise.all([open(a, 'r'), open(b, 'r')]);
  try {
    const bufferA = Buffer.alloc(BLOCK);
    const bufferB = Buffer.alloc(BLOCK);
    for (let offset = 0; ; offset += BLOCK) {
      const [readA, readB] = await Promise.all([left.read(bufferA, 0, BLOCK, offset), right.read(bufferB, 0, BLOCK, offset)]);
      const length = Math.max(readA.bytesRead, readB.bytesRead);
      if (length === 0) return -1;
      const partA = bufferA.subarray(0, readA.bytesRead);
      const partB = bufferB.subarray(0, readB.bytesRead);
      if (!partA.equals(partB)) {
        let index = 0;
        while (index < length && partA[index] === partB[index]) index++;
        return offset + index;
      }
    }
  } finally {
    await Promise.all([left.close(), right.close()]);
  }
}

/** Every difference between the tree under `expectedRoot` and the tree under `actualRoot`. */
export async function compareTrees(expectedRoot: string, actualRoot: string, options: CompareOptions = {}): Promise<TreeDifference[]> {
  const [expected, actual] = await Promise.all([listTree(expectedRoot, options.include), listTree(actualRoot, options.include)]);
  const differences: TreeDifference[] = [];
  const paths = [...new Set([...expected.keys(), ...actual.keys()])].sort();
  for (const path of paths) {
    const want = expected.get(path);
    const got = actual.get(path);
    if (got === undefined) differences.push({ path, kind: 'missing', message: `'${path}' (${typeOf(want as Stats)}) was not restored` });
    else if (want === undefined) differences.push({ path, kind: 'extra', message: `'${path}' (${typeOf(got)}) was restored but is not in the source` });
    else differences.push(...(await compareEntry(path, want, got, join(expectedRoot, path), join(actualRoot, path), options)));
  }
  return differences;
}

async function compareEntry(path: string, want: Stats, got: Stats, wantPath: string, gotPath: string, options: CompareOptions): Promise<TreeDifference[]> {
  const found: TreeDifference[] = [];
  const add = (kind: DifferenceKind, what: string, expected: string, actual: string): void => {
    found.push({ path, kind, message: `'${path}': ${what} is ${actual}, expected ${expected}` });
  };
  if (typeOf(want) !== typeOf(got)) {
    add('type', 'the type', typeOf(want), typeOf(got));
    return found;
  }
  if (want.isSymbolicLink()) {
    const [wantTarget, gotTarget] = await Promise.all([readlink(wantPath), readlink(gotPath)]);
    if (wantTarget !== gotTarget) add('link', 'the link target', `'${wantTarget}'`, `'${gotTarget}'`);
    return found;
  }
  if (want.isFile()) {
    if (want.size !== got.size) add('size', 'the size', `${want.size} bytes`, `${got.size} bytes`);
    else {
      const offset = await firstDifference(wantPath, gotPath);
      if (offset >= 0) found.push({ path, kind: 'content', message: `'${path}': the content differs from byte ${offset}` });
    }
    if ((options.sparse ?? true) && isSparse(want) && !isSparse(got)) {
      add('sparse', 'the allocation', `sparse (${want.blocks * 512} of ${want.size} bytes allocated)`, `${got.blocks * 512} bytes, not sparse`);
    }
  }
  if ((options.modes ?? true) && (want.mode & 0o7777) !== (got.mode & 0o7777)) add('mode', 'the mode', octal(want.mode), octal(got.mode));
  if ((options.mtimes ?? true) && Math.abs(want.mtimeMs - got.mtimeMs) >= (options.mtimeToleranceMs ?? 1)) {
    add('mtime', 'the modification time', new Date(want.mtimeMs).toISOString(), new Date(got.mtimeMs).toISOString());
  }
  if (options.ownership === true && (want.uid !== got.uid || want.gid !== got.gid)) add('owner', 'the owner', `${want.uid}:${want.gid}`, `${got.uid}:${got.gid}`);
  return found;
}
