import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi, type Mock } from 'vitest';
import { menuTemplate, type MenuActions } from '../../../electron/main/menu';

type Recorded = { [K in keyof MenuActions]: Mock<MenuActions[K]> };

function actions(): Recorded {
  return {
    newWorkbook: vi.fn<MenuActions['newWorkbook']>(),
    open: vi.fn<MenuActions['open']>(),
    openRecent: vi.fn<MenuActions['openRecent']>(),
    clearRecent: vi.fn<MenuActions['clearRecent']>(),
    saveAs: vi.fn<MenuActions['saveAs']>(),
    importSheet: vi.fn<MenuActions['importSheet']>(),
    exportCsv: vi.fn<MenuActions['exportCsv']>(),
    command: vi.fn<MenuActions['command']>(),
  };
}

const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const top = (template: MenuItemConstructorOptions[], label: string) => template.find((m) => m.label === label);
const item = (menu: MenuItemConstructorOptions | undefined, label: string) => submenu(menu).find((i) => i.label === label);
const click = (i: MenuItemConstructorOptions | undefined) =>
  (i!.click as unknown as () => void)();

describe('the menu on Windows and Linux', () => {
  for (const platform of ['win32', 'linux'] as const) {
    const a = actions();
    const template = menuTemplate(a, ['/w/Q3.cpw', '/w/R&D.cpw'], platform);

    it(`${platform}: File, Edit, View and Help, in that order, and no app menu`, () => {
      expect(template.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'Help']);
    });

    it(`${platform}: File holds the workbook commands with their Ctrl accelerators`, () => {
      const file = top(template, 'File');
      const shortcuts = submenu(file)
        .filter((i) => i.type !== 'separator')
        .map((i) => [i.label, i.accelerator ?? null]);
      expect(shortcuts).toEqual([
        ['New Workbook…', 'Ctrl+N'],
        ['Open…', 'Ctrl+O'],
        ['Open Recent', null],
        ['Connect to Team Workbook…', null],
        ['Save As…', 'Ctrl+Shift+S'],
        ['Import…', null],
        ['Export CSV…', 'Ctrl+E'],
        ['Settings…', 'Ctrl+,'],
        ['Quit', 'Ctrl+Q'],
      ]);
      expect(item(file, 'Quit')!.role).toBe('quit');
    });

    it(`${platform}: Redo answers Ctrl+Y, and Ctrl+Shift+Z through a hidden twin`, () => {
      const redo = submenu(top(template, 'Edit')).filter((i) => i.label === 'Redo');
      expect(redo.map((i) => [i.accelerator, i.visible ?? true])).toEqual([
        ['Ctrl+Y', true],
        ['Ctrl+Shift+Z', false],
      ]);
      for (const r of redo) click(r);
      expect(a.command.mock.calls).toEqual([['redo'], ['redo']]);
    });

    it(`${platform}: a path's & is doubled so it is not taken for a mnemonic`, () => {
      const labels = submenu(item(top(template, 'File'), 'Open Recent')).map((i) => i.label);
      expect(labels).toContain('/w/R&&D.cpw');
    });
  }
});

describe('the menu on macOS', () => {
  const template = menuTemplate(actions(), [], 'darwin');

  it('starts with the app menu, which holds Quit, and keeps Quit out of File', () => {
    expect(template[0]).toEqual({ role: 'appMenu' });
    expect(submenu(top(template, 'File')).some((i) => i.role === 'quit')).toBe(false);
  });

  it('uses Cmd, and Cmd+Shift+Z for Redo', () => {
    const file = top(template, 'File');
    expect(item(file, 'New Workbook…')!.accelerator).toBe('Cmd+N');
    expect(item(file, 'Open…')!.accelerator).toBe('Cmd+O');
    expect(item(file, 'Save As…')!.accelerator).toBe('Cmd+Shift+S');
    expect(item(file, 'Export CSV…')!.accelerator).toBe('Cmd+E');
    const edit = submenu(top(template, 'Edit'));
    expect(edit.filter((i) => i.label === 'Undo').map((i) => i.accelerator)).toEqual(['Cmd+Z']);
    expect(edit.filter((i) => i.label === 'Redo').map((i) => i.accelerator)).toEqual(['Cmd+Shift+Z']);
  });
});

