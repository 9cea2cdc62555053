import { describe, expect, it } from 'vitest';
import { PSDateTime, PSGuid, PSHashtable, PSObject, PSSwitch, PSTimeSpan, PSTypeLiteral, PSVersion } from '@dpmsh/runtime';
import { formatList, formatTable, outString } from './text-output.js';
import { TypeTable } from '@dpmsh/runtime';
import { standardFormatTable } from './views.js';

const text = (...lines: string[]): string => lines.map((l) => `${l}\n`).join('');
const utc = (y: number, mo: number, d: number, h: number, mi: number, s: number): PSDateTime => new PSDateTime(Date.UTC(y, mo - 1, d, h, mi, s), 'Utc');

describe('the default views', () => {
  it('prints a date as the long date and long time (Get-Date)', async () => {
    expect(await outString([utc(2026, 11, 23, 2, 30, 1)])).toBe(text('', 'Monday, November 23, 2026 2:30:01 AM', ''));
    expect(await outString([utc(2026, 11, 23, 2, 30, 1), utc(2027, 1, 5, 14, 5, 9)])).toBe(
      text('', 'Monday, November 23, 2026 2:30:01 AM', 'Tuesday, January 5, 2027 2:05:09 PM', ''),
    );
  });

  it('shows a date in a cell in the culture\'s general format', async () => {
    expect(await formatTable([PSObject.from({ When: utc(2026, 11, 23, 2, 30, 1) })])).toBe(text('', 'When', '----', '11/23/2026 2:30:01 AM', ''));
  });

  it('lists a time span (New-TimeSpan -Hours 1)', async () => {
    expect(await outString([new PSTimeSpan(36_000_000_000)])).toBe(
      text(
        '',
        'Days              : 0',
        'Hours             : 1',
        'Minutes           : 0',
        'Seconds           : 0',
        'Milliseconds      : 0',
        'Ticks             : 36000000000',
        'TotalDays         : 0.0416666666666667',
        'TotalHours        : 1',
        'TotalMinutes      : 60',
        'TotalSeconds      : 3600',
        'TotalMilliseconds : 3600000',
        '',
      ),
    );
  });

  it('tables a time span with Format-Table', async () => {
    // 1.02:03:04.5: the view's columns take their widths from the data.
    const ts = new PSTimeSpan(((((1 * 24 + 2) * 60 + 3) * 60 + 4) * 1000 + 500) * 10_000);
    expect(await formatTable([ts])).toBe(text('', 'Days Hours Minutes Seconds Milliseconds', '---- ----- ------- ------- ------------', '1    2     3       4       500', ''));
  });

  it('prints a hashtable as a Name/Value table, 30 cells for the names', async () => {
    const h = new PSHashtable();
    h.set('Name', 'dpmsh');
    h.set('Count', 3);
    h.set('Tags', ['a', 'b']);
    expect(await outString([h])).toBe(
      text('', 'Name                           Value', '----                           -----', 'Name                           dpmsh', 'Count                          3', 'Tags                           {a, b}', ''),
    );
  });

  it('merges consecutive hashtables into one table', async () => {
    const a = new PSHashtable();
    a.set('a', 1);
    const b = new PSHashtable();
    b.set('b', 2);
    expect(await outString([a, b])).toBe(text('', 'Name                           Value', '----                           -----', 'a                              1', 'b                              2', ''));
  });

  it('tables a version with fixed widths and a guid under its Guid header', async () => {
    expect(await outString([new PSVersion(1, 2, 3)])).toBe(text('', 'Major  Minor  Build  Revision', '-----  -----  -----  --------', '1      2      3      -1', ''));
    expect(await outString([new PSGuid('0f8fad5b-d9cb-469f-a165-70867728950e')])).toBe(text('', 'Guid', '----', '0f8fad5b-d9cb-469f-a165-70867728950e', ''));
  });
});

describe('objects without a view', () => {
  it('prints a type as PowerShell\'s RuntimeType table', async () => {
    const name = 'Int32'.padEnd(40);
    expect(await outString([new PSTypeLiteral('System.Int32')])).toBe(
      text('', `IsPublic IsSerial ${'Name'.padEnd(40)} BaseType`, `-------- -------- ${'----'.padEnd(40)} --------`, `True     True     ${name} System.ValueType`, ''),
    );
  });

  it('tables a switch by its one property', async () => {
    expect(await outString([new PSSwitch(true)])).toBe(text('', 'IsPresent', '---------', '     True', ''));
  });
});

describe('registered views', () => {
  // A session's own tables: what one registers, no other session sees.
  const tables = { formats: standardFormatTable(), types: new TypeTable() };

  it('wins over the property rule for any of the object\'s type names, most derived first', async () => {
    tables.formats.register({
      typeName: 'Dpm.Test.Job',
      kind: 'table',
      columns: [
        { property: 'Id', alignment: 'right' },
        { label: 'State', property: (o) => ((o as PSObject).read('Done') ? 'Completed' : 'Running') },
      ],
    });
    const job = PSObject.from({ Id: 7, Done: true, Detail: 'a', Owner: 'b', Extra: 'c' }, 'Dpm.Test.Job');
    expect(tables.formats.find(job.typeNames)?.kind).toBe('table');
    expect(await outString([job], { tables })).toBe(text('', 'Id State', '-- -----', ' 7 Completed', ''));
    // Format-List has no list view for the type: it lists the properties.
    expect(await formatList([job], { tables })).toBe(text('', 'Id     : 7', 'Done   : True', 'Detail : a', 'Owner  : b', 'Extra  : c', ''));
  });

  it('prints objects the view does not apply to on their own, as a list', async () => {
    const job = PSObject.from({ Id: 1, Done: false }, 'Dpm.Test.Job');
    const other = PSObject.from({ Name: 'x' });
    expect(await outString([job, other, 'text', job], { tables })).toBe(text('', 'Id State', '-- -----', ' 1 Running', '', 'Name : x', '', 'text', ' 1 Running', ''));
  });

  it('groups by the view\'s GroupBy', async () => {
    tables.formats.register({ typeName: 'Dpm.Test.Disk', kind: 'table', columns: [{ property: 'Name' }], groupBy: { property: 'Server', label: 'Server' } });
    const disks = [
      PSObject.from({ Server: 's1', Name: 'd1' }, 'Dpm.Test.Disk'),
      PSObject.from({ Server: 's1', Name: 'd2' }, 'Dpm.Test.Disk'),
      PSObject.from({ Server: 's2', Name: 'd3' }, 'Dpm.Test.Disk'),
    ];
    expect(await outString(disks, { tables })).toBe(text('', '   Server: s1', '', 'Name', '----', 'd1', 'd2', '', '   Server: s2', '', 'Name', '----', 'd3', ''));
  });

  it('shows a type\'s default display property set when it has no view', async () => {
    tables.types.setDefaultDisplayPropertySet('Dpm.Test.Server', ['Name', 'State']);
    const server = PSObject.from({ Name: 'dpm1', State: 'Online', A: 1, B: 2, C: 3 }, 'Dpm.Test.Server');
    expect(await outString([server], { tables })).toBe(text('', 'Name State', '---- -----', 'dpm1 Online', ''));
  });
});
