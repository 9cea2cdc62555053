import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { staticImportSpecifiers } from './static-imports.js';

/**
 * The folders of one package's `src` and the static relative imports between them. A folder is
 * the directory that directly holds a file, relative to `src` (`''` for `src` itself); tests and
 * their helpers are no part of it, since they may reach across layers to set a scene, and neither
 * is the package's entry `src/index.ts`, which only lists the public API from every folder and so
 * stands above them all.
 */
export interface FolderGraph {
  readonly srcDir: string;
  /** Every file of the graph, by absolute path. */
  readonly files: ReadonlySet<string>;
  /** For each file, the other folders its imports reach. */
  readonly fileTargets: ReadonlyMap<string, ReadonlySet<string>>;
  /** For each folder, the folders it imports. */
  readonly edges: ReadonlyMap<string, ReadonlySet<string>>;
  /** For each folder, its strongly connected component: two folders share one iff each reaches the other. */
  readonly component: ReadonlyMap<string, number>;
}

const sourceFile = /\.[cm]?tsx?$/;
const testFile = /\.test\.[cm]?tsx?$/;
const packageEntry = /^index\.[cm]?tsx?$/;

/** Whether a file under `src` (path relative to it) is a node of its package's folder graph. */
export function isGraphFile(relativePath: string): boolean {
  if (packageEntry.test(relativePath)) return false;
  return sourceFile.test(relativePath) && !testFile.test(relativePath) && !relativePath.split(/[\\/]/).includes('test-support');
}

/** The folder of a file, relative to `src`, with `/` between its parts. */
export function folderOf(srcDir: string, file: string): string {
  return relative(srcDir, dirname(file)).split(sep).join('/');
}

/** How a folder is named in a message: `src` itself is `.`. */
export function folderLabel(folder: string): string {
  return folder === '' ? '.' : folder;
}

/** Reads every file of `srcDir` from disk and builds its folder graph. */
export function buildFolderGraph(srcDir: string): FolderGraph {
  const files = new Set<string>();
  collect(srcDir, srcDir, files);
  const fileTargets = new Map<string, ReadonlySet<string>>();
  for (const file of files) {
    const specifiers = staticImportSpecifiers(readFileSync(file, 'utf8'), file);
    fileTargets.set(file, targetFolders(srcDir, file, specifiers, files));
  }
  return graphOf(srcDir, files, fileTargets);
}

/**
 * The graph as it is when `file` imports exactly `targets`: the linted text may differ from the
 * disk (an editor's unsaved buffer), and the file's own imports must count as they are now.
 */
export function withFileTargets(graph: FolderGraph, file: string, targets: ReadonlySet<string>): FolderGraph {
  const before = graph.fileTargets.get(file);
  if (before && sameSet(before, targets)) return graph;
  const fileTargets = new Map(graph.fileTargets);
  fileTargets.set(file, targets);
  return graphOf(graph.srcDir, new Set([...graph.files, file]), fileTargets);
}

/** The file a relative specifier names, if it is a file of the graph. */
export function resolveImport(importer: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  if (!/^\.\.?(\/|$)/.test(specifier)) return undefined;
  const base = resolve(dirname(importer), specifier);
  return candidates(base).find((candidate) => files.has(candidate));
}

/** The folders other than its own that a file's specifiers reach inside the graph. */
export function targetFolders(srcDir: string, importer: string, specifiers: readonly string[], files: ReadonlySet<string>): ReadonlySet<string> {
  const own = folderOf(srcDir, importer);
  const targets = new Set<string>();
  for (const specifier of specifiers) {
    const target = resolveImport(importer, specifier, files);
    if (target === undefined) continue;
    const folder = folderOf(srcDir, target);
    if (folder !== own) targets.add(folder);
  }
  return targets;
}

/**
 * The shortest cycle that the import from folder `from` to folder `to` closes, as the folders
 * along it (`['pipeline', 'session', 'pipeline']`), or undefined when `to` never leads back.
 */
export function cycleThrough(graph: FolderGraph, from: string, to: string): string[] | undefined {
  if (from === to) return undefined;
  const component = graph.component.get(from);
  if (component === undefined || component !== graph.component.get(to)) return undefined;
  // Breadth first from `to` back to `from`, inside the component, in name order so that a
  // message names the same cycle on every run.
  const cameFrom = new Map<string, string>([[to, to]]);
  const queue = [to];
  for (let i = 0; i < queue.length; i++) {
    const folder = queue[i];
    for (const next of [...(graph.edges.get(folder) ?? [])].sort()) {
      if (cameFrom.has(next) || graph.component.get(next) !== component) continue;
      cameFrom.set(next, folder);
      if (next === from) {
        const back = [from];
        for (let at = folder; at !== to; at = cameFrom.get(at) ?? to) back.push(at);
        return [from, to, ...back.reverse()];
      }
      queue.push(next);
    }
  }
  return undefined;
}

