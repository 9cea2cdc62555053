/**
 * The result of binding a command's arguments: which parameter set, and the value of each
 * bound parameter by its declared name.
 */

/** Parameters bound for one invocation (or one pipeline record). */
export interface BoundParameters {
  readonly parameterSetName: string;
  /** Declared parameter name → converted value. Common parameters included. */
  readonly values: ReadonlyMap<string, unknown>;
  /** Arguments no parameter took: `$args` of a simple function. */
  readonly unboundArguments: readonly unknown[];
}
