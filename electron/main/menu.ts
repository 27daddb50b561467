import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/ipc/bridge';
import { isTeamAddress, teamShortName } from '../backend/api';

/** What the menu can ask of the app; index.ts binds these to the workbook files and the window. */
export interface MenuActions {
  newWorkbook(): void;
  open(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  saveAs(): void;
  importSheet(): void;
  exportCsv(): void;
  /** Undo and Redo are the workbook's history, which the renderer drives (it knows whether a cell editor has the text). */
  command(name: Exclude<AppCommand, 'workbook-changed' | 'import'>): void;
}

/** On Windows and Linux a single `&` marks a mnemonic; a path may hold one, so it is doubled. */
function menuLabel(text: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? text : text.replace(/&/g, '&&');
}

function recentSubmenu(actions: MenuActions, recent: readonly string[], platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const files: MenuItemConstructorOptions[] = recent.length
    ? recent.map((path) => ({ label: menuLabel(isTeamAddress(path) ? teamShortName(path) : path, platform), click: () => actions.openRecent(path) }))
    : [{ label: 'No Recent Workbooks', enabled: false }];
  return [...files, { type: 'separator' }, { label: 'Clear Recent', enabled: recent.length > 0, click: () => actions.clearRecent() }];
}

/**
 * The application menu as data, so it can be read in a test without
 * Electron. macOS keeps Quit in the app menu and redoes with Shift+Cmd+Z;
 * Windows and Linux quit from File and redo with Ctrl+Y, Ctrl+Shift+Z also
 * working through a hidden item. Reload and the developer tools exist only
 * in development.
 */
export function menuTemplate(
  actions: MenuActions,
  recent: readonly string[],
  platform: NodeJS.Platform,
  dev = false,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const mod = mac ? 'Cmd' : 'Ctrl';
  const undo = () => actions.command('undo');
  const redo = () => actions.command('redo');

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New Workbook…', accelerator: `${mod}+N`, click: () => actions.newWorkbook() },
      { label: 'Open…', accelerator: `${mod}+O`, click: () => actions.open() },
      { label: 'Open Recent', submenu: recentSubmenu(actions, recent, platform) },
      { label: 'Connect to Team Workbook…', click: () => actions.command('connect-team') },
      { type: 'separator' },
      { label: 'Save As…', accelerator: `${mod}+Shift+S`, click: () => actions.saveAs() },
      { type: 'separator' },
      { label: 'Import…', click: () => actions.importSheet() },
      { label: 'Export CSV…', accelerator: `${mod}+E`, click: () => actions.exportCsv() },
      { type: 'separator' },
      { label: 'Settings…', accelerator: `${mod}+,`, click: () => actions.command('settings') },
      ...(mac ? [] : [{ type: 'separator' } as const, { label: 'Quit', role: 'quit', accelerator: 'Ctrl+Q' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { label: 'Undo', accelerator: `${mod}+Z`, click: undo },
      mac
        ? { label: 'Redo', accelerator: 'Cmd+Shift+Z', click: redo }
        : { label: 'Redo', accelerator: 'Ctrl+Y', click: redo },
      ...(mac ? [] : [{ label: 'Redo', accelerator: 'Ctrl+Shift+Z', click: redo, visible: false } as const]),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(dev ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
      { role: 'togglefullscreen' },
    ],
  };

  // The window shows these; F1 opens the glossary at the column that has the focus, which only the window knows.
  const help: MenuItemConstructorOptions = {
    label: 'Help',
    role: 'help',
    submenu: [
      { label: 'Metrics Glossary', accelerator: 'F1', click: () => actions.command('glossary') },
      { label: 'Keyboard Shortcuts', click: () => actions.command('shortcuts') },
      { type: 'separator' },
      { label: 'Welcome Screen', click: () => actions.command('welcome') },
      { label: 'Take the Tour', click: () => actions.command('tour') },
    ],
  };

  return [...(mac ? [{ role: 'appMenu' } as const] : []), file, edit, view, help];
}
