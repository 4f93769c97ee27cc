#!/usr/bin/env node
// The `acqmeta` command line: runs the bundled CLI built by `npm run build`.
require('../dist/electron/cli.cjs');
