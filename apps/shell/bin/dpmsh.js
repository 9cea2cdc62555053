#!/usr/bin/env node
// The installed entry point: a stable file for the bin link, whatever the build emits.
import '../dist/bin/main.js';
