// Given to node with --import: from then on every module the process loads, the entry point
// included, is appended as a URL to the file that DPMSH_TRACE_MODULES names, so a test can tell
// which packages a command pulled in. The hooks run on a thread of their own, hence two files.
import { register } from 'node:module';

register('./trace-modules-hooks.mjs', import.meta.url);
