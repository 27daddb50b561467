import type { CustomInnerHeaderProps } from 'ag-grid-react';
import { HelpButton } from '../../components/HelpButton';
import type { SheetLayoutContext } from '../../state/useSheetLayout';
import { ColumnMenu } from './ColumnMenu';

/** A sheet column's header: its name, the "?" that opens the glossary at a computed one, and the column menu's "⋮" (shown on hover or focus). */
export function SheetHeader(p: CustomInnerHeaderProps & { help?: boolean }) {
  return (
    <span className="sheet-header">
      <span className="ag-header-cell-text">{p.displayName}</span>
      {p.help ? <HelpButton metric={p.column.getColId()} label={p.displayName} /> : null}
      <ColumnMenu api={p.api} column={p.column} name={p.displayName} header={p.eGridHeader} context={p.context as SheetLayoutContext | undefined} />
    </span>
  );
}
