import type { PluginContext } from '../contract.js';

/** A PluginContext that records what a plugin reports, for tests. */
export interface TestContext extends PluginContext {
  /** Every warning, in order. */
  readonly warnings: readonly string[];
  /** Every verbose message, in order. */
  readonly verboseMessages: readonly string[];
  /** Aborts `signal`, as Ctrl+C or Stop-Job would. */
  abort(reason?: unknown): void;
}

/** Options of createTestContext. */
export interface TestContextOptions {
  /** Also abort when this signal does (a test's own timeout, say). */
  readonly signal?: AbortSignal;
}

/** A fresh context whose warnings and verbose messages are recorded, with an abort the test controls. */
export function createTestContext(options: TestContextOptions = {}): TestContext {
  const controller = new AbortController();
  const warnings: string[] = [];
  const verboseMessages: string[] = [];
  const signal = options.signal === undefined ? controller.signal : AbortSignal.any([controller.signal, options.signal]);
  return {
    signal,
    warnings,
    verboseMessages,
    warn: (message) => void warnings.push(message),
    verbose: (message) => void verboseMessages.push(message),
    abort: (reason) => controller.abort(reason),
  };
}
