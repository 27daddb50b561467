import type { MetricSpec } from './metric-spec';

/** DOMAIN.md, "Plan, dimensions": the plan beside the actuals, and the variance between them, as the help explains them. */
export const PLAN_CONCEPTS = [
  {
    name: 'plan', scope: 'concept', label: 'Plan',
    format: 'text', domain: 'Plan, dimensions',
    help: {
      title: 'Plan',
      words: "Plan: a period's second set of rows beside its actuals, the same fields and rules, and its figures computed the same way (under the same assumptions; cost pools allocate the actuals only). Import one with cpw import FILE SHEET --period P --plan, or copy the actuals into it (cpw plan FILE --period P --from-actuals, --empty-only to fill only what the plan leaves blank) and edit it.",
      example: 'A plan of 2 accounts with 2,100 of revenue and 820 of cost plans a profit of 1,280 and a margin of 1,280 / 2,100 = 61.0%.',
      action: 'Set the plan before the period starts, then read the variance as the actuals come in: a plan copied from the actuals only says what happened.',
    },
  },
  {
    name: 'variance', scope: 'concept', label: 'Variance (actual − plan)',
    format: 'money', domain: 'Plan, dimensions',
    help: {
      title: 'Variance (actual − plan)',
      words: "Variance: actual - plan, for revenue, each cost bucket, total cost, profit, interaction cost, meetings, calls and the count of accounts; for margin and ROI the difference of the two ratios, in percentage points. An account the plan lacks is planned at 0, so the accounts' variances add up to the portfolio's. A positive cost variance is an overspend.",
      example: 'Profit of 640 against a plan of 1,280: a variance of 640 - 1,280 = -640. A margin of 41.3% against a planned 61.0%: -19.7 pts.',
      action: 'Start from the largest variances by size (the dashboard ranks them by account and by owner): a revenue shortfall asks for a sales answer, a cost overrun for a look at how the account is served.',
    },
  },
  {
    name: 'variancePct', scope: 'concept', label: 'Variance %',
    format: 'percent', domain: 'Plan, dimensions',
    help: {
      title: 'Variance %',
      words: "Variance %: the variance as a share of the plan, (actual - plan) / |plan|; none when the plan is 0 (an account the plan lacks). The sheet shows it beside each variance column.",
      example: 'Revenue of 1,000 against a plan of 1,200: (1,000 - 1,200) / 1,200 = -16.7%.',
      action: 'Compare accounts by percentage, not by amount alone: -16.7% of a small account can matter less than -5% of the largest.',
    },
  },
] as const satisfies readonly MetricSpec[];
