/**
 * Named step boundaries, for the crash tests: long operations call `stepReached('prune:old-index-deleted')`
 * between the steps whose order keeps a repository consistent. Outside tests it does nothing but
 * compare a variable. Under the test-only environment switches:
 *   DPMSH_TEST_STEP_TRACE=<file>  appends every step reached to the file, one per line, so a test
 *                                 can learn the steps of an operation from a clean run;
 *   DPMSH_TEST_KILL_AT=<step>[#n] kills the process with SIGKILL the nth time (first by default)
 *                                 it reaches the step, as a power cut would.
 */
import { appendFileSync } from 'node:fs';

const trace = process.env.DPMSH_TEST_STEP_TRACE;
const killAt = parseKillAt(process.env.DPMSH_TEST_KILL_AT);
let reachedKillStep = 0;

function parseKillAt(value: string | undefined): { readonly step: string; readonly nth: number } | undefined {
  if (value === undefined || value === '') return undefined;
  const [step = '', nth] = value.split('#');
  return { step, nth: nth === undefined ? 1 : Math.max(1, Number.parseInt(nth, 10) || 1) };
}

/** Marks a step boundary of a long operation; see the file comment for what tests do with it. */
export function stepReached(step: string): void {
  if (trace !== undefined && trace !== '') appendFileSync(trace, `${step}\n`);
  if (killAt?.step === step && ++reachedKillStep === killAt.nth) process.kill(process.pid, 'SIGKILL');
}
