/**
 * The test settings every project shares. Tests drive real processes, SQLite files and
 * certificates, and CI runs several projects at once on two cores, so a test may wait well past
 * Vitest's 5 s default without anything being wrong: the timeout guards against hangs, never
 * against slowness (speed is measured by tools/bench).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
