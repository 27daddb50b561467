import type { CellValueChangedEvent, ColDef, ValueFormatterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import { formatMoney, formatMultiple, formatNumber, formatPercent } from '../../../../shared/format';
import { INTERACTION_KINDS, VALUED, type InteractionInput } from '../../../../shared/schemas/interaction';
import { gridTheme } from '../../components/grid';
import { readAmount, readPercent, type LogRow } from './log';

const NUMBER_COLS = ['hours', 'prepHours', 'attendees', 'travel', 'projectedRevenue'] as const;

/**
 * The interactions log as a grid: the inputs editable in place (a change is
 * saved at once and refused whole with the reason), cost, expected return,
 * return multiple and verdict computed beside them.
 */
export function LogGrid({ rows, accounts, currency, onChange, onSelect }: {
  rows: LogRow[];
  accounts: readonly string[];
  currency: string;
  onChange: (id: number, patch: Partial<InteractionInput>) => Promise<boolean>;
  onSelect: (ids: number[]) => void;
}) {
  const defs = useMemo<ColDef<LogRow>[]>(() => {
    const money = (p: ValueFormatterParams<LogRow, number>) => formatMoney(p.value ?? null, currency);
    const num = (p: ValueFormatterParams<LogRow, number>) => formatNumber(p.value ?? null, 1);
    const input = { editable: true, cellClass: 'input-cell' };
    const computed = { editable: false, cellClass: 'computed-cell' };
    return [
      { colId: 'account', field: 'account', headerName: 'Account', pinned: 'left', width: 190, ...input, cellEditor: 'agSelectCellEditor', cellEditorParams: { values: [...accounts] } },
      { colId: 'date', field: 'date', headerName: 'Date', width: 115, ...input },
      { colId: 'kind', field: 'kind', headerName: 'Kind', width: 105, ...input, cellEditor: 'agSelectCellEditor', cellEditorParams: { values: [...INTERACTION_KINDS] } },
      { colId: 'valued', field: 'valued', headerName: 'Valued', width: 100, ...input, cellEditor: 'agSelectCellEditor', cellEditorParams: { values: [...VALUED] }, headerTooltip: 'Did the customer recognise its value? Yes and no count towards the recognised share.' },
      { colId: 'planned', field: 'planned', headerName: 'Planned', width: 95, ...input, cellEditor: 'agCheckboxCellEditor', cellRenderer: 'agCheckboxCellRenderer' },
      { colId: 'cost', field: 'cost', headerName: 'Cost', type: 'rightAligned', width: 110, valueFormatter: money, ...computed, headerTooltip: '(hours + prep hours) × attendees × daily rate / hours per day + travel' },
      { colId: 'returnMultiple', field: 'returnMultiple', headerName: 'Return ×', type: 'rightAligned', width: 100, valueFormatter: (p) => formatMultiple(p.value ?? null), ...computed, headerTooltip: 'Expected return / cost' },
      { colId: 'verdict', field: 'verdict', headerName: 'Verdict', width: 95, ...computed, cellClass: (p) => `computed-cell verdict-cell verdict-${String(p.value).toLowerCase()}`, headerTooltip: 'Invest at the invest threshold and above, Review from the review threshold, Skip below' },
      ...NUMBER_COLS.map<ColDef<LogRow>>((f) => ({
        colId: f,
        field: f,
        headerName: { hours: 'Hours', prepHours: 'Prep h', attendees: 'Attendees', travel: 'Travel', projectedRevenue: 'Projected revenue' }[f],
        type: 'rightAligned',
        width: f === 'projectedRevenue' ? 150 : 100,
        valueFormatter: f === 'travel' || f === 'projectedRevenue' ? money : f === 'attendees' ? (p) => formatNumber(p.value ?? null) : num,
        valueParser: (p) => readAmount(String(p.newValue ?? ''), f === 'attendees' ? 1 : 0) ?? p.oldValue,
        ...input,
      })),
      {
        colId: 'winProbability',
        field: 'winProbability',
        headerName: 'Win %',
        type: 'rightAligned',
        width: 90,
        valueFormatter: (p) => formatPercent(p.value ?? null, 0),
        valueParser: (p) => readPercent(String(p.newValue ?? '')) ?? p.oldValue,
        ...input,
      },
      { colId: 'expectedReturn', field: 'expectedReturn', headerName: 'Expected return', type: 'rightAligned', width: 140, valueFormatter: money, ...computed, headerTooltip: 'Projected revenue × win probability' },
      { colId: 'note', field: 'note', headerName: 'Note', flex: 1, minWidth: 160, ...input },
    ];
  }, [accounts, currency]);

  const changed = async (e: CellValueChangedEvent<LogRow>) => {
    const field = e.colDef.field as keyof InteractionInput;
    // On a refusal the parent reads the log again, which puts the stored value back.
    await onChange(e.data.id, { [field]: field === 'note' && e.newValue === '' ? null : e.newValue });
  };

  return (
    <div className="grid-wrap log-grid" data-testid="interactions-grid">
      <AgGridReact<LogRow>
        theme={gridTheme}
        rowData={rows}
        columnDefs={defs}
        getRowId={(p) => String(p.data.id)}
        rowSelection={{ mode: 'multiRow', checkboxes: false, headerCheckbox: false, enableClickSelection: true }}
        onSelectionChanged={(e) => onSelect(e.api.getSelectedRows().map((r) => r.id))}
        onCellValueChanged={(e) => void changed(e)}
        singleClickEdit={false}
        stopEditingWhenCellsLoseFocus
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        animateRows={false}
        suppressColumnVirtualisation
        tooltipShowDelay={300}
      />
    </div>
  );
}
