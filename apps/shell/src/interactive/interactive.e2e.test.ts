/**
 * The interactive shell driven as a user drives it: the built `dpmsh` in a real pseudo-terminal
 * (node-pty) with a temporary DPMSH_HOME, keys typed, and the screen read back through a small
 * terminal emulator.
 */
import { chmodSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn, type IPty } from 'node-pty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Screen } from './test-support/screen.js';

const bin = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../bin/dpmsh.js');
const COLUMNS = 100;
const ROWS = 40;
/** Generous: CI machines and busy developer machines start Node slowly. */
const WAIT_MS = 20_000;
const TEST_MS = 45_000;

class Terminal {
  readonly screen = new Screen(COLUMNS, ROWS);
  /** Everything the shell wrote, escape sequences included. */
  raw = '';
  readonly exited: Promise<number>;
  readonly #pty: IPty;

  constructor(cwd: string, home: string) {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'CI' && k !== 'FORCE_COLOR' && k !== 'NO_COLOR') env[k] = v;
    this.#pty = spawn(process.execPath, [bin, '-NoProfile'], { name: 'xterm-256color', cols: COLUMNS, rows: ROWS, cwd, env: { ...env, DPMSH_HOME: home, TERM: 'xterm-256color' } });
    this.#pty.onData((data) => {
      this.raw += data;
      this.screen.write(data);
    });
    this.exited = new Promise((done) => this.#pty.onExit(({ exitCode }) => done(exitCode)));
  }

  type(keys: string): void {
    this.#pty.write(keys);
  }

  /** Waits until the screen's text passes `test`; fails with the screen when it never does. */
  async waitFor(test: (screen: string) => boolean, what: string): Promise<string> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const text = this.screen.text();
      if (test(text)) return text;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen shows:\n${text}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  kill(): void {
    this.#pty.kill();
  }
}

const count = (text: string, part: string): number => text.split(part).length - 1;

