// Bundles the dpmsh executable after the TypeScript build: the shell, the language, the cmdlets,
// the DPM module and the value model become a few files, so a start reads a few files instead of
// resolving some three hundred modules. The interactive shell, with Ink and React, is a chunk of
// its own that only the prompt loads. The server stays apart (it loads on first use, with its
// native modules and worker threads), and so do the core rules it shares with the DPM module, so
// both sides see one copy of core's error classes, and execa, which native commands load on demand.
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const SEPARATE = new Set(['@dpmsh/server', '@dpmsh/core']);
// Ink asks for react-devtools-core only when DEV is set; it is not installed.
const NPM_SEPARATE = new Set(['execa', 'react-devtools-core']);

/** Bundles every package but those kept separate and Node's own modules. */
const keptApart = {
  name: 'kept-apart',
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
    plugins: [keptApart],
    // CommonJS packages bundled into ES modules still require Node's built-ins.
    banner: { js: "import { createRequire as __dpmshRequire } from 'node:module'; const require = __dpmshRequire(import.meta.url);" },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
} catch {
  process.exitCode = 1;
}
