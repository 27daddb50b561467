import {
  dialog,
  type BrowserWindow,
  type MessageBoxOptions,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import { existsSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { resultCaller } from '../../shared/ipc/client';
import type { RpcResult, WorkbookInfo } from '../../shared/ipc/contract';
import { SAMPLE_NAME, type Backend } from '../backend/api';

export { SAMPLE_NAME };
const WORKBOOK_FILTERS = [{ name: 'Customer Profitability Workbook', extensions: ['cpw'] }];
const CSV_FILTERS = [{ name: 'CSV', extensions: ['csv'] }];

/**
 * The workbook a command line names: the last argument ending in .cpw that is
 * not a switch. Both the first launch (a double-clicked file on Windows and
 * Linux) and a second instance hand files over this way; Chromium adds
 * switches of its own, which are skipped.
 */
export function workbookFromArgv(argv: readonly string[], cwd: string): string | null {
  const file = [...argv].reverse().find((a) => !a.startsWith('-') && extname(a).toLowerCase() === '.cpw');
  return file === undefined ? null : resolve(cwd, file);
}

/** A save dialog on Linux returns the name as typed; the extension is what makes the file ours to open later. */
export function withExtension(path: string, ext: string): string {
  return extname(path).toLowerCase() === ext ? path : `${path}${ext}`;
}

/** The save dialog, on the window when there is one; the path chosen, or null when the user cancels. */
export async function askSavePath(win: BrowserWindow | null, o: SaveDialogOptions): Promise<string | null> {
  const r = await (win ? dialog.showSaveDialog(win, o) : dialog.showSaveDialog(o));
  return r.canceled || !r.filePath ? null : r.filePath;
}

export interface WorkbookFilesOptions {
  /** The backend, with `userData` as its profile folder: it makes the sample there and remembers every workbook it opens. */
  backend: Pick<Backend, 'call'>;
  /** app.getPath('userData'): recent.json and the sample workbook live here. */
  userData: string;
  /** Where a new workbook or an export is proposed first (app.getPath('documents')). */
  documents: string;
  /** The window the dialogs belong to, when there is one. */
  window(): BrowserWindow | null;
  /** Another workbook is open: the menu's recent list and the renderer must catch up. */
  changed(info: WorkbookInfo): void;
}

export interface WorkbookFiles {
  /** The person's recent workbooks, newest first, as the backend keeps them. */
  recent(): Promise<string[]>;
  clearRecent(): Promise<void>;
  /** At start: the requested file, else the last workbook, else the sample (created on first run). */
  startup(requested?: string | null): Promise<RpcResult<unknown>>;
  open(path: string): Promise<RpcResult<unknown>>;
  openDialog(): Promise<void>;
  newDialog(): Promise<void>;
  saveAsDialog(): Promise<void>;
  exportCsvDialog(): Promise<void>;
}

export function workbookFiles(options: WorkbookFilesOptions): WorkbookFiles {
  const { userData, documents } = options;
  // The backend's answers typed by the contract: a refusal is a result to branch on, not a throw.
  const call = resultCaller((method, input) => options.backend.call(method, input));
  const backend = { call };
  const recent = async (): Promise<string[]> => {
    const r = await call('profile.get');
    return r.ok ? r.value.recent.map((x) => x.path) : [];
  };

  async function message(box: MessageBoxOptions): Promise<void> {
    const win = options.window();
    await (win ? dialog.showMessageBox(win, box) : dialog.showMessageBox(box));
  }

  /** A refusal (locked, damaged, newer schema...) is shown in the backend's own words, which name the file. */
  async function settle(result: RpcResult<unknown>, failure: string): Promise<RpcResult<unknown>> {
    if (result.ok) {
      options.changed(result.value as WorkbookInfo);
    } else {
      await message({ type: 'error', message: failure, detail: result.error.message });
    }
    return result;
  }

  /** A question with two answers, the first the offer: whether the user took it. */
  async function offered(box: MessageBoxOptions): Promise<boolean> {
    const win = options.window();
    const { response } = await (win ? dialog.showMessageBox(win, box) : dialog.showMessageBox(box));
    return response === 0;
  }

  /**
   * A refusal the user can get round is offered its way round: a damaged
   * workbook with copies beside it, the newest good one (what `cpw check
   * --repair` does, the damaged file kept); a workbook being edited elsewhere,
   * a read-only look. Declined, it is refused as any other file.
   */
  async function offerWayRound(path: string, refused: RpcResult<unknown>): Promise<RpcResult<unknown>> {
    if (refused.ok) return refused;
    if (refused.error.code === 'LOCKED' || refused.error.code === 'UNWRITABLE') {
      const look = await offered({
        type: 'warning',
        message: refused.error.code === 'LOCKED' ? `${basename(path)} is open for editing elsewhere` : `${basename(path)} can't be written`,
        detail: `${refused.error.message}\n\nYou can open it read-only: you see it as it was last saved and cannot change it.`,
        buttons: ['Open read-only', 'Cancel'],
        defaultId: 0,
        cancelId: 1,
      });
      return look ? backend.call('workbook.open', { path, readOnly: true }) : refused;
    }
    if (refused.error.code !== 'DAMAGED') return refused;
    const copies = await call('workbook.backups', { path });
    const newest = copies.ok ? copies.value[0] : undefined;
    if (!newest) return refused;
    const restore = await offered({
      type: 'warning',
      message: `${basename(path)} is damaged`,
      detail: `${refused.error.message}\n\nA copy of it was kept on ${new Date(newest.taken).toLocaleString()}. Restoring puts the newest good copy in its place; the damaged file is kept beside it. Changes made since that copy are not in it.`,
      buttons: ['Restore the last good copy', 'Cancel'],
      defaultId: 0,
      cancelId: 1,
    });
    if (!restore) return refused;
    const repaired = await backend.call('workbook.check', { path, repair: true });
    if (!repaired.ok) return repaired;
    return backend.call('workbook.open', { path });
  }

  const open = async (path: string) =>
    settle(await offerWayRound(path, await backend.call('workbook.open', { path })), `Cannot open ${basename(path)}`);
  const create = async (path: string, sample: boolean) =>
    settle(await backend.call('workbook.create', { path, sample }), `Cannot create ${basename(path)}`);

  const askSave = (o: SaveDialogOptions) => askSavePath(options.window(), o);

  async function askOpen(o: OpenDialogOptions): Promise<string | null> {
    const win = options.window();
    const r = await (win ? dialog.showOpenDialog(win, o) : dialog.showOpenDialog(o));
    return r.canceled ? null : (r.filePaths[0] ?? null);
  }

  /** The open workbook's info, or null (with the reason shown) when there is none. */
  async function current(action: string): Promise<WorkbookInfo | null> {
    const r = await call('workbook.info');
    if (r.ok) return r.value;
    await message({ type: 'info', message: `Open a workbook first to ${action}`, detail: r.error.message });
    return null;
  }

  return {
    recent,
    async clearRecent() {
      await call('profile.clearRecent');
    },
    async startup(requested) {
      if (requested) {
        const r = await open(requested);
        if (r.ok) return r;
      }
      // The workbook reopened at start is the last one opened: the head of the recent list.
      const last = (await recent())[0] ?? null;
      const sample = join(userData, SAMPLE_NAME);
      if (last !== null && last !== sample && existsSync(last)) {
        const r = await open(last);
        if (r.ok) return r;
      }
      // First run, or the last workbook was moved, deleted or refused: the sample (made the first time) to start from.
      return settle(await offerWayRound(sample, await backend.call('workbook.openSample', {})), `Cannot open ${SAMPLE_NAME}`);
    },
    open,
    async openDialog() {
      const path = await askOpen({ title: 'Open Workbook', filters: WORKBOOK_FILTERS, properties: ['openFile'] });
      if (path) await open(path);
    },
    async newDialog() {
      const path = await askSave({ title: 'New Workbook', defaultPath: join(documents, 'Untitled.cpw'), filters: WORKBOOK_FILTERS });
      if (path) await create(withExtension(path, '.cpw'), false);
    },
    async saveAsDialog() {
      const info = await current('save it under another name');
      if (!info) return;
      const path = await askSave({ title: 'Save Workbook As', defaultPath: info.path, filters: WORKBOOK_FILTERS });
      if (!path) return;
      const target = withExtension(path, '.cpw');
      await settle(await backend.call('workbook.saveAs', { path: target }), `Cannot save as ${basename(target)}`);
    },
    async exportCsvDialog() {
      const info = await current('export it');
      if (!info) return;
      const name = `${basename(info.name, extname(info.name))}.csv`;
      const path = await askSave({ title: 'Export CSV', defaultPath: join(documents, name), filters: CSV_FILTERS });
      if (!path) return;
      // Main does not know which period the window shows; the backend exports the latest one, and the message says which.
      const r = await call('export.sheet', { out: withExtension(path, '.csv') });
      if (!r.ok) return message({ type: 'error', message: 'Cannot export the sheet', detail: r.error.message });
      const done = r.value;
      return message({ type: 'info', message: `Exported ${done.rows} accounts of period ${done.period}`, detail: done.path });
    },
  };
}
