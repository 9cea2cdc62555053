/**
 * Application consistency around a backup: the plugin's prepare before anything is read, freeze
 * just before reading, and thaw after, always, even when the backup or the freeze failed.
 */
import type { DataSourceInfo, PluginContext, WorkloadPlugin } from '@dpmsh/sdk';
import { fromPlugin } from '../plugins/plugin-errors.js';

/** Runs `work` between the plugin's freeze and thaw; a thaw failure after a failed backup is only a warning. */
export async function withConsistency<T>(plugin: WorkloadPlugin, source: DataSourceInfo, context: PluginContext, work: () => Promise<T>): Promise<T> {
  const hooks = plugin.consistency;
  try {
    await hooks?.prepare?.(source, context);
  } catch (error) {
    throw fromPlugin(plugin.name, error);
  }
  let failed = false;
  try {
    await hooks?.freeze?.(source, context);
    return await work();
  } catch (error) {
    failed = true;
    throw fromPlugin(plugin.name, error);
  } finally {
    try {
      await hooks?.thaw?.(source, context);
    } catch (thawError) {
      // The backup's own error matters more; a thaw that fails after a good backup fails it.
      if (!failed) throw fromPlugin(plugin.name, thawError);
      context.warn(`The workload plugin '${plugin.name}' could not thaw '${source.name}' after the failed backup: ${thawError instanceof Error ? thawError.message : String(thawError)}`);
    }
  }
}
