import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { ReportRequest } from '../../shared/ipc/contract';
import type { CpwChannels, SavedReport } from '../../shared/ipc/bridge';
import { resultCaller } from '../../shared/ipc/client';
import { writeFileAtomic, type Backend } from '../backend/api';
import { fromWorkbench } from './ipc';
import { askSavePath, withExtension } from './workbook-files';

export const REPORT_CHANNEL: CpwChannels['report'] = 'cpw:report';

/**
 * The report's HTML printed by Electron's own Chromium: an invisible window
 * with no preload, no Node and no JavaScript at all (the report is static
 * HTML and SVG), destroyed as soon as the PDF is made.
 */
export async function printToPdf(html: string, paper: 'A4' | 'Letter'): Promise<Uint8Array> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await win.webContents.printToPDF({ pageSize: paper, printBackground: true, preferCSSPageSize: true });
  } finally {
    win.destroy();
  }
}

export interface ReportSaving {
  backend: Pick<Backend, 'call'>;
  /** Turn the report's HTML into PDF bytes: printToPdf in the app. */
  print(html: string, paper: 'A4' | 'Letter'): Promise<Uint8Array>;
  /** Ask where to save, proposing a name; null when the user cancels. */
  choose(fileName: string): Promise<string | null>;
}

/**
 * "Save PDF…" of the Report view: the backend writes the report as HTML, the
 * app prints it, the user says where it goes, and it is written whole or not
 * at all. Only the app's own window may ask, and the request is parsed like
 * any RPC input.
 */
export function reportHandler(saving: ReportSaving) {
  return async (event: IpcMainInvokeEvent, request: unknown): Promise<SavedReport> => {
    if (!fromWorkbench(event)) return { saved: false, message: 'refused: the call did not come from the workbench window' };
    const parsed = ReportRequest.safeParse(request);
    if (!parsed.success) return { saved: false, message: `a report request ${parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}` };
    const made = await resultCaller((method, input) => saving.backend.call(method, input))('report.html', parsed.data);
    if (!made.ok) return { saved: false, message: made.error.message };
    const path = await saving.choose(made.value.fileName);
    if (path === null) return { saved: false, cancelled: true };
    try {
      const pdf = await saving.print(made.value.html, parsed.data.paper);
      const out = withExtension(path, '.pdf');
      writeFileAtomic(out, pdf);
      return { saved: true, path: out, period: made.value.period, bytes: pdf.length };
    } catch (e) {
      return { saved: false, message: e instanceof Error ? e.message : String(e) };
    }
  };
}

/** Registers the handler with the app's printer and save dialog; returns the function that removes it. */
export function registerReport(backend: Pick<Backend, 'call'>, window: () => BrowserWindow | null, documents: string): () => void {
  const choose = (fileName: string) =>
    askSavePath(window(), { title: 'Save Report', defaultPath: join(documents, fileName), filters: [{ name: 'PDF', extensions: ['pdf'] }] });
  ipcMain.handle(REPORT_CHANNEL, reportHandler({ backend, print: printToPdf, choose }));
  return () => ipcMain.removeHandler(REPORT_CHANNEL);
}
