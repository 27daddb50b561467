import type { IpcMainInvokeEvent } from 'electron';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/dispatch';
import { htmlToPdf } from '../../../electron/backend/report/pdf';
import { useTempDir } from '../../helpers';

// The one stand-in: Electron's BrowserWindow, dialog and ipcMain. The backend, the report and the printing Chromium are real.
const fake = vi.hoisted(() => {
  const windows: { options: unknown; url: string | null; printed: unknown; destroyed: boolean }[] = [];
  const handlers = new Map<string, unknown>();
  return {
    windows,
    handlers,
    failPrint: false,
    BrowserWindow: class {
      private readonly record: (typeof windows)[number];
      webContents: { printToPDF: (o: unknown) => Promise<Uint8Array> };
      constructor(options: unknown) {
        this.record = { options, url: null, printed: null, destroyed: false };
        windows.push(this.record);
        this.webContents = {
          printToPDF: async (o: unknown) => {
            this.record.printed = o;
            if (fake.failPrint) throw new Error('printing failed');
            return new TextEncoder().encode('%PDF-1.7 stand-in');
          },
        };
      }
      async loadURL(url: string) {
        this.record.url = url;
      }
      destroy() {
        this.record.destroyed = true;
      }
    },
    ipcMain: { handle: (c: string, h: unknown) => handlers.set(c, h), removeHandler: (c: string) => handlers.delete(c) },
    dialog: { showSaveDialog: vi.fn() },
  };
});
vi.mock('electron', () => ({ BrowserWindow: fake.BrowserWindow, ipcMain: fake.ipcMain, dialog: fake.dialog }));

const { printToPdf, reportHandler, registerReport, REPORT_CHANNEL } = await import('../../../electron/main/report');

const from = (url: string) => ({ senderFrame: { url } }) as unknown as IpcMainInvokeEvent;
const APP = 'app://workbench/index.html';

describe("the app's report printer", () => {
  it('prints in an invisible window with no JavaScript, no Node and a sandbox, and always destroys it', async () => {
    fake.windows.length = 0;
    fake.failPrint = false;
    const pdf = await printToPdf('<h1>Q3 — 100% & more</h1>', 'Letter');
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.7 stand-in');
    const [w] = fake.windows;
    expect(w!.options).toEqual({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true } });
    expect(decodeURIComponent(w!.url!.replace('data:text/html;charset=utf-8,', ''))).toBe('<h1>Q3 — 100% & more</h1>');
    expect(w!.printed).toEqual({ pageSize: 'Letter', printBackground: true, preferCSSPageSize: true });
    expect(w!.destroyed).toBe(true);
    fake.failPrint = true;
    await expect(printToPdf('<p>x</p>', 'A4')).rejects.toThrow('printing failed');
    expect(fake.windows[1]!.destroyed).toBe(true);
    fake.failPrint = false;
  });

  it('is registered on cpw:report and can be removed', () => {
    const remove = registerReport({ call: async () => ({ ok: true, value: null }) }, () => null, '/docs');
    expect(REPORT_CHANNEL).toBe('cpw:report');
    expect(fake.handlers.has('cpw:report')).toBe(true);
    remove();
    expect(fake.handlers.has('cpw:report')).toBe(false);
  });
});

describe('Save PDF… from the Report view', () => {
  const tmp = useTempDir();
  let backend: Backend;
  beforeEach(async () => {
    backend = createBackend();
    await backend.call('workbook.create', { path: join(tmp(), 'demo.cpw'), sample: true });
    await backend.call('scenarios.save', { scenario: { name: 'Cut service for Reassess', adjustments: [{ kind: 'scale', field: 'service', pct: -30, where: { segment: 'Reassess' } }] } });
  });
  afterEach(() => backend.close());

  it('writes the report the user asked for where the save dialog says, adding .pdf, printed by a real Chromium', async () => {
    const proposed: string[] = [];
    const save = reportHandler({
      backend,
      print: htmlToPdf,
      choose: async (name) => {
        proposed.push(name);
        return join(tmp(), 'workshop');
      },
    });
    const r = await save(from(APP), { period: '2026-Q2', paper: 'Letter', scenarios: ['Cut service for Reassess'] });
    expect(r).toMatchObject({ saved: true, path: join(tmp(), 'workshop.pdf'), period: '2026-Q2' });
    expect(proposed).toEqual(['demo-2026-Q2-report.pdf']);
    const text = execFileSync('pdftotext', [join(tmp(), 'workshop.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('2026-Q2');
    expect(text).toContain('Cut service for Reassess');
    expect(execFileSync('pdfinfo', [join(tmp(), 'workshop.pdf')], { encoding: 'utf8' })).toMatch(/612 x 792 pts/);
  }, 60_000);

  it('writes nothing when the user cancels, and refuses a bad request, an unknown scenario or a stranger with the reason', async () => {
    let printed = 0;
    const print = async (html: string, paper: 'A4' | 'Letter') => {
      printed++;
      return htmlToPdf(html, paper);
    };
    const cancel = reportHandler({ backend, print, choose: async () => null });
    expect(await cancel(from(APP), {})).toEqual({ saved: false, cancelled: true });
    const save = reportHandler({ backend, print, choose: async () => join(tmp(), 'never.pdf') });
    expect(await save(from(APP), { paper: 'A3' })).toMatchObject({ saved: false, message: expect.stringContaining('paper') });
    expect(await save(from(APP), { scenarios: ['Nope'] })).toMatchObject({ saved: false, message: expect.stringContaining('no scenario "Nope" in this workbook') });
    expect(await save(from('https://evil.example/'), {})).toEqual({ saved: false, message: 'refused: the call did not come from the workbench window' });
    expect(printed).toBe(0);
    expect(readdirSync(tmp()).filter((f) => f.endsWith('.pdf'))).toEqual([]);
    expect(existsSync(join(tmp(), 'never.pdf'))).toBe(false);
  });
});
