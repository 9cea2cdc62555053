/**
 * Giving the passphrase: the first time, the master key is made and wrapped under it; after that
 * the same key is wrapped again under the new passphrase and every repository's stored envelope
 * is replaced, so that the new passphrase alone recovers all the data. All of it is undone when
 * the settings change it belongs to fails.
 */
import { existsSync } from 'node:fs';
import type { KeyEnvelope, Repository } from '@dpmsh/engine';
import type { KeyStore } from './key-store.js';

/** The repositories whose envelopes a passphrase change replaces. */
export interface RekeyTargets {
  readonly keys: KeyStore;
  /** Every repository of this server that exists: the disks' and, when registered, the vault's. */
  repositories(): Promise<Repository[]>;
}

/** Wraps the master key under `passphrase` (making the key if there is none) everywhere; returns the undo. */
export async function applyPassphrase(targets: RekeyTargets, passphrase: string): Promise<() => Promise<void>> {
  const before = await targets.keys.read();
  const material = await targets.keys.wrapFor(passphrase);
  const changed: Repository[] = [];
  const undoRepositories = async (envelope: KeyEnvelope): Promise<void> => {
    for (const repository of changed) await repository.setKeyEnvelope(envelope);
  };
  if (before) {
    try {
      for (const repository of await targets.repositories()) {
        await repository.setKeyEnvelope(material.envelope);
        changed.push(repository);
      }
    } catch (error) {
      await undoRepositories(before.envelope);
      throw error;
    }
  }
  let undoKeys: () => Promise<void>;
  try {
    undoKeys = await targets.keys.write(material);
  } catch (error) {
    if (before) await undoRepositories(before.envelope);
    throw error;
  }
  return async () => {
    await undoKeys();
    if (before) await undoRepositories(before.envelope);
  };
}

/** Disk storage folders that still exist (a missing disk keeps its envelope; the master key still opens it). */
export function presentDisks<T extends { readonly path: string }>(disks: readonly T[]): T[] {
  return disks.filter((d) => existsSync(d.path));
}
