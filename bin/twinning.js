#!/usr/bin/env node
// Entry point of the `twinning` command: runs the TypeScript sources through tsx (no build step).
// The exit code is set, not forced with process.exit: that would cut standard output at 64 KiB when it is
// a pipe, before Node has flushed it. runCli closes every client it opened, so the process then ends itself.
require('tsx/cjs');
require('../cli/main.ts')
  .runCli(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
