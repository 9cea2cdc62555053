// Bundles the dpmsh executable after the TypeScript build: the shell, the language, the cmdlets,
// the DPM module and the value model become a few files, so a start reads a few files instead of
// resolving some three hundred modules. What loads on demand stays apart: the interactive shell
// (its own chunk, with Ink and React from node_modules) and the server; so does every package
// from npm, and the core rules, which the server shares with the DPM module: both sides must see
// one copy of core's error classes.
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const SEPARATE = new Set(['@dpmsh/server', '@dpmsh/core']);
const NPM_SEPARATE = new Set(['execa', 'react-devtools-core']);

/** Bundles the workspace's own packages, but for those kept separate; leaves npm packages to node_modules. */
const workspaceOnly = {
  name: 'workspace-only',
  setup(bundler) {
    bundler.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.split('/').slice(0, args.path.startsWith('@') ? 2 : 1).join('/');
      const bundled = name.startsWith('@dpmsh/') ? !SEPARATE.has(name) : !name.startsWith('node:') && !NPM_SEPARATE.has(name);
      return bundled ? undefined : { path: args.path, external: true };
    });
  },
};

const dist = new URL('dist/', import.meta.url);
// The chunks' names change with their content: last build's would stay behind.
for (const file of readdirSync(dist)) if (/^dpmsh[-.]/.test(file)) rmSync(new URL(file, dist));

try {
  await build({
    absWorkingDir: new URL('.', import.meta.url).pathname,
    entryPoints: { dpmsh: 'dist/bin/main.js' },
    outdir: 'dist',
    // Chunks beside the entry: the version is read from ../package.json at the same depth as dist/version.js.
    chunkNames: 'dpmsh-[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    plugins: [workspaceOnly],
    // CommonJS packages bundled into ES modules still require Node's built-ins.
    banner: { js: "import { createRequire as __dpmshRequire } from 'node:module'; const require = __dpmshRequire(import.meta.url);" },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
} catch {
  process.exitCode = 1;
}
