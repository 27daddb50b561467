import { existsSync, mkdirSync } from 'node:fs';
import type { WorkbookInfo } from '../../../shared/ipc/contract';
import { CpwError } from '../../../shared/ipc/errors';
import { restoreLastGood } from '../db/backups';
import { checkWorkbookFile, copyWorkbook, createWorkbook } from '../db/connection';
import { SCHEMA_VERSION } from '../db/migrate';
import { getAssumptions } from '../db/repos/assumptions';
import { listPeriods } from '../db/repos/periods';
import { validateStoredData } from '../db/validate';
import { seedSample } from '../sample';
import type { Session } from '../session';
import { defineHandlers, type Context } from './types';

/** The workbook now open, remembered in the person's recent list when there is a profile. */
function opened({ session, profile }: Context): WorkbookInfo {
  profile?.recent.remember(session.workbook.path);
  return info(session);
}

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
  'workbook.create': ({ path, sample }, ctx) => {
    createWorkbook(path, sample ? seedSample : undefined);
    ctx.session.open(path, false);
    return opened(ctx);
  },
  'workbook.open': ({ path, readOnly }, ctx) => {
    ctx.session.open(path, readOnly);
    return opened(ctx);
  },
  'workbook.openSample': (_input, ctx) => {
    if (!ctx.profile) throw new CpwError('NOT_FOUND', 'there is no sample here: this window was started without a profile folder (cpw serve --profile DIR)');
    const sample = ctx.profile.samplePath;
    if (!existsSync(sample)) {
      mkdirSync(ctx.profile.dir, { recursive: true });
      createWorkbook(sample, seedSample);
    }
    ctx.session.open(sample, false);
    return opened(ctx);
  },
  'workbook.info': (_input, { session }) => info(session),
  'workbook.close': (_input, { session }) => {
    session.close();
    return { done: true };
  },
  'workbook.saveAs': ({ path }, ctx) => {
    copyWorkbook(ctx.session.workbook, path);
    ctx.session.open(path, false);
    return opened(ctx);
  },
  'workbook.check': ({ path, repair }) => {
    const report = { path, ...checkWorkbookFile(path, validateStoredData) };
    if (report.ok || !repair) return report;
    const restored = restoreLastGood(path, (file) => checkWorkbookFile(file, validateStoredData).ok);
    return { path, ...checkWorkbookFile(path, validateStoredData), ...restored };
  },
});
