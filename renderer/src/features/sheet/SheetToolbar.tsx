import { useState } from 'react';
import { downloadBase64 } from '../../components/download';
import type { Workbook } from '../../state/useWorkbook';
import { PlanToggle } from '../plan/PlanToggle';
import type { PlanColumns } from './varianceColumns';
import { DimensionsDialog } from './DimensionsDialog';

/** The sheet's own actions, above the grid, with the keys that do the same. */
export function SheetToolbar({ wb, onAdd, onDelete, onPicture, plan }: { wb: Workbook; onAdd: () => void; onDelete: () => void; onPicture: () => void; plan?: PlanColumns }) {
  const [dimensions, setDimensions] = useState(false);
  /** The period as a file download: the backend renders it, the browser saves it where the user says. */
  const onExport = async (format: 'csv' | 'xlsx') => {
    try {
      const file = await wb.client.call('export.download', { period: wb.period!, format });
      downloadBase64(file.content, file.fileName);
    } catch (e) {
      wb.setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <div className="sheet-toolbar" role="toolbar" aria-label="Sheet">
      <button type="button" onClick={onAdd}>
        + Account
      </button>
      <button type="button" onClick={onDelete} title="Delete the selected accounts (Ctrl+Delete)">
        Delete selected
      </button>
      <button type="button" onClick={onPicture} title="The focused account on one page: its buckets, figures, interactions and periods (Ctrl+Enter)">
        Customer Picture
      </button>
      <button type="button" onClick={() => void onExport('xlsx')} title="Download the period with every metric as an Excel workbook">
        Export XLSX
      </button>
      <button type="button" onClick={() => void onExport('csv')} title="Download the period with every metric as CSV">
        Export CSV
      </button>
      <button type="button" onClick={() => setDimensions(true)} aria-haspopup="dialog" title="Add, rename or remove the workbook's dimensions: region, industry, channel, tier, anything you name">
        Dimensions…
      </button>
      {dimensions ? <DimensionsDialog wb={wb} onClose={() => setDimensions(false)} /> : null}
      {plan ? <PlanToggle wb={wb} has={plan.has} on={plan.on} toggle={plan.toggle} /> : null}
      <span className="hint">
        Type or F2 to edit · Enter/Tab to move · Shift+arrows select · Ctrl+C / Ctrl+V copy and paste blocks · Delete clears · Ctrl+Enter opens the account · Ctrl+Z / Ctrl+Y undo and redo
      </span>
    </div>
  );
}
