import type { PortfolioMetric } from './metrics';

/** The portfolio figures that are one number each (the whale curve is a list of points). */
export type FigureKey = Exclude<PortfolioMetric, 'whaleCurve'>;

/**
 * Which portfolio figures each table shows, in its order. The labels and
 * formats come from the catalogue; these lists say only what a table is for.
 */

/** The key figures of the workshop report and the CLI's scenario table. */
export const REPORT_FIGURES: readonly FigureKey[] = [
  'count',
  'revenue',
  'totalCost',
  'profit',
  'roi',
  'margin',
  'interactionCost',
  'lossMakers',
  'profitGivenBack',
  'whalePeak',
  'top20Share',
  'churnRate',
  'nps',
  'csat',
];

/** What a scenario is compared on, in the window, the report and the command line. */
export const SCENARIO_FIGURES: readonly FigureKey[] = ['count', 'revenue', 'totalCost', 'profit', 'roi', 'margin', 'lossMakers', 'profitGivenBack', 'whalePeak'];

/** What the trends chart offers, per period. */
export const TREND_FIGURES: readonly FigureKey[] = [
  'profit',
  'revenue',
  'totalCost',
  'roi',
  'margin',
  'whalePeak',
  'top20Share',
  'lossMakers',
  'profitGivenBack',
  'interactionCost',
  'churnRate',
  'nps',
  'csat',
];

/** What plan vs actual compares, in the report, the PDF and the command line (variance = actual - plan; ratios in points). */
export const PLAN_FIGURES: readonly FigureKey[] = ['count', 'revenue', 'totalCost', 'profit', 'margin', 'roi', 'interactionCost', 'meetings', 'calls'];
