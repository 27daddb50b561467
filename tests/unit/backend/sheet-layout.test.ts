import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/dispatch';
import { LAYOUTS_FILE, MAX_LAYOUTS } from '../../../electron/backend/sheet-layouts';
import { teamRefusal } from '../../../electron/backend/team/methods';
import type { SheetLayout } from '../../../shared/schemas/sheet-layout';
import { sha256, useTempDir } from '../../helpers';

// Issue 24, item 4: the sheet's columns, sort and filters are the person's, kept per workbook in their profile
// folder (sheet-layouts.json beside settings.json), through profile.sheetLayout and profile.saveSheetLayout.

const LAYOUT: SheetLayout = {
  columns: [
    { id: 'account', width: 200, pinned: 'left' },
    { id: 'revenue', width: 260, pinned: 'left' },
    { id: 'owner', width: 150, hide: true },
    { id: 'roi', width: 120 },
  ],
  sort: [{ id: 'roi', sort: 'desc' }],
  filter: {
    owner: { filterType: 'text', type: 'contains', filter: 'Lee' },
    revenue: { filterType: 'number', operator: 'AND', conditions: [{ filterType: 'number', type: 'greaterThan', filter: 1000 }, { filterType: 'number', type: 'lessThan', filter: 9e6 }] },
  },
};
const OTHER: SheetLayout = { columns: [{ id: 'account', width: 240, pinned: 'left' }, { id: 'dimensions.Région de vente', width: 130 }], sort: [{ id: 'dimensions.Région de vente', sort: 'asc' }], filter: {} };

