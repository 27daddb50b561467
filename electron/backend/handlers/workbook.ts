import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { WorkbookInfo } from '../../../shared/ipc/contract';
import { CpwError } from '../../../shared/ipc/errors';
import { listBackups } from '../db/backups';
import { repairWorkbookFile } from '../db/check';
import { checkLocation, createStore } from '../db/locations';
import { copyWorkbookBetween } from '../db/copy-workbook';
import { isPgLocation, redactPasswords, shortNameOf } from '../db/pg/location';
import { copyWorkbook, createWorkbook } from '../db/create';
import { SCHEMA_VERSION } from '../db/migrate';
import { getAssumptions } from '../db/repos/assumptions';
import { listPeriods } from '../db/repos/periods';
import { validateStoredData } from '../db/validate';
import { seedSample } from '../sample';
import type { Session } from '../db/session';
import { defineHandlers, type Context } from './types';
import { isTeamAddress, teamShortName } from '../team/address';

/** The workbook now open, remembered in the person's recent list when there is a profile. */
function opened({ session, profile }: Context): Promise<WorkbookInfo> {
  profile?.recent.remember(session.store.location);
  return info(session);
}

function info(session: Session): Promise<WorkbookInfo> {
  const wb = session.store;
  return session.read(async (tx) => ({
    path: wb.location,
    name: wb.name,
    readOnly: wb.readOnly,
    schemaVersion: SCHEMA_VERSION,
    currency: (await getAssumptions(tx)).currency,
    periods: (await listPeriods(tx)).map((p) => p.label),
    notes: [...wb.notes],
  }));
}

export const workbookHandlers = defineHandlers({
  'workbook.create': async ({ path, sample }, ctx) => {
    await createStore(path, sample ? seedSample : undefined);
    await ctx.session.open(path, false);
    return opened(ctx);
  },
  'workbook.open': async ({ path, readOnly }, ctx) => {
    await ctx.session.open(path, readOnly);
    return opened(ctx);
  },
  'workbook.openSample': async (_input, ctx) => {
    if (!ctx.profile) throw new CpwError('NOT_FOUND', 'there is no sample here: this window was started without a profile folder (cpw serve --profile DIR)');
    const sample = ctx.profile.samplePath;
    if (!existsSync(sample)) {
      mkdirSync(ctx.profile.dir, { recursive: true });
      await createWorkbook(sample, seedSample);
    }
    await ctx.session.open(sample, false);
    return opened(ctx);
  },
  'workbook.openRecent': async ({ index, name, readOnly }, ctx) => {
    const listed = ctx.profile?.recent.list() ?? [];
    const path = listed[index];
    if (path !== undefined && isTeamAddress(path)) {
      // The desktop app's main process connects to these itself; anywhere else the server's own address is the way in.
      throw new CpwError('INVALID_INPUT', `"${teamShortName(path)}" is a team workbook: open it in the desktop app (File > Connect to Team Workbook…) or at its address in the browser`);
    }
    if (path === undefined || shortNameOf(path) !== name) {
      throw new CpwError('NOT_FOUND', `"${name}" is not in your recent workbooks any more: open it with File > Open`);
    }
    await ctx.session.open(path, readOnly);
    return opened(ctx);
  },
  'workbook.createNamed': async ({ name, sample }, ctx) => {
    const folder = ctx.session.path !== null ? dirname(ctx.session.path) : ctx.profile?.dir;
    if (folder === undefined) throw new CpwError('NOT_FOUND', 'there is no folder to make it in: open a workbook first, or start the window with a profile folder');
    const path = join(folder, name.toLowerCase().endsWith('.cpw') ? name : `${name}.cpw`);
    mkdirSync(folder, { recursive: true });
    await createWorkbook(path, sample ? seedSample : undefined);
    await ctx.session.open(path, false);
    return opened(ctx);
  },
  'workbook.info': (_input, { session }) => info(session),
  'workbook.close': async (_input, { session }) => {
    await session.close();
    return { done: true };
  },
  'workbook.saveAs': async ({ path }, ctx) => {
    await copyWorkbook(ctx.session.store, path);
    await ctx.session.open(path, false);
    return opened(ctx);
  },
  'workbook.backups': ({ path }) => listBackups(path).map((b) => ({ file: b.file, taken: b.taken.toISOString(), reason: b.reason })),
  'workbook.copy': async ({ from, to, replace }) => ({
    from: redactPasswords(from),
    to: redactPasswords(to),
    copied: await copyWorkbookBetween(from, to, replace),
  }),
  'workbook.check': async ({ path, repair }) => {
    if (repair && isPgLocation(path)) throw new CpwError('INVALID_INPUT', `${redactPasswords(path)}: --repair puts a file's good copy in its place; PostgreSQL keeps its own pages whole and has no such copies (cpw check without --repair checks it)`);
    return { path: isPgLocation(path) ? redactPasswords(path) : path, ...(repair ? await repairWorkbookFile(path, validateStoredData) : await checkLocation(path, validateStoredData)) };
  },
});
