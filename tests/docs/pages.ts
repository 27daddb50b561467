/**
 * The two pages of docs/ that are generated from the code, so they never go
 * stale: docs/metrics.md from the glossary and docs/cli.md from the cpw
 * commands' own help text. `npm run docs` (node --import tsx
 * tests/docs/pages.ts --write) writes them; tests/unit/docs.test.ts checks
 * that the files in docs/ are what these functions return.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { GLOSSARY } from '../../shared/glossary';
import type { Command } from '../../electron/cli/args';
import { COMMANDS } from '../../electron/cli/cpw';

/** The repository's docs/ folder. */
export const DOCS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs');

/**
 * The cpw commands in the order `cpw --help` lists them (electron/cli/cpw.ts
 * keeps its COMMANDS record private, so the list is repeated here).
 */
/** The commands as `cpw --help` lists them, in its order. */
export const CLI_COMMANDS: readonly (readonly [name: string, command: Command])[] = Object.entries(COMMANDS);

/**
 * The screenshots the docs show, as `images/NAME.png`. Each is made by an
 * end-to-end test (tests/e2e) and copied into docs/images/ by
 * `npm run docs:screenshots`; the docs test refuses a name no test makes.
 */
export const DOC_SCREENSHOTS: readonly string[] = [
  'welcome',
  'tour-sheet',
  'sheet-sample',
  'sheet-computed-columns',
  'sheet-error',
  'sheet-pasted',
  'sheet-find-replace',
  'help-glossary',
  'help-shortcuts',
  'settings-dark',
  'sheet-dark',
  'dashboard',
  'import-wizard-ready',
  'import-wizard-errors',
  'periods-dialog',
  'cost-pools',
  'scenarios',
  'presentation-matrix',
  'report-view',
  'interactions',
  'precall-skip',
  'customer-picture',
  'trends',
  'owners',
  'pools-equation-editor',
  'pools-feeds',
  'pools-balance',
  'picture-allocated-cost',
];

const GENERATED = (source: string) =>
  `<!-- Generated from ${source} by \`npm run docs\`; edit that file, not this one. -->`;

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** docs/metrics.md: every glossary entry, as the window's glossary (F1) shows it. */
export function metricsPage(): string {
  const lines: string[] = [
    GENERATED('shared/glossary.ts'),
    '',
    '# The metrics',
    '',
    'Every figure the workbench computes, in plain words: how it is computed, an example with numbers, and what you can do about it.',
    'This is the same text as the glossary in the app: press **F1** and it opens at the column or tile you are on, or click',
    '**Help** in the top bar. In the sheet, hover a column header for its formula.',
    '',
    'The precise definitions, including every edge case (an account with no revenue, a portfolio that makes no profit), are in `DOMAIN.md`,',
    'the reference the engine is built and tested against; where this page and DOMAIN.md differ, DOMAIN.md is right.',
    '',
    'Money is in the workbook\'s currency; the examples use the default assumptions (a rep\'s day is worth 1,000, 8 hours a day,',
    'a meeting takes 1.6 hours and a call 0.4), which you can change in [Settings](settings.md).',
    '',
    ...GLOSSARY.map((g) => `- [${g.title}](#${anchorOf(g.title)})`),
  ];
  for (const g of GLOSSARY) {
    lines.push('', `## ${g.title}`, '', `**How it is computed.** ${g.words}`, '', `**Example.** ${g.example}`, '', `**What to do about it.** ${g.action}`);
  }
  return `${lines.join('\n')}\n`;
}

/** docs/cli.md: each cpw command's summary and its own --help text. */
export function cliPage(): string {
  const lines: string[] = [
    GENERATED('electron/cli/commands/*.ts'),
    '',
    '# The command line: `cpw`',
    '',
    '`cpw` works on the same workbooks as the app, without a window: to prepare a workbook before a workshop, to import a',
    'client\'s sheet in a script, to check a file, or to print the PDF report. Run it from the project folder as `npx cpw`.',
    '',
    '- `npx cpw --help` lists the commands; `npx cpw COMMAND --help` prints the text shown below for one of them.',
    '- Output is for people. With `--json` it prints the DOMAIN.md names exactly: money in the workbook\'s currency, ratios as',
    '  fractions (0.1, not 10%).',
    '- Exit status: 0 done, 1 a problem with a file or its data (one message naming the file, row, column or field), 2 a',
    '  mistake in the command.',
    '',
    'A first try, on a demo workbook:',
    '',
    '```sh',
    'npx cpw new demo.cpw --sample',
    'npx cpw report demo.cpw',
    '```',
    '',
    '| command | what it does |',
    '|---|---|',
    ...CLI_COMMANDS.map(([name, c]) => `| [\`${name}\`](#cpw-${name}) | ${c.summary.replace(/\|/g, '\\|')} |`),
  ];
  for (const [name, c] of CLI_COMMANDS) {
    if (c.usage.includes('```')) throw new Error(`cpw ${name}: its usage text holds a code fence`);
    lines.push('', `## cpw ${name}`, '', `${c.summary[0]!.toUpperCase()}${c.summary.slice(1)}.`, '', '```text', c.usage.trimEnd(), '```');
  }
  return `${lines.join('\n')}\n`;
}

/** The generated pages, by their file name in docs/. */
export function generatedPages(): Record<string, string> {
  return { 'metrics.md': metricsPage(), 'cli.md': cliPage() };
}

function runDirectly(): boolean {
  const script = process.argv[1];
  return script !== undefined && import.meta.url === pathToFileURL(resolve(script)).href;
}

if (runDirectly()) {
  if (process.argv.includes('--write')) {
    for (const [name, text] of Object.entries(generatedPages())) {
      writeFileSync(join(DOCS_DIR, name), text);
      process.stdout.write(`wrote ${join('docs', name)}\n`);
    }
  } else {
    process.stderr.write('usage: node --import tsx tests/docs/pages.ts --write   (writes docs/metrics.md and docs/cli.md)\n');
    process.exitCode = 2;
  }
}
