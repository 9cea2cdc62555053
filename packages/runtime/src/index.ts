/**
 * The runtime: dpmsh's PowerShell value model and what every layer does with values — the type
 * registry, conversions, comparisons, string conversion, regular expressions and wildcards,
 * dates, .NET formatting and members.
 */
export * from './values.js';
export * from './decimal.js';
export * from './numeric.js';
export * from './errors.js';
export * from './types.js';
export * from './convert.js';
export * from './compare.js';
export * from './text.js';
export * from './regex.js';
export * from './wildcard.js';
export * from './datetime.js';
export * from './dotnet-format.js';
export * from './dotnet-regex.js';
export * from './member-support.js';
export * from './members.js';
export * from './instance-members.js';
export * from './static-members.js';
export * from './records.js';
export * from './streams.js';
export * from './scope.js';
export * from './type-table.js';
