import { bucketBars, drawnNote, matrixData, whaleData } from '../../../shared/charts/chartData';
import type { SheetResult } from '../../../shared/engine/sheet';
import { formatCents, formatGroup, formatMoney, formatMultiple, formatNumber, formatPercent, GROUP_HEADERS } from '../../../shared/format';
import { GLOSSARY } from '../../../shared/glossary';
import { ASSUMPTIONS, formatAssumption } from '../../../shared/catalogue/assumptions';
import type { Report } from '../../../shared/schemas/report';
import { describeAdjustment, type Adjustment } from '../../../shared/schemas/scenario';
import type { ScenarioResult } from '../../../shared/schemas/trends';
import { bucketsSvg, escapeXml as esc, matrixSvg, whaleSvg } from './svg';
import { compareFigures, formatMetric, portfolioFigures, type MetricChange } from '../../../shared/catalogue/format';
import { PLAN_FIGURES, REPORT_FIGURES, SCENARIO_FIGURES } from '../../../shared/catalogue/figures';
import { costByLevel, LEVEL_KEYS, LEVEL_LABELS } from '../../../shared/engine/levels';
import type { AllocationLine, Balance } from '../../../shared/schemas/pools';

export interface ReportDocument {
  workbook: string;
  report: Report;
  result: SheetResult;
  scenarios: { adjustments: Adjustment[]; result: ScenarioResult }[];
  paper: 'A4' | 'Letter';
  /** When the report was made, as the cover shows it. */
  made: string;
  /** The period's cost pools, when it has any: their tie-out and every allocated line. */
  costing?: { balance: Balance; allocations: readonly AllocationLine[] };
}

/** The cost pools page: the tie-out per pool and stage, and the accounts with the most allocated cost by level of the customer cost hierarchy. */
function costingSection(costing: NonNullable<ReportDocument['costing']>, currency: string): string {
  const m = (v: number) => formatMoney(v, currency);
  const c = (v: number) => formatCents(v, currency);
  const { balance } = costing;
  const ties = (b: boolean) => (b ? 'yes' : 'NO');
  const levels = costByLevel(costing.allocations);
  const used = LEVEL_KEYS.filter((k) => levels.some((a) => a.levels[k] !== 0));
  return `<section><h2>Cost pools: where every dollar went</h2>
<p class="note">Per pool and stage, its cost plus what earlier pools passed to it equals what it allocated to accounts, passed on to other pools, and left unused (capacity nobody used, never spread over accounts), to the cent.</p>${table(
    ['Pool', 'Stage', 'Cost', 'Received', 'To accounts', 'To pools', 'Unused', 'Over capacity', 'Ties out'],
    [
      ...balance.pools.map((p) => [p.pool, String(p.stage), c(p.cost), c(p.received), c(p.toAccounts), c(p.toPools), c(p.unused), c(p.overCapacity), ties(p.balanced)]),
      ['All pools', '', c(balance.total.cost), '', c(balance.total.toAccounts), '', c(balance.total.unused), c(balance.total.overCapacity), ties(balance.total.balanced)],
    ],
  )}
<h2>Allocated cost by level of the customer cost hierarchy</h2>${
    levels.length
      ? table(['Account', ...used.map((k) => LEVEL_LABELS[k]), 'Allocated'], levels.slice(0, 15).map((a) => [a.account, ...used.map((k) => m(a.levels[k])), m(a.total)]))
      : '<p class="note">No account has allocated cost yet: the pools have no driver counts.</p>'
  }${levels.length > 15 ? `<p class="note">The 15 accounts with the most allocated cost of ${formatNumber(levels.length)}.</p>` : ''}</section>`;
}

/** A figure, or a change of one coloured by whether it is good news: a lower total cost is not a loss. */
type Cell = string | MetricChange;

function cell(c: Cell, numeric: boolean): string {
  const text = typeof c === 'string' ? c : c.text;
  const tone = typeof c === 'string' ? (c.startsWith('-') ? ' loss' : '') : c.tone === 'flat' ? '' : ` ${c.tone}`;
  return `<td class="${numeric ? 'num' : ''}${tone}">${esc(text)}</td>`;
}

function table(head: string[], rows: Cell[][], numericFrom = 1): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, k) => cell(c, k >= numericFrom)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/**
 * The workshop report of a period as one HTML document, ready to print to
 * PDF: a cover, the key figures, the whale curve, the matrix, the cost
 * buckets, segments and owners, the top loss makers, the saved scenarios
 * against the baseline, the cost pools' tie-out and cost by level (when the
 * period has pools), and the assumptions with every formula in words.
 */
export function reportHtml(doc: ReportDocument): string {
  const { report, result } = doc;
  const p = report.portfolio;
  const m = (v: number | null) => formatMoney(v, report.currency);
  const whale = whaleData(result);
  const matrix = matrixData(result);
  const kpis: [string, string][] = portfolioFigures(REPORT_FIGURES).map((f) => [f.label, formatMetric(f.spec, p[f.key] as number | null, report.currency)]);
  const losers = [...report.accounts].filter((a) => a.profit < 0).sort((a, b) => a.profit - b.profit).slice(0, 10);
  const group = (g: Parameters<typeof formatGroup>[0]) => formatGroup(g, report.currency);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(doc.workbook)} — ${esc(report.period)}</title>