describe('the sheet layouts of a profile', () => {
  const tmp = useTempDir();
  const backends: Backend[] = [];
  const backend = (profileDir?: string) => {
    const b = createBackend({ profileDir });
    backends.push(b);
    return b;
  };
  afterEach(async () => {
    for (const b of backends.splice(0)) await b.close();
  });
  const stored = (dir: string) => JSON.parse(readFileSync(join(dir, LAYOUTS_FILE), 'utf8')) as { workbooks: { workbook: string; layout: SheetLayout }[] };

  it('keeps each workbook’s layout in the profile folder, for the next start, and forgets one on reset', async () => {
    const dir = join(tmp(), 'profile');
    const a = join(tmp(), 'a.cpw');
    const b = join(tmp(), 'b.cpw');
    const first = backend(dir);
    expect(await first.call('profile.sheetLayout', { workbook: a })).toEqual({ ok: true, value: { layout: null, kept: true } });
    expect(existsSync(dir)).toBe(false); // reading makes nothing
    expect(await first.call('profile.saveSheetLayout', { workbook: a, layout: LAYOUT })).toEqual({ ok: true, value: { kept: true } });
    expect(await first.call('profile.saveSheetLayout', { workbook: b, layout: OTHER })).toEqual({ ok: true, value: { kept: true } });
    expect(stored(dir).workbooks.map((w) => w.workbook)).toEqual([b, a]); // the latest first

    // Another start (a reload, the next day): each workbook has its own.
    const next = backend(dir);
    expect(await next.call('profile.sheetLayout', { workbook: a })).toEqual({ ok: true, value: { layout: LAYOUT, kept: true } });
    expect(await next.call('profile.sheetLayout', { workbook: b })).toEqual({ ok: true, value: { layout: OTHER, kept: true } });

    // Reset columns: a's is forgotten, b's kept; forgetting what is not kept writes nothing.
    expect(await next.call('profile.saveSheetLayout', { workbook: a, layout: null })).toEqual({ ok: true, value: { kept: true } });
    expect(await next.call('profile.sheetLayout', { workbook: a })).toEqual({ ok: true, value: { layout: null, kept: true } });
    expect(stored(dir).workbooks).toEqual([{ workbook: b, layout: OTHER }]);
    const before = sha256(join(dir, LAYOUTS_FILE));
    await next.call('profile.saveSheetLayout', { workbook: a, layout: null });
    expect(sha256(join(dir, LAYOUTS_FILE))).toBe(before);
  });

  it('refuses a hostile layout with words that name the rule, and keeps the file as it was', async () => {
    const dir = join(tmp(), 'profile');
    const b = backend(dir);
    const workbook = join(tmp(), 'a.cpw');
    await b.call('profile.saveSheetLayout', { workbook, layout: LAYOUT });
    const before = sha256(join(dir, LAYOUTS_FILE));
    const refusal = async (input: unknown, words: RegExp) => {
      const r = await b.call('profile.saveSheetLayout', input);
      expect(r, JSON.stringify(input).slice(0, 200)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(words) } });
    };
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, width: 100 }));
    await refusal({ layout: LAYOUT }, /workbook/);
    await refusal({ workbook: '', layout: LAYOUT }, /workbook: workbook is the workbook’s location/);
    await refusal({ workbook: 'x'.repeat(2001), layout: LAYOUT }, /at most 2000 characters/);
    await refusal({ workbook, layout: { ...LAYOUT, extra: 1 } }, /layout/);
    await refusal({ workbook, layout: 'wide' }, /layout: a layout is the sheet’s columns, sort and filters/);
    await refusal({ workbook, layout: { ...LAYOUT, columns: [{ id: 'revenue\u0000', width: 100 }] } }, /layout\.columns\.0\.id: a column id has no control characters/);
    await refusal({ workbook, layout: { ...LAYOUT, columns: [{ id: 'x'.repeat(101), width: 100 }] } }, /a column id is at most 100 characters/);
    await refusal({ workbook, layout: { ...LAYOUT, sort: [{ id: '__proto__', sort: 'asc' }] } }, /layout\.sort\.0\.id: a column id is not __proto__/);
    await refusal({ workbook, layout: { ...LAYOUT, columns: [{ id: 'revenue', width: 1e9 }] } }, /a width is at most 5000 pixels/);
    await refusal({ workbook, layout: { ...LAYOUT, columns: [{ id: 'revenue', width: 100, pinned: 'top' }] } }, /pinned is left or right/);
    await refusal({ workbook, layout: { ...LAYOUT, columns: [{ id: 'revenue', width: 100 }, { id: 'revenue', width: 120 }] } }, /each column appears once/);
    await refusal({ workbook, layout: { ...LAYOUT, columns: many(201) } }, /at most 200 columns/);
    await refusal({ workbook, layout: { ...LAYOUT, sort: [{ id: 'roi', sort: 'sideways' }] } }, /a sort is asc or desc/);
    await refusal({ workbook, layout: { ...LAYOUT, filter: { owner: { filterType: 'text', type: 'contains', filter: 'x'.repeat(201) } } } }, /layout\.filter\.owner/);
    await refusal({ workbook, layout: { ...LAYOUT, filter: { owner: { filterType: 'set', values: ['a'] } } } }, /a filter is a text or number filter/);
    await refusal({ workbook, layout: { ...LAYOUT, filter: { revenue: { filterType: 'number', operator: 'AND', conditions: Array(3).fill({ filterType: 'number', type: 'equals', filter: 1 }) } } } }, /layout\.filter\.revenue/);
    // Within every rule but too big as a whole: 200 columns with long ids and 100 filters of 200 characters.
    const big = { columns: many(200).map((c) => ({ ...c, id: `${c.id}${'x'.repeat(60)}` })), sort: [], filter: Object.fromEntries(many(100).map((c) => [c.id, { filterType: 'text', type: 'contains', filter: 'y'.repeat(200) }])) };
    await refusal({ workbook, layout: big }, /a layout is at most 16000 characters of JSON/);
    await refusal({ workbook, layout: LAYOUT, also: 'this' }, /also/);
    expect(sha256(join(dir, LAYOUTS_FILE))).toBe(before);
    // A filter keyed __proto__ (JSON makes it an own key) is dropped by the check, never stored nor reaching a prototype.
    const proto = JSON.parse('{"__proto__": {"filterType": "text", "type": "contains", "filter": "x"}}') as Record<string, unknown>;
    expect(await b.call('profile.saveSheetLayout', { workbook, layout: { ...LAYOUT, filter: proto } })).toMatchObject({ ok: true });
    expect(readFileSync(join(dir, LAYOUTS_FILE), 'utf8')).not.toContain('__proto__');
    expect(({} as Record<string, unknown>).filterType).toBeUndefined();
    // A name of this computer's disk is only a key: asked of a window, it is not refused as a path, nor ever opened.
    expect(await b.call('profile.sheetLayout', { workbook: '/etc/passwd' }, 'window')).toEqual({ ok: true, value: { layout: null, kept: true } });
  });

  it('keeps at most MAX_LAYOUTS workbooks, forgetting the one laid out longest ago', async () => {
    const dir = join(tmp(), 'profile');
    const b = backend(dir);
    for (let i = 0; i < MAX_LAYOUTS + 3; i++) await b.call('profile.saveSheetLayout', { workbook: `/books/${i}.cpw`, layout: OTHER });
    const kept = stored(dir).workbooks.map((w) => w.workbook);
    expect(kept).toHaveLength(MAX_LAYOUTS);
    expect(kept[0]).toBe(`/books/${MAX_LAYOUTS + 2}.cpw`);
    expect(kept).not.toContain('/books/2.cpw');
    expect(await b.call('profile.sheetLayout', { workbook: '/books/0.cpw' })).toMatchObject({ value: { layout: null } });
    expect(await b.call('profile.sheetLayout', { workbook: '/books/3.cpw' })).toMatchObject({ value: { layout: OTHER } });
  });

  it('a damaged or hand-edited file keeps the entries still good, and can be written again', async () => {
    const dir = join(tmp(), 'profile');
    mkdirSync(dir);
    writeFileSync(join(dir, LAYOUTS_FILE), '{ not json');
    const b = backend(dir);
    expect(await b.call('profile.sheetLayout', { workbook: '/a.cpw' })).toEqual({ ok: true, value: { layout: null, kept: true } });
    writeFileSync(
      join(dir, LAYOUTS_FILE),
      JSON.stringify({ workbooks: [{ workbook: '/a.cpw', layout: { columns: 'all' } }, 7, { workbook: '/b.cpw', layout: OTHER }, { workbook: '/b.cpw', layout: LAYOUT }, { layout: OTHER }] }),
    );
    expect(await b.call('profile.sheetLayout', { workbook: '/a.cpw' })).toMatchObject({ value: { layout: null } });
    expect(await b.call('profile.sheetLayout', { workbook: '/b.cpw' })).toMatchObject({ value: { layout: OTHER } });
    expect(await b.call('profile.saveSheetLayout', { workbook: '/a.cpw', layout: LAYOUT })).toMatchObject({ ok: true });
    expect(stored(dir).workbooks).toEqual([{ workbook: '/a.cpw', layout: LAYOUT }, { workbook: '/b.cpw', layout: OTHER }]);
  });

  it('a folder that cannot be written says so; without a profile nothing is kept and nothing is refused', async () => {
    const dir = join(tmp(), 'profile');
    mkdirSync(join(dir, LAYOUTS_FILE), { recursive: true }); // in the way of the file
    expect(await backend(dir).call('profile.saveSheetLayout', { workbook: '/a.cpw', layout: LAYOUT })).toMatchObject({
      ok: false,
      error: { code: 'IO_ERROR', message: expect.stringContaining(`cannot write ${join(dir, LAYOUTS_FILE)}`) },
    });
    const bare = backend();
    expect(await bare.call('profile.sheetLayout', { workbook: '/a.cpw' })).toEqual({ ok: true, value: { layout: null, kept: false } });
    expect(await bare.call('profile.saveSheetLayout', { workbook: '/a.cpw', layout: LAYOUT })).toEqual({ ok: true, value: { kept: false } });
  });

  it('a team server reads no one’s layout from its own disk and keeps none there', () => {
    const viewer = { name: 'Vi', role: 'viewer', owner: null } as const;
    expect(teamRefusal('profile.sheetLayout', viewer)).toBeNull();
    expect(teamRefusal('profile.saveSheetLayout', { ...viewer, role: 'admin' })?.message).toMatch(/not served by a team server/);
  });
});
