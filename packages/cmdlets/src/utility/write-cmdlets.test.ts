import { describe, expect, it } from 'vitest';
import { installStandardCommands } from '../install.js';
import { categoryInfoMessage } from '../formatting/error-view.js';
import { InformationRecord, ErrorRecord, RuntimeError, PSSecureString } from '@dpmsh/runtime';
import { runPipeline } from '../pipeline/run.js';
import { RecordingHost } from '../session/recording-host.js';
import { Session } from '../session/session.js';
import type { CommandArgument } from '../binder/types.js';

const value = (v: unknown): CommandArgument => ({ kind: 'value', value: v });
const named = (name: string, v: unknown): CommandArgument => ({ kind: 'parameter', name, value: v, hasValue: true });
const flag = (name: string): CommandArgument => ({ kind: 'parameter', name, hasValue: false });

function setup(options: { interactive?: boolean; lines?: string[] } = {}): { host: RecordingHost; session: Session } {
  const host = new RecordingHost(options);
  const session = new Session({ host, environment: { PATH: '' } });
  installStandardCommands(session);
  return { host, session };
}

async function run(session: Session, name: string, args: CommandArgument[], options: { redirect6?: boolean } = {}): Promise<unknown[]> {
  const out: unknown[] = [];
  await runPipeline({
    session,
    scope: session.globalScope,
    elements: [{ command: session.registry.require(name, session.globalScope), args, redirections: options.redirect6 ? [{ kind: 'merge', from: 'information', to: 'output' }] : undefined }],
    sink: (v) => void out.push(v),
    signal: new AbortController().signal,
  });
  return out;
}

describe('Write-Host', () => {
  it('joins collections with the separator and honours -NoNewline and colours', async () => {
    const { host, session } = setup();
    await run(session, 'Write-Host', [value([1, 2, 3]), named('Separator', ', '), named('ForegroundColor', 'Red')]);
    await run(session, 'Write-Host', [value('a'), flag('NoNewline')]);
    await run(session, 'Write-Host', [value('b'), value('c')]);
    expect(host.events).toEqual([
      { stream: 'host', text: '1, 2, 3', newline: true, foregroundColor: 'Red', backgroundColor: undefined },
      { stream: 'host', text: 'a', newline: false, foregroundColor: undefined, backgroundColor: undefined },
      { stream: 'host', text: 'b c', newline: true, foregroundColor: undefined, backgroundColor: undefined },
    ]);
  });

  it('writes an information record tagged PSHOST that 6>&1 captures', async () => {
    const { host, session } = setup();
    const [record] = await run(session, 'Write-Host', [value('captured')], { redirect6: true });
    expect(record).toBeInstanceOf(InformationRecord);
    expect((record as InformationRecord).tags).toEqual(['PSHOST']);
    expect(String(record)).toBe('captured');
    expect(host.events).toEqual([]);
  });
});

describe('Write-Error', () => {
  it('writes a non-terminating WriteErrorException with a bare id at the top level', async () => {
    const { host, session } = setup();
    await run(session, 'Write-Error', [value('boom')]);
    const record = session.errors[0];
    expect(record.fullyQualifiedErrorId).toBe('Microsoft.PowerShell.Commands.WriteErrorException');
    expect(categoryInfoMessage(record)).toBe('NotSpecified: (:) [Write-Error], WriteErrorException');
    expect(host.written('error')).toEqual(['Write-Error: boom']);
  });

  it('takes an id, category, target, activity and recommended action', async () => {
    const { host, session } = setup();
    await run(session, 'Write-Error', [value('no vault'), named('ErrorId', 'VaultNotFound'), named('Category', 'ObjectNotFound'), named('TargetObject', 'v1'), named('CategoryActivity', 'Find'), named('RecommendedAction', 'Create it.')]);
    const record = session.errors[0];
    expect(record.fullyQualifiedErrorId).toBe('VaultNotFound');
    expect(categoryInfoMessage(record)).toBe('ObjectNotFound: (v1:String) [Find], WriteErrorException');
    expect(host.written('error')).toEqual(['Find: no vault\n  Recommendation: Create it.']);
  });

  it('writes an existing record again, and an exception with its own type as the id', async () => {
    const { session } = setup();
    await run(session, 'Write-Error', [named('Exception', new Error('inner'))]);
    expect(session.errors[0].fullyQualifiedErrorId).toBe('System.Exception');
    const original = session.errors[0];
    await run(session, 'Write-Error', [named('ErrorRecord', original)]);
    expect(session.errors[0]).not.toBe(original);
    expect(session.errors[0]).toBeInstanceOf(ErrorRecord);
    expect(session.errors[0].message).toBe('inner');
  });
});

describe('Write-Warning, Write-Verbose, Write-Debug, Write-Information, Write-Progress', () => {
  it('prefixes warnings, hides verbose and debug unless asked', async () => {
    const { host, session } = setup();
    await run(session, 'Write-Warning', [value('careful')]);
    await run(session, 'Write-Verbose', [value('hidden')]);
    await run(session, 'Write-Verbose', [value('shown'), flag('Verbose')]);
    await run(session, 'Write-Debug', [value('dbg'), flag('Debug')]);
    await run(session, 'Write-Information', [value('info')]);
    await run(session, 'Write-Information', [value('info shown'), named('InformationAction', 'Continue')]);
    expect(host.text).toBe('WARNING: careful\nVERBOSE: shown\nDEBUG: dbg\ninfo shown\n');
  });

  it('sends progress records to the host', async () => {
    const { host, session } = setup();
    await run(session, 'Write-Progress', [value('Copying'), value('1 of 3'), named('PercentComplete', 33)]);
    await run(session, 'Write-Progress', [value('Copying'), flag('Completed')]);
    expect(host.progressRecords.map((r) => [r.activity, r.status, r.percentComplete, r.completed])).toEqual([
      ['Copying', '1 of 3', 33, false],
      ['Copying', 'Processing', -1, true],
    ]);
    expect(host.text).toBe('');
  });
});

describe('Read-Host', () => {
  it('fails with the NonInteractive error when the host cannot ask', async () => {
    const { session } = setup();
    const error = await run(session, 'Read-Host', [value('Name')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuntimeError);
    expect((error as RuntimeError).errorRecord.message).toBe('PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.');
  });

  it('reads a line, or a secure string', async () => {
    const { session } = setup({ interactive: true, lines: ['alice', 'secret'] });
    expect(await run(session, 'Read-Host', [value('Name')])).toEqual(['alice']);
    const [secure] = await run(session, 'Read-Host', [flag('AsSecureString')]);
    expect(secure).toBeInstanceOf(PSSecureString);
    expect((secure as PSSecureString).reveal()).toBe('secret');
  });
});
