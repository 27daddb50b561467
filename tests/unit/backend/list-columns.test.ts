import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkbook, openWorkbook } from '../../../electron/backend/db/connection';
import { createPeriod, listPeriods } from '../../../electron/backend/db/repos/periods';
import { listColumns, listRows, writeRows } from '../../../electron/backend/db/repos/rows';
import { seedSample } from '../../../electron/backend/sample';
import { toColumns } from '../../../shared/engine/columns';
import { SheetRow } from '../../../shared/schemas/row';
import { useTempDir } from '../../helpers';

describe('reading a period straight into columns', () => {
  const tmp = useTempDir();

  it('gives the same columns as the rows turned into columns: the sample, every period', () => {
    const path = join(tmp(), 'demo.cpw');
    createWorkbook(path, seedSample);
    const wb = openWorkbook(path, { readOnly: true });
    for (const p of listPeriods(wb.db)) expect(listColumns(wb.db, p.id)).toEqual(toColumns(listRows(wb.db, p.id)));
    wb.close();
  });

  it('keeps order, owners, pinned segments, statuses and missing values, and reads an empty period as no rows', () => {
    const path = join(tmp(), 'w.cpw');
    createWorkbook(path, (db) => {
      const { id } = createPeriod(db, 'Q1');
      createPeriod(db, 'Empty');
      const rows = [
        { account: 'Zeta', revenue: 10, owner: 'Bo', segmentOverride: 'Fix', status: 'churned', csat: 3, upsell: 1 },
        { account: 'Alpha', revenue: 0, nps: 0, lifespanYears: 2.5 },
        { account: 'Mid', revenue: 5, owner: 'Al', meetings: 3, calls: 7, status: 'new', referrals: 0 },
        { account: 'Bee', revenue: 7, owner: 'Bo', segmentOverride: 'Reassess', valueDelivered: 1e9 },
      ].map((r) => SheetRow.parse(r));
      writeRows(db, id, rows, { merge: false, accountFields: { owner: true, segmentOverride: true } });
    });
    const wb = openWorkbook(path, { readOnly: true });
    const [q1, empty] = listPeriods(wb.db);
    const cols = listColumns(wb.db, q1!.id);
    expect(cols).toEqual(toColumns(listRows(wb.db, q1!.id)));
    expect(cols.account).toEqual(['Zeta', 'Alpha', 'Mid', 'Bee']);
    expect(cols.owners).toEqual(['Bo', 'Al']);
    expect(Array.from(cols.ownerIds)).toEqual([0, -1, 1, 0]);
    expect(Number.isNaN(cols.csat[1]!)).toBe(true);
    expect(listColumns(wb.db, empty!.id).n).toBe(0);
    wb.close();
  });
});
