/**
 * The folder-cycle rule run by ESLint itself on small package trees under ../fixtures, each a
 * package.json and a src folder, as the rule finds packages in the workspace.
 */
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import plugin from './index.js';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** ESLint in a fixture tree with only this rule on, and no config file of the workspace. */
function linterIn(cwd: string): ESLint {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { dpmsh: plugin },
        rules: { 'dpmsh/no-folder-cycles': 'error' },
      },
    ],
  });
}

async function lint(tree: string): Promise<{ file: string; line: number; message: string }[]> {
  const cwd = join(fixtures, tree);
  const results = await linterIn(cwd).lintFiles(['src']);
  return results
    .flatMap((r) => r.messages.map((m) => ({ file: relative(cwd, r.filePath).split('\\').join('/'), line: m.line, message: m.message })))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

const says = (specifier: string, cycle: string): string =>
  `Import '${specifier}' lies on a cycle between folders: ${cycle}. Folders of a package form layers; an import may only go down.`;

describe('no-folder-cycles', () => {
  it('reports both imports of a two-folder cycle, type-only ones too, and names the cycle from each side', async () => {
    expect(await lint('two-folders')).toEqual([
      { file: 'src/pipeline/run.ts', line: 1, message: says('../session/state.js', 'pipeline → session → pipeline') },
      { file: 'src/session/state.ts', line: 1, message: says('../pipeline/run.js', 'session → pipeline → session') },
    ]);
  });

  it('reports every import along a three-folder cycle, re-exports and directory imports included, and nothing off it', async () => {
    expect(await lint('three-folders')).toEqual([
      { file: 'src/binder/bind.ts', line: 1, message: says('../pipeline/run.js', 'binder → pipeline → formatting → binder') },
      { file: 'src/formatting/format.ts', line: 1, message: says('../binder', 'formatting → binder → pipeline → formatting') },
      { file: 'src/pipeline/run.ts', line: 1, message: says('../formatting/format.js', 'pipeline → formatting → binder → pipeline') },
      { file: 'src/pipeline/run.ts', line: 3, message: says('../formatting/format.js', 'pipeline → formatting → binder → pipeline') },
    ]);
  });

  it('treats a subfolder as a folder of its own', async () => {
    expect(await lint('nested-folders')).toEqual([
      { file: 'src/session/frames/frame.ts', line: 1, message: says('../scope.js', 'session/frames → session → session/frames') },
      { file: 'src/session/scope.ts', line: 1, message: says('./frames/frame.js', 'session → session/frames → session') },
    ]);
  });

  it('stays silent on a layered tree whose tests, test helpers, dynamic imports and import-like text point upwards', async () => {
    expect(await lint('layered')).toEqual([]);
  });

  it('lets the package entry list the public API from every folder, since it stands above them all', async () => {
    expect(await lint('entry-above')).toEqual([]);
  });

  it('reports a module beside the entry that imports a folder which imports that module\'s folder back', async () => {
    expect(await lint('root-cycle')).toEqual([
      { file: 'src/backup/walk.ts', line: 1, message: says('../errors.js', 'backup → . → backup') },
      { file: 'src/plugin.ts', line: 1, message: says('./backup/walk.js', '. → backup → .') },
    ]);
  });

  it('leaves text alone that has no path, and so no package', async () => {
    const [result] = await linterIn(join(fixtures, 'two-folders')).lintText("import { run } from './pipeline/run.js';\nexport const again = run;\n");
    expect(result.messages).toEqual([]);
  });

  it('judges the text being linted, not the file on disk, for the file it lints', async () => {
    const cwd = join(fixtures, 'layered');
    // An editor's unsaved buffer: values/value.ts now imports the pipeline, which stands on it.
    const [result] = await linterIn(cwd).lintText("import { run } from '../pipeline/run.js';\nexport const again = run;\n", { filePath: join(cwd, 'src/values/value.ts') });
    expect(result.messages.map((m) => m.message)).toEqual([says('../pipeline/run.js', 'values → pipeline → session → values')]);
  });
});
