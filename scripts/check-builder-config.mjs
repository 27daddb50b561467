#!/usr/bin/env node
// `npm run dist:check`: electron-builder.yml checked without building anything, for machines (like CI here) that
// cannot download the Electron binary `npm run dist` needs. One line per check; exit 1 when any fails.
import { checkBuilderConfig, report } from './builder-config.mjs';

const checks = await checkBuilderConfig();
console.log(report(checks));
const failed = checks.filter((c) => c.problems.length > 0).length;
console.log(failed === 0 ? `electron-builder.yml: all ${checks.length} checks ok` : `electron-builder.yml: ${failed} of ${checks.length} checks FAILED`);
process.exitCode = failed === 0 ? 0 : 1;
