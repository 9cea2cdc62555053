/** How Group-Object's output prints by default, after PowerShell's PowerShellCore format views. */
import type { FormatTable } from '../formatting/views.js';
import { GROUP_INFO_NO_ELEMENT_TYPE, GROUP_INFO_TYPE } from './group-object.js';

/** Registers the GroupInfo views (idempotent: a view registered again replaces itself). */
export function registerObjectViews(formats: FormatTable): void {
  formats.register({
    typeName: GROUP_INFO_NO_ELEMENT_TYPE,
    kind: 'table',
    columns: [{ property: 'Count', width: 5, alignment: 'right' }, { property: 'Name' }],
  });
  formats.register({ typeName: GROUP_INFO_NO_ELEMENT_TYPE, kind: 'list', properties: [{ property: 'Name' }, { property: 'Count' }, { property: 'Values' }] });
  formats.register({
    typeName: GROUP_INFO_TYPE,
    kind: 'table',
    columns: [{ property: 'Count', width: 5, alignment: 'right' }, { property: 'Name', width: 25 }, { property: 'Group' }],
  });
  formats.register({ typeName: GROUP_INFO_TYPE, kind: 'list', properties: [{ property: 'Name' }, { property: 'Count' }, { property: 'Group' }, { property: 'Values' }] });
}
