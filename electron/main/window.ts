import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { APP_INDEX_URL } from './trusted-url';

export const WINDOW_TITLE = 'Customer Profitability Workbench';

/**
 * DESIGN.md's "Electron security checklist", as the window's own settings.
 * The renderer gets no Node and no Electron: only what the sandboxed preload
 * hands it through contextBridge. Every value is written out, even where it is
 * Electron's default, so that a change of default cannot loosen the window and
 * the test can read the whole policy here.
 */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1440,
    height: 900,
    // The sheet, the left rail and the status bar stop being usable below this.
    minWidth: 960,
    minHeight: 600,
    // Shown once painted, so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // A file dropped on the window must not replace the app with a file: page.
      navigateOnDragDrop: false,
      // Spellcheck would send nothing anywhere, but it underlines account names and downloads dictionaries.
      spellcheck: false,
    },
  };
}

/** The address the window loads: the app's own index page, with an optional in-app route in the hash. */
export function appIndexUrl(hash?: string): string {
  return hash ? `${APP_INDEX_URL}#${hash.replace(/^#/, '')}` : APP_INDEX_URL;
}

export function createMainWindow(preloadPath: string, hash?: string): BrowserWindow {
  const win = new BrowserWindow(windowOptions(preloadPath));
  win.once('ready-to-show', () => win.show());
  // A failed load leaves a blank window; say why on the console rather than as an unhandled rejection.
  win.loadURL(appIndexUrl(hash)).catch((e: unknown) => console.error(`cannot load the window: ${(e as Error).message}`));
  return win;
}
