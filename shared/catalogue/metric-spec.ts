/** How a metric's value reads: an amount, a fraction shown as a percentage, a multiple (1.20x), a count, a score, words. */
export type MetricFormat = 'money' | 'percent' | 'multiple' | 'count' | 'score' | 'text' | 'curve';

export interface MetricHelp {
  title: string;
  /** What it is and the formula, in words. */
  words: string;
  example: string;
  /** What to do about it. */
  action: string;
}

export interface MetricSpec {
  readonly name: string;
  readonly scope: 'account' | 'portfolio' | 'concept';
  readonly label: string;
  /** Where room is short (the status bar, a CLI line). */
  readonly shortLabel?: string;
  /** Where there is room to spell it out (the report, the help). */
  readonly longLabel?: string;
  readonly format: MetricFormat;
  /** Decimals of a percentage where one is not enough or too many (1 unless said). */
  readonly decimals?: number;
  /** The DOMAIN.md section that defines it. */
  readonly domain: string;
  /** One sentence on what it means: the sheet header's tooltip, the dashboard tile's line. */
  readonly short?: string;
  /** Whether a rise is good news, for the colour of a change. */
  readonly better?: 'up' | 'down';
  /** A computed column of the sheet. */
  readonly sheet?: true;
  /** A tile of the dashboard. */
  readonly tile?: true;
  /** The glossary's entry, one per name. */
  readonly help?: MetricHelp;
  /** The name whose glossary entry explains this one (profit given back is explained with loss makers). */
  readonly helpFrom?: string;
}

