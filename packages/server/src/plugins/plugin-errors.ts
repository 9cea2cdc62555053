/**
 * What a plugin throws, as the server reports it: a PluginError (a refusal the user can act on)
 * becomes a DomainError with the plugin's id and the plugin named; a DomainError passes as is;
 * anything else is the plugin's bug and is passed on untouched so it surfaces as one.
 */
import { DomainError, type ErrorCategory } from '@dpmsh/core';
import { PluginError } from '@dpmsh/sdk';

/** The error a plugin threw, as the server passes it on. */
export function fromPlugin(pluginName: string, error: unknown): unknown {
  if (error instanceof DomainError || !(error instanceof PluginError)) return error;
  return new DomainError({
    id: error.errorId,
    category: error.category as ErrorCategory,
    message: error.message,
    recommendedAction: `Act on what the workload plugin '${pluginName}' reports above, then try again.`,
    ...(error.target === undefined ? {} : { target: error.target }),
  });
}