// Where a package's graph is kept for the rest of the lint run, by its src directory: every file
// of a package needs the same graph, and reading the package once is what keeps the rule fast.
const graphs = new Map<string, FolderGraph>();
const packageRoots = new Map<string, string | null>();

/**
 * The graph of the package that holds `file` and the file's place in it, or undefined when the
 * file is not a graph node (outside a package's `src`, a test, a test helper).
 */
export function graphForFile(file: string): { graph: FolderGraph; folder: string } | undefined {
  // Text linted without a path (ESLint names it <text>) belongs to no package.
  if (!isAbsolute(file)) return undefined;
  const root = packageRootOf(dirname(file));
  if (root === null) return undefined;
  const srcDir = join(root, 'src');
  const inSrc = relative(srcDir, file);
  if (inSrc === '' || isAbsolute(inSrc) || inSrc.split(sep)[0] === '..' || !isGraphFile(inSrc)) return undefined;
  let graph = graphs.get(srcDir);
  if (!graph) {
    graph = buildFolderGraph(srcDir);
    graphs.set(srcDir, graph);
  }
  return { graph, folder: folderOf(srcDir, file) };
}

// The nearest directory at or above `dir` that holds a package.json.
function packageRootOf(dir: string): string | null {
  const known = packageRoots.get(dir);
  if (known !== undefined) return known;
  const parent = dirname(dir);
  const root = existsSync(join(dir, 'package.json')) ? dir : parent === dir ? null : packageRootOf(parent);
  packageRoots.set(dir, root);
  return root;
}

function collect(srcDir: string, dir: string, files: Set<string>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'test-support') collect(srcDir, path, files);
    } else if (entry.isFile() && isGraphFile(relative(srcDir, path))) {
      files.add(path);
    }
  }
}

// What a specifier may name under NodeNext: `./x.js` is written for `./x.ts` or `./x.tsx`, and
// a bare `./x` or `./dir` (older style, or a bundler's) for `./x.ts` or `./dir/index.ts`.
function candidates(base: string): string[] {
  const script = /\.([cm]?)jsx?$/.exec(base);
  if (script) {
    const stem = base.slice(0, -script[0].length);
    const m = script[1];
    return [`${stem}.${m}ts`, `${stem}.${m}tsx`, `${stem}.d.${m}ts`, base];
  }
  if (sourceFile.test(base)) return [base];
  return [`${base}.ts`, `${base}.tsx`, `${base}.d.ts`, join(base, 'index.ts'), join(base, 'index.tsx'), join(base, 'index.d.ts')];
}

function graphOf(srcDir: string, files: ReadonlySet<string>, fileTargets: ReadonlyMap<string, ReadonlySet<string>>): FolderGraph {
  const edges = new Map<string, Set<string>>();
  const folderEdges = (folder: string): Set<string> => {
    let set = edges.get(folder);
    if (!set) edges.set(folder, (set = new Set()));
    return set;
  };
  for (const file of files) {
    const from = folderEdges(folderOf(srcDir, file));
    for (const to of fileTargets.get(file) ?? []) {
      from.add(to);
      folderEdges(to);
    }
  }
  return { srcDir, files, fileTargets, edges, component: components(edges) };
}

// Tarjan's strongly connected components; a package has tens of folders, so recursion is safe.
function components(edges: ReadonlyMap<string, ReadonlySet<string>>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const component = new Map<string, number>();
  let counter = 0;
  let components = 0;
  const visit = (folder: string): void => {
    index.set(folder, counter);
    low.set(folder, counter);
    counter++;
    stack.push(folder);
    onStack.add(folder);
    for (const next of edges.get(folder) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(folder, Math.min(low.get(folder) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(folder, Math.min(low.get(folder) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(folder) === index.get(folder)) {
      for (;;) {
        const member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.set(member, components);
        if (member === folder) break;
      }
      components++;
    }
  };
  for (const folder of edges.keys()) if (!index.has(folder)) visit(folder);
  return component;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}
