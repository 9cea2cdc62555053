import { describe, expect, it } from 'vitest';
import type { PSObject } from '@dpmsh/runtime';
import { run, session } from './test-support/session.js';

describe('Get-Help', () => {
  it('builds the page from the metadata', async () => {
    const s = session();
    const [help] = (await run(s, 'Get-Help', [{ kind: 'value', value: 'Write-Warning' }])) as PSObject[];
    expect(help.read('Synopsis')).toBe('Writes a warning message.');
    expect(help.read('Syntax')).toEqual(['Write-Warning [-Message] <string> [<CommonParameters>]']);
  });

  it('fails for an unknown name with HelpNotFound', async () => {
    const s = session();
    const error = await run(s, 'Get-Help', [{ kind: 'value', value: 'No-Such' }]).catch((e: unknown) => e);
    expect((error as { errorRecord: { fullyQualifiedErrorId: string } }).errorRecord.fullyQualifiedErrorId).toBe('HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand');
  });
});
