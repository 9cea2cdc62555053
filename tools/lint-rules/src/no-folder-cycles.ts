import type { Rule } from 'eslint';
import type { Literal, Node } from 'estree';
import { cycleThrough, folderLabel, folderOf, graphForFile, resolveImport, targetFolders, withFileTargets } from './folder-graph.js';

/**
 * Inside a package, folders form layers: an import goes from a folder to one beneath it, never
 * back. This reports each static import (type-only ones too) from a file to another folder when
 * the two folders lie on a cycle of the package's folder graph, and names that cycle.
 */
export const noFolderCycles: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow imports that close a cycle between the folders of a package' },
    schema: [],
    messages: {
      cycle: "Import '{{specifier}}' lies on a cycle between folders: {{cycle}}. Folders of a package form layers; an import may only go down.",
    },
  },
  create(context) {
    const file = context.physicalFilename;
    const place = graphForFile(file);
    if (!place) return {};
    const { graph, folder } = place;
    const imports: { source: Literal; specifier: string }[] = [];
    // Only the module's own statements: an import inside `declare module '...' {}` augments a
    // module's types and makes no folder stand on another.
    const record = (source: Literal | null | undefined, parent: Node): void => {
      if (parent.type === 'Program' && source && typeof source.value === 'string') imports.push({ source, specifier: source.value });
    };
    return {
      ImportDeclaration: (node) => record(node.source, node.parent),
      ExportNamedDeclaration: (node) => record(node.source, node.parent),
      ExportAllDeclaration: (node) => record(node.source, node.parent),
      'Program:exit': () => {
        const specifiers = imports.map((i) => i.specifier);
        const live = withFileTargets(graph, file, targetFolders(graph.srcDir, file, specifiers, graph.files));
        for (const { source, specifier } of imports) {
          const target = resolveImport(file, specifier, live.files);
          if (target === undefined) continue;
          const cycle = cycleThrough(live, folder, folderOf(graph.srcDir, target));
          if (cycle) context.report({ node: source, messageId: 'cycle', data: { specifier, cycle: cycle.map(folderLabel).join(' → ') } });
        }
      },
    };
  },
};
