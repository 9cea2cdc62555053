/** Backs a folder up with the files plugin into memory, for restore tests. */
import type { DataSourceInfo } from '@dpmsh/sdk';
import { backupToMemory, createTestContext, type MemoryRecoveryPoint } from '@dpmsh/sdk/testing';
import { filesPlugin } from '../index.js';

/** The folder at `root` as a data source. */
export function folder(root: string): DataSourceInfo {
  return { id: root, name: root, kind: 'Folder', sizeEstimateBytes: 0, path: root };
}

/** A full backup of `root` into an in-memory recovery point. */
export async function backUp(root: string): Promise<MemoryRecoveryPoint> {
  return (await backupToMemory(filesPlugin, folder(root), { kind: 'full', previous: null, context: createTestContext() })).point;
}
