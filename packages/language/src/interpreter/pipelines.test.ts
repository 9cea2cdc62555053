import { describe, expect, it } from 'vitest';
import { runScript } from './test-support/run-script.js';

describe('redirections of an expression', () => {
  it('keeps the output when only other streams are redirected', async () => {
    const result = await runScript("'a' 3>$null; 'b' 2>$null 6>$null; 'c' 2>&1");
    expect(result.output).toBe('a\nb\nc');
  });

  it('discards the output redirected to $null', async () => {
    const result = await runScript("'hidden' > $null; 'all hidden' *> $null; 'shown'");
    expect(result.output).toBe('shown');
  });
});
