/** @dpmsh/sdk: the contract workload plugins are written against. */
export * from './contract.js';
export { SUPPORTED_API_VERSIONS, isSupportedApiVersion } from './api-version.js';
export { defineWorkloadPlugin, isWorkloadPlugin } from './define-plugin.js';
export { PluginError, PluginDefinitionError, EntryPathError, type PluginErrorInit, type PluginErrorCategory } from './errors.js';
export { entryPathProblem, isEntryPath, validateEntryPath, joinEntryPath, parentEntryPath, isSameOrUnder } from './entry-path.js';
export { APPROVED_VERBS, approvedVerb } from './verbs.js';
