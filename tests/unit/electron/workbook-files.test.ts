import { spawnSync } from 'node:child_process';
import type { BrowserWindow } from 'electron';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/dispatch';
import { listBackups } from '../../../electron/backend/db/backups';
import { MAX_RECENT, readState, recentFiles, STATE_FILE, withRecent } from '../../../electron/backend/recent';
import { damageWorkbook, sha256, useTempDir } from '../../helpers';

// The one stand-in: Electron's dialogs, answering what each test queues and recording what was shown.
const fake = vi.hoisted(() => {
  const answers: { filePath?: string; filePaths?: string[]; canceled?: boolean; response?: number }[] = [];
  const shown: { kind: string; options: Record<string, unknown> }[] = [];
  const answer = (kind: string) => (...args: unknown[]) => {
    shown.push({ kind, options: args[args.length - 1] as Record<string, unknown> });
    return Promise.resolve(answers.shift() ?? { canceled: true, filePaths: [] });
  };
  return {
    answers,
    shown,
    dialog: {
      showOpenDialog: answer('open'),
      showSaveDialog: answer('save'),
      showMessageBox: answer('message'),
    },
  };
});
vi.mock('electron', () => ({ dialog: fake.dialog }));

const { SAMPLE_NAME, withExtension, workbookFiles, workbookFromArgv } = await import('../../../electron/main/workbook-files');

const SQLITE_MAGIC = 'SQLite format 3\0';

describe('the recent workbooks list', () => {
  const tmp = useTempDir();

  it('puts the newest first, moves a reopened file to the top without repeating it, and resolves paths', () => {
    const recent = recentFiles(tmp());
    recent.remember('/w/a.cpw');
    recent.remember('/w/b.cpw');
    recent.remember('/w/x/../a.cpw');
    expect(recent.list()).toEqual([resolve('/w/a.cpw'), resolve('/w/b.cpw')]);
    expect(recent.last()).toBe(resolve('/w/a.cpw'));
  });

  it(`keeps ${MAX_RECENT} at most, forgetting the oldest`, () => {
    const recent = recentFiles(tmp());
    for (let i = 1; i <= 14; i++) recent.remember(`/w/${i}.cpw`);
    const list = recent.list();
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toBe(resolve('/w/14.cpw'));
    expect(list.at(-1)).toBe(resolve('/w/5.cpw'));
  });

  it('is kept in recent.json in the user data folder, read back by a new instance', () => {
    recentFiles(tmp()).remember('/w/a.cpw');
    const stored = JSON.parse(readFileSync(join(tmp(), STATE_FILE), 'utf8'));
    expect(stored).toEqual({ recent: [resolve('/w/a.cpw')], last: resolve('/w/a.cpw') });
    expect(recentFiles(tmp()).list()).toEqual([resolve('/w/a.cpw')]);
  });

  it('clearing empties the list but still remembers the workbook to reopen', () => {
    const recent = recentFiles(tmp());
    recent.remember('/w/a.cpw');
    recent.clear();
    expect(recent.list()).toEqual([]);
    expect(recent.last()).toBe(resolve('/w/a.cpw'));
  });

  it('reads a damaged or hand-edited file as clean state rather than failing', () => {
    writeFileSync(join(tmp(), STATE_FILE), '{ not json');
    expect(readState(tmp())).toEqual({ recent: [], last: null });
    const many = Array.from({ length: 15 }, (_, i) => `/w/${i}.cpw`);
    writeFileSync(join(tmp(), STATE_FILE), JSON.stringify({ recent: ['/w/a.cpw', 3, null, '', '/w/a.cpw', ...many], last: 7 }));
    const state = readState(tmp());
    expect(state.last).toBeNull();
    expect(state.recent).toHaveLength(MAX_RECENT);
    expect(state.recent.slice(0, 2)).toEqual([resolve('/w/a.cpw'), resolve('/w/0.cpw')]);
    expect(new Set(state.recent).size).toBe(state.recent.length);
  });

  it('withRecent never repeats a path and never grows past the cap', () => {
    let list: string[] = [];
    for (const p of ['/a', '/b', '/a', '/c', '/b', ...Array.from({ length: 20 }, (_, i) => `/${i % 12}`)]) {
      list = withRecent(list, p);
      expect(new Set(list).size).toBe(list.length);
      expect(list.length).toBeLessThanOrEqual(MAX_RECENT);
      expect(list[0]).toBe(resolve(p));
    }
  });
});

