import { useMemo, useRef, useState } from 'react';
import { preCall } from '../../../../shared/engine/interactions';
import { formatMoney, formatMultiple } from '../../../../shared/format';
import type { Assumptions } from '../../../../shared/schemas/assumptions';
import { INTERACTION_KINDS, INTERACTION_LABELS as L, InteractionPlan, VALUED, type InteractionInput } from '../../../../shared/schemas/interaction';
import { readAmount, readPercent, today } from './log';

interface Draft {
  account: string;
  date: string;
  kind: (typeof INTERACTION_KINDS)[number];
  hours: string;
  prepHours: string;
  attendees: string;
  travel: string;
  projectedRevenue: string;
  winProbability: string;
  valued: (typeof VALUED)[number];
  note: string;
}

const EMPTY: Draft = { account: '', date: today(), kind: 'meeting', hours: '1', prepHours: '0', attendees: '1', travel: '0', projectedRevenue: '0', winProbability: '0', valued: 'unknown', note: '' };

const VERDICT_HELP = {
  Invest: 'The expected return covers the cost well: go.',
  Review: 'It may pay back: cut the travel, the attendees or the prep, or raise the odds first.',
  Skip: 'It costs more than it is likely to bring: a call or an email will do.',
} as const;

/** The plan the form's text describes, or what is wrong with it. */
function readPlan(d: Draft): { plan: InteractionPlan; invalid: null } | { plan: null; invalid: string } {
  const plan = {
    hours: readAmount(d.hours),
    prepHours: readAmount(d.prepHours),
    attendees: readAmount(d.attendees, 1),
    travel: readAmount(d.travel),
    projectedRevenue: readAmount(d.projectedRevenue),
    winProbability: readPercent(d.winProbability || '0'),
  };
  const bad = (Object.keys(plan) as (keyof typeof plan)[]).find((k) => plan[k] === null || plan[k] < 0);
  if (bad) return { plan: null, invalid: `${L[bad]} must be a number of 0 or more` };
  const checked = InteractionPlan.safeParse(plan);
  if (!checked.success) return { plan: null, invalid: checked.error.issues.map((i) => i.message).join('; ') };
  return { plan: checked.data, invalid: null };
}

/**
 * The pre-call check: the plan of a meeting, call or trip, its cost and
 * expected return as DOMAIN.md computes them, and the verdict against the
 * workbook's thresholds; then saved as planned, or logged as held.
 */
export function PreCallPanel({ accounts, assumptions, currency, onSave }: {
  accounts: readonly string[];
  assumptions: Assumptions;
  currency: string;
  onSave: (it: InteractionInput) => Promise<boolean>;
}) {
  const [d, setD] = useState<Draft>(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));

  const { plan, invalid } = useMemo(() => readPlan(d), [d]);
  const fresh = plan ? preCall(plan, assumptions) : null;
  // While a value is being retyped, the last verdict stays, marked as not current: the panel neither empties nor jumps.
  const last = useRef(fresh);
  if (fresh) last.current = fresh;
  const result = fresh ?? last.current;
  const money = (v: number) => formatMoney(v, currency);

  const save = async (planned: boolean) => {
    if (!plan) return setProblem(`Nothing was saved: ${invalid}.`);
    if (!d.account.trim()) return setProblem('Name the account the interaction is with.');
    setProblem(null);
    const ok = await onSave({ ...plan, account: d.account.trim(), date: d.date, kind: d.kind, planned, valued: planned ? 'unknown' : d.valued, note: d.note.trim() || null });
    if (ok) setD((x) => ({ ...EMPTY, date: x.date }));
  };

  const field = (k: keyof Draft, label: string, hint?: string) => (
    <label>
      <span>{label}</span>
      <input name={k} value={d[k]} inputMode="decimal" title={hint} onChange={(e) => set(k, e.target.value as never)} />
    </label>
  );

  return (
    <section className="precall" aria-label="Pre-call check">
      <h2>Pre-call check</h2>
      <p className="hint">Price the interaction before it happens: rep time at {money(assumptions.dailyRate)} a day, plus travel, against what it may win.</p>
      <div className="precall-form">
        <label>
          <span>{L.account}</span>
          <input name="account" list="precall-accounts" value={d.account} onChange={(e) => set('account', e.target.value)} placeholder="Type or pick" />
          <datalist id="precall-accounts">
            {accounts.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </label>
        <label>
          <span>{L.date}</span>
          <input name="date" type="date" value={d.date} onChange={(e) => set('date', e.target.value)} />
        </label>
        <label>
          <span>{L.kind}</span>
          <select name="kind" value={d.kind} onChange={(e) => set('kind', e.target.value as Draft['kind'])}>
            {INTERACTION_KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        {field('hours', L.hours, 'Length of the interaction itself')}
        {field('prepHours', L.prepHours, 'Preparation and follow-up')}
        {field('attendees', L.attendees, 'People from your side')}
        {field('travel', `${L.travel} (${currency})`)}
        {field('projectedRevenue', `${L.projectedRevenue} (${currency})`, 'What the deal it serves would bring')}
        {field('winProbability', `${L.winProbability} (%)`, 'e.g. 25 for one chance in four')}
        <label>
          <span>{L.valued}</span>
          <select name="valued" value={d.valued} onChange={(e) => set('valued', e.target.value as Draft['valued'])} title="Once held: did the customer recognise its value?">
            {VALUED.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
        <label className="wide">
          <span>{L.note}</span>
          <input name="note" value={d.note} onChange={(e) => set('note', e.target.value)} maxLength={2000} />
        </label>
      </div>
      {result ? (
        <div className={`verdict verdict-${result.verdict.toLowerCase()}${fresh ? '' : ' stale'}`} role="status" aria-label="Pre-call verdict">
          <strong className="verdict-badge">{result.verdict}</strong>
          <span>
            Cost <b>{money(result.cost)}</b> · expected return <b>{money(result.expectedReturn)}</b> · return multiple{' '}
            <b>{formatMultiple(result.returnMultiple)}</b>
          </span>
          {/* The message lies over the explanation, which keeps its room: the panel keeps its height. */}
          <span className="verdict-note">
            <span className="hint">
              {VERDICT_HELP[result.verdict]} Invest at {assumptions.investThreshold}× and above, Review from {assumptions.reviewThreshold}×, Skip below
              (change them in Assumptions).
            </span>
            {invalid ? <span className="verdict-invalid">Not updated: {invalid}.</span> : null}
          </span>
        </div>
      ) : null}
      {problem || (invalid && !result) ? (
        <p className="form-error" role="alert">
          {problem ?? invalid}
        </p>
      ) : null}
      <div className="precall-actions">
        <button type="button" onClick={() => void save(true)}>
          Save as planned
        </button>
        <button type="button" onClick={() => void save(false)}>
          Log as held
        </button>
      </div>
    </section>
  );
}
