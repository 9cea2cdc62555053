// The load hook behind trace-modules.mjs. It writes synchronously so that a line is on disk
// before its module runs, and whatever way the process ends, no loaded module is missing.
import { appendFileSync } from 'node:fs';

const trace = process.env.DPMSH_TRACE_MODULES;

export async function load(url, context, nextLoad) {
  if (trace) appendFileSync(trace, `${url}\n`);
  return nextLoad(url, context);
}
