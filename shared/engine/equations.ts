import type { EquationTerm } from '../schemas/pools';

/** How a line's text and an equation's `equals` are compared: trimmed, case folded ("Yes" is "yes"). */
export const foldValue = (text: string): string => text.trim().normalize('NFC').toLowerCase();

/** The attributes an equation reads from each line, each as a number (minutes per unit) or a text (minutes when it equals). */
export function equationAttributes(terms: readonly EquationTerm[]): { numeric: string[]; text: string[] } {
  const numeric = new Set<string>();
  const text = new Set<string>();
  for (const t of terms) {
    if (t.attribute === undefined) continue;
    (t.equals === undefined ? numeric : text).add(t.attribute);
  }
  return { numeric: [...numeric], text: [...text] };
}

/**
 * DOMAIN.md, "Time equations": the minutes of one transaction line = base +
 * sum of (minutes x a numeric attribute) + sum of (minutes when an attribute
 * equals a value). Order entry = 5 + 3 x lines + 15 if newCustomer = yes +
 * 10 if expedited = yes: a 4-line order of a new customer, expedited, 42.
 * `line` gives an attribute's number or text; the reader has checked them.
 */
export function lineMinutes(terms: readonly EquationTerm[], line: (attribute: string) => number | string): number {
  let minutes = 0;
  for (const t of terms) {
    if (t.attribute === undefined) minutes += t.minutes;
    else if (t.equals === undefined) minutes += t.minutes * (line(t.attribute) as number);
    else if (foldValue(String(line(t.attribute))) === foldValue(t.equals)) minutes += t.minutes;
  }
  return minutes;
}

/**
 * An account's minutes for an equation activity, the sum over its lines,
 * from what its lines hold in total: `count` lines take the base time each;
 * a numeric term adds its minutes times the attribute's sum over the lines; a
 * text term its minutes times the number of lines holding the value. The
 * same figure as lineMinutes added line by line, as the equation is linear.
 */
export function accountMinutes(terms: readonly EquationTerm[], count: number, total: (attribute: string, value: string) => number): number {
  let minutes = 0;
  for (const t of terms) {
    if (t.attribute === undefined) minutes += t.minutes * count;
    else minutes += t.minutes * total(t.attribute, t.equals === undefined ? '' : foldValue(t.equals));
  }
  return minutes;
}
