/** Loading plugins: a module that is not a plugin, or speaks another API version, is named and left out. */
import { describe, expect, it } from 'vitest';
import { DomainError } from '@dpmsh/core';
import { PluginError, SDK_API_VERSION } from '@dpmsh/sdk';
import { fromPlugin } from './plugin-errors.js';
import { PluginHost } from './plugin-host.js';

const plugin = (name: string, apiVersion = SDK_API_VERSION) => ({
  kind: 'dpmsh-workload-plugin',
  apiVersion,
  name,
  workload: 'X',
  version: '1.0.0',
  discover: async () => [],
  backup: async function* () {},
  restore: async () => ({ restoredFiles: 0, restoredDirectories: 0, restoredBytes: 0, skipped: 0 }),
});

describe('the plugin host', () => {
  it('loads good plugins and names each one that fails', async () => {
    const modules: Record<string, unknown> = { good: { default: plugin('good') }, plain: { default: { hello: 1 } }, old: { default: plugin('old', 0) }, twin: { default: plugin('good') } };
    const host = new PluginHost(['good', 'plain', 'old', 'twin', 'missing'], async (s) => {
      if (!(s in modules)) throw Object.assign(new Error(`Cannot find package '${s}'`), { code: 'ERR_MODULE_NOT_FOUND' });
      return modules[s];
    });
    expect((await host.plugins()).map((p) => p.name)).toEqual(['good']);
    const failures = await host.failures();
    expect(failures.map((f) => [f.specifier, f.error.id])).toEqual([
      ['plain', 'WorkloadPluginLoadFailed'],
      ['old', 'WorkloadPluginLoadFailed'],
      ['twin', 'WorkloadPluginLoadFailed'],
      ['missing', 'WorkloadPluginLoadFailed'],
    ]);
    expect(failures[0]?.error.message).toContain("'plain'");
    expect(failures[1]?.error.message).toContain('needs plugin API version 0');
    expect(failures[2]?.error.message).toContain("already has the name 'good'");
    expect(failures[3]?.error.message).toContain('not installed');
    await expect(host.plugin('missing')).rejects.toMatchObject({ id: 'WorkloadPluginUnavailable' });
  });

  it('passes on what a plugin reports as a domain error naming the plugin', () => {
    const converted = fromPlugin('files', new PluginError({ errorId: 'RestoreTargetExists', category: 'ResourceExists', message: 'x exists', target: '/x' }));
    expect(converted).toBeInstanceOf(DomainError);
    expect(converted).toMatchObject({ id: 'RestoreTargetExists', category: 'ResourceExists', target: '/x' });
    expect((converted as DomainError).recommendedAction).toContain("'files'");
    const bug = new TypeError('boom');
    expect(fromPlugin('files', bug)).toBe(bug);
  });
});
