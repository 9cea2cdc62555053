import type { ConsistencyHooks, PluginCmdlet, WorkloadPlugin, WorkloadPluginDefinition } from './contract.js';
import { definitionName, definitionProblems } from './definition-problems.js';
import { PluginDefinitionError } from './errors.js';

const PLUGIN_KIND = 'dpmsh-workload-plugin';

/**
 * Checks a plugin definition and returns it as a frozen plugin the host can load; throws a
 * PluginDefinitionError naming the plugin and every problem otherwise.
 */
export function defineWorkloadPlugin(definition: WorkloadPluginDefinition): WorkloadPlugin {
  const problems = definitionProblems(definition);
  if (problems.length > 0) throw new PluginDefinitionError(definitionName(definition), problems);
  // Methods are bound to the definition, so one written as a class (methods on its prototype,
  // `this` used inside) works the same as an object literal once copied.
  const plugin: WorkloadPlugin = {
    kind: PLUGIN_KIND,
    apiVersion: definition.apiVersion,
    name: definition.name,
    workload: definition.workload,
    version: definition.version,
    discover: definition.discover.bind(definition),
    ...(definition.resolve === undefined ? {} : { resolve: definition.resolve.bind(definition) }),
    ...(definition.consistency === undefined ? {} : { consistency: frozenHooks(definition.consistency) }),
    backup: definition.backup.bind(definition),
    restore: definition.restore.bind(definition),
    ...(definition.cmdlets === undefined ? {} : { cmdlets: Object.freeze(definition.cmdlets.map(frozenCmdlet)) }),
  };
  return Object.freeze(plugin);
}

function frozenHooks(hooks: ConsistencyHooks): ConsistencyHooks {
  const { prepare, freeze, thaw } = hooks;
  return Object.freeze({
    ...(prepare === undefined ? {} : { prepare: prepare.bind(hooks) }),
    ...(freeze === undefined ? {} : { freeze: freeze.bind(hooks) }),
    ...(thaw === undefined ? {} : { thaw: thaw.bind(hooks) }),
  });
}

function frozenCmdlet(cmdlet: PluginCmdlet): PluginCmdlet {
  return Object.freeze({
    name: cmdlet.name,
    synopsis: cmdlet.synopsis,
    parameters: Object.freeze(cmdlet.parameters.map((parameter) => Object.freeze({ ...parameter }))),
    invoke: cmdlet.invoke.bind(cmdlet),
  });
}

/**
 * True when `value` looks like what `defineWorkloadPlugin` returns: the host's load-time check of
 * a module's default export. It does not check the apiVersion, so the host can say which version
 * a plugin needs (see isSupportedApiVersion).
 */
export function isWorkloadPlugin(value: unknown): value is WorkloadPlugin {
  if (typeof value !== 'object' || value === null) return false;
  const plugin = value as Partial<Record<keyof WorkloadPlugin, unknown>>;
  return (
    plugin.kind === PLUGIN_KIND &&
    typeof plugin.name === 'string' &&
    typeof plugin.apiVersion === 'number' &&
    typeof plugin.workload === 'string' &&
    typeof plugin.version === 'string' &&
    typeof plugin.discover === 'function' &&
    typeof plugin.backup === 'function' &&
    typeof plugin.restore === 'function'
  );
}
