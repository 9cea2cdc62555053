/**
 * The dpmsh command line driven as a user drives it: the built binary, real temporary homes and
 * scripts, output and exit codes read from the process.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa, type Options } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

const bin = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../bin/dpmsh.js');
const work = mkdtempSync(join(tmpdir(), 'dpmsh-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let homes = 0;
// FORCE_COLOR from the test runner's environment would make Node warn beside NO_COLOR on stderr.
function dpmsh(args: readonly string[], options: Options & { home?: string } = {}) {
  const home = options.home ?? join(work, `home-${homes++}`);
  return execa('node', [bin, ...args], { reject: false, cwd: work, env: { DPMSH_HOME: home, NO_COLOR: '1', FORCE_COLOR: undefined }, ...options });
}

function script(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

describe('dpmsh -Command', () => {
  it('runs the text that follows and prints its output', async () => {
    const r = await dpmsh(['-NoProfile', '-Command', '1 + 2;', '"a" * 3']);
    expect(r).toMatchObject({ stdout: '3\naaa', stderr: '', exitCode: 0 });
  });

  it('takes -c and unique prefixes in any case', async () => {
    expect((await dpmsh(['-nop', '-c', '"x"'])).stdout).toBe('x');
    expect((await dpmsh(['-NOPROF', '-COMM', '"y"'])).stdout).toBe('y');
  });

  it('exits 1 when the last statement failed and 0 when it succeeded, as pwsh -Command does', async () => {
    const failed = await dpmsh(['-NoProfile', '-c', '[int]"abc"']);
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toContain('Cannot convert value "abc" to type "System.Int32".');
    expect((await dpmsh(['-NoProfile', '-c', '[int]"abc"; "recovered"'])).exitCode).toBe(0);
  });

  it('exits with exit N', async () => {
    expect((await dpmsh(['-NoProfile', '-c', 'exit 7'])).exitCode).toBe(7);
  });

  it('reports an unknown host parameter with exit code 64 and the usage', async () => {
    const r = await dpmsh(['-Frob']);
    expect(r.exitCode).toBe(64);
    expect(r.stderr).toContain("The argument '-Frob' is not recognized as the name of a script file.");
    expect(r.stderr).toContain('Usage: dpmsh');
  });

  it('prints nothing of a script that does not parse and reports the parse error', async () => {
    const r = await dpmsh(['-NoProfile', '-c', '"before"; if ($true) {']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("Missing closing '}' in statement block or type definition.");
    expect(r.exitCode).toBe(1);
  });
});

describe('dpmsh -File', () => {
  it("binds arguments to the script's param() block by name and position", async () => {
    const path = script('greet.ps1', 'param([string]$Name, [int]$Times = 1)\n1..$Times | ForEach-Object { "hello $Name" }\n');
    const r = await dpmsh(['-NoProfile', '-File', path, '-Times', '2', 'world']);
    expect(r).toMatchObject({ stdout: 'hello world\nhello world', stderr: '', exitCode: 0 });
  });

  it('sets $PSScriptRoot and $PSCommandPath', async () => {
    const path = script('where.ps1', '$PSScriptRoot\n$PSCommandPath\n');
    expect((await dpmsh(['-NoProfile', '-File', path])).stdout).toBe(`${work}\n${path}`);
  });

  it('exits 1 after an uncaught terminating error and shows where it happened', async () => {
    const path = script('throws.ps1', '"start"\nthrow "it broke"\n"never"\n');
    const r = await dpmsh(['-NoProfile', '-File', path]);
    expect(r.stdout).toBe('start');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('it broke');
    expect(r.stderr).toContain(`${path}:2`);
  });

  it('exits 0 when the script only wrote non-terminating errors', async () => {
    const path = script('soft.ps1', '$x = $null.Foo()\n"still here"\n');
    const r = await dpmsh(['-NoProfile', '-File', path]);
    expect(r.stdout).toBe('still here');
    expect(r.stderr).toContain('You cannot call a method on a null-valued expression.');
    expect(r.exitCode).toBe(0);
  });

  it('refuses a missing mandatory parameter under -NonInteractive', async () => {
    const path = script('needs.ps1', 'param([Parameter(Mandatory)][string]$WorkDir)\n"ran"\n');
    const r = await dpmsh(['-NoProfile', '-NonInteractive', '-File', path]);
    expect(r.stdout).toBe('');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('WorkDir');
  });
});

describe('standard input and other modes', () => {
  it('runs a script piped to standard input', async () => {
    expect((await dpmsh(['-NoProfile'], { input: '$a = 2\n$a * 21\n' })).stdout).toBe('42');
    expect((await dpmsh(['-NoProfile', '-Command', '-'], { input: '"from stdin"' })).stdout).toBe('from stdin');
  });

  it('prints one JSON document of the output with -OutputFormat Json', async () => {
    const r = await dpmsh(['-NoProfile', '-OutputFormat', 'Json', '-c', '[pscustomobject]@{ Name = "a"; Size = 1 }; 2']);
    expect(JSON.parse(String(r.stdout))).toEqual([{ Name: 'a', Size: 1 }, 2]);
  });

  it('prints its version and help', async () => {
    expect((await dpmsh(['-Version'])).stdout).toMatch(/^dpmsh \d+\.\d+\.\d+$/);
    expect((await dpmsh(['-Help'])).stdout).toContain('-NonInteractive');
  });

  it('runs the profile unless -NoProfile', async () => {
    const home = join(work, 'profiled');
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, 'profile.ps1'), '$Greeting = "from profile"\nfunction Get-Greeting { $Greeting }\n');
    expect((await dpmsh(['-c', 'Get-Greeting'], { home })).stdout).toBe('from profile');
    const skipped = await dpmsh(['-NoProfile', '-c', 'Get-Greeting'], { home });
    expect(skipped.stderr).toContain("The term 'Get-Greeting' is not recognized");
  });

  it('sets $LASTEXITCODE and $? from native commands', async () => {
    const r = await dpmsh(['-NoProfile', '-c', 'sh -c "exit 3"; $?; $LASTEXITCODE; sh -c "echo out"; $?']);
    expect(r.stdout).toBe('False\n3\nout\nTrue');
  });

  it.each([
    ['a busy loop', '"ready"; while ($true) {}'],
    ['Start-Sleep', '"ready"; Start-Sleep 100'],
    ['a loop in a function', 'function Wait-Forever { while ($true) {} }; "ready"; Wait-Forever'],
  ])('stops %s on Ctrl+C (SIGINT) and exits 1 without an error, as pwsh -Command does', async (_name, text) => {
    const child = dpmsh(['-NoProfile', '-Command', text]);
    await new Promise<void>((resolve) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) resolve();
      });
    });
    child.kill('SIGINT');
    const r = await child;
    expect(r).toMatchObject({ stdout: 'ready', stderr: '', exitCode: 1 });
  }, 20_000);
});
