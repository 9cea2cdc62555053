/**
 * The way back from an object a user passes in (a vault, a data source, a group, a recovery point)
 * to what the server takes: its name or id. A plain string is taken as the name or id itself.
 */
import { datasourceIdOf } from '@dpmsh/core';
import { errorRecord, terminate, PSObject } from '@dpmsh/runtime';

/** The name of a vault given as a vault object or a name. */
export function vaultNameOf(value: unknown): string {
  if (value instanceof PSObject) {
    const name = value.read('Name');
    if (typeof name === 'string') return name;
  }
  return String(value);
}

function wrongObject(parameter: string, expected: string, value: unknown): never {
  return terminate(
    errorRecord(`Cannot process argument on parameter '${parameter}': expected ${expected}.`, 'InvalidObjectForParameter', 'InvalidArgument', { targetObject: value ?? null }),
  );
}

const note = (value: unknown, name: string): unknown => (value instanceof PSObject ? value.read(name) : undefined);

/** The data source an object from Get-DPMDatasource names: its plugin and the plugin's id; a string is a path or name to resolve. */
export function datasourceRefOf(value: unknown, parameter: string): { plugin: string; sourceId: string } | string {
  const plugin = note(value, 'PluginName');
  const sourceId = note(value, 'SourceId');
  if (typeof plugin === 'string' && typeof sourceId === 'string') return { plugin, sourceId };
  if (typeof value === 'string') return value;
  return wrongObject(parameter, 'a data source from Get-DPMDatasource, or the path of one', value);
}

/** The stable id of the data source an object (a data source, a recovery point) is about. */
export function datasourceIdOfObject(value: unknown, parameter: string): string {
  const id = note(value, 'DatasourceId');
  if (typeof id === 'string') return id;
  const ref = datasourceRefOf(value, parameter);
  return typeof ref === 'string' ? ref : datasourceIdOf(ref.plugin, ref.sourceId);
}

/** The saved group an object names (its id), or a name. */
export function groupIdOf(value: unknown, parameter: string): string {
  const id = note(value, 'ProtectionGroupId');
  if (typeof id === 'string') return id;
  const name = note(value, 'Name') ?? value;
  if (typeof name === 'string') return name;
  return wrongObject(parameter, 'a protection group from Get-DPMProtectionGroup, or its name', value);
}

/** The draft of a modifiable group object. */
export function draftIdOf(value: unknown, parameter: string): string {
  const id = note(value, 'DraftId');
  if (typeof id === 'string') return id;
  return wrongObject(parameter, 'a modifiable protection group from New-DPMProtectionGroup or Get-DPMModifiableProtectionGroup', value);
}

/** The recovery point an object (a recovery point, a recoverable item) belongs to, or an id. */
export function recoveryPointIdOf(value: unknown, parameter: string): string {
  const id = note(value, 'RecoveryPointId') ?? value;
  if (typeof id === 'string') return id;
  return wrongObject(parameter, 'a recovery point from Get-DPMRecoveryPoint', value);
}
