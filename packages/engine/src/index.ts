/** @dpmsh/engine: the backup engine. */
export type * from './api.js';
