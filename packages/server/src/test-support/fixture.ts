/**
 * A server for tests: a temporary dpmsh home with the embedded vault, a clock the test moves, the
 * files plugin and, when asked, a tiny plugin module written to disk that reports data sources of
 * any size (to reach the size and scratch limits without that much data).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { isDomainError } from '@dpmsh/core';
import type { VaultClient } from '@dpmsh/vault';
import { ProtectionServer } from '../server.js';

/** A passphrase of the required length. */
export const PASSPHRASE = 'correct horse battery staple';

/** A test's server and its folders. */
export interface Fixture {
  readonly dir: string;
  readonly home: string;
  readonly server: ProtectionServer;
  /** Moves the server's clock. */
  advance(ms: number): void;
  now(): Date;
  close(): Promise<void>;
}

/** The path of a plugin module whose data sources are named '<bytes>' and are as large as their name says. */
export function writeSizedPlugin(dir: string): string {
  const path = join(dir, 'sized-plugin.mjs');
  writeFileSync(
    path,
    `const source = (id) => ({ id, name: 'sized-' + id, kind: 'Synthetic', sizeEstimateBytes: Number(id) });
export default {
  kind: 'dpmsh-workload-plugin', apiVersion: 1, name: 'sized', workload: 'Synthetic', version: '1.0.0',
  async discover() { return [source('1024')]; },
  async resolve(id) { return /^\\d+$/.test(id) ? source(id) : undefined; },
  async *backup() {},
  async restore() { return { restoredFiles: 0, restoredDirectories: 0, restoredBytes: 0, skipped: 0 }; },
};
`,
  );
  return path;
}

/** Opens a server in a fresh temporary home. */
export async function openFixture(options: { plugins?: (dir: string) => string[]; start?: Date; vault?: (home: string) => Promise<VaultClient> } = {}): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'dpmsh-protection-'));
  const home = join(dir, 'home');
  let now = options.start ?? new Date('2026-03-02T10:00:00Z');
  const clock = (): Date => now;
  const plugins = options.plugins?.(dir) ?? ['@dpmsh/plugin-files'];
  const vault = await options.vault?.(home);
  const server = await ProtectionServer.open({ home, clock, serverName: 'dpm01', plugins, ...(vault ? { vault } : {}) });
  return {
    dir,
    home,
    server,
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    now: () => now,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates a vault and registers the server with the passphrase, a recovery folder and a scratch location. */
export async function register(f: Fixture): Promise<void> {
  await f.server.createVault({ name: 'contoso-vault', location: 'westus' });
  const file = await f.server.issueCredentials('contoso-vault', f.dir);
  await f.server.register({ credentialsPath: file.filePath, passphrase: PASSPHRASE, recoveryFolder: join(f.dir, 'recovery'), scratchPath: join(f.dir, 'scratch') });
}

/** Makes a folder (and returns its path). */
export function folder(...parts: string[]): string {
  const path = join(...parts);
  mkdirSync(path, { recursive: true });
  return path;
}

/** Expects a promise to reject with a DomainError of that id; returns the error. */
export async function expectDomainError(promise: Promise<unknown>, id: string): Promise<Error & { id: string; recommendedAction: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isDomainError(error), `expected DomainError ${id}, got ${String(error)}`).toBe(true);
  expect((error as { id: string }).id).toBe(id);
  return error as Error & { id: string; recommendedAction: string };
}

/** A protected folder: a group with the folder as its only member, saved. */
export async function protectFolder(f: Fixture, path: string, options: { online?: boolean; name?: string; frequency?: number } = {}): Promise<string> {
  const { groups, datasources } = f.server;
  const draft = groups.create(options.name ?? 'Files');
  const ds = await datasources.resolve(path);
  groups.addMember(draft.draftId, ds, options.online === true);
  if (options.online) groups.setProtectionType(draft.draftId, 'Disk', 'Online');
  if (options.frequency !== undefined) groups.setPolicy(draft.draftId, { syncFrequencyMinutes: options.frequency });
  await groups.commit(draft.draftId);
  return ds.datasourceId;
}
