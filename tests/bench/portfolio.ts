import { seededRandom } from '../../shared/random';
import { INPUT_FIELDS } from '../../shared/schemas/fields';
import { SheetRow } from '../../shared/schemas/row';

/**
 * A generated book of n accounts with a realistic spread: revenue falling off
 * like a power law, most accounts profitable, about one in eight losing money,
 * ratings and CLV inputs on some.
 */
export function generatePortfolio(n: number, seed = 42): SheetRow[] {
  const rnd = seededRandom(seed);
  const owners = Array.from({ length: 40 }, (_, k) => `Owner ${k + 1}`);
  const rows: SheetRow[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const revenue = Math.round(2_000_000 / (1 + rnd() * 400) + rnd() * 5_000);
    const ratio = rnd() < 0.12 ? 1.05 + rnd() * 0.6 : 0.5 + rnd() * 0.4;
    const cost = revenue * ratio;
    const upsell = rnd() < 0.3 ? Math.round(revenue * 0.1 * rnd()) : null;
    rows[i] = SheetRow.parse({
      account: `Account ${String(i).padStart(6, '0')}`,
      owner: owners[i % owners.length],
      revenue,
      presale: Math.round(cost * 0.08),
      production: Math.round(cost * 0.55),
      distribution: Math.round(cost * 0.1),
      service: Math.round(cost * 0.15),
      labour: Math.round(cost * 0.12),
      meetings: Math.floor(rnd() * 12),
      calls: Math.floor(rnd() * 40),
      csat: rnd() < 0.7 ? 1 + Math.floor(rnd() * 5) : null,
      nps: rnd() < 0.6 ? Math.floor(rnd() * 11) : null,
      status: rnd() < 0.05 ? 'churned' : rnd() < 0.05 ? 'new' : 'active',
      upsell,
      crossSell: null,
      referrals: rnd() < 0.5 ? Math.floor(rnd() * 3) : null,
      avgOrderValue: rnd() < 0.2 ? Math.round(revenue / 10) : null,
      purchasesPerYear: 10,
      lifespanYears: rnd() < 0.5 ? 2 + Math.floor(rnd() * 6) : null,
    });
  }
  return rows;
}

/** The rows as the CSV a user would import: the input fields as headers, blanks for what is unknown. */
export const csvOf = (rows: readonly SheetRow[]): string => [INPUT_FIELDS.join(','), ...rows.map((r) => INPUT_FIELDS.map((f) => r[f] ?? '').join(','))].join('\n');
