import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/dispatch';
import { SAMPLE_NAME, SETTINGS_FILE } from '../../../electron/backend/profile';
import { sha256, useTempDir } from '../../helpers';

// The person's folder: settings that belong to them (theme, number format, what they have seen), the recent
// workbooks and the sample, kept beside nothing of the workbook's data.

describe('the profile', () => {
  const tmp = useTempDir();
  const backends: Backend[] = [];
  const backend = (profileDir?: string) => {
    const b = createBackend({ profileDir });
    backends.push(b);
    return b;
  };
  afterEach(() => {
    for (const b of backends.splice(0)) b.close();
  });

  it('a profile folder that cannot be written never stops a workbook opening; a setting that cannot be kept says why (issue 17)', async () => {
    const dir = join(tmp(), 'profile');
    mkdirSync(join(dir, 'recent.json'), { recursive: true }); // in the way of the list: its write fails
    mkdirSync(join(dir, SETTINGS_FILE), { recursive: true });
    const b = backend(dir);
    const path = join(tmp(), 'w.cpw');
    expect(await b.call('workbook.create', { path, sample: true })).toMatchObject({ ok: true, value: { path } });
    const kept = await b.call('profile.update', { theme: 'dark' });
    expect(kept).toMatchObject({ ok: false, error: { code: 'IO_ERROR', message: expect.stringContaining(`cannot write ${join(dir, SETTINGS_FILE)}`) } });
    expect(readdirSync(dir).sort()).toEqual(['recent.json', SETTINGS_FILE].sort());
  });

  it('an empty profile: defaults, nothing welcomed, nothing recent', async () => {
    const dir = join(tmp(), 'profile');
    expect(await backend(dir).call('profile.get', {})).toEqual({
      ok: true,
      value: { stored: true, settings: { theme: 'system', numberLocale: 'system', welcomed: false, tourDone: false }, recent: [] },
    });
    expect(existsSync(dir)).toBe(false); // reading makes nothing
  });

  it('without a profile (a bare cpw serve): defaults with the welcome and tour already seen, and nothing can be kept', async () => {
    const b = backend();
    expect(await b.call('profile.get', {})).toMatchObject({ ok: true, value: { stored: false, settings: { welcomed: true, tourDone: true }, recent: [] } });
    expect(await b.call('profile.update', { theme: 'dark' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/--profile DIR/) } });
    expect(await b.call('workbook.openSample', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('keeps what is changed, field by field, for the next start', async () => {
    const dir = join(tmp(), 'profile');
    expect(await backend(dir).call('profile.update', { theme: 'dark', welcomed: true })).toEqual({
      ok: true,
      value: { theme: 'dark', numberLocale: 'system', welcomed: true, tourDone: false },
    });
    await backend(dir).call('profile.update', { numberLocale: 'de-DE' });
    expect(JSON.parse(readFileSync(join(dir, SETTINGS_FILE), 'utf8'))).toEqual({ theme: 'dark', numberLocale: 'de-DE', welcomed: true, tourDone: false });
    expect(await backend(dir).call('profile.get', {})).toMatchObject({ value: { settings: { theme: 'dark', numberLocale: 'de-DE', welcomed: true } } });
  });

  it('refuses a value it does not know, naming the field, and keeps the file as it was', async () => {
    const dir = join(tmp(), 'profile');
    const b = backend(dir);
    await b.call('profile.update', { theme: 'light' });
    const before = sha256(join(dir, SETTINGS_FILE));
    const bad = await b.call('profile.update', { theme: 'neon' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/theme/) } });
    expect(await b.call('profile.update', { numberLocale: 'xx-YY' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/numberLocale/) } });
    expect(await b.call('profile.update', { currency: 'EUR' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(sha256(join(dir, SETTINGS_FILE))).toBe(before);
  });

  it('a damaged or hand-edited settings file reads as the defaults, keeping each field that is still good', async () => {
    const dir = join(tmp(), 'profile');
    await backend(dir).call('profile.update', { welcomed: true });
    writeFileSync(join(dir, SETTINGS_FILE), '{ not json');
    expect(await backend(dir).call('profile.get', {})).toMatchObject({ value: { settings: { theme: 'system', welcomed: false } } });
    writeFileSync(join(dir, SETTINGS_FILE), JSON.stringify({ theme: 'dark', numberLocale: 42, welcomed: 'yes', extra: 1 }));
    expect(await backend(dir).call('profile.get', {})).toMatchObject({
      value: { settings: { theme: 'dark', numberLocale: 'system', welcomed: false, tourDone: false } },
    });
  });

  it('the sample is made in the profile the first time, then opened as it is; opened workbooks are remembered', async () => {
    const dir = join(tmp(), 'profile');
    const b = backend(dir);
    const first = await b.call('workbook.openSample', {});
    const sample = join(dir, SAMPLE_NAME);
    expect(first).toMatchObject({ ok: true, value: { path: sample, readOnly: false } });
    await b.call('rows.update', { period: '2026-Q3', account: (await b.call('rows.list', { period: '2026-Q3' }) as { value: { account: string }[] }).value[0]!.account, patch: { revenue: 123456 } });
    const own = join(tmp(), 'Own.cpw');
    await b.call('workbook.create', { path: own });
    const again = await b.call('workbook.openSample', {});
    expect(again).toMatchObject({ ok: true, value: { path: sample } });
    const rows = (await b.call('rows.list', { period: '2026-Q3' })) as { value: { revenue: number }[] };
    expect(rows.value[0]!.revenue).toBe(123456); // the same file, not made again
    rmSync(own);
    expect(await b.call('profile.get', {})).toMatchObject({
      value: {
        recent: [
          { path: sample, name: SAMPLE_NAME, exists: true },
          { path: own, name: 'Own.cpw', exists: false },
        ],
      },
    });
  });
});
