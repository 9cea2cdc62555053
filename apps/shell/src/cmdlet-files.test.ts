/**
 * A cmdlet is found from its name: every cmdlet a dpmsh shell registers lives in its own file,
 * named after it in kebab-case by words (`Get-ChildItem` in `get-child-item.ts`), in the folder of
 * the PowerShell module it is registered under, and no other file there defines a cmdlet.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RecordingHost } from '@dpmsh/cmdlets';
import { afterAll, describe, expect, it } from 'vitest';
import { createDpmshShell } from './compose.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** The source folder of each module's cmdlets. */
const MODULE_FOLDERS: Readonly<Record<string, string>> = {
  'Microsoft.PowerShell.Core': 'packages/cmdlets/src/core',
  'Microsoft.PowerShell.Utility': 'packages/cmdlets/src/utility',
  'Microsoft.PowerShell.Management': 'packages/cmdlets/src/management',
  'Microsoft.PowerShell.Security': 'packages/cmdlets/src/security',
  DataProtectionManager: 'packages/dpm/src/data-protection-manager',
  'Az.RecoveryServices': 'packages/dpm/src/recovery-services',
  MSOnlineBackup: 'packages/dpm/src/online-backup',
};

/** A cmdlet's file name: its words in kebab-case (`Get-DPMCloudConnection` → `get-dpm-cloud-connection.ts`). */
function cmdletFileName(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2');
  return `${words.toLowerCase()}.ts`;
}

const work = mkdtempSync(join(tmpdir(), 'dpmsh-cmdlet-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const shell = await createDpmshShell({ host: new RecordingHost(), dpmshHome: join(work, 'home'), environment: { PATH: '' } });
const cmdlets = shell.session.registry.cmdlets().map((c) => ({ name: c.name, module: c.module }));
await shell.dispose();

describe('cmdlet files', () => {
  it('names file names by words', () => {
    expect(['Get-ChildItem', 'ForEach-Object', 'ConvertTo-Json', 'Get-DPMCloudConnection', 'Start-OBRegistration'].map(cmdletFileName)).toEqual([
      'get-child-item.ts',
      'for-each-object.ts',
      'convert-to-json.ts',
      'get-dpm-cloud-connection.ts',
      'start-ob-registration.ts',
    ]);
  });

  it('knows the folder of every module that registers cmdlets', () => {
    expect([...new Set(cmdlets.map((c) => c.module))].filter((m) => !(m in MODULE_FOLDERS))).toEqual([]);
  });

  it('keeps every cmdlet in its own file, named after it, in its module\'s folder', () => {
    const misplaced = cmdlets.flatMap(({ name, module }) => {
      const folder = MODULE_FOLDERS[module];
      if (!folder) return [];
      const file = join(root, folder, cmdletFileName(name));
      if (!existsSync(file)) return [`${name}: no ${relative(root, file)}`];
      return readFileSync(file, 'utf8').includes(`name: '${name}'`) ? [] : [`${name}: ${relative(root, file)} does not define it`];
    });
    expect(misplaced).toEqual([]);
  });

  it('defines no more than one cmdlet in a file', () => {
    const crowded = Object.values(MODULE_FOLDERS).flatMap((folder) =>
      readdirSync(join(root, folder))
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
        .map((f) => ({ file: `${folder}/${f}`, count: (readFileSync(join(root, folder, f), 'utf8').match(/defineCmdlet\s*[<(]/g) ?? []).length }))
        .filter(({ count }) => count > 1)
        .map(({ file, count }) => `${file}: ${count} cmdlets`),
    );
    expect(crowded).toEqual([]);
  });
});
