import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { currentNumberLocale } from '../../../../shared/format';
import type { EquationTerm } from '../../../../shared/schemas/pools';
import { readNumber } from './numbers';
import './pools.css';

/** One term as typed: the three cells of its row. */
type Draft = { minutes: string; attribute: string; equals: string };
type Problem = { row: number; cell: keyof Draft; message: string };

const minutesText = (n: number) => `${n.toLocaleString(currentNumberLocale(), { maximumFractionDigits: 4 })} min`;
const toDraft = (t: EquationTerm): Draft => ({ minutes: String(t.minutes), attribute: t.attribute ?? '', equals: t.equals ?? '' });

/** A term read out: "5 min", "3 min × lines", "15 min if newCustomer = yes". */
function termInWords(minutes: string, attribute: string, equals: string): string {
  const n = readNumber(minutes);
  const m = n === null ? '? min' : minutesText(n);
  if (!attribute.trim()) return m;
  return equals.trim() ? `${m} if ${attribute.trim()} = ${equals.trim()}` : `${m} × ${attribute.trim()}`;
}

/** DOMAIN.md, "Time equations", in words: "5 min + 3 min × lines + 15 min if newCustomer = yes + 10 min if expedited = yes". */
export const equationInWords = (terms: readonly EquationTerm[]): string =>
  terms.length ? terms.map((t) => termInWords(String(t.minutes), t.attribute ?? '', t.equals ?? '')).join(' + ') : '0 min';

/** The terms typed, checked as the schema checks them, or the first problem, naming the cell by its label. */
function readTerms(drafts: readonly Draft[], activity: string): { terms: EquationTerm[] } | { problem: Problem } {
  const terms: EquationTerm[] = [];
  for (const [row, d] of drafts.entries()) {
    const where = `of term ${row + 1} of ${activity}`;
    const minutes = readNumber(d.minutes);
    if (minutes === null) return { problem: { row, cell: 'minutes', message: `Minutes ${where} must be a number (${d.minutes.trim() ? `"${d.minutes.trim()}"` : 'it is empty'})` } };
    if (minutes < 0 || minutes > 1e6) return { problem: { row, cell: 'minutes', message: `Minutes ${where} must be from 0 to 1,000,000` } };
    const attribute = d.attribute.trim();
    const equals = d.equals.trim();
    if (equals && !attribute) return { problem: { row, cell: 'attribute', message: `Equals ${where} compares an attribute: give the Attribute too, or clear Equals` } };
    if (attribute.length > 100) return { problem: { row, cell: 'attribute', message: `Attribute ${where} is longer than 100 characters` } };
    if (equals.length > 100) return { problem: { row, cell: 'equals', message: `Equals ${where} is longer than 100 characters` } };
    terms.push({ minutes, ...(attribute ? { attribute } : {}), ...(equals ? { equals } : {}) });
  }
  return { terms };
}

/**
 * An activity's time equation as a table of terms, no code to type: each
 * row's minutes, and optionally the attribute of the transaction line they
 * multiply, or the text it must hold for them to count. The terms are saved
 * together when the focus leaves the table or on Enter; a bad cell is named
 * by its label and nothing is saved. Escape puts back what is saved.
 */
export function EquationEditor({ activity, pool, terms, commit }: { activity: string; pool: string; terms: readonly EquationTerm[]; commit: (terms: EquationTerm[]) => void }) {
  const stored = JSON.stringify(terms);
  const [seen, setSeen] = useState(stored);
  const [drafts, setDrafts] = useState<Draft[]>(() => terms.map(toDraft));
  const [problem, setProblem] = useState<Problem | null>(null);
  // What is saved changed (this editor's commit, an undo, another window): show it.
  if (seen !== stored) {
    setSeen(stored);
    setDrafts(terms.map(toDraft));
    setProblem(null);
  }
  const firstCells = useRef<(HTMLInputElement | null)[]>([]);
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    if (focusRow.current === null) return;
    firstCells.current[focusRow.current]?.focus();
    focusRow.current = null;
  });

  const save = (next: readonly Draft[]) => {
    const read = readTerms(next, activity);
    if ('problem' in read) return setProblem(read.problem);
    setProblem(null);
    if (JSON.stringify(read.terms) !== stored) commit(read.terms);
  };
  const leave = (e: FocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) save(drafts);
  };
  const keys = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') save(drafts);
    if (e.key === 'Escape') {
      setDrafts(terms.map(toDraft));
      setProblem(null);
    }
  };
  const edit = (row: number, cell: keyof Draft, value: string) => setDrafts(drafts.map((d, k) => (k === row ? { ...d, [cell]: value } : d)));
  const words = drafts.map((d) => termInWords(d.minutes, d.attribute, d.equals)).join(' + ') || '0 min';
  const dirty = JSON.stringify(drafts) !== JSON.stringify(terms.map(toDraft));
  const cell = (row: number, name: keyof Draft, label: string, placeholder?: string) => (
    <input
      ref={name === 'minutes' ? (el) => void (firstCells.current[row] = el) : undefined}
      aria-label={`${label} of term ${row + 1} of ${activity}`}
      aria-invalid={problem?.row === row && problem.cell === name ? true : undefined}
      value={drafts[row]![name]}
      placeholder={placeholder}
      inputMode={name === 'minutes' ? 'decimal' : undefined}
      onChange={(e) => edit(row, name, e.target.value)}
      onKeyDown={keys}
    />
  );

  return (
    <div className="equation-editor" role="group" aria-label={`Time equation of ${activity}`} onBlur={leave}>
      <table className="data-table terms-table">
        <caption>
          Minutes for each transaction line of {activity} ({pool})
        </caption>
        <thead>
          <tr>
            <th scope="col">Minutes</th>
            <th scope="col">Attribute (optional)</th>
            <th scope="col">Equals (optional)</th>
            <th scope="col" aria-label="Remove" />
          </tr>
        </thead>
        <tbody>
          {drafts.map((_, row) => (
            <tr key={row}>
              <td>{cell(row, 'minutes', 'Minutes')}</td>
              <td>{cell(row, 'attribute', 'Attribute', row === 0 ? 'none: every line' : 'e.g. lines')}</td>
              <td>{cell(row, 'equals', 'Equals', 'e.g. yes')}</td>
              <td>
                <button
                  type="button"
                  aria-label={`Remove term ${row + 1} of ${activity}`}
                  title={drafts.length === 1 ? 'An equation keeps one term at least: choose Minutes per unit instead' : undefined}
                  disabled={drafts.length === 1}
                  onClick={() => {
                    const next = drafts.filter((_, k) => k !== row);
                    setDrafts(next);
                    focusRow.current = Math.min(row, next.length - 1);
                    save(next);
                  }}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {problem ? (
        <p className="field-error" role="alert">
          {problem.message}: nothing was saved.
        </p>
      ) : null}
      <div className="equation-foot">
        <button
          type="button"
          onClick={() => {
            focusRow.current = drafts.length;
            setDrafts([...drafts, { minutes: '', attribute: '', equals: '' }]);
          }}
        >
          + Term
        </button>
        <output className="equation-words" aria-label={`${activity} in words`}>
          = {words} per line
        </output>
        {dirty && !problem ? <span className="hint">Saved when you leave the terms or press Enter; Escape puts back what is saved.</span> : null}
      </div>
      <p className="hint small">
        No attribute: minutes for every line. An attribute alone: minutes for each unit of that number on the line. With Equals: minutes when the
        line's attribute holds that text. Each account's lines come from <b>Import transaction lines…</b> above, a column for each attribute.
      </p>
    </div>
  );
}
