import { HyperFormula } from 'hyperformula';
import type { Assumptions } from '../../shared/schemas/assumptions';
import type { SheetRow } from '../../shared/schemas/row';

/** Input columns A..H of the spreadsheet a user would build: revenue, the five buckets, meetings, calls. */
const INPUTS = ['revenue', 'presale', 'production', 'distribution', 'service', 'labour', 'meetings', 'calls'] as const;

/**
 * The sheet as a spreadsheet user writes it: the inputs, then per row
 * totalCost, profit, margin, roi and interactionCost as formulas, and a
 * totals row of SUMs, the portfolio margin and ROI. The anchor the issue
 * names: what HyperFormula does with the same rows.
 */
export function hyperformulaSheet(rows: readonly SheetRow[], a: Assumptions): (string | number | null)[][] {
  const meeting = (a.meetingHours * a.dailyRate) / a.hoursPerDay;
  const call = (a.callHours * a.dailyRate) / a.hoursPerDay;
  const data: (string | number | null)[][] = rows.map((r, i) => {
    const n = i + 1;
    return [
      ...INPUTS.map((f) => r[f]),
      `=SUM(B${n}:F${n})`,
      `=A${n}-I${n}`,
      `=IF(A${n}=0,"",J${n}/A${n})`,
      `=IF(I${n}=0,"",J${n}/I${n})`,
      `=G${n}*${meeting}+H${n}*${call}`,
    ];
  });
  const last = rows.length;
  const sum = (col: string) => `=SUM(${col}1:${col}${last})`;
  const t = last + 1;
  data.push([sum('A'), sum('B'), sum('C'), sum('D'), sum('E'), sum('F'), sum('G'), sum('H'), sum('I'), sum('J'), `=IF(A${t}=0,"",J${t}/A${t})`, `=IF(I${t}=0,"",J${t}/I${t})`, sum('M')]);
  return data;
}

export function buildHyperformula(data: (string | number | null)[][]): HyperFormula {
  return HyperFormula.buildFromArray(data, { licenseKey: 'gpl-v3', maxRows: 1_000_000, useColumnIndex: false });
}

/** The same one-cell edit the engine gets: a new revenue for row `row`, then the recomputed profit total read back. */
export function editHyperformula(hf: HyperFormula, row: number, revenue: number, totalsRow: number): number {
  hf.setCellContents({ sheet: 0, row, col: 0 }, [[revenue]]);
  return hf.getCellValue({ sheet: 0, row: totalsRow, col: 9 }) as number;
}
