#!/usr/bin/env node
// The installed entry point: a stable file for the bin link, whatever the build emits. The
// bundle (see bundle.mjs) starts in a fraction of the time the build's many modules take.
import '../dist/dpmsh.js';
