/**
 * The workspace's lint config, as eslint.config.js has it, proves it can fail: the module-boundary
 * rule rejects an import against the architecture's arrows, and the DPM module may name the
 * server only as a type.
 *
 * Each case lints a probe's text as if it were an existing file of the project under test
 * (ESLint's lintText with that file's path), so that every rule, the type-aware parser and the
 * Nx project graph see a file of that project, while nothing is written into the workspace,
 * where a typecheck or lint running beside this test would pick a probe file up.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProjectGraphAsync, readCachedProjectGraph } from '@nx/devkit';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const workspace = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: workspace });

async function lintAs(file: string, text: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(text, { filePath: join(workspace, file) });
  return result.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

beforeAll(async () => {
  // @nx/enforce-module-boundaries reads the project graph Nx caches and, finding none, skips
  // itself with only a warning: outside an `nx` run the graph must be made first.
  try {
    readCachedProjectGraph();
  } catch {
    await createProjectGraphAsync({ exitOnError: false });
  }
});

describe('@nx/enforce-module-boundaries', () => {
  // Targets that do not depend on the importer, so that the depConstraints, not the rule's
  // check for circular project dependencies, are what reject the import.
  it.each([
    ['packages/runtime/src/index.ts', '@dpmsh/engine', 'layer:runtime'],
    ['packages/sdk/src/index.ts', '@dpmsh/engine', 'layer:sdk'],
    ['packages/cmdlets/src/index.ts', '@dpmsh/server', 'layer:cmdlets'],
  ])('rejects a file of %s importing %s against the arrows', async (file, target, tag) => {
    const messages = await lintAs(file, `import * as probe from '${target}';\nexport const used = probe;\n`);
    expect(messages).toEqual([expect.objectContaining({ ruleId: '@nx/enforce-module-boundaries' })]);
    expect(messages[0].message).toContain(`A project tagged with "${tag}" can only depend on libs tagged with`);
  });

  it('rejects an import up the layers that would also make two projects depend on each other', async () => {
    const messages = await lintAs('packages/runtime/src/index.ts', "import * as probe from '@dpmsh/cmdlets';\nexport const used = probe;\n");
    expect(messages).toEqual([expect.objectContaining({ ruleId: '@nx/enforce-module-boundaries' })]);
    expect(messages[0].message).toContain('Circular dependency between "@dpmsh/runtime" and "@dpmsh/cmdlets"');
  });

  it.each([
    ['packages/runtime/src/index.ts', '@dpmsh/core'],
    ['packages/language/src/index.ts', '@dpmsh/cmdlets'],
  ])('accepts a file of %s importing %s', async (file, target) => {
    expect(await lintAs(file, `import * as probe from '${target}';\nexport const used = probe;\n`)).toEqual([]);
  });
});

describe('the DPM module and the server', () => {
  it('rejects a value import of @dpmsh/server, which would load the server with the module', async () => {
    const messages = await lintAs('packages/dpm/src/index.ts', "import { ProtectionServer } from '@dpmsh/server';\nexport const server = ProtectionServer;\n");
    expect(messages).toEqual([expect.objectContaining({ ruleId: '@typescript-eslint/no-restricted-imports' })]);
    expect(messages[0].message).toContain('Import the server as a type only');
  });

  it('accepts a type-only import of @dpmsh/server', async () => {
    const messages = await lintAs('packages/dpm/src/index.ts', "import type { ProtectionServer } from '@dpmsh/server';\nexport type Server = ProtectionServer;\n");
    expect(messages).toEqual([]);
  });
});

describe('dpmsh/no-folder-cycles in the workspace config', () => {
  const level = async (file: string): Promise<unknown> => {
    const config: { rules?: Record<string, unknown> } | undefined = await eslint.calculateConfigForFile(join(workspace, file));
    return config?.rules?.['dpmsh/no-folder-cycles'];
  };

  it('is an error for product code, .ts and .tsx alike', async () => {
    expect(await level('packages/core/src/index.ts')).toEqual([2]);
    expect(await level('apps/shell/src/interactive/prompt-editor.tsx')).toEqual([2]);
  });

  it('leaves tests and their helpers out', async () => {
    expect(await level('packages/core/src/index.test.ts')).toBeUndefined();
    expect(await level('apps/shell/src/interactive/prompt-editor.test.tsx')).toBeUndefined();
    expect(await level('packages/core/src/test-support/anything.ts')).toBeUndefined();
  });
});
