#!/usr/bin/env node
// The `acqmeta` command line: runs the bundled CLI built by `npm run build` (through its launcher, which caches its compiled code).
require('../dist/electron/cli-launch.cjs');
