#!/usr/bin/env node
// The `dpk` command of data-platform-kit: declare a lakehouse or a data mesh in a spec file,
// then validate, synthesize, check, diff and draw it (docs/cli.md).
require('../lib/cli/main.js')
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
