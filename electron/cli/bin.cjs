#!/usr/bin/env node
'use strict';
// `cpw`: runs the CLI bundle that `npm install` builds (the "prepare" script, `npm run build:cli`).
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const bundle = join(__dirname, '..', '..', 'dist', 'cpw.mjs');
if (!existsSync(bundle)) {
  process.stderr.write('cpw is not built: run `npm run build:cli` (npm install runs it)\n');
  process.exit(2);
}
// A reader that stops early (`cpw report --json | head`) closes the pipe: stop quietly, as Unix tools do.
process.stdout.on('error', (e) => {
  if (e && e.code === 'EPIPE') process.exit(0);
  throw e;
});

import(pathToFileURL(bundle).href)
  .then((cli) => cli.main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  });
