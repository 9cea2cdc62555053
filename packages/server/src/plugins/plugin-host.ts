/**
 * Workload plugins, loaded through the SDK contract only: each configured specifier (a package
 * name, or a path to a module for a plugin not installed as a package) is imported dynamically
 * when a protection operation first needs plugins, its default export is checked with
 * isWorkloadPlugin and its apiVersion against the versions this server speaks. A plugin that
 * fails is reported by name and left out; the others and the shell go on.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SUPPORTED_API_VERSIONS, isSupportedApiVersion, isWorkloadPlugin, type WorkloadPlugin } from '@dpmsh/sdk';
import { DomainError } from '@dpmsh/core';
import { pluginLoadError, pluginUnavailableError } from '../model/errors.js';

/** The plugins a server loads when none are configured. */
export const DEFAULT_PLUGINS: readonly string[] = ['@dpmsh/plugin-files'];

/** A plugin that could not be loaded, and why. */
export interface PluginLoadFailure {
  readonly specifier: string;
  readonly error: DomainError;
}

/** How a module is imported; a parameter so the loader can be shown failing without broken packages on disk. */
export type ModuleImporter = (specifier: string) => Promise<unknown>;

const importModule: ModuleImporter = (specifier) => import(isAbsolute(specifier) ? pathToFileURL(specifier).href : specifier);

/** The loaded plugins of a server, by name. */
export class PluginHost {
  readonly #specifiers: readonly string[];
  readonly #importer: ModuleImporter;
  #loading: Promise<void> | undefined;
  readonly #plugins = new Map<string, WorkloadPlugin>();
  readonly #failures: PluginLoadFailure[] = [];

  constructor(specifiers: readonly string[] = DEFAULT_PLUGINS, importer: ModuleImporter = importModule) {
    this.#specifiers = specifiers;
    this.#importer = importer;
  }

  /** The plugins that loaded, in configuration order. */
  async plugins(): Promise<WorkloadPlugin[]> {
    await this.#load();
    return [...this.#plugins.values()];
  }

  /** The plugins that did not load. */
  async failures(): Promise<readonly PluginLoadFailure[]> {
    await this.#load();
    return this.#failures;
  }

  /** The plugin of that name; WorkloadPluginUnavailable (with the load error, if any) otherwise. */
  async plugin(name: string): Promise<WorkloadPlugin> {
    await this.#load();
    const plugin = this.#plugins.get(name);
    if (plugin) return plugin;
    const failed = this.#failures.find((f) => f.specifier === name || f.error.message.includes(`'${name}'`));
    throw pluginUnavailableError(name, failed ? failed.error.message : 'no configured plugin has that name');
  }

  #load(): Promise<void> {
    this.#loading ??= (async () => {
      for (const specifier of this.#specifiers) {
        try {
          const plugin = await this.#loadOne(specifier);
          if (this.#plugins.has(plugin.name)) throw pluginLoadError(specifier, `another plugin already has the name '${plugin.name}'`);
          this.#plugins.set(plugin.name, plugin);
        } catch (error) {
          this.#failures.push({ specifier, error: asLoadError(specifier, error) });
        }
      }
    })();
    return this.#loading;
  }

  async #loadOne(specifier: string): Promise<WorkloadPlugin> {
    const module = (await this.#importer(specifier)) as { default?: unknown } | null;
    const candidate = module?.default;
    if (!isWorkloadPlugin(candidate)) {
      throw pluginLoadError(specifier, 'its default export is not a workload plugin (a plugin module default-exports what defineWorkloadPlugin returns)');
    }
    if (!isSupportedApiVersion(candidate.apiVersion)) {
      throw pluginLoadError(
        specifier,
        `plugin '${candidate.name}' ${candidate.version} needs plugin API version ${String(candidate.apiVersion)}, and this server speaks ${SUPPORTED_API_VERSIONS.join(', ')}`,
      );
    }
    return candidate;
  }
}

function asLoadError(specifier: string, error: unknown): DomainError {
  if (error instanceof DomainError && error.id === 'WorkloadPluginLoadFailed') return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason = code === 'ERR_MODULE_NOT_FOUND' ? 'it is not installed' : error instanceof Error ? error.message : String(error);
  return pluginLoadError(specifier, reason);
}
