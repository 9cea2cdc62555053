import { describe, expect, it } from 'vitest';
import { runScript } from './test-support/run-script.js';

describe('try and catch', () => {
  it('rethrows the caught error with a bare throw', async () => {
    const result = await runScript('try { try { throw "inner" } catch { throw } } catch { "outer got $_" }');
    expect(result.output).toBe('outer got inner');
  });

  it('keeps a bare throw outside catch as ScriptHalted', async () => {
    const result = await runScript('try { throw } catch { $_.FullyQualifiedErrorId }');
    expect(result.output).toBe('ScriptHalted');
  });

  it('adds caught errors to $Error, newest first', async () => {
    const result = await runScript('try { throw "one" } catch {}; try { throw "two" } catch {}; $Error.Count; $Error[0].Exception.Message');
    expect(result.output).toBe('2\ntwo');
  });

  it('reports a division by zero as a RuntimeException around DivideByZeroException', async () => {
    const result = await runScript('try { 1/0 } catch { $_.Exception.GetType().FullName; $_.Exception.InnerException.GetType().FullName; $_.CategoryInfo.Reason }');
    expect(result.output).toBe('System.Management.Automation.RuntimeException\nSystem.DivideByZeroException\nRuntimeException');
  });
});
