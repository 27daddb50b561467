import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../../electron/backend/db/create';
import { createPeriod, listPeriods } from '../../../electron/backend/db/repos/periods';
import { listColumns, listRows } from '../../../electron/backend/db/repos/period-rows';
import { writeRows } from '../../../electron/backend/db/repos/bulk-rows';
import { seedSample } from '../../../electron/backend/sample';
import { toColumns } from '../../../shared/engine/columns';
import { SheetRow } from '../../../shared/schemas/row';
import { onWorkbook, useTempDir } from '../../helpers';

describe('reading a period straight into columns', () => {
  const tmp = useTempDir();

  it('gives the same columns as the rows turned into columns: the sample, every period', async () => {
    const path = join(tmp(), 'demo.cpw');
    await createWorkbook(path, seedSample);
    await onWorkbook(path, async (tx) => {
      for (const p of await listPeriods(tx)) expect(await listColumns(tx, p.id)).toEqual(toColumns(await listRows(tx, p.id)));
    });
  });

  it('keeps order, owners, pinned segments, statuses and missing values, and reads an empty period as no rows', async () => {
    const path = join(tmp(), 'w.cpw');
    await createWorkbook(path, async (tx) => {
      const { id } = await createPeriod(tx, 'Q1');
      await createPeriod(tx, 'Empty');
      const rows = [
        { account: 'Zeta', revenue: 10, owner: 'Bo', segmentOverride: 'Fix', status: 'churned', csat: 3, upsell: 1 },
        { account: 'Alpha', revenue: 0, nps: 0, lifespanYears: 2.5 },
        { account: 'Mid', revenue: 5, owner: 'Al', meetings: 3, calls: 7, status: 'new', referrals: 0 },
        { account: 'Bee', revenue: 7, owner: 'Bo', segmentOverride: 'Reassess', valueDelivered: 1e9 },
      ].map((r) => SheetRow.parse(r));
      await writeRows(tx, id, rows, { merge: false, accountFields: { owner: true, segmentOverride: true } });
    });
    await onWorkbook(path, async (tx) => {
    const [q1, empty] = await listPeriods(tx);
    const cols = await listColumns(tx, q1!.id);
    expect(cols).toEqual(toColumns(await listRows(tx, q1!.id)));
    expect(cols.account).toEqual(['Zeta', 'Alpha', 'Mid', 'Bee']);
    expect(cols.owners).toEqual(['Bo', 'Al']);
    expect(Array.from(cols.ownerIds)).toEqual([0, -1, 1, 0]);
    expect(Number.isNaN(cols.csat[1]!)).toBe(true);
    expect((await listColumns(tx, empty!.id)).n).toBe(0);
    });
  });

  it('writes many rows in blocks and the odd rest one by one, then merges: every row, in order, owners kept where asked', async () => {
    const path = join(tmp(), 'bulk.cpw');
    // 130 rows: two blocks of 64 and two single rows; the merge then updates 40 of them and adds 31.
    const first = Array.from({ length: 130 }, (_, i) => SheetRow.parse({ account: `Acct ${i}`, revenue: 1_000 + i, owner: `Owner ${i % 3}`, csat: 1 + (i % 5) }));
    const merged = Array.from({ length: 71 }, (_, k) =>
      SheetRow.parse({ account: k < 40 ? `ACCT ${k * 3}` : `New ${k}`, revenue: 5 + k, owner: 'Somebody else' }),
    );
    let summaries: unknown[] = [];
    await createWorkbook(path, async (tx) => {
      const { id } = await createPeriod(tx, 'Q1');
      summaries = [
        await writeRows(tx, id, first, { merge: false, accountFields: { owner: true, segmentOverride: true } }),
        await writeRows(tx, id, merged, { merge: true, accountFields: { owner: false, segmentOverride: false } }),
      ];
    });
    expect(summaries).toEqual([
      { added: 130, updated: 0, removed: 0 },
      { added: 31, updated: 40, removed: 0 },
    ]);
    const rows = await onWorkbook(path, async (tx) => listRows(tx, (await listPeriods(tx))[0]!.id));
    expect(rows).toHaveLength(161);
    // Updated accounts keep their place and their owner (the merge did not write owners); new ones come after.
    expect(rows.slice(0, 130).map((r) => r.account)).toEqual(first.map((r) => r.account));
    expect(rows[3]).toMatchObject({ account: 'Acct 3', revenue: 6, owner: 'Owner 0', csat: null });
    expect(rows[4]).toMatchObject({ account: 'Acct 4', revenue: 1_004, owner: 'Owner 1', csat: 5 });
    expect(rows.slice(130).map((r) => r.account)).toEqual(merged.slice(40).map((r) => r.account));
    expect(rows[160]).toMatchObject({ account: 'New 70', revenue: 75, owner: 'Somebody else' }); // a new account takes the row's owner
  });

  it('finds accounts as SQLite compares names (ASCII case folded): ACME is acme, École is not école', async () => {
    const path = join(tmp(), 'ids.cpw');
    await createWorkbook(path, async (tx) => {
      const { id } = await createPeriod(tx, 'Q1');
      await tx.run('INSERT INTO accounts (id, name, owner) VALUES (?, ?, ?)', [7, 'ACME', 'Old owner']);
      await tx.run('INSERT INTO accounts (name) VALUES (?)', ['École']);
      const rows = ['acme', 'école', ...Array.from({ length: 70 }, (_, i) => `New ${i}`)].map((account, i) =>
        SheetRow.parse({ account, revenue: i + 1, owner: 'Ann' }),
      );
      await writeRows(tx, id, rows, { merge: false, accountFields: { owner: false, segmentOverride: false } });
    });
    const rows = await onWorkbook(path, async (tx) => listRows(tx, (await listPeriods(tx))[0]!.id));
    // "acme" is the ACME account (its name and owner kept); "école" is not "École" to SQLite, so a new account.
    expect(rows.slice(0, 3).map((r) => [r.account, r.owner, r.revenue])).toEqual([
      ['ACME', 'Old owner', 1],
      ['école', 'Ann', 2],
      ['New 0', 'Ann', 3],
    ]);
    expect(rows.map((r) => r.revenue)).toEqual(Array.from({ length: 72 }, (_, i) => i + 1));
    expect(rows[71]!.account).toBe('New 69');
  });

  it('refuses to add accounts to a table whose ids are used up, rather than guess them', async () => {
    const path = join(tmp(), 'top.cpw');
    await createWorkbook(path, async (tx) => {
      await createPeriod(tx, 'Q1');
      // The largest id there is: SQLite would number new rows at random.
      await tx.run('INSERT INTO accounts (id, name) VALUES (?, ?)', [9223372036854775807n, 'Top']);
    });
    const write = onWorkbook(
      path,
      async (tx) => writeRows(tx, (await listPeriods(tx))[0]!.id, [SheetRow.parse({ account: 'New', revenue: 1 })], { merge: false, accountFields: { owner: true, segmentOverride: true } }),
      'write',
    );
    await expect(write).rejects.toThrow(/the accounts table has used up its ids/);
    expect(await onWorkbook(path, (tx) => tx.value('SELECT count(*) FROM accounts'))).toBe(1); // the transaction took nothing with it
  });
});
