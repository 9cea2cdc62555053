import { describe, expect, it } from 'vitest';
import { runScript } from './test-support/run-script.js';

describe('member access', () => {
  it('gives 0 for Count and Length of $null, and $null for ?.Count', async () => {
    const result = await runScript('$n = $null; $n.Count; $n.Length; $null -eq ${n}?.Count');
    expect(result.output).toBe('0\n0\nTrue');
  });
});

describe('indexing', () => {
  it('leaves out-of-range indexes out of a slice', async () => {
    const result = await runScript('$a = 1, 2, 3; $a[1..10] -join ","; $a[-5..0] -join ","; $null -eq $a[7]');
    expect(result.output).toBe('2,3\n1,2,3,1\nTrue');
  });

  it('reads an [ordered] dictionary by position with an int and by key with a string', async () => {
    const result = await runScript('$o = [ordered]@{ first = "x"; second = "y" }; $o[1]; $o["first"]; $h = @{ 1 = "key one" }; $h[1]');
    expect(result.output).toBe('y\nx\nkey one');
  });
});
