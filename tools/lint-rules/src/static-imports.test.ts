import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { staticImportSpecifiers } from './static-imports.js';

describe('staticImportSpecifiers', () => {
  it('reads every form of static import and re-export, type-only ones included', () => {
    const text = [
      "import './side-effect.js';",
      "import a from './default.js';",
      "import * as ns from './namespace.js';",
      "import b, { c as d, type E, 'f-g' as fg } from './mixed.js';",
      "import type { H } from './type-only.js';",
      "import type I from './type-default.js';",
      "import from from './from.js';",
      'import {\n  j, // it\'s fine\n  k,\n} from "./multiline.js";',
      "export * from './star.js';",
      "export * as star from './star-as.js';",
      "export type * from './type-star.js';",
      "export { l, m as n } from './named.js';",
      "export type { O } from './type-named.js';",
      "import p from './attributes.json' with { type: 'json' };",
    ].join('\n');
    expect(staticImportSpecifiers(text, 'x.ts')).toEqual([
      './side-effect.js', './default.js', './namespace.js', './mixed.js', './type-only.js', './type-default.js', './from.js',
      './multiline.js', './star.js', './star-as.js', './type-star.js', './named.js', './type-named.js', './attributes.json',
    ]);
  });

  it('ignores dynamic imports, import.meta, require, local exports and import-like text', () => {
    const text = [
      "const lazy = () => import('./dynamic.js');",
      'const here = import.meta.url;',
      "import fs = require('./require.js');",
      'export { lazy, here };',
      'export const from = 1;',
      "export default function f() { return './not-a-module.js'; }",
      "// import { a } from './comment.js';",
      "/* export * from './block-comment.js'; */",
      "const s = 'import x from \"./string.js\"';",
      "const t = `${'{'}\nimport y from './template.js';\n${`${'}'}`}`;",
      "const r = /import z from '.\\/regex.js'/;",
      "const q = 4 / 2; const u = '/'; import v from './after-division.js';",
      "declare module './augmented.js' { import w from './inside-declare.js'; }",
    ].join('\n');
    expect(staticImportSpecifiers(text, 'x.ts')).toEqual(['./after-division.js']);
  });

  it('parses .tsx files, whose JSX text may hold quotes and braces', () => {
    const text = "import { A } from './a.js';\nexport const B = () => <p>Don't {'}'}</p>;\nexport { C } from './c.js';\n";
    expect(staticImportSpecifiers(text, 'x.tsx')).toEqual(['./a.js', './c.js']);
  });

  it("agrees with TypeScript's parser on every source file of the workspace", () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (['node_modules', 'dist', '.nx', '.git', 'coverage'].includes(entry.name)) continue;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name)) files.push(path);
      }
    };
    for (const top of ['packages', 'apps', 'tools']) walk(join(root, top));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const parsed = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
      const expected = parsed.statements.flatMap((s) =>
        (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) ? [s.moduleSpecifier.text] : [],
      );
      expect({ file, specifiers: staticImportSpecifiers(text, file) }).toEqual({ file, specifiers: expected });
    }
  });
});
