import type { CellValueChangedEvent, ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import { formatMoney, formatNumber } from '../../../../shared/format';
import type { PoolsState } from '../../../../shared/ipc/contract';
import type { PoolSetup } from '../../../../shared/schemas/pools';
import type { SheetRow } from '../../../../shared/schemas/row';
import { gridTheme } from '../../components/grid';
import { readNumber } from './numbers';

type DriverRow = { account: string } & Record<string, number | string>;

const key = (account: string, activity: string) => `${account.toLowerCase()}\u0000${activity.toLowerCase()}`;

/** Each account's count of each activity, typed like the sheet, beside what the pools allocate to it. */
export function DriversGrid({ state, rows, activities, currency, save }: {
  state: PoolsState;
  rows: readonly SheetRow[];
  activities: readonly string[];
  currency: string;
  save: (setup: PoolSetup) => void;
}) {
  const driverRows = useMemo<DriverRow[]>(() => {
    const counts = new Map(state.setup.drivers.map((d) => [key(d.account, d.activity), d.count]));
    const allocated = new Map<string, number>();
    for (const l of state.allocation.allocations) allocated.set(l.account.toLowerCase(), (allocated.get(l.account.toLowerCase()) ?? 0) + l.amount);
    return rows.map((r) => ({
      account: r.account,
      ...Object.fromEntries(activities.map((a) => [a, counts.get(key(r.account, a)) ?? 0])),
      allocated: allocated.get(r.account.toLowerCase()) ?? 0,
    }));
  }, [state, rows, activities]);

  const defs = useMemo<ColDef<DriverRow>[]>(
    () => [
      { colId: 'account', field: 'account', headerName: 'Account', pinned: 'left', width: 200 },
      ...activities.map<ColDef<DriverRow>>((a) => ({
        colId: `driver:${a}`,
        field: a,
        headerName: a,
        editable: true,
        type: 'rightAligned',
        width: 130,
        cellClass: 'num',
        valueFormatter: (p) => formatNumber(Number(p.value ?? 0)),
        valueParser: (p) => readNumber(String(p.newValue ?? '')) ?? p.oldValue,
      })),
      { colId: 'allocated', field: 'allocated', headerName: 'Allocated', type: 'rightAligned', width: 140, cellClass: ['computed', 'num'], valueFormatter: (p) => formatMoney(Number(p.value ?? 0), currency) },
    ],
    [activities, currency],
  );

  const changedCount = (e: CellValueChangedEvent<DriverRow>) => {
    const setup = state.setup;
    const activity = String(e.colDef.field);
    const others = setup.drivers.filter((d) => key(d.account, d.activity) !== key(e.data.account, activity));
    save({ ...setup, drivers: [...others, { account: e.data.account, activity, count: Number(e.newValue) }] });
  };

  return (
    <section className="drivers" aria-label="Driver counts">
      <h3>Driver counts per account</h3>
      <div className="grid-wrap drivers-grid" data-testid="drivers-grid">
        <AgGridReact<DriverRow>
          theme={gridTheme}
          rowData={driverRows}
          columnDefs={defs}
          getRowId={(p) => p.data.account}
          onCellValueChanged={changedCount}
          stopEditingWhenCellsLoseFocus
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          suppressColumnVirtualisation
          animateRows={false}
        />
      </div>
    </section>
  );
}
