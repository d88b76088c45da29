#!/usr/bin/env node
// Entry point of the `twinning` command: runs the TypeScript sources through tsx (no build step).
require('tsx/cjs');
require('../cli/main.ts')
  .runCli(process.argv)
  .then((code) => process.exit(code));