<style>
@page { size: ${doc.paper}; margin: 16mm 14mm; }
body { font-family: 'DejaVu Sans', sans-serif; color: #1d2430; font-size: 11pt; }
h1 { font-size: 26pt; margin: 0 0 6mm; } h2 { font-size: 15pt; margin: 0 0 3mm; border-bottom: 1px solid #d9dee6; padding-bottom: 1mm; }
section { break-before: page; } section.cover { break-before: auto; padding-top: 60mm; }
.cover p { font-size: 13pt; margin: 2mm 0; color: #5b6575; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 6mm; font-size: 9.5pt; }
th, td { border-bottom: 1px solid #d9dee6; padding: 1.2mm 2mm; text-align: left; } th { background: #f5f7fa; }
td.num { text-align: right; font-variant-numeric: tabular-nums; } td.loss, td.bad { color: #b3261e; } td.good { color: #00795c; }
.note { color: #5b6575; } .chart { margin: 2mm 0 6mm; } .kpis td:last-child { text-align: right; font-weight: bold; }
dl dt { font-weight: bold; margin-top: 2mm; } dl dd { margin: 0 0 0 4mm; }
</style></head><body>
<section class="cover"><h1>Customer profitability — workshop report</h1>
<p>Workbook <b>${esc(doc.workbook)}</b></p><p>Period <b>${esc(report.period)}</b>, ${formatNumber(p.count)} accounts, figures in ${esc(report.currency)}</p><p>Made ${esc(doc.made)}</p></section>
<section><h2>Key figures</h2>${table(['Figure', 'Value'], kpis)}
<h2>Whale curve</h2><div class="chart">${whale ? whaleSvg(whale) : '<p class="note">The portfolio makes no profit this period, so shares of profit would mislead: there is no whale curve.</p>'}</div>
<p class="note">Accounts from most to least profitable and the share of total profit earned so far: above 100% while accounts make money, falling back as loss makers give it away.</p></section>
<section><h2>Profitability matrix</h2><div class="chart">${matrix.points.length ? matrixSvg(matrix, report.currency) : '<p class="note">No account with revenue.</p>'}</div>
<p class="note">Revenue against margin, split at ${m(p.revenueSplit)} and ${formatPercent(p.marginSplit)}; bubbles sized by total cost.${esc(drawnNote(matrix.points.length, matrix.rows.length))}</p>
<h2>Cost buckets of the largest accounts</h2><div class="chart">${result.columns.n ? bucketsSvg(bucketBars(result), report.currency) : ''}</div></section>
<section><h2>By segment</h2>${table(['Segment', ...GROUP_HEADERS, 'Suggested focus'], p.bySegment.map((s) => [s.segment, ...group(s), s.focus]))}
<h2>By owner</h2>${table(['Owner', ...GROUP_HEADERS], p.byOwner.map((o) => [o.owner ?? '(no owner)', ...group(o)]))}
${Object.entries(p.byDimension).map(([name, groups]) => `<h2>By ${esc(name)}</h2>${table([name, ...GROUP_HEADERS], groups.map((g) => [g.value ?? `(no ${name})`, ...group(g)]))}`).join('\n')}
<h2>Top loss makers</h2>${
    losers.length
      ? table(['Account', 'Owner', 'Revenue', 'Total cost', 'Profit', 'Cost / revenue', 'Segment'], losers.map((a) => [a.account, a.owner ?? '', m(a.revenue), m(a.totalCost), m(a.profit), formatMultiple(a.costToRevenue), a.segment]), 2)
      : '<p class="note">No account loses money this period.</p>'
  }</section>
${report.plan && report.variance ? planSection(report.plan, report.portfolio, report.variance, report.currency) : ''}
<section><h2>Scenarios against the baseline</h2>${
    doc.scenarios.length
      ? doc.scenarios
          .map(
            (s) => `<h3>${esc(s.result.name ?? 'Scenario')}</h3><p class="note">${s.adjustments.map((a) => esc(describeAdjustment(a))).join('; ')}</p>${table(
              ['Figure', 'Baseline', 'Scenario', 'Difference'],
              compareFigures(SCENARIO_FIGURES, s.result.baseline, s.result.scenario, s.result.difference, report.currency).map((f) => [f.label, f.baseline, f.scenario, f.difference]),
            )}`,
          )
          .join('')
      : '<p class="note">No scenario is saved in this workbook.</p>'
  }</section>
${doc.costing && doc.costing.balance.pools.length ? costingSection(doc.costing, report.currency) : ''}
<section><h2>Assumptions</h2>${table(
    ['Assumption', 'Value'],
    ASSUMPTIONS.map((f) => [f.label, formatAssumption(f.key, report.assumptions)]),
  )}
<h2>Every figure in plain words</h2><dl>${GLOSSARY.map((g) => `<dt>${esc(g.title)}</dt><dd>${esc(g.words)}</dd>`).join('')}</dl></section>
</body></html>`;
}

/** DOMAIN.md, "Plan, dimensions": the period's plan against its actuals, the variance actual − plan (ratios in points). */
function planSection(plan: NonNullable<Report['plan']>, actual: Report['portfolio'], variance: Record<string, number | null>, currency: string): string {
  return `<section><h2>Plan vs actual</h2><p class="note">Variance = actual − plan; for margin and ROI, the difference of the two ratios in percentage points. An account the plan lacks is planned at 0.</p>${table(
    ['Figure', 'Plan', 'Actual', 'Variance'],
    compareFigures(PLAN_FIGURES, plan, actual, variance, currency).map((f) => [f.label, f.baseline, f.scenario, f.difference]),
  )}</section>`;
}
