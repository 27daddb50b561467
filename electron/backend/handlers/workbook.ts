import type { WorkbookInfo } from '../../../shared/ipc/contract';
import { restoreLastGood } from '../db/backups';
import { checkWorkbookFile, copyWorkbook, createWorkbook } from '../db/connection';
import { SCHEMA_VERSION } from '../db/migrate';
import { getAssumptions } from '../db/repos/assumptions';
import { listPeriods } from '../db/repos/periods';
import { validateStoredData } from '../db/validate';
import { seedSample } from '../sample';
import type { Session } from '../session';
import { defineHandlers } from './types';

function info(session: Session): WorkbookInfo {
  const wb = session.workbook;
  return session.read((db) => ({
    path: wb.path,
    name: wb.name,
    readOnly: wb.readOnly,
    schemaVersion: SCHEMA_VERSION,
    currency: getAssumptions(db).currency,
    periods: listPeriods(db).map((p) => p.label),
  }));
}

export const workbookHandlers = defineHandlers({
  'workbook.create': ({ path, sample }, { session }) => {
    createWorkbook(path, sample ? seedSample : undefined);
    session.open(path, false);
    return info(session);
  },
  'workbook.open': ({ path, readOnly }, { session }) => {
    session.open(path, readOnly);
    return info(session);
  },
  'workbook.info': (_input, { session }) => info(session),
  'workbook.close': (_input, { session }) => {
    session.close();
    return { done: true };
  },
  'workbook.saveAs': ({ path }, { session }) => {
    copyWorkbook(session.workbook, path);
    session.open(path, false);
    return info(session);
  },
  'workbook.check': ({ path, repair }) => {
    const report = { path, ...checkWorkbookFile(path, validateStoredData) };
    if (report.ok || !repair) return report;
    const restored = restoreLastGood(path, (file) => checkWorkbookFile(file, validateStoredData).ok);
    return { path, ...checkWorkbookFile(path, validateStoredData), ...restored };
  },
});
