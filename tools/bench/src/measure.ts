/** Timing helpers for the benchmarks: wall time of repeated runs, reported as the median. */
import { execa } from 'execa';

/** Median of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs a command `runs` times (after one warm-up) and returns the median wall time in ms. */
export async function timeCommand(file: string, args: readonly string[], runs: number, input?: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const start = performance.now();
    const result = await execa(file, [...args], { input, reject: false });
    if (result.exitCode !== 0) throw new Error(`${file} ${args.join(' ')} failed (${result.exitCode}): ${result.stderr}`);
    if (i > 0) times.push(performance.now() - start);
  }
  return median(times);
}

/** Prints one figure line. */
export function report(name: string, figure: string): void {
  process.stdout.write(`${name.padEnd(52)} ${figure}\n`);
}
