import type { Run, SizeFigures } from './whole';

/** The whole-process figures as the table: ours, the anchor in the same run, the ratio, the goal, per size. */

const s = (ms: number | null | undefined) => (ms === null || ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
const mib = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : `${Math.round(v)} MiB`);
const pad = (t: string, n: number) => t.padEnd(n);

export interface WholeRow {
  what: string;
  accounts: number;
  oursMs: number | null;
  peakMiB: number | null;
  anchorMs: number | null;
  anchorIs: string;
  ratio: number | null;
  goal: number | null;
}

export function wholeRows(f: SizeFigures): WholeRow[] {
  const row = (what: string, ours: Run | number | null, anchor: Run | number | null, anchorIs: string, goal: number | null): WholeRow => {
    const oursMs = ours === null ? null : typeof ours === 'number' ? ours : ours.ms;
    const anchorMs = anchor === null ? null : typeof anchor === 'number' ? anchor : anchor.ms;
    return {
      what,
      accounts: f.accounts,
      oursMs,
      peakMiB: ours !== null && typeof ours === 'object' ? ours.peakMiB : null,
      anchorMs,
      anchorIs: anchorMs === null ? '' : anchorIs,
      ratio: oursMs !== null && anchorMs !== null ? oursMs / anchorMs : null,
      goal: anchorMs === null ? null : goal,
    };
  };
  const w = f.window;
  return [
    row('cpw report FILE --json', f.reportJson, f.hyperformula, 'HyperFormula: load the CSV and compute', 1 / 20),
    row('cpw report FILE', f.reportText, f.reportJson, 'cpw report --json', 1),
    row('cpw import FILE sheet.csv', f.import, f.hyperformula, 'HyperFormula: load the CSV and compute', 1 / 10),
    row('window: start to rows and status bar', w?.openMs ?? null, f.libreoffice, 'LibreOffice: open the CSV, save as XLSX', 1 / 4),
    row('window: import in the wizard', w?.wizardMs ?? null, f.import, 'cpw import of the same file', 1.5),
    row('window: sort by a column', w?.sortMs ?? null, null, '', null),
    row('window: search an account', w?.searchMs ?? null, null, '', null),
    row('window: switch to the dashboard', w?.dashboardMs ?? null, null, '', null),
  ];
}

export function printWhole(all: readonly SizeFigures[]): void {
  console.log('what the user waits for, whole processes (median):');
  console.log(`${pad('what', 40)}${pad('accounts', 11)}${pad('ours', 10)}${pad('peak', 10)}${pad('anchor', 10)}${pad('ratio', 9)}${pad('goal', 9)}${pad('met', 5)}anchor`);
  for (const f of all) {
    for (const r of wholeRows(f)) {
      const goal = r.goal === null ? '' : r.goal >= 1 ? `<= ${r.goal}` : `<= 1/${Math.round(1 / r.goal)}`;
      const met = r.ratio === null || r.goal === null ? '' : r.ratio <= r.goal ? 'yes' : 'no';
      console.log(
        `${pad(r.what, 40)}${pad(r.accounts.toLocaleString('en-US'), 11)}${pad(s(r.oursMs), 10)}${pad(r.peakMiB === null ? '' : mib(r.peakMiB), 10)}${pad(r.anchorMs === null ? '' : s(r.anchorMs), 10)}${pad(r.ratio === null ? '' : r.ratio.toFixed(3), 9)}${pad(goal, 9)}${pad(met, 5)}${r.anchorIs}`,
      );
    }
    const w = f.window;
    if (w) console.log(`  the page's JavaScript heap at ${f.accounts.toLocaleString('en-US')}: sheet ${mib(w.heapSheetMiB)}, dashboard ${mib(w.heapDashboardMiB)}`);
    if (f.hyperformula) console.log(`  HyperFormula's peak at ${f.accounts.toLocaleString('en-US')}: ${mib(f.hyperformula.peakMiB)}`);
  }
  console.log('cost curve, whole processes (microseconds per account in brackets):');
  for (const f of all) {
    const per = (ms: number | null | undefined) => (ms === null || ms === undefined ? 'n/a' : `${s(ms)} (${((ms * 1000) / f.accounts).toFixed(1)})`);
    console.log(`  ${pad(f.accounts.toLocaleString('en-US'), 11)}import ${pad(per(f.import.ms), 18)}report --json ${pad(per(f.reportJson.ms), 18)}window open ${per(f.window?.openMs)}`);
  }
}
