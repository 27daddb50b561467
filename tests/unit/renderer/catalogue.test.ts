import type { ValueSetterParams } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { FIELDS, fieldLists, GLOSSARY, METRICS, type FieldSpec, type MetricSpec } from '../../../shared/catalogue';
import { rowShapeOf } from '../../../shared/schemas/row';
import { z } from 'zod';
import { sqlColumnsOf } from '../../../electron/backend/db/columns';
import { EXPORT_COLUMNS, exportColumnsOf } from '../../../electron/backend/io/export';
import { columnDefs } from '../../../renderer/src/features/sheet/columns';
import { INPUT_FIELDS, BUCKETS } from '../../../shared/schemas/fields';
import { SheetRow } from '../../../shared/schemas/row';
import { migrate, MIGRATIONS } from '../../../electron/backend/db/migrate';
import Database from 'better-sqlite3';

// Issue 18: every field and metric is declared once, in the catalogue; the schema, the SQL columns, the sheet's
// columns and the export are derived from it. Adding a field is one entry there (and a migration for its column).

const region: FieldSpec = {
  name: 'region',
  label: 'Region',
  group: 'Account',
  kind: 'text',
  presence: 'optional',
  synonyms: ['Sales region', 'Territory'],
  table: 'accounts',
  column: 'region',
  tip: 'The sales region the account belongs to.',
};
const headcount: FieldSpec = { name: 'headcount', label: 'Headcount', group: 'Customer', kind: 'count', presence: 'zero', synonyms: [], table: 'period_rows', column: 'headcount' };

const ctx = { currency: () => 'USD', result: () => { throw new Error('no result in this test'); }, setCell: (_p: ValueSetterParams) => false, allocation: () => null, writable: () => true };
const leafIds = (defs: ReturnType<typeof columnDefs>) => defs.flatMap((d) => ('children' in d ? d.children : [d])).map((c) => (c as { colId?: string }).colId);

describe('the catalogue', () => {
  it('a field added to a copy of it is in the schema, the SQL columns, the sheet and the export', () => {
    const fields = [...FIELDS, region, headcount];
    const shape = z.object(rowShapeOf(fields));
    const parsed = shape.parse({ account: 'Acme', revenue: 10, region: '  EMEA  ' });
    expect(parsed).toMatchObject({ account: 'Acme', region: 'EMEA', headcount: 0 });
    expect(shape.safeParse({ account: 'Acme', revenue: 10, headcount: -1 }).error?.issues[0]?.message).toBe('headcount must be 0 or more');
    expect(fieldLists(fields).zeroWhenAbsent).toContain('headcount');
    expect(sqlColumnsOf(fields)).toMatchObject({ accounts: ['name', 'owner', 'segment_override', 'region'], period_rows: expect.arrayContaining(['headcount']) });
    const sheet = columnDefs(ctx, fields, METRICS);
    expect(leafIds(sheet)).toEqual(expect.arrayContaining(['region', 'headcount']));
    const accountGroup = sheet.find((d) => d.headerName === 'Account') as { children: { colId: string; headerName: string; headerTooltip?: string }[] };
    expect(accountGroup.children.at(-1)).toMatchObject({ colId: 'region', headerName: 'Region', headerTooltip: 'The sales region the account belongs to.' });
    const exported = exportColumnsOf(fields, METRICS);
    expect(exported.slice(0, fields.length)).toEqual(fields.map((f) => f.name));
    expect(exported).toContain('region');
  });

  it('the real catalogue derives what the code has always used: the sheet, export and schema see the same fields', () => {
    expect(leafIds(columnDefs(ctx))).toEqual([...INPUT_FIELDS.filter((f) => FIELDS.find((s) => s.name === f)!.group === 'Account'), ...leafIds(columnDefs(ctx)).slice(3)]);
    expect(new Set(leafIds(columnDefs(ctx)).filter((id) => (INPUT_FIELDS as readonly string[]).includes(id!)))).toEqual(new Set(INPUT_FIELDS));
    expect(EXPORT_COLUMNS.slice(0, INPUT_FIELDS.length)).toEqual([...INPUT_FIELDS]);
    expect(Object.keys(SheetRow.shape)).toEqual([...INPUT_FIELDS]);
    expect(BUCKETS).toEqual(['presale', 'production', 'distribution', 'service', 'labour']);
  });

  it("every field's SQL column is in the schema the migrations make", () => {
    const db = new Database(':memory:');
    migrate(db);
    const have = (table: string) => (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]);
    const cols = sqlColumnsOf(FIELDS);
    expect(have('accounts')).toEqual(expect.arrayContaining(cols.accounts));
    expect(have('period_rows')).toEqual(expect.arrayContaining(cols.period_rows));
    db.close();
    expect(MIGRATIONS.length).toBeGreaterThan(0);
  });

  it('names are unique within a scope, every metric the sheet or a tile shows explains itself, and every help entry is whole', () => {
    const keys = (METRICS as readonly MetricSpec[]).map((m) => `${m.scope}:${m.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(FIELDS.map((f) => f.name)).size).toBe(FIELDS.length);
    for (const m of METRICS as readonly MetricSpec[]) if (m.sheet || m.tile) expect(m.short, m.name).toBeTruthy();
    const glossaryNames = GLOSSARY.map((g) => g.name);
    expect(new Set(glossaryNames).size).toBe(glossaryNames.length);
    for (const m of METRICS as readonly MetricSpec[]) if (m.helpFrom) expect(glossaryNames, m.name).toContain(m.helpFrom);
  });
});
