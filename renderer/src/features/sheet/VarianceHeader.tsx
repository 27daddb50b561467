import type { CustomInnerHeaderProps } from 'ag-grid-react';
import { HelpButton } from '../../components/HelpButton';

/** A variance column's header: its label and the "?" that opens the glossary at the variance (or its percentage). */
export function VarianceHeader(p: CustomInnerHeaderProps & { help: 'variance' | 'variancePct' }) {
  return (
    <span className="header-with-help">
      <span className="ag-header-cell-text">{p.displayName}</span>
      <HelpButton metric={p.help} label={p.displayName} />
    </span>
  );
}
