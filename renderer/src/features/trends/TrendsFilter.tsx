import { useEffect, useState } from 'react';
import type { DimensionList } from '../../../../shared/schemas/dimensions';
import { formatCount } from '../../../../shared/format';
import type { Trends } from '../../../../shared/schemas/trends';
import { DimensionValueSelect } from '../../components/DimensionValueSelect';
import { HelpButton } from '../../components/HelpButton';
import { useRemembered } from '../../state/useRemembered';
import type { Workbook } from '../../state/useWorkbook';

export type TrendsWhere = { name: string; value: string } | null;

/**
 * Which accounts the trends follow: all, or those with one value of a
 * dimension (region = EMEA), remembered per workbook while the window is
 * open. The workbook's dimensions are read again as it changes; one since
 * removed or renamed is let go.
 */
export function useTrendsWhere(wb: Workbook) {
  const [stored, setWhere] = useRemembered<TrendsWhere>(`trends-where:${wb.info?.path ?? ''}`, null);
  const [dimensions, setDimensions] = useState<DimensionList | null>(null);
  useEffect(() => {
    let live = true;
    wb.client.call('dimensions.list').then(
      (list) => live && setDimensions(list),
      () => live && setDimensions([]),
    );
    return () => {
      live = false;
    };
  }, [wb.client, wb.history]);
  const known = stored !== null && dimensions !== null && dimensions.some((d) => d.name === stored.name && d.values.includes(stored.value));
  // Until the list is read, the remembered choice stands (so the first read asks for it, not for all and then again).
  const where = dimensions === null ? stored : known ? stored : null;
  return { where, setWhere, dimensions: dimensions ?? [] };
}

/** "Accounts: All accounts / region = EMEA / ...". */
export function AccountsFilter({ dimensions, where, setWhere }: { dimensions: DimensionList; where: TrendsWhere; setWhere: (w: TrendsWhere) => void }) {
  return (
    <DimensionValueSelect label="Accounts" ariaLabel="Accounts" dimensions={dimensions} value={where} onChange={setWhere} between=" = ">
      <HelpButton metric="dimension" label="a dimension" />
    </DimensionValueSelect>
  );
}

/** What the trends show, in words: "Accounts with region = EMEA: 3 in 2026-Q3, the latest period; 4 periods". */
export function shownInWords(trends: Trends, where: TrendsWhere): string {
  const last = trends.periods.at(-1);
  const who = where ? `Accounts with ${where.name} = ${where.value}` : 'All accounts';
  const periods = formatCount(trends.periods.length, 'period');
  return last ? `${who}: ${formatCount(last.portfolio.count, 'account')} in ${last.period}, the latest period; ${periods}` : `${who}; ${periods}`;
}
