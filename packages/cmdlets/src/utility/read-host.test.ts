import { describe, expect, it } from 'vitest';
import { RuntimeError, PSSecureString } from '@dpmsh/runtime';
import { value, flag, setup, run } from './test-support/stream-session.js';

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