describe('the menu items', () => {
  it('Help sends the glossary (F1), the shortcut sheet, the welcome screen and the tour to the window; Settings too', () => {
    const a = actions();
    const template = menuTemplate(a, [], 'linux');
    const help = top(template, 'Help');
    expect(submenu(help).filter((i) => i.type !== 'separator').map((i) => [i.label, i.accelerator ?? null])).toEqual([
      ['Metrics Glossary', 'F1'],
      ['Keyboard Shortcuts', null],
      ['Welcome Screen', null],
      ['Take the Tour', null],
    ]);
    for (const i of submenu(help)) if (i.type !== 'separator') click(i);
    click(item(top(template, 'File'), 'Settings…'));
    expect(a.command.mock.calls).toEqual([['glossary'], ['shortcuts'], ['welcome'], ['tour'], ['settings']]);
  });

  it('each call their action', () => {
    const a = actions();
    const file = top(menuTemplate(a, ['/w/a.cpw'], 'linux'), 'File');
    click(item(file, 'New Workbook…'));
    click(item(file, 'Open…'));
    click(item(file, 'Save As…'));
    click(item(file, 'Import…'));
    click(item(file, 'Export CSV…'));
    expect(a.newWorkbook).toHaveBeenCalledOnce();
    expect(a.open).toHaveBeenCalledOnce();
    expect(a.saveAs).toHaveBeenCalledOnce();
    expect(a.importSheet).toHaveBeenCalledOnce();
    expect(a.exportCsv).toHaveBeenCalledOnce();
  });

  it('keep Import… enabled: it explains how to import today', () => {
    const i = item(top(menuTemplate(actions(), [], 'linux'), 'File'), 'Import…')!;
    expect(i.enabled ?? true).toBe(true);
    expect(i.label).toBe('Import…');
  });

  it('list the recent workbooks in order, each opening its own file, then Clear Recent', () => {
    const a = actions();
    const recent = submenu(item(top(menuTemplate(a, ['/w/b.cpw', '/w/a.cpw'], 'linux'), 'File'), 'Open Recent'));
    expect(recent.map((i) => i.label ?? i.type)).toEqual(['/w/b.cpw', '/w/a.cpw', 'separator', 'Clear Recent']);
    click(recent[1]);
    click(recent[3]);
    expect(a.openRecent).toHaveBeenCalledExactlyOnceWith('/w/a.cpw');
    expect(a.clearRecent).toHaveBeenCalledOnce();
    expect(recent[3]!.enabled).toBe(true);
  });

  it('name a team workbook by its workbook and server, and connect to one from File', () => {
    const a = actions();
    const file = top(menuTemplate(a, ['https://cpw.example.com:8787#Portfolio%202026', '/w/a.cpw'], 'linux'), 'File');
    const recent = submenu(item(file, 'Open Recent'));
    expect(recent[0]!.label).toBe('Portfolio 2026 (team, on cpw.example.com:8787)');
    click(recent[0]);
    expect(a.openRecent).toHaveBeenCalledExactlyOnceWith('https://cpw.example.com:8787#Portfolio%202026');
    click(item(file, 'Connect to Team Workbook…'));
    expect(a.command).toHaveBeenCalledExactlyOnceWith('connect-team');
  });

  it('say when there is nothing recent, with Clear Recent disabled', () => {
    const recent = submenu(item(top(menuTemplate(actions(), [], 'linux'), 'File'), 'Open Recent'));
    expect(recent.map((i) => [i.label ?? i.type, i.enabled ?? true])).toEqual([
      ['No Recent Workbooks', false],
      ['separator', true],
      ['Clear Recent', false],
    ]);
  });

  it("send Undo and Redo to the renderer's history, and leave the clipboard to Electron's roles", () => {
    const a = actions();
    const edit = submenu(top(menuTemplate(a, [], 'linux'), 'Edit'));
    const undo = edit.find((i) => i.label === 'Undo')!;
    expect(undo.accelerator).toBe('Ctrl+Z');
    expect(undo.role).toBeUndefined();
    click(undo);
    expect(a.command).toHaveBeenCalledExactlyOnceWith('undo');
    expect(edit.filter((i) => i.role).map((i) => i.role)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('offer reload and the developer tools in development only; full screen always', () => {
    const roles = (dev: boolean) => submenu(top(menuTemplate(actions(), [], 'linux', dev), 'View')).map((i) => i.role ?? i.type);
    expect(roles(false)).toEqual(['togglefullscreen']);
    expect(roles(true)).toEqual(['reload', 'toggleDevTools', 'separator', 'togglefullscreen']);
  });
});
