import { describe, expect, it } from 'vitest';
import type { PluginCmdlet, WorkloadPluginDefinition } from './contract.js';
import { SDK_API_VERSION } from './contract.js';
import { defineWorkloadPlugin, isWorkloadPlugin } from './define-plugin.js';
import { PluginDefinitionError } from './errors.js';

const cmdlet: PluginCmdlet = {
  name: 'Get-AcmeSqlInstance',
  synopsis: 'Lists the instances.',
  parameters: [{ name: 'Name', type: 'string', position: 0 }, { name: 'Force', type: 'switch' }],
  invoke: async () => [],
};

const valid: WorkloadPluginDefinition = {
  apiVersion: SDK_API_VERSION,
  name: 'acme-sql',
  workload: 'SQL',
  version: '1.2.3-beta.1',
  discover: async () => [],
  async *backup() {},
  restore: async () => ({ restoredFiles: 0, restoredDirectories: 0, restoredBytes: 0, skipped: 0 }),
  cmdlets: [cmdlet],
};

function problemsOf(change: Record<string, unknown>): readonly string[] {
  try {
    defineWorkloadPlugin({ ...valid, ...change } as WorkloadPluginDefinition);
  } catch (error) {
    if (error instanceof PluginDefinitionError) return error.problems;
    throw error;
  }
  throw new Error('the definition was accepted');
}

describe('defineWorkloadPlugin', () => {
  it('returns a frozen plugin of the dpmsh kind that the host check accepts', () => {
    const plugin = defineWorkloadPlugin(valid);
    expect(plugin.kind).toBe('dpmsh-workload-plugin');
    expect(Object.isFrozen(plugin)).toBe(true);
    expect(Object.isFrozen(plugin.cmdlets)).toBe(true);
    expect(Object.isFrozen(plugin.cmdlets?.[0].parameters[0])).toBe(true);
    expect(isWorkloadPlugin(plugin)).toBe(true);
    expect(Object.isFrozen(valid)).toBe(false);
  });

  it('keeps methods working when the definition is a class instance', async () => {
    class Plugin {
      readonly apiVersion = 1;
      readonly name = 'classy';
      readonly workload = 'FileSystem';
      readonly version = '0.1.0';
      private readonly found = [{ id: 'a', name: 'a', kind: 'Folder', sizeEstimateBytes: 0 }];
      async discover() {
        return this.found;
      }
      async *backup() {}
      async restore() {
        return { restoredFiles: 0, restoredDirectories: 0, restoredBytes: 0, skipped: 0 };
      }
    }
    const plugin = defineWorkloadPlugin(new Plugin());
    await expect(plugin.discover({ signal: new AbortController().signal, warn() {}, verbose() {} })).resolves.toHaveLength(1);
  });

  it('throws one error naming the plugin and every problem', () => {
    const attempt = () => defineWorkloadPlugin({ ...valid, apiVersion: 99, version: 'one' });
    expect(attempt).toThrow(PluginDefinitionError);
    expect(attempt).toThrow("The workload plugin 'acme-sql' is not valid: apiVersion 99 is not supported (this SDK speaks 1); version must be a semantic version");
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ pluginName: 'acme-sql', errorId: 'PluginDefinitionInvalid', category: 'InvalidData' });
    }
  });

  it.each([
    ['a fractional apiVersion', { apiVersion: 1.5 }, 'apiVersion must be an integer'],
    ['an upper-case name', { name: 'Acme' }, 'name must be lower-case'],
    ['a name starting with a dash', { name: '-acme' }, 'name must be lower-case'],
    ['an empty workload', { workload: ' ' }, 'workload must be a non-empty string'],
    ['a missing backup', { backup: undefined }, 'backup must be a function'],
    ['a resolve that is no function', { resolve: 'x' }, 'resolve must be a function'],
    ['an unknown hook', { consistency: { unfreeze: async () => {} } }, "unknown hook 'unfreeze'"],
    ['a hook that is no function', { consistency: { thaw: 1 } }, 'consistency.thaw must be a function'],
  ])('refuses %s', (_label, change, problem) => {
    expect(problemsOf(change).join('\n')).toContain(problem);
  });

  it('names the plugin as unnamed when it has no name', () => {
    expect(() => defineWorkloadPlugin({ ...valid, name: undefined } as unknown as WorkloadPluginDefinition)).toThrow("The workload plugin '(unnamed)'");
  });

  const withCmdlet = (change: Record<string, unknown>) => ({ cmdlets: [{ ...cmdlet, ...change } as PluginCmdlet] });
  it.each([
    ['a name that is not Verb-Noun', withCmdlet({ name: 'ListThings' }), 'the name must be Verb-Noun'],
    ['an unapproved verb', withCmdlet({ name: 'Fetch-Thing' }), "'Fetch' is not an approved verb"],
    ['an empty synopsis', withCmdlet({ synopsis: '' }), 'synopsis must be a non-empty string'],
    ['a duplicate parameter', withCmdlet({ parameters: [{ name: 'Path', type: 'string' }, { name: 'path', type: 'string' }] }), "parameter 'path': the name is used twice"],
    ['a common parameter', withCmdlet({ parameters: [{ name: 'Verbose', type: 'switch' }] }), 'is a common parameter'],
    ['an unknown parameter type', withCmdlet({ parameters: [{ name: 'Size', type: 'long' }] }), 'type must be one of'],
    ['a shared position', withCmdlet({ parameters: [{ name: 'A', type: 'string', position: 0 }, { name: 'B', type: 'string', position: 0 }] }), 'position 0 is taken'],
    ['a negative position', withCmdlet({ parameters: [{ name: 'A', type: 'string', position: -1 }] }), 'position must be a non-negative integer'],
    ['a cmdlet defined twice', { cmdlets: [cmdlet, { ...cmdlet, name: 'get-acmesqlinstance' }] }, 'is defined twice'],
  ])('refuses a cmdlet with %s', (_label, change, problem) => {
    expect(problemsOf(change).join('\n')).toContain(problem);
  });

  it('accepts approved verbs in any casing', () => {
    expect(() => defineWorkloadPlugin({ ...valid, ...withCmdlet({ name: 'backup-AcmeSqlLog' }) })).not.toThrow();
  });
});

describe('isWorkloadPlugin', () => {
  it.each([
    ['null', null],
    ['a raw definition', valid],
    ['an object of another kind', { ...valid, kind: 'something-else' }],
  ])('refuses %s', (_label, value) => {
    expect(isWorkloadPlugin(value)).toBe(false);
  });

  it('accepts a plugin of a newer apiVersion, so the host can name the version it needs', () => {
    expect(isWorkloadPlugin({ ...defineWorkloadPlugin(valid), apiVersion: 2 })).toBe(true);
  });
});
