import { ACCOUNT_METRICS } from './account-metrics';
import { CONCEPTS } from './concepts';
import { PLAN_CONCEPTS } from './plan-concepts';
import { PORTFOLIO_METRICS } from './portfolio-metrics';

export type { MetricFormat, MetricHelp, MetricSpec } from './metric-spec';

/**
 * Every metric of DOMAIN.md, declared once as data: its name (the JSON key
 * and the grid's column id), the label a person reads, what scope it has
 * (one account, the portfolio of a period, or a concept of the help), how it
 * is formatted, the one sentence the sheet's header and the dashboard's tile
 * show, whether a rise is good news, and the glossary's text (what it is,
 * an example with numbers, what to do about it). The export's and the
 * report's columns, the sheet's computed columns, the tiles, trends and
 * scenario tables, the help and docs/metrics.md are derived from it.
 */

export const METRICS = [...ACCOUNT_METRICS, ...PORTFOLIO_METRICS, ...CONCEPTS, ...PLAN_CONCEPTS] as const;


export type Metric = (typeof METRICS)[number];
export type AccountMetric = Extract<Metric, { scope: 'account' }>['name'];
export type PortfolioMetric = Extract<Metric, { scope: 'portfolio' }>['name'];
