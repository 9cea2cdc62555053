/**
 * Time from starting the interactive shell to its first prompt on the screen. `script` (util-linux)
 * gives dpmsh a pseudo-terminal, so it starts its line editor as it would at a real terminal.
 */
import { spawn } from 'node:child_process';
import { median } from './measure.js';

/** Starts `dpmsh -NoProfile` at a terminal until the text `PS ` shows; returns the median ms of `runs` (after a warm-up). */
export async function timeToPrompt(dpmsh: string, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const elapsed = await once(dpmsh);
    if (i > 0) times.push(elapsed);
  }
  return median(times);
}

function once(dpmsh: string): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color' };
  // Ink draws only the last frame when it believes it runs in CI.
  delete env.CI;
  const start = performance.now();
  const child = spawn('script', ['-qfec', `${JSON.stringify(process.execPath)} ${JSON.stringify(dpmsh)} -NoProfile`, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((done, fail) => {
    let screen = '';
    let elapsed: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString('utf8');
      if (elapsed === undefined && screen.includes('PS ')) {
        elapsed = performance.now() - start;
        child.stdin.write('exit\r');
      }
    });
    child.on('error', fail);
    child.on('exit', () => (elapsed === undefined ? fail(new Error(`dpmsh showed no prompt: ${JSON.stringify(screen)}`)) : done(elapsed)));
  });
}
