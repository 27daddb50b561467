import type { CustomInnerHeaderProps } from 'ag-grid-react';
import { HelpButton } from '../../components/HelpButton';

/** A computed column's header: its name and the "?" that opens the glossary at it. */
export function HeaderWithHelp(p: CustomInnerHeaderProps) {
  return (
    <span className="header-with-help">
      <span className="ag-header-cell-text">{p.displayName}</span>
      <HelpButton metric={p.column.getColId()} label={p.displayName} />
    </span>
  );
}
