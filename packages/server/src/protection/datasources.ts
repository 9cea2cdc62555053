/**
 * Data sources: what the workload plugins find on this server (Get-DPMDatasource -Inquire), what
 * a path resolves to (-Path), and what the saved protection groups protect. Data sources seen in
 * this session are remembered so that an object from Get-DPMDatasource can be added to a group.
 */
import { datasourceIdOf } from '@dpmsh/core';
import type { DataSourceInfo, WorkloadPlugin } from '@dpmsh/sdk';
import { allMembers, groupById, memberOf } from '../catalog/groups.js';
import type { ServerContext } from '../context/server-context.js';
import { datasourceNotFoundError } from '../model/errors.js';
import { fromPlugin } from '../plugins/plugin-errors.js';
import { pluginContext, type OperationOutput } from '../plugins/plugin-context.js';
import type { Datasource, DatasourceRef } from '../model/types.js';

/** The data sources of a server. */
export class DatasourceDirectory {
  readonly #ctx: ServerContext;
  readonly #seen = new Map<string, Datasource>();

  constructor(ctx: ServerContext) {
    this.#ctx = ctx;
  }

  /** What every loaded plugin discovers now; a plugin that fails is reported as a warning and skipped. */
  async inquire(output: OperationOutput = {}): Promise<Datasource[]> {
    await this.#warnFailures(output);
    const found: Datasource[] = [];
    for (const plugin of await this.#ctx.plugins.plugins()) {
      try {
        for (const source of await plugin.discover(pluginContext(output))) found.push(this.#remember(plugin, source));
      } catch (error) {
        output.warn?.(`The workload plugin '${plugin.name}' could not list its data sources: ${describe(fromPlugin(plugin.name, error))}`);
      }
    }
    return found;
  }

  /** The data source a path (or a plugin's own name for one) is, asking each plugin's resolve in turn. */
  async resolve(idOrName: string, output: OperationOutput = {}): Promise<Datasource> {
    await this.#warnFailures(output);
    for (const plugin of await this.#ctx.plugins.plugins()) {
      const source = await resolveWith(plugin, idOrName, output);
      if (source) return this.#remember(plugin, source);
    }
    throw datasourceNotFoundError(`'${idOrName}'`);
  }

  /** A data source by its plugin and the plugin's id of it, as it is now. */
  async find(ref: DatasourceRef, output: OperationOutput = {}): Promise<Datasource> {
    const seen = this.#seen.get(datasourceIdOf(ref.plugin, ref.sourceId));
    if (seen) return this.#describe(ref.plugin, seen.workload, seen.source);
    const plugin = await this.#ctx.plugins.plugin(ref.plugin);
    const source = await resolveWith(plugin, ref.sourceId, output);
    if (!source) throw datasourceNotFoundError(`'${ref.sourceId}' of the plugin '${ref.plugin}'`);
    return this.#remember(plugin, source);
  }

  /** The data sources saved groups protect; of one group when given. */
  protected(groupId?: string): Datasource[] {
    return allMembers(this.#ctx.db)
      .filter((m) => groupId === undefined || m.groupId === groupId)
      .map((m) => this.#describe(m.plugin, m.workload, m.source));
  }

  /** A data source with its protection as the catalog has it. */
  #describe(plugin: string, workload: string, source: DataSourceInfo): Datasource {
    const datasourceId = datasourceIdOf(plugin, source.id);
    const member = memberOf(this.#ctx.db, datasourceId);
    const group = member ? groupById(this.#ctx.db, member.groupId) : undefined;
    return { datasourceId, plugin, workload, source, protectionGroup: group?.name ?? null, online: member?.online ?? false };
  }

  #remember(plugin: WorkloadPlugin, source: DataSourceInfo): Datasource {
    const datasource = this.#describe(plugin.name, plugin.workload, source);
    this.#seen.set(datasource.datasourceId, datasource);
    return datasource;
  }

  async #warnFailures(output: OperationOutput): Promise<void> {
    for (const failure of await this.#ctx.plugins.failures()) output.warn?.(failure.error.message);
  }
}

/** The data source of a plugin as its plugin finds it now, for a backup; DatasourceNotFound when it is gone. */
export async function currentSource(plugin: WorkloadPlugin, sourceId: string, output: OperationOutput): Promise<DataSourceInfo> {
  const source = await resolveWith(plugin, sourceId, output);
  if (!source) throw datasourceNotFoundError(`'${sourceId}' of the plugin '${plugin.name}'`);
  return source;
}

async function resolveWith(plugin: WorkloadPlugin, idOrName: string, output: OperationOutput): Promise<DataSourceInfo | undefined> {
  const context = pluginContext(output);
  try {
    if (plugin.resolve) return await plugin.resolve(idOrName, context);
    return (await plugin.discover(context)).find((s) => s.id === idOrName || s.name === idOrName);
  } catch (error) {
    throw fromPlugin(plugin.name, error);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
