/** @dpmsh/engine: the backup engine. */
export type * from './api.js';
export { createThrottle, type Throttle, type ThrottleOptions } from './throttle/throttle.js';
export { throttledBackend } from './throttle/throttled-backend.js';
