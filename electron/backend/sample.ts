import type { Sql } from './db/sql';
import { seededRandom } from '../../shared/random';
import type { Interaction } from '../../shared/schemas/interaction';
import { SheetRow } from '../../shared/schemas/row';
import { addInteraction } from './db/repos/interactions';
import { createPeriod } from './db/repos/periods';
import { writeRows } from './db/repos/bulk-rows';

const OWNERS = ['Alice Moreau', 'Ben Okafor', 'Chiara Rossi', 'Dev Patel', 'Emma Lindqvist'];
const NAMES = [
  'Northwind Logistics', 'Contoso Retail', 'Fabrikam Foods', 'Tailspin Air', 'Litware Systems', 'Adatum Health',
  'Woodgrove Bank', 'Proseware Labs', 'Wingtip Toys', 'Coho Winery', 'Alpine Ski House', 'Blue Yonder Freight',
  'Fourth Coffee', 'Graphic Design Institute', 'Humongous Insurance', 'Lamna Healthcare', 'Lucerne Publishing',
  'Margie Travel', 'Nod Publishers', 'Relecloud', 'Southridge Video', 'Trey Research', 'VanArsdel Foods',
  'Wide World Importers', 'Datum Analytics', 'Bellows College', 'Consolidated Messenger', 'First Up Consultants',
  'Baldwin Museum', 'City Power and Light', 'Munson Pickles', 'Olympia Marine', 'Parnell Aerospace',
  'Quantum Bicycles', 'Rivera Textiles', 'Sierra Mining', 'Tamarack Energy', 'Umbra Optics', 'Vertex Pharma',
  'Yellowstone Outfitters', 'Zephyr Telecom', 'Granite Construction', 'Harbor Shipping', 'Iris Cosmetics',
];

export const SAMPLE_PERIODS = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];

interface Profile {
  name: string;
  owner: string;
  size: number;
  /** Total cost over revenue: under 1 makes money, over 1 loses it. */
  costRatio: number;
  firstPeriod: number;
  churnPeriod: number | null;
  clv: boolean;
}

function profiles(rnd: () => number): Profile[] {
  return NAMES.map((name, k) => {
    // A few large accounts, a long tail: sizes fall off like a real book of business.
    const size = Math.round((900_000 / (1 + k * 0.35)) * (0.8 + rnd() * 0.4));
    const losing = k % 7 === 3 || k === 1; // one big account among them, as in most books
    const costRatio = losing ? 1.2 + rnd() * 0.35 : 0.55 + rnd() * 0.3;
    return {
      name,
      owner: OWNERS[k % OWNERS.length]!,
      size,
      costRatio,
      firstPeriod: k >= 40 ? Math.min(3, k - 39) : 0,
      churnPeriod: k === 17 ? 2 : k === 29 ? 3 : k === 35 ? 1 : null,
      clv: k % 5 === 0,
    };
  });
}

function rowFor(p: Profile, period: number, rnd: () => number): SheetRow | null {
  if (period < p.firstPeriod || (p.churnPeriod !== null && period > p.churnPeriod)) return null;
  const drift = 1 + (period - 1.5) * 0.03 + (rnd() - 0.5) * 0.12;
  const revenue = Math.round(p.size * drift);
  const total = revenue * p.costRatio * (0.97 + rnd() * 0.06);
  const losing = p.costRatio > 1;
  // Loss makers lose it after the sale: service and labour eat the margin.
  const shares = losing ? [0.08, 0.42, 0.08, 0.24, 0.18] : [0.07, 0.6, 0.1, 0.12, 0.11];
  const [presale, production, distribution, service, labour] = shares.map((s) => Math.round(total * s));
  const meetings = Math.max(1, Math.round((revenue / 60_000) * (losing ? 2.2 : 1) * (0.7 + rnd() * 0.6)));
  const calls = Math.round(meetings * (2 + rnd() * 4));
  const status = p.churnPeriod === period ? 'churned' : p.firstPeriod === period && period > 0 ? 'new' : 'active';
  const upsell = rnd() < 0.4 ? Math.round(revenue * rnd() * 0.12) : null;
  const crossSell = rnd() < 0.3 ? Math.round(revenue * rnd() * 0.08) : null;
  return SheetRow.parse({
    account: p.name,
    owner: p.owner,
    revenue,
    presale,
    production,
    distribution,
    service,
    labour,
    meetings,
    calls,
    csat: rnd() < 0.85 ? Math.min(5, Math.max(1, Math.round((losing ? 2.8 : 3.9) + (rnd() - 0.5) * 2.4))) : null,
    nps: rnd() < 0.8 ? Math.min(10, Math.max(0, Math.round((losing ? 5.5 : 8.4) + (rnd() - 0.5) * 4))) : null,
    status,
    upsell,
    crossSell,
    referrals: rnd() < 0.6 ? (rnd() < 0.3 ? 1 + Math.floor(rnd() * 3) : 0) : null,
    valueDelivered: rnd() < 0.5 ? Math.round(revenue * (1.2 + rnd() * 2.5)) : null,
    avgOrderValue: p.clv ? Math.round(revenue / 12) : null,
    purchasesPerYear: p.clv ? 48 : null,
    lifespanYears: p.clv ? 4 + Math.floor(rnd() * 4) : null,
  });
}

const KINDS = ['meeting', 'call', 'visit', 'workshop', 'other'] as const;
const VALUED = ['yes', 'no', 'unknown'] as const;

/**
 * Fill a new workbook with the demo portfolio of `cpw new --sample`: 44
 * accounts over four quarters, five owners, accounts won and lost, a few
 * that cost more than they bring, and an interactions log.
 */
export async function seedSample(tx: Sql): Promise<void> {
  const rnd = seededRandom(20260101);
  const people = profiles(rnd);
  for (const [period, label] of SAMPLE_PERIODS.entries()) {
    const { id } = await createPeriod(tx, label);
    const rows = people.map((p) => rowFor(p, period, rnd)).filter((r): r is SheetRow => r !== null);
    await writeRows(tx, id, rows, { merge: false, accountFields: { owner: true, segmentOverride: true } });
  }
  const quarterStart = ['2025-10', '2026-01', '2026-04', '2026-07'];
  for (let k = 0; k < 90; k++) {
    const p = people[Math.floor(rnd() * 30)]!;
    const q = Math.floor(rnd() * 4);
    const month = Number(quarterStart[q]!.slice(5)) + Math.floor(rnd() * 3);
    const kind = KINDS[Math.floor(rnd() * KINDS.length)]!;
    const it: Interaction = {
      account: p.name,
      date: `${quarterStart[q]!.slice(0, 4)}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`,
      kind,
      hours: kind === 'call' ? 0.5 : kind === 'workshop' ? 4 : 1.5,
      prepHours: kind === 'call' ? 0 : Math.round(rnd() * 4) / 2,
      attendees: kind === 'call' ? 1 : 1 + Math.floor(rnd() * 3),
      travel: kind === 'visit' ? Math.round(200 + rnd() * 900) : 0,
      projectedRevenue: rnd() < 0.6 ? Math.round(p.size * rnd() * 0.3) : 0,
      winProbability: Math.round(rnd() * 10) / 10,
      valued: VALUED[Math.floor(rnd() * 3)]!,
      planned: false,
      note: null,
    };
    await addInteraction(tx, it);
  }
}
