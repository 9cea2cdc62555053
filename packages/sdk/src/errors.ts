/**
 * Errors a plugin, or the SDK on its behalf, raises for the user to act on: each carries a stable
 * id the shell shows as the error record's FullyQualifiedErrorId, and the thing it is about.
 */

/** PowerShell error categories a plugin error may name (a subset of ErrorCategory). */
export type PluginErrorCategory =
  | 'InvalidArgument'
  | 'InvalidData'
  | 'InvalidOperation'
  | 'ObjectNotFound'
  | 'OperationStopped'
  | 'PermissionDenied'
  | 'ReadError'
  | 'ResourceExists'
  | 'ResourceUnavailable'
  | 'WriteError'
  | 'NotImplemented';

/** What a PluginError is made of. */
export interface PluginErrorInit {
  /** Stable PascalCase id, e.g. 'RestoreTargetExists'. */
  readonly errorId: string;
  readonly message: string;
  readonly category: PluginErrorCategory;
  /** The value the error is about (a path, a name). */
  readonly target?: unknown;
  readonly cause?: unknown;
}

/** A refusal a user can act on, raised by a plugin or by the SDK; never a bug. */
export class PluginError extends Error {
  /** Stable PascalCase id. */
  readonly errorId: string;
  readonly category: PluginErrorCategory;
  /** The value the error is about. */
  declare readonly target?: unknown;

  constructor(init: PluginErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'PluginError';
    this.errorId = init.errorId;
    this.category = init.category;
    if (init.target !== undefined) this.target = init.target;
  }
}

/** A plugin definition `defineWorkloadPlugin` refused: names the plugin and every problem found. */
export class PluginDefinitionError extends PluginError {
  /** The plugin's name as defined, or '(unnamed)' when it has none. */
  readonly pluginName: string;
  /** One line per problem, e.g. "cmdlet 'Fetch-Thing': 'Fetch' is not an approved verb". */
  readonly problems: readonly string[];

  constructor(pluginName: string, problems: readonly string[]) {
    super({
      errorId: 'PluginDefinitionInvalid',
      category: 'InvalidData',
      target: pluginName,
      message: `The workload plugin '${pluginName}' is not valid: ${problems.join('; ')}.`,
    });
    this.name = 'PluginDefinitionError';
    this.pluginName = pluginName;
    this.problems = Object.freeze([...problems]);
  }
}

/** An entry path that breaks the entry-path rules (relative, '/'-separated, no '.', '..' or empty parts). */
export class EntryPathError extends PluginError {
  constructor(path: string, reason: string) {
    super({ errorId: 'InvalidEntryPath', category: 'InvalidArgument', target: path, message: `The entry path '${path}' is not valid: ${reason}.` });
    this.name = 'EntryPathError';
  }
}
