import { app, dialog, ipcMain, Menu, safeStorage, session, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createBackend, isTeamAddress } from '../backend/api';
import { FILE_CHANNEL, fileDialogHandler, registerRpc, sendCommand, sendLive, TEAM_CHANNEL, teamHandler } from './ipc';
import { registerReport } from './report';
import { menuTemplate, type MenuActions } from './menu';
import { electronSqlite, nativeBindingPath } from './native';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { limitPermissions, hardenAllWebContents } from './security';
import { teamSession } from './team-session';
import { teamTokens } from './team-tokens';
import { createMainWindow, WINDOW_TITLE } from './window';
import { workbookFiles, workbookFromArgv } from './workbook-files';

export interface ShellOptions {
  /** The folder of the bundled main file, dist/electron: preload.cjs is beside it, the renderer at ../renderer. */
  bundleDir: string;
}

/**
 * The main process, wired from the modules beside this one; the rules live
 * there. Order matters in three places: the app scheme is registered and the
 * web-contents rules hooked before `ready`, the native binding is chosen
 * before the backend opens any database, and the workbook is open before the
 * window asks for it.
 */
export function startApp({ bundleDir }: ShellOptions): void {
  // The user data folder is named after the product however the app is started (`electron main.cjs` would say "Electron"),
  // so the desktop app and browser mode (launch.mjs) share recent.json and the sample workbook.
  app.setName(WINDOW_TITLE);
  app.setPath('userData', join(app.getPath('appData'), WINDOW_TITLE));
  registerAppScheme();
  hardenAllWebContents();

  // One process owns the workbook lock; a second launch hands its file over and leaves.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const sqlite = electronSqlite(nativeBindingPath({ packaged: app.isPackaged, resourcesPath: process.resourcesPath, bundleDir }));
  if (sqlite.warning) console.warn(`cpw: ${sqlite.warning}`);

  // The person's folder holds their settings, recent workbooks and the sample; browser mode is given the same one.
  const backend = createBackend({ profileDir: app.getPath('userData'), ...(sqlite.nativeBinding ? { nativeBinding: sqlite.nativeBinding } : {}) });
  let win: BrowserWindow | null = null;
  let requested = workbookFromArgv(process.argv, process.cwd());
  let started: Promise<unknown> | null = null;

  const changed = () => {
    void refreshMenu();
    if (win) sendCommand(win.webContents, 'workbook-changed');
  };
  // The window's workbook is a file or a team server's; everything the window and the menu do goes through this door.
  const team = teamSession({
    backend,
    tokens: teamTokens(join(app.getPath('userData'), 'team-tokens.json'), safeStorage),
    send: (e) => {
      if (win) sendLive(win.webContents, e);
    },
    changed,
  });

  const files = workbookFiles({
    backend: team,
    userData: app.getPath('userData'),
    documents: app.getPath('documents'),
    window: () => win,
    changed,
  });

  const actions: MenuActions = {
    newWorkbook: () => void files.newDialog(),
    open: () => void files.openDialog(),
    openRecent: (path) => void (isTeamAddress(path) ? openTeamEntry(path) : files.open(path)),
    clearRecent: () => void files.clearRecent().then(refreshMenu),
    saveAs: () => void files.saveAsDialog(),
    // The window's import wizard reads the file the user picks; main only opens it.
    importSheet: () => {
      if (win) sendCommand(win.webContents, 'import');
    },
    exportCsv: () => void files.exportCsvDialog(),
    command: (name) => {
      if (win) sendCommand(win.webContents, name);
    },
  };

  /** A team workbook of the recent list: joined with its kept token; without one, the Connect dialog asks for it. */
  async function openTeamEntry(entry: string): Promise<void> {
    const r = await team.openEntry(entry);
    if (r.ok || !win) return;
    if (r.error.code === 'DENIED') sendCommand(win.webContents, 'connect-team');
    else void dialog.showMessageBox(win, { type: 'error', message: 'Cannot open the team workbook', detail: r.error.message });
  }

  async function refreshMenu(): Promise<void> {
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, await files.recent(), process.platform, !app.isPackaged)));
  }

  function focus(): void {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  }

  /** A file handed over by the OS or a second instance: kept for start-up, or opened once start-up is done. */
  function handOver(path: string): void {
    if (!started) {
      requested = path;
      return;
    }
    focus();
    void started.then(() => files.open(path));
  }

  app.on('second-instance', (_event, argv, workingDirectory) => {
    focus();
    const path = workbookFromArgv(argv, workingDirectory);
    if (path) handOver(path);
  });
  // macOS: a double-clicked .cpw arrives here, possibly before `ready`.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    handOver(path);
  });
  // One window, one workbook: closing it ends the app on every platform.
  app.on('window-all-closed', () => app.quit());
  // Release the workbook's writer lock as the app goes, so the CLI or a new launch can open it at once.
  app.on('before-quit', () => {
    team.close();
    void backend.close();
  });

  app
    .whenReady()
    .then(async () => {
      limitPermissions(session.defaultSession);
      handleAppProtocol(join(bundleDir, '..', 'renderer'));
      // A workbook the window opens itself (a recent file on the welcome screen) must reach the menu's recent list too.
      registerRpc({
        call: async (method, input, caller) => {
          const result = await team.call(method, input, caller);
          if (result.ok && /^workbook\.(open|create|openSample|openRecent|createNamed|saveAs)$/.test(method)) await refreshMenu();
          return result;
        },
      });
      ipcMain.handle(FILE_CHANNEL, fileDialogHandler(files));
      ipcMain.handle(
        TEAM_CHANNEL,
        teamHandler({
          replay: () => team.replay(),
          connect: async (request) => {
            const r = await team.connect(request);
            if (r.ok && !r.value.tokenKept && win) {
              void dialog.showMessageBox(win, {
                type: 'info',
                message: `Connected to ${r.value.workbook} as ${r.value.name}`,
                detail: 'This computer offers no safe place for your sign-in token (no keyring or keychain), so it is not kept: you will be asked for it next time.',
              });
            }
            return r;
          },
        }),
      );
      registerReport(team, () => win, app.getPath('documents'));
      void refreshMenu();
      // A file handed over wins; else the last workbook, a team one joined again with its kept token.
      const resumed = requested ? null : await team.resume();
      started = resumed?.ok ? Promise.resolve(resumed) : files.startup(requested);
      await started;
      win = createMainWindow(join(bundleDir, 'preload.cjs'));
      win.on('closed', () => {
        win = null;
      });
      if (resumed && !resumed.ok) {
        void dialog.showMessageBox(win, {
          type: 'warning',
          message: 'The team workbook you had open could not be opened again',
          detail: `${resumed.error.message}\n\nFile > Open Recent tries it again; File > Connect to Team Workbook… signs in anew.`,
        });
      }
    })
    .catch((e: unknown) => {
      console.error(`cpw: the app could not start: ${(e as Error).stack ?? String(e)}`);
      app.exit(1);
    });
}
