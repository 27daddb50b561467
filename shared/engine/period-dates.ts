/** The first and last day of a period, as ISO dates (inclusive). */
export interface DateRange {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const range = (year: number, firstMonth: number, months: number): DateRange => {
  const endMonth = firstMonth + months - 1;
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(endMonth)}-${pad(lastDay(year, endMonth))}` };
};

/**
 * The calendar dates a period label stands for, when it says: `2026-Q3`,
 * `Q3 2026`, `2026-H1`, `2026-07`, `FY2026` or `2026` (a calendar year).
 * Null for a label that names no dates ("Pilot"); the user then gives them.
 */
export function periodDates(label: string): DateRange | null {
  const s = label.trim().toUpperCase();
  let m = /^(\d{4})[-\s/]?Q([1-4])$/.exec(s);
  if (m) return range(Number(m[1]), 3 * Number(m[2]) - 2, 3);
  m = /^Q([1-4])[-\s/]?(\d{4})$/.exec(s);
  if (m) return range(Number(m[2]), 3 * Number(m[1]) - 2, 3);
  m = /^(\d{4})[-\s/]?H([12])$/.exec(s);
  if (m) return range(Number(m[1]), m[2] === '1' ? 1 : 7, 6);
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return range(Number(m[1]), Number(m[2]), 1);
  m = /^(?:FY\s?)?(\d{4})$/.exec(s);
  if (m) return range(Number(m[1]), 1, 12);
  return null;
}

export const inRange = (date: string, r: DateRange | null): boolean => r === null || (date >= r.from && date <= r.to);
