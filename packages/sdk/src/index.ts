/** @dpmsh/sdk: the contract workload plugins are written against. */
export * from './contract.js';
