import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Shell } from '@dpmsh/language';
import { complete } from './completion.js';
import { testShell } from './test-support/render-editor.js';

let shell: Shell;
let folder: string;
beforeAll(async () => {
  ({ shell, folder } = await testShell());
  writeFileSync(join(folder, 'notes.txt'), '');
  writeFileSync(join(folder, 'my file.txt'), '');
  mkdirSync(join(folder, 'nested'));
  await shell.run("$greeting = 'hello'; function Use-Colour { param([ValidateSet('Red', 'Green')] [string] $Colour, [System.DayOfWeek] $Day) }", { output: () => undefined, dotSource: true });
});

const texts = (line: string, cursor = line.length): string[] => complete(shell.session, line, cursor).matches.map((m) => m.text);

describe('tab completion', () => {
  it('completes command names: cmdlets, aliases and functions', () => {
    expect(texts('Get-DPMCloudCon')).toEqual(['Get-DPMCloudConnection']);
    expect(texts('Use-Col')).toEqual(['Use-Colour']);
    expect(texts('1 | ForEach-Obj')).toEqual(['ForEach-Object']);
    expect(texts('gc')).toContain('gci');
  });

  it('completes parameter names from the metadata, common parameters included', () => {
    expect(texts('Use-Colour -C')).toEqual(['-Colour']);
    expect(texts('Get-Item -Pa')).toEqual(['-Path']);
    expect(texts('Get-Item -ErrorA')).toEqual(['-ErrorAction']);
  });

  it('completes ValidateSet and enum values after their parameter', () => {
    expect(texts('Use-Colour -Colour ')).toEqual(['Red', 'Green']);
    expect(texts('Use-Colour -Colour g')).toEqual(['Green']);
    expect(texts('Use-Colour -Day Sa')).toEqual(['Saturday']);
  });

  it('completes variables after $ and members after $var.', () => {
    expect(texts('$greet')).toEqual(['$greeting']);
    expect(texts('$greeting.Len')).toEqual(['Length']);
    expect(texts('$greeting.ToUp')).toEqual(['ToUpper(', 'ToUpperInvariant(']);
    const c = complete(shell.session, '$greeting.Len', 13);
    expect(c.start).toBe('$greeting.'.length);
  });

  it('completes file paths relative to the location, quoting names with spaces', () => {
    expect(texts('Get-Content no')).toEqual(['./notes.txt']);
    expect(texts('Get-Content my')).toEqual(["'./my file.txt'"]);
    expect(texts('Set-Location ne')).toEqual(['./nested/']);
    expect(texts('Get-Content ./n')).toEqual(['./nested/', './notes.txt']);
  });
});
