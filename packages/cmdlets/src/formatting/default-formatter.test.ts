import { describe, expect, it } from 'vitest';
import { PSChar, PSDateTime, PSEnumValue, PSHashtable, PSNumber, PSObject, ErrorRecord, PSException, errorRecord } from '@dpmsh/runtime';
import type { Host, HostStream } from '../host/host.js';
import { Session } from '../session/session.js';
import { createLineFormatter, createOutDefault } from './default-formatter.js';
import { formatData, outString } from './text-output.js';

const obj = (data: Record<string, unknown>): PSObject => PSObject.from(data);
const text = (...lines: string[]): string => lines.map((l) => `${l}\n`).join('');

/** A host that records what Out-Default writes. */
class RecordingHost implements Host {
  readonly name = 'test';
  readonly interactive = false;
  readonly written: { text: string; stream?: HostStream }[] = [];
  constructor(readonly width: number) {}
  write(text: string, options?: { stream?: HostStream }): void {
    this.written.push(options?.stream ? { text, stream: options.stream } : { text });
  }
  writeErrorRecord(): void {
    throw new Error('not used by the formatter');
  }
  readLine(): Promise<string> {
    throw new Error('not used by the formatter');
  }
  promptForChoice(): Promise<number> {
    throw new Error('not used by the formatter');
  }
  promptForParameters(): Promise<Record<string, unknown>> {
    throw new Error('not used by the formatter');
  }
  progress(): void {}
  clear(): void {}
  get lines(): string[] {
    return this.written.map((w) => w.text);
  }
}

describe('scalars', () => {
  it('print as their text, one per line, with no blank lines around them', async () => {
    const values = ['hello', 42, 1.5, 0.1 + 0.2, true, new PSChar(65), new PSEnumValue('System.DayOfWeek', 'Monday', 1), new PSNumber('Decimal', 2.5)];
    expect(await outString(values)).toBe(text('hello', '42', '1.5', '0.3', 'True', 'A', 'Monday', '2.5'));
  });

  it('include script blocks, which print as their text', async () => {
    expect(await outString([{ isScriptBlock: true, text: ' Get-Date ', invoke: () => Promise.resolve([]) }])).toBe(text(' Get-Date '));
  });

  it('print nothing for $null and each line of a multi-line string', async () => {
    expect(await outString([null, 'one\ntwo', null])).toBe(text('one', 'two'));
  });

  it('unroll a nested collection one level', async () => {
    expect(await outString([[1, 2], 'x'])).toBe(text('1', '2', 'x'));
  });
});

describe('mixed output', () => {
  it('prints strings between the rows of a table where they come', async () => {
    expect(await outString(['x', obj({ a: 1 }), 'y', obj({ a: 22 })])).toBe(text('x', '', ' a', ' -', ' 1', 'y', '22', ''));
  });

  it('keeps the first object\'s columns for a later object of another shape (the later object shows as an empty row)', async () => {
    // PowerShell's quirk (issue 19140): in one pipeline the first object fixes the table.
    expect(await outString([obj({ a: 1, b: 2 }), obj({ c: 3 })])).toBe(text('', 'a b', '- -', '1 2', '   ', ''));
  });

  it('prints an object the document\'s view does not apply to as a list', async () => {
    const date = new PSDateTime(Date.UTC(2026, 10, 23, 2, 30, 1), 'Utc');
    expect(await outString([date, obj({ a: 1 })])).toBe(text('', 'Monday, November 23, 2026 2:30:01 AM', '', 'a : 1', '', ''));
    const h = new PSHashtable();
    h.set('k', 'v');
    expect(await outString([h, obj({ b: 2 })])).toBe(text('', 'Name                           Value', '----                           -----', 'k                              v', '', 'b : 2', '', ''));
  });

  it('renders Format-Table output as Out-String does', async () => {
    const packets = await formatData('table', [obj({ Name: 'a', Size: 1 })], { property: ['Size'] });
    expect(await outString(packets)).toBe(text('', 'Size', '----', '   1', ''));
    expect(await outString(packets, { stream: true })).toEqual(['', 'Size', '----', '   1', '']);
  });
});

