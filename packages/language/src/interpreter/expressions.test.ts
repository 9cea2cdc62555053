import { describe, expect, it } from 'vitest';
import { runScript } from './test-support/run-script.js';

describe('member access', () => {
  it('gives 0 for Count and Length of $null, and $null for ?.Count', async () => {
    const result = await runScript('$n = $null; $n.Count; $n.Length; $null -eq ${n}?.Count');
    expect(result.output).toBe('0\n0\nTrue');
  });
});
