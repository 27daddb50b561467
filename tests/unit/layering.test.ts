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
    // Issue 18: rooms that say what they hold.
    ['renderer/src/components/x.ts', "import { requestHelp } from '../features/help/HelpDialog';\nexport const x = requestHelp;\n"],
    ['renderer/src/components/x.ts', "import { useWorkbook } from '../state/useWorkbook';\nexport const x = useWorkbook;\n"],
    ['renderer/src/state/x.ts', "import { SheetView } from '../features/sheet/SheetView';\nexport const x = SheetView;\n"],
    ['electron/main/x.ts', "import { listBackups } from '../backend/db/backups';\nexport const x = listBackups;\n"],
    ['electron/main/x.ts', "import { recentFiles } from '../backend/recent';\nexport const x = recentFiles;\n"],
  ])('%s may not: %s', async (file, source) => {
    expect(await refused(file, source)).toHaveLength(1);
  });

  it.each([
    ['renderer/src/x.ts', "import { computeSheet } from '../../shared/engine/results';\nexport const x = computeSheet;\n"],
    ['electron/backend/x.ts', "import { computeSheet } from '../../shared/engine/results';\nexport const x = computeSheet;\n"],
    ['electron/main/x.ts', "import { createBackend } from '../backend/api';\nexport const x = createBackend;\n"],
    ['renderer/src/features/x.ts', "import { Modal } from '../components/Modal';\nexport const x = Modal;\n"],
  ])('%s may: %s', async (file, source) => {
    expect(await refused(file, source)).toEqual([]);
  });

  it('SQL outside electron/backend/db/ is an error: the rest of the backend asks the repositories', async () => {
    const source = "import type Database from 'better-sqlite3';\nexport const x = (db: Database.Database) => db.prepare('SELECT 1').get();\n";
    const [outside] = await eslint.lintText(source, { filePath: `${ROOT}/electron/backend/io/x.ts` });
    expect(outside!.messages.map((m) => m.ruleId)).toContain('no-restricted-syntax');
    const [inside] = await eslint.lintText(source, { filePath: `${ROOT}/electron/backend/db/repos/x.ts` });
    expect(inside!.messages.map((m) => m.ruleId)).not.toContain('no-restricted-syntax');
  });
});
