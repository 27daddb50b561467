import { currentNumberLocale, formatMoney, formatPercent } from '../format';
import type { Assumptions } from '../schemas/assumptions';

export interface AssumptionSpec {
  key: keyof Assumptions;
  label: string;
  /** What it is for, in the words of the people who set it. */
  help: string;
}

/** DOMAIN.md, "Assumptions", as people read them: the Assumptions panel's fields and the report's table, in this order. */
export const ASSUMPTIONS: readonly AssumptionSpec[] = [
  { key: 'currency', label: 'Currency', help: 'ISO code for display, e.g. USD, EUR, GBP.' },
  { key: 'dailyRate', label: 'Daily rate', help: "The value of a rep's day." },
  { key: 'hoursPerDay', label: 'Hours per day', help: 'Working hours in that day.' },
  { key: 'meetingHours', label: 'Meeting hours', help: 'Rep hours one meeting takes (1.6 makes a meeting cost 200 at 1,000 a day).' },
  { key: 'callHours', label: 'Call hours', help: 'Rep hours one call takes (0.4 makes a call cost 50).' },
  { key: 'revenueSplit', label: 'Revenue split', help: "Where the matrix splits big from small accounts. Empty: the period's median revenue." },
  { key: 'marginSplit', label: 'Margin split', help: "Where the matrix splits good from thin margins, e.g. 20%. Empty: the portfolio's margin." },
  { key: 'investThreshold', label: 'Invest threshold (×)', help: 'The pre-call check says Invest when the expected return is at least this many times the cost.' },
  { key: 'reviewThreshold', label: 'Review threshold (×)', help: 'Review from this multiple up to the Invest threshold; Skip below it.' },
  { key: 'defaultLifespanYears', label: 'Default lifespan (years)', help: 'CLV of an account that gives no lifespan.' },
];

const plain = (n: number) => n.toLocaleString(currentNumberLocale(), { maximumFractionDigits: 2 });

/** An assumption's value as a report prints it, in its unit; the splits left empty say what applies instead. */
export function formatAssumption(key: keyof Assumptions, a: Assumptions): string {
  const v = a[key];
  switch (key) {
    case 'currency':
      return a.currency;
    case 'dailyRate':
      return formatMoney(a.dailyRate, a.currency);
    case 'revenueSplit':
      return a.revenueSplit === null ? 'the period’s median revenue' : formatMoney(a.revenueSplit, a.currency);
    case 'marginSplit':
      return a.marginSplit === null ? 'the portfolio’s margin' : formatPercent(a.marginSplit, 1);
    case 'investThreshold':
    case 'reviewThreshold':
      return `${plain(v as number)}×`;
    default:
      return plain(v as number);
  }
}
