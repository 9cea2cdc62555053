export * from './pipeline/index.js';
export * from './session/index.js';
export * from './binder/index.js';
export * from '@dpmsh/runtime';
export * from './formatting/index.js';
export * from './metadata/index.js';
export { installStandardCommands } from './install.js';
export * from './utility/index.js';
export * from './management/index.js';
