import { CpwError } from '../../../shared/ipc/errors';
import { nfc } from '../../../shared/schemas/row';
import { auditDimension, auditWorkbook } from '../db/repos/audit';
import { putValue, valueOf, type DimensionCell } from '../db/repos/dimension-history';
import { addDimension, getDimension, listDimensions, removeDimension, renameDimension } from '../db/repos/dimensions';
import { recordDimensionCells } from '../db/repos/history';
import { workbookChanged } from '../team/changes';
import { defineHandlers } from './types';

export const dimensionHandlers = defineHandlers({
  'dimensions.list': (_input, { session }) => session.read((tx) => listDimensions(tx)),
  'dimensions.add': ({ name }, { session }) =>
    session.write(async (tx) => {
      await addDimension(tx, name);
      await auditWorkbook(tx, null, 'dimension', null, `${name} added`);
      workbookChanged();
      return listDimensions(tx);
    }),
  'dimensions.rename': ({ name, newName }, { session }) =>
    session.write(async (tx) => {
      await renameDimension(tx, name, newName);
      await auditWorkbook(tx, null, 'dimension', name, newName);
      workbookChanged();
      return listDimensions(tx);
    }),
  'dimensions.remove': ({ name }, { session }) =>
    session.write(async (tx) => {
      await removeDimension(tx, name);
      await auditWorkbook(tx, null, 'dimension', name, null);
      workbookChanged();
      return listDimensions(tx);
    }),
  /** Every cell is checked before any is written: an unknown account or dimension refuses the whole edit. */
  'dimensions.set': ({ period, cells }, { session }) =>
    session.write(async (tx) => {
      const ids = new Map<string, number>();
      for (const [id, name] of (await tx.rows('SELECT id, name FROM accounts')) as [number, string][]) ids.set(nfc(name).toLowerCase(), Number(id));
      const dimensions = new Map<string, { id: number; name: string }>();
      const changed: DimensionCell[] = [];
      const accounts = new Set<string>();
      for (const cell of cells) {
        const key = cell.name.toLowerCase();
        if (!dimensions.has(key)) dimensions.set(key, await getDimension(tx, cell.name));
        const accountId = ids.get(cell.account.toLowerCase());
        if (accountId === undefined) throw new CpwError('NOT_FOUND', `no account "${cell.account}" in this workbook; nothing was changed`);
        const dimensionId = dimensions.get(key)!.id;
        const before = await valueOf(tx, accountId, dimensionId);
        if (before === cell.value) continue;
        await putValue(tx, accountId, dimensionId, cell.value);
        changed.push({ accountId, dimensionId, before, after: cell.value });
        accounts.add(cell.account);
        await auditDimension(tx, period ?? null, cell.account, dimensions.get(key)!.name, before, cell.value);
      }
      const names = [...new Set(cells.map((c) => dimensions.get(c.name.toLowerCase())!.name))].join(', ');
      const label = accounts.size === 1 && changed.length === 1 ? `edit ${names} of ${[...accounts][0]}` : `edit ${changed.length} ${names} cells`;
      await recordDimensionCells(tx, label, { dimensionCells: { period: period ?? null, cells: changed } });
      if (changed.length) workbookChanged();
      return { changed: changed.length };
    }),
});
