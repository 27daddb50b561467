import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

/** DESIGN.md's layering is a lint error, not a convention: these imports must each be refused. */
describe('layering', () => {
  const eslint = new ESLint({ cwd: ROOT });
  const refused = async (file: string, source: string) => {
    const [result] = await eslint.lintText(source, { filePath: `${ROOT}/${file}` });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  };

  it.each([
    ['shared/engine/x.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
    ['shared/engine/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['shared/engine/x.ts', "import { createBackend } from '../../electron/backend/dispatch';\nexport const x = createBackend;\n"],
    ['electron/backend/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['electron/cli/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['renderer/src/x.ts', "import { openWorkbook } from '../../electron/backend/db/connection';\nexport const x = openWorkbook;\n"],
    ['renderer/src/x.ts', "import { writeFileSync } from 'fs';\nexport const x = writeFileSync;\n"],
  ])('%s may not: %s', async (file, source) => {
    expect(await refused(file, source)).toHaveLength(1);
  });

  it.each([
    ['renderer/src/x.ts', "import { computeSheet } from '../../shared/engine/sheet';\nexport const x = computeSheet;\n"],
    ['electron/backend/x.ts', "import { computeSheet } from '../../shared/engine/sheet';\nexport const x = computeSheet;\n"],
  ])('%s may: %s', async (file, source) => {
    expect(await refused(file, source)).toEqual([]);
  });
});