describe('a .cpw handed over on the command line', () => {
  it('is the last argument ending in .cpw that is not a switch, resolved against the working folder', () => {
    expect(workbookFromArgv(['/opt/cpw/cpw', '--allow-file-access', 'notes.txt', 'Q3.CPW'], '/home/u')).toBe(resolve('/home/u', 'Q3.CPW'));
    expect(workbookFromArgv(['cpw', 'a.cpw', '/abs/b.cpw', '--flag=x.cpw'], '/home/u')).toBe(resolve('/abs/b.cpw'));
    expect(workbookFromArgv(['cpw', '--original-process-start-time=1'], '/home/u')).toBeNull();
  });

  it('save dialogs get the extension added when the user typed none', () => {
    expect(withExtension('/w/Q3', '.cpw')).toBe('/w/Q3.cpw');
    expect(withExtension('/w/Q3.CPW', '.cpw')).toBe('/w/Q3.CPW');
    expect(withExtension('/w/out.csv', '.csv')).toBe('/w/out.csv');
  });
});

describe('opening workbooks with the real backend', () => {
  const tmp = useTempDir();
  let backend: Backend;
  let changed: string[];
  let userData: string;
  let documents: string;
  const files = () =>
    workbookFiles({
      backend,
      userData,
      documents,
      window: () => null as BrowserWindow | null,
      changed: (info) => changed.push(info.path),
    });

  beforeEach(() => {
    userData = join(tmp(), 'userData');
    // As the shell makes it: the user data folder is the backend's profile.
    backend = createBackend({ profileDir: userData });
    changed = [];
    fake.answers.length = 0;
    fake.shown.length = 0;
    documents = join(tmp(), 'Documents');
    mkdirSync(documents, { recursive: true });
  });
  afterEach(() => backend.close());

  it('first run: creates the sample workbook in the user data folder and opens it', async () => {
    const result = await files().startup(null);
    const sample = join(userData, SAMPLE_NAME);
    expect(result).toMatchObject({ ok: true, value: { path: sample } });
    expect(readFileSync(sample).subarray(0, 16).toString('latin1')).toBe(SQLITE_MAGIC);
    const info = await backend.call('workbook.info', {});
    expect(info).toMatchObject({ ok: true, value: { path: sample } });
    expect((info as { value: { periods: string[] } }).value.periods.length).toBeGreaterThan(0);
    expect(recentFiles(userData).last()).toBe(sample);
    expect(changed).toEqual([sample]);
    expect(fake.shown).toEqual([]);
  });

  it('next run: reopens the last workbook instead of making another sample', async () => {
    const own = join(documents, 'Own.cpw');
    expect(await backend.call('workbook.create', { path: own })).toMatchObject({ ok: true });
    backend.close();
    recentFiles(userData).remember(own);
    const result = await files().startup(null);
    expect(result).toMatchObject({ ok: true, value: { path: own } });
    expect(existsSync(join(userData, SAMPLE_NAME))).toBe(false);
  });

  it('the last workbook was deleted: the sample again, and no error dialog', async () => {
    recentFiles(userData).remember(join(documents, 'Gone.cpw'));
    const result = await files().startup(null);
    expect(result).toMatchObject({ ok: true, value: { path: join(userData, SAMPLE_NAME) } });
    expect(fake.shown).toEqual([]);
  });

  it('an existing sample is opened, not created a second time', async () => {
    await files().startup(null);
    backend.close();
    rmSync(join(userData, STATE_FILE));
    const result = await files().startup(null);
    expect(result).toMatchObject({ ok: true, value: { path: join(userData, SAMPLE_NAME) } });
  });

  it('a file handed over at start wins; one that cannot be opened is reported and the app falls back', async () => {
    const bad = join(documents, 'not-a-workbook.cpw');
    writeFileSync(bad, 'hello');
    const result = await files().startup(bad);
    expect(result).toMatchObject({ ok: true, value: { path: join(userData, SAMPLE_NAME) } });
    expect(fake.shown).toHaveLength(1);
    expect(fake.shown[0]!.options).toMatchObject({ type: 'error', message: 'Cannot open not-a-workbook.cpw' });
    expect(String(fake.shown[0]!.options.detail)).toMatch(/not a workbook/);
  });

  it('File > Open: the chosen .cpw is opened and goes to the top of the recent list', async () => {
    const f = files();
    await f.startup(null);
    const other = join(documents, 'Other.cpw');
    await f.newDialog(); // cancelled: nothing happens
    fake.answers.push({ filePath: join(documents, 'Other') });
    await f.newDialog();
    expect(existsSync(other)).toBe(true);
    fake.answers.push({ canceled: false, filePaths: [join(userData, SAMPLE_NAME)] });
    await f.openDialog();
    const open = fake.shown.find((s) => s.kind === 'open')!.options;
    expect(open.filters).toEqual([{ name: 'Customer Profitability Workbook', extensions: ['cpw'] }]);
    expect(recentFiles(userData).list()).toEqual([join(userData, SAMPLE_NAME), other]);
  });

  it('Save As copies the workbook and continues in the copy', async () => {
    const f = files();
    await f.startup(null);
    const copy = join(documents, 'Copy.cpw');
    fake.answers.push({ filePath: copy });
    await f.saveAsDialog();
    expect(existsSync(copy)).toBe(true);
    expect(await backend.call('workbook.info', {})).toMatchObject({ ok: true, value: { path: copy } });
    expect(recentFiles(userData).last()).toBe(copy);
  });

  it('a damaged workbook with a copy beside it: the last good copy is offered, restored and opened, the damaged file kept', async () => {
    const own = join(documents, 'Own.cpw');
    expect(await backend.call('workbook.create', { path: own, sample: true })).toMatchObject({ ok: true });
    const before = await backend.call('rows.list', { period: '2026-Q3' });
    backend.close(); // the first open for editing of the day kept a copy
    expect(listBackups(own)).toHaveLength(1);
    damageWorkbook(own);
    const damaged = sha256(own);
    fake.answers.push({ response: 0 });
    const result = await files().open(own);
    expect(result).toMatchObject({ ok: true, value: { path: own } });
    expect(fake.shown).toHaveLength(1);
    expect(fake.shown[0]!.options).toMatchObject({ type: 'warning', message: 'Own.cpw is damaged', buttons: ['Restore the last good copy', 'Cancel'], cancelId: 1 });
    expect(String(fake.shown[0]!.options.detail)).toMatch(/is damaged: .*\n\nA copy of it was kept on .*the damaged file is kept beside it/s);
    const kept = readdirSync(documents).filter((f) => f.startsWith('Own.cpw.damaged-'));
    expect(kept).toHaveLength(1);
    expect(sha256(join(documents, kept[0]!))).toBe(damaged);
    expect(await backend.call('rows.list', { period: '2026-Q3' })).toEqual(before);
    expect(changed).toEqual([own]);
  });

  it('a damaged workbook: declining the copy leaves both files as they were and says why the file was refused', async () => {
    const own = join(documents, 'Own.cpw');
    expect(await backend.call('workbook.create', { path: own, sample: true })).toMatchObject({ ok: true });
    backend.close();
    damageWorkbook(own);
    const damaged = sha256(own);
    const copy = sha256(listBackups(own)[0]!.file);
    fake.answers.push({ response: 1 });
    const result = await files().open(own);
    expect(result).toMatchObject({ ok: false, error: { code: 'DAMAGED' } });
    expect(fake.shown.map((s) => s.options.message)).toEqual(['Own.cpw is damaged', 'Cannot open Own.cpw']);
    expect(sha256(own)).toBe(damaged);
    expect(sha256(listBackups(own)[0]!.file)).toBe(copy);
    expect(readdirSync(documents).filter((f) => f.includes('damaged-'))).toEqual([]);
  });

  it('a workbook open for editing elsewhere: offered read-only, and opened so; declined, refused with the reason', async () => {
    const own = join(documents, 'Own.cpw');
    const elsewhere = createBackend();
    try {
      expect(await elsewhere.call('workbook.create', { path: own, sample: true })).toMatchObject({ ok: true });
      fake.answers.push({ response: 1 });
      expect(await files().open(own)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
      expect(fake.shown.map((s) => s.options.message)).toEqual(['Own.cpw is open for editing elsewhere', 'Cannot open Own.cpw']);
      expect(fake.shown[0]!.options).toMatchObject({ buttons: ['Open read-only', 'Cancel'], cancelId: 1 });
      fake.shown.length = 0;
      fake.answers.push({ response: 0 });
      expect(await files().open(own)).toMatchObject({ ok: true, value: { path: own, readOnly: true } });
      expect(await backend.call('rows.update', { period: '2026-Q3', account: 'Contoso Retail', patch: { revenue: 1_000_000 } })).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
      const r = await elsewhere.call('rows.update', { period: '2026-Q3', account: 'Contoso Retail', patch: { revenue: 1_000_000 } });
      expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    } finally {
      elsewhere.close();
    }
  });

  it.skipIf(process.getuid?.() !== 0)('a workbook on a read-only disk: offered read-only and opened so, instead of refused (issue 17, item 10)', async () => {
    const disk = join(tmp(), 'disk');
    mkdirSync(disk);
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', disk]).status).toBe(0);
    try {
      const own = join(disk, 'Own.cpw');
      expect(await backend.call('workbook.create', { path: own, sample: true })).toMatchObject({ ok: true });
      backend.close();
      expect(spawnSync('mount', ['-o', 'remount,ro', disk]).status).toBe(0);
      fake.answers.push({ response: 0 });
      expect(await files().open(own)).toMatchObject({ ok: true, value: { path: own, readOnly: true } });
      expect(fake.shown.map((s) => s.options.message)).toEqual(["Own.cpw can't be written"]);
      expect(String(fake.shown[0]!.options.detail)).toContain(`${own} can't be written (read-only)`);
      backend.close();
    } finally {
      spawnSync('umount', [disk]);
    }
  });

  it('a damaged workbook with no copy: refused with the reason, nothing offered', async () => {
    const own = join(documents, 'Own.cpw');
    expect(await backend.call('workbook.create', { path: own, sample: true })).toMatchObject({ ok: true });
    backend.close();
    rmSync(join(documents, '.Own.cpw.backups'), { recursive: true });
    damageWorkbook(own);
    const result = await files().open(own);
    expect(result).toMatchObject({ ok: false, error: { code: 'DAMAGED' } });
    expect(fake.shown.map((s) => s.options.message)).toEqual(['Cannot open Own.cpw']);
  });

  it("Export CSV writes the latest period's sheet where the user chose", async () => {
    const f = files();
    await f.startup(null);
    const out = join(documents, 'sheet');
    fake.answers.push({ filePath: out });
    await f.exportCsvDialog();
    const csv = readFileSync(`${out}.csv`, 'utf8');
    expect(csv.split('\n')[0]).toMatch(/account/i);
    const done = fake.shown.at(-1)!.options;
    expect(done).toMatchObject({ type: 'info' });
    expect(String(done.message)).toMatch(/^Exported \d+ accounts of period 2026-Q3$/);
  });

  it('Export CSV with no workbook open says so instead of asking for a file', async () => {
    await files().exportCsvDialog();
    expect(fake.shown.map((s) => s.kind)).toEqual(['message']);
    expect(String(fake.shown[0]!.options.message)).toMatch(/Open a workbook first/);
  });

});