describe('dpmsh at a terminal', () => {
  const work = realpathSync(mkdtempSync(join(tmpdir(), 'dpmsh-pty-')));
  const home = join(work, 'home');
  const prompt = `PS ${work}> `;
  let term: Terminal;
  /** Waits for the n-th prompt, that is, until the shell is back and ready for input. */
  const promptNumber = (n: number) => term.waitFor((s) => count(s, prompt.trimEnd()) >= n, `prompt #${n}`);

  beforeAll(async () => {
    term = new Terminal(work, home);
    await promptNumber(1);
  }, TEST_MS);
  afterAll(() => {
    term.kill();
    rmSync(work, { recursive: true, force: true });
  });

  it('runs a pipeline and prints its output under the line', async () => {
    term.type('1..3 | ForEach-Object { $_ * 2 }\r');
    const screen = await promptNumber(2);
    expect(screen).toContain(`${prompt}1..3 | ForEach-Object { $_ * 2 }\n2\n4\n6\n${prompt.trimEnd()}`);
  }, TEST_MS);

  it('continues an incomplete function on >> lines and defines it when it closes', async () => {
    term.type('function Get-Double($n) {\r');
    await term.waitFor((s) => s.endsWith('>>'), 'the continuation prompt');
    term.type('$n * 2 }\r');
    await promptNumber(3);
    term.type('Get-Double 21\r');
    const screen = await promptNumber(4);
    expect(screen).toContain(`${prompt}function Get-Double($n) {\n>> $n * 2 }\n${prompt}Get-Double 21\n42\n${prompt.trimEnd()}`);
  }, TEST_MS);

  it('completes a command name with Tab', async () => {
    term.type('Get-DPMCloudCon\t');
    await term.waitFor((s) => s.endsWith(`${prompt}Get-DPMCloudConnection`), 'the completed name');
    term.type('\x03');
    await promptNumber(5);
  }, TEST_MS);

  it('finds an earlier line with Ctrl+R and runs it with Enter', async () => {
    term.type('\x12');
    await term.waitFor((s) => s.endsWith('bck-i-search: _'), 'the search line');
    term.type('ForEach');
    await term.waitFor((s) => s.endsWith(`${prompt}1..3 | ForEach-Object { $_ * 2 }\nbck-i-search: ForEach_`), 'the found line');
    term.type('\r');
    const screen = await promptNumber(6);
    expect(screen.endsWith(`${prompt}1..3 | ForEach-Object { $_ * 2 }\n2\n4\n6\n${prompt.trimEnd()}`)).toBe(true);
  }, TEST_MS);

  it('stops a running command with Ctrl+C and comes back to the prompt', async () => {
    term.type('while ($true) {}\r');
    await term.waitFor((s) => s.endsWith(`${prompt}while ($true) {}`), 'the command to start');
    await new Promise((r) => setTimeout(r, 300));
    term.type('\x03');
    await promptNumber(7);
    term.type('"still here"\r');
    const screen = await promptNumber(8);
    expect(screen).toContain('still here');
  }, TEST_MS);

  it('reads a secure string at a Read-Host prompt with a star per character, and the editor comes back', async () => {
    term.type("$p = Read-Host -AsSecureString 'Pass'\r");
    await term.waitFor((s) => s.endsWith('Pass:'), 'the Read-Host prompt');
    term.type('secrex\x7ft\r');
    await promptNumber(9);
    term.type('$p.Length\r');
    const screen = await promptNumber(10);
    expect(screen).toContain(`Pass: ******\n${prompt}$p.Length\n6\n`);
    expect(screen).not.toContain('secret');
  }, TEST_MS);

  it('draws a progress bar while Write-Progress runs and leaves no trace of it afterwards', async () => {
    term.type("1..5 | ForEach-Object { Write-Progress -Activity Copying -PercentComplete ($_*20); Start-Sleep -Milliseconds 200 }; 'done'\r");
    await term.waitFor((s) => /\nCopying \[o+ *\] Processing$/.test(s), 'the progress bar');
    const screen = await promptNumber(11);
    expect(screen.endsWith(`'done'\ndone\n${prompt.trimEnd()}`)).toBe(true);
    expect(screen.split('\n').filter((l) => l.startsWith('Copying'))).toEqual([]);
  }, TEST_MS);

  it('takes a bracketed paste of a two-line function as one input, turning bracketed paste on only at the prompt', async () => {
    expect(term.raw).toContain('\x1b[?2004h');
    expect(term.raw).toContain('\x1b[?2004l');
    term.type("\x1b[200~function Get-Pasted {\r\t'pasted' }\x1b[201~");
    // The test screen drops the tab; the continuation prompt shows the paste stayed one input.
    await term.waitFor((s) => s.endsWith(`${prompt}function Get-Pasted {\n>> 'pasted' }`), 'the pasted lines');
    term.type('\r');
    await promptNumber(12);
    term.type('Get-Pasted\r');
    const screen = await promptNumber(13);
    expect(screen).toContain(`${prompt}Get-Pasted\npasted\n`);
  }, TEST_MS);

  it("asks -Confirm's question in PowerShell's form and goes on when answered Yes", async () => {
    term.type('function Remove-Thing { [CmdletBinding(SupportsShouldProcess)] param($Name) if ($PSCmdlet.ShouldProcess($Name)) { \"removed $Name\" } }\r');
    await promptNumber(14);
    term.type('Remove-Thing x -Confirm\r');
    await term.waitFor((s) => s.endsWith('(default is "Y"):'), 'the confirmation prompt');
    term.type('y\r');
    const screen = await promptNumber(15);
    expect(screen).toContain(
      `${prompt}Remove-Thing x -Confirm\nConfirm\nAre you sure you want to perform this action?\nPerforming the operation "Remove-Thing" on target "x".\n[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [?] Help (default is "Y"): y\nremoved x\n`,
    );
  }, TEST_MS);

  it('exits with exit and keeps the history in $DPMSH_HOME/history', async () => {
    term.type('exit\r');
    expect(await term.exited).toBe(0);
    const history = readFileSync(join(home, 'history'), 'utf8');
    expect(history).toBe(
      ['1..3 | ForEach-Object { $_ * 2 }', 'function Get-Double($n) {`', '$n * 2 }', 'Get-Double 21', '1..3 | ForEach-Object { $_ * 2 }', 'while ($true) {}', '"still here"', "$p = Read-Host -AsSecureString 'Pass'", '$p.Length', "1..5 | ForEach-Object { Write-Progress -Activity Copying -PercentComplete ($_*20); Start-Sleep -Milliseconds 200 }; 'done'", 'function Get-Pasted {`', "\t'pasted' }", 'Get-Pasted', 'function Remove-Thing { [CmdletBinding(SupportsShouldProcess)] param($Name) if ($PSCmdlet.ShouldProcess($Name)) { "removed $Name" } }', 'Remove-Thing x -Confirm', 'exit', ''].join('\n'),
    );
  }, TEST_MS);
});

describe('dpmsh history and secrets', () => {
  const work = realpathSync(mkdtempSync(join(tmpdir(), 'dpmsh-pty-secrets-')));
  const home = join(work, 'home');
  const prompt = `PS ${work}> `;
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** Types each line at its own prompt, then exit; returns when the shell has exited. */
  async function session(lines: readonly string[]): Promise<void> {
    const term = new Terminal(work, home);
    try {
      const promptNumber = (n: number) => term.waitFor((s) => count(s, prompt.trimEnd()) >= n, `prompt #${n}`);
      await promptNumber(1);
      for (const [i, line] of lines.entries()) {
        term.type(`${line}\r`);
        await promptNumber(i + 2);
      }
      term.type('exit\r');
      expect(await term.exited).toBe(0);
    } finally {
      term.kill();
    }
  }

  it('keeps lines that assign or convert secrets out of the file, which is 0600 in a home the shell made 0700', async () => {
    await session([
      "$pp = 'hunter2'",
      '$s = ConvertTo-SecureString $pp -AsPlainText -Force',
      "$apiToken = 'abc123'",
      "$dbPassword = 'x'",
      '"visible"',
    ]);
    expect(readFileSync(join(home, 'history'), 'utf8')).toBe('"visible"\nexit\n');
    expect(statSync(home).mode & 0o777).toBe(0o700);
    expect(statSync(join(home, 'history')).mode & 0o777).toBe(0o600);
  }, TEST_MS * 2);

  it('takes group and other access away from a history file an older dpmsh wrote 0644', async () => {
    chmodSync(join(home, 'history'), 0o644);
    await session(['"again"']);
    expect(statSync(join(home, 'history')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(home, 'history'), 'utf8')).toBe('"visible"\nexit\n"again"\nexit\n');
  }, TEST_MS * 2);
});
