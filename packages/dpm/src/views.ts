/** How the DPM objects print by default. */
import type { FormatTable } from '@dpmsh/cmdlets';
import { toText, isEnumerable, PSObject } from '@dpmsh/runtime';
import { DPM_TYPES } from './objects.js';

const days = (o: unknown): string => {
  const value = o instanceof PSObject ? o.read('WorkDay') : null;
  return isEnumerable(value) ? value.map((d) => toText(d)).join(', ') : '';
};

/** Registers the views (idempotent: a view registered again replaces itself). */
export function registerDpmViews(formats: FormatTable): void {
  formats.register({
    typeName: DPM_TYPES.vault,
    kind: 'table',
    columns: [{ property: 'Name' }, { property: 'Location' }, { property: 'StorageRedundancy' }, { property: 'ResourceGroupName' }, { property: 'RegisteredServers', label: 'Servers' }],
  });
  formats.register({
    typeName: DPM_TYPES.azureVault,
    kind: 'list',
    properties: [{ property: 'Name' }, { property: 'ID' }, { property: 'Type' }, { property: 'Location' }, { property: 'ResourceGroupName' }, { property: 'SubscriptionId' }],
  });
  formats.register({
    typeName: DPM_TYPES.obRegistration,
    kind: 'list',
    properties: [{ property: 'CertThumbprint' }, { property: 'SubscriptionID' }, { property: 'ServiceResourceName' }, { property: 'Region' }],
  });
  formats.register({
    typeName: DPM_TYPES.throttling,
    kind: 'list',
    properties: [
      { property: 'Enabled' },
      { property: days, label: 'WorkDay' },
      { property: 'StartWorkHour' },
      { property: 'EndWorkHour' },
      { property: 'WorkHourBandwidth' },
      { property: 'NonWorkHourBandwidth' },
    ],
  });
  formats.register({
    typeName: DPM_TYPES.credential,
    kind: 'list',
    properties: [{ property: 'FilePath' }, { property: 'Vault' }, { property: 'NotAfter' }, { property: 'Thumbprint' }],
  });
}
