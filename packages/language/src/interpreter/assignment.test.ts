import { describe, expect, it } from 'vitest';
import { runScript } from './test-support/run-script.js';

describe('typed variables', () => {
  it('converts every assignment to the variable type', async () => {
    const result = await runScript("[int]$n = '5'; $n = '7'; $n.GetType().Name; $n");
    expect(result.output).toBe('Int32\n7');
  });

  it('fails a value that does not convert as a MetadataError', async () => {
    const result = await runScript("[int]$n = 1; try { $n = 'abc' } catch { $_.CategoryInfo.Category; $_.Exception.GetType().Name; $_.Exception.Message }; $n");
    expect(result.output).toBe(
      'MetadataError\nArgumentTransformationMetadataException\nCannot convert value "abc" to type "System.Int32". Error: "The input string \'abc\' was not in a correct format."\n1',
    );
  });
});

describe('element assignment', () => {
  it('fails past the end of an array with IndexOutOfRangeException', async () => {
    const result = await runScript('$a = 1, 2; try { $a[5] = 3 } catch { $_.CategoryInfo.Category; $_.FullyQualifiedErrorId; $_.Exception.Message }');
    expect(result.output).toBe('OperationStopped\nSystem.IndexOutOfRangeException\nIndex was outside the bounds of the array.');
  });
});
