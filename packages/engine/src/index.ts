/** @dpmsh/engine: the backup engine. */
export type * from './api.js';
export { createThrottle, type Throttle, type ThrottleOptions } from './throttle/throttle.js';
export { throttledBackend } from './throttle/throttled-backend.js';
/** 32 random bytes, the key every key of a repository derives from. */
export { createMasterKey } from './crypto/keys.js';
/** Wraps a master key under a passphrase (argon2id m=64 MiB t=3 p=4, AES-256-GCM). */
export { wrapMasterKey } from './crypto/envelope.js';
/** Unwraps a master key; 'RepositoryPassphraseIncorrect' when the passphrase is wrong. */
export { unwrapMasterKey } from './crypto/envelope.js';
/** A backend keeping objects as files under a directory, each written atomically. */
export { localBackend } from './backend/local-backend.js';
/** True when a backend holds a repository. */
export { repositoryExists } from './repository/repository.js';
/** Creates a repository ('RepositoryExists' when one is there). */
export { initRepository } from './repository/repository.js';
/** Opens a repository with its master key or passphrase. */
export { openRepository } from './repository/repository.js';
/** Options of a repository on this server (codec worker threads). */
export type { RepositoryOptions } from './repository/repository.js';
/** Marks a step boundary for the crash tests (DPMSH_TEST_STEP_TRACE, DPMSH_TEST_KILL_AT); a no-op otherwise. */
export { stepReached } from './steps/step-hook.js';
/** True while a process of this host has the id. */
export { processAlive } from './repository/process-identity.js';
