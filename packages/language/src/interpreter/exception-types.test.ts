import { describe, expect, it } from 'vitest';
import { PSException } from '@dpmsh/runtime';
import { exceptionMatches, findHandler } from './exception-types.js';
import { runScript } from './test-support/run-script.js';

describe('catch and trap types', () => {
  it('matches an exception by its own type and its bases', () => {
    const e = new PSException('x', { typeName: 'System.DivideByZeroException' });
    expect(exceptionMatches(e, 'System.ArithmeticException')).toBe(true);
    expect(exceptionMatches(e, 'ArithmeticException')).toBe(true);
    expect(exceptionMatches(e, 'System.IO.IOException')).toBe(false);
  });

  it('takes any error as the RuntimeException PowerShell wraps it in, after handlers of its own type', () => {
    const cast = new PSException('x', { typeName: 'System.Management.Automation.PSInvalidCastException' });
    expect(findHandler(cast, [['System.IO.IOException'], ['System.Management.Automation.RuntimeException']])).toBe(1);
    expect(findHandler(cast, [['System.Management.Automation.RuntimeException'], ['System.InvalidCastException']])).toBe(1);
    expect(findHandler(cast, [['System.IO.IOException'], null])).toBe(1);
    expect(findHandler(cast, [['System.IO.IOException']])).toBe(-1);
  });

  it('catches a failed conversion with catch [RuntimeException]', async () => {
    const result = await runScript("try { [int]'abc' } catch [System.Management.Automation.RuntimeException] { 'caught' }");
    expect(result.output).toBe('caught');
  });

  it('prefers the catch of the inner .NET type over an earlier RuntimeException catch', async () => {
    const result = await runScript("try { 1/0 } catch [System.Management.Automation.RuntimeException] { 'rt' } catch [System.DivideByZeroException] { 'div' }");
    expect(result.output).toBe('div');
  });

  it('constructs exceptions with ::new for throw and typed catch', async () => {
    const result = await runScript(
      "try { throw [System.ArgumentException]::new('bad arg') } catch [System.ArgumentException] { $_.Exception.GetType().FullName; $_.Exception.Message }",
    );
    expect(result.output).toBe('System.ArgumentException\nbad arg');
  });
});
