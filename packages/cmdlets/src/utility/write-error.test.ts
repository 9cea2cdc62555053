import { describe, expect, it } from 'vitest';
import { categoryInfoMessage } from '../formatting/error-view.js';
import { ErrorRecord } from '@dpmsh/runtime';
import { value, named, setup, run } from './test-support/stream-session.js';

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
