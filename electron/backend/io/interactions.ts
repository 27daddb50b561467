import type { Sql } from '../db/sql';
import type { Problem } from '../../../shared/ipc/errors';
import { CpwError, describeProblem } from '../../../shared/ipc/errors';
import { Interaction, INTERACTION_LABELS } from '../../../shared/schemas/interaction';
import { parseNumber, type NumberStyle } from '../../../shared/text/numbers';
import { addInteractions } from '../db/repos/interactions';
import { findAccountName } from '../db/repos/rows';
import { matchHeaders, type Synonyms } from './mapping';

type Field = 'account' | 'date' | 'kind' | 'hours' | 'prepHours' | 'attendees' | 'travel' | 'projectedRevenue' | 'winProbability' | 'valued' | 'note';

const LABELS: Record<Field, string> = INTERACTION_LABELS;

/** Headers people use in an interactions log, as exported from a CRM or kept by hand. */
export const INTERACTION_SYNONYMS: Synonyms<Field> = {
  account: ['Customer', 'Client', 'Account name', 'Company'],
  date: ['Date', 'When', 'Meeting date', 'Activity date'],
  kind: ['Type', 'Activity', 'Activity type', 'Interaction type'],
  hours: ['Duration', 'Duration (h)', 'Hours spent', 'Length'],
  prepHours: ['Prep', 'Preparation', 'Prep hours', 'Preparation hours'],
  attendees: ['People', 'Attendees', 'Number of attendees', 'Participants'],
  travel: ['Travel cost', 'Travel expenses', 'Expenses'],
  projectedRevenue: ['Projected revenue', 'Opportunity', 'Opportunity value', 'Deal value'],
  winProbability: ['Win probability', 'Probability', 'Chance', 'Likelihood'],
  valued: ['Customer valued', 'Valued by customer', 'Recognised', 'Recognized'],
  note: ['Notes', 'Comment', 'Comments', 'Subject'],
};

const KINDS: Record<string, string> = { meeting: 'meeting', call: 'call', phone: 'call', 'phone call': 'call', visit: 'visit', 'site visit': 'visit', workshop: 'workshop', other: 'other', email: 'other' };
const VALUED: Record<string, string> = { yes: 'yes', y: 'yes', true: 'yes', no: 'no', n: 'no', false: 'no', unknown: 'unknown', '': 'unknown', '?': 'unknown' };
/** Day 0 of Excel's date serials (1899-12-30, after its 1900 leap-year bug). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date as ISO YYYY-MM-DD, from ISO text or an Excel date serial. */
export function readDate(text: string): string | null {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  if (/^\d{4,5}(\.\d+)?$/.test(t)) {
    const serial = Math.floor(Number(t));
    if (serial > 0 && serial < 2958466) return new Date(EXCEL_EPOCH + serial * 86_400_000).toISOString().slice(0, 10);
  }
  return null;
}

function cell(field: Field, raw: string, style: NumberStyle): { ok: true; value: unknown } | { ok: false; rule: string } {
  const t = raw.trim();
  switch (field) {
    case 'account':
    case 'note':
      return { ok: true, value: t === '' ? (field === 'note' ? null : '') : t };
    case 'date': {
      const d = readDate(t);
      return d ? { ok: true, value: d } : { ok: false, rule: 'must be a date written YYYY-MM-DD (or an Excel date)' };
    }
    case 'kind': {
      const k = KINDS[t.toLowerCase()];
      return k ? { ok: true, value: k } : { ok: false, rule: 'must be meeting, call, visit, workshop or other' };
    }
    case 'valued': {
      const v = VALUED[t.toLowerCase()];
      return v ? { ok: true, value: v } : { ok: false, rule: 'must be yes, no or unknown' };
    }
    default: {
      const n = parseNumber(t, style);
      if (!n.ok) return n;
      if (n.value === null) return { ok: true, value: undefined };
      if (field === 'winProbability' && !n.percent && n.value > 1) return { ok: false, rule: 'must be a fraction from 0 to 1, or a percentage like 30%' };
      if (n.percent && field !== 'winProbability') return { ok: false, rule: 'must be a number, not a percentage' };
      if (n.value < 0) return { ok: false, rule: `${LABELS[field]} must be 0 or more` };
      return { ok: true, value: n.value };
    }
  }
}

/**
 * An interactions log (CSV or XLSX rows, header first) as interactions of
 * accounts the workbook knows. Every row is checked; the problems name row,
 * column, value and rule.
 */
export async function parseInteractions(tx: Sql, records: readonly (readonly string[])[], style: NumberStyle): Promise<{ rows: Interaction[]; problems: Problem[] }> {
  const headers = (records[0] ?? []).map((h) => h.trim());
  const match = matchHeaders<Field>(headers, {}, 1, INTERACTION_SYNONYMS);
  const problems: Problem[] = [...match.problems];
  for (const f of ['account', 'date', 'kind', 'hours'] as const) {
    if (match.columns[f] === undefined) problems.push({ row: 1, field: f, rule: `the log has no ${LABELS[f]} column (${[f, ...INTERACTION_SYNONYMS[f]].join(', ')} are read as one)` });
  }
  const rows: Interaction[] = [];
  if (problems.length) return { rows, problems };
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    if (record.every((c) => c.trim() === '')) continue;
    const candidate: Record<string, unknown> = {};
    const rowProblems: Problem[] = [];
    for (const [field, index] of Object.entries(match.columns) as [Field, number][]) {
      const c = cell(field, record[index] ?? '', style);
      if (!c.ok) rowProblems.push({ row: r + 1, column: headers[index]!, field, value: record[index] ?? '', rule: c.rule });
      else if (c.value !== undefined) candidate[field] = c.value;
    }
    const known = await findAccountName(tx, String(candidate.account ?? ''));
    if (known === null) {
      const index = match.columns.account!;
      // First on the row, as the account is what a reader looks for first.
      rowProblems.unshift({ row: r + 1, column: headers[index]!, field: 'account', value: record[index] ?? '', rule: 'no such account in this workbook (import the sheet first)' });
    }
    if (rowProblems.length) {
      problems.push(...rowProblems);
      continue;
    }
    const parsed = Interaction.safeParse({ ...candidate, account: known });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '') as Field;
        const index = match.columns[field];
        problems.push({ row: r + 1, column: index === undefined ? field : headers[index]!, field, value: index === undefined ? '' : (record[index] ?? ''), rule: issue.message });
      }
      continue;
    }
    rows.push(parsed.data);
  }
  return { rows, problems };
}

/** Add a whole log, or nothing: the caller holds the transaction. */
export async function importInteractions(tx: Sql, file: string, parsed: { rows: Interaction[]; problems: Problem[] }): Promise<number> {
  const n = parsed.problems.length;
  if (n > 0) {
    const lines = parsed.problems.slice(0, 50).map(describeProblem);
    throw new CpwError('IMPORT_INVALID', [`${file}: ${n} problem${n === 1 ? '' : 's'}, nothing imported`, ...lines].join('\n'), {
      file,
      problems: parsed.problems.slice(0, 1000),
    });
  }
  return addInteractions(tx, parsed.rows);
}