describe('the 300 ms column sizing', () => {
  it('sizes columns from the rows of the first 300 ms and cuts later, longer values', async () => {
    let clock = 0;
    const lines: string[] = [];
    const out = createLineFormatter({ tableWidth: 80, textWidth: 80, now: () => clock, writeLine: (l) => lines.push(l) });
    await out.write(obj({ Name: 'a', Id: 1 }));
    clock = 100;
    await out.write(obj({ Name: 'bb', Id: 2 }));
    // The empty line before a document is written at once; the rows wait.
    expect(lines).toEqual(['']);
    clock = 400;
    // The first object after 300 ms still counts; then the widths are fixed and rows flow.
    await out.write(obj({ Name: 'ccc', Id: 3 }));
    expect(lines).toEqual(['', 'Name Id', '---- --', 'a     1', 'bb    2', 'ccc   3']);
    clock = 500;
    await out.write(obj({ Name: 'dddddddd', Id: 4 }));
    await out.flush();
    expect(lines).toEqual(['', 'Name Id', '---- --', 'a     1', 'bb    2', 'ccc   3', 'ddd…  4', '']);
  });

  it('waits for the whole group with -AutoSize', async () => {
    let clock = 0;
    const now = (): number => (clock += 200);
    const rows = [obj({ Name: 'a' }), obj({ Name: 'bb' }), obj({ Name: 'dddddddd' })];
    const lines = await outString(await formatData('table', rows, { autoSize: true }), { stream: true, now });
    expect(lines).toEqual(['', 'Name', '----', 'a', 'bb', 'dddddddd', '']);
    const buffered = await outString(await formatData('table', rows), { stream: true, now: () => (clock += 200) });
    expect(buffered).toEqual(['', 'Name', '----', 'a', 'bb', 'ddd…', '']);
  });
});

describe('Out-Default', () => {
  it('writes to the host one column narrower than the console, as PowerShell\'s console output does', async () => {
    const host = new RecordingHost(41);
    const out = createOutDefault({ host });
    await out.write(obj({ Name: 'x', Description: 'd'.repeat(60) }));
    await out.flush();
    expect(host.lines).toEqual(['', 'Name Description', '---- -----------', `x    ${'d'.repeat(34)}…`, '']);
  });

  it('holds a string back behind the rows it follows, and starts afresh after a flush', async () => {
    const host = new RecordingHost(81);
    const out = createOutDefault({ host });
    await out.write(obj({ a: 1 }));
    await out.write('done');
    await out.flush();
    await out.write('next pipeline');
    await out.flush();
    expect(host.lines).toEqual(['', 'a', '-', '1', 'done', '', 'next pipeline']);
  });

  it('closes its own table before laying out Format-* output that follows it', async () => {
    const host = new RecordingHost(81);
    const out = createOutDefault({ host });
    await out.write(obj({ a: 1 }));
    for (const packet of await formatData('list', [obj({ b: 2 })])) await out.write(packet);
    await out.flush();
    expect(host.lines).toEqual(['', 'a', '-', '1', '', '', 'b : 2', '']);
  });

  it('reads $FormatEnumerationLimit from the session', async () => {
    const host = new RecordingHost(81);
    const session = new Session({ host });
    session.globalScope.define({ name: 'FormatEnumerationLimit', value: 2, options: {} });
    const out = createOutDefault({ host, session });
    await out.write(obj({ Items: [1, 2, 3] }));
    await out.flush();
    expect(host.lines).toEqual(['', 'Items', '-----', '{1, 2…}', '']);
  });

  it('prints an error record from the output stream in the error view, on its own', async () => {
    const host = new RecordingHost(81);
    const record = errorRecord('Cannot find path.', 'PathNotFound', 'ObjectNotFound').withInvocation({ commandName: 'Get-Item' });
    const out = createOutDefault({ host });
    await out.write(obj({ a: 1 }));
    await out.write(record, 'error');
    await out.write(obj({ a: 2 }));
    await out.flush();
    expect(host.written).toEqual([{ text: '' }, { text: 'a' }, { text: '-' }, { text: '1' }, { text: 'Get-Item: Cannot find path.', stream: 'error' }, { text: '2' }, { text: '' }]);
  });

  it('prints an error record that names no command in the concise view, on its own', async () => {
    const record = new ErrorRecord({ exception: new PSException('Something failed.'), errorId: 'X', category: 'NotSpecified' });
    expect(await outString([obj({ a: 1 }), record])).toBe(text('', 'a', '-', '1', 'RuntimeException: Something failed.', ''));
  });
});
