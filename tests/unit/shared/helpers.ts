import { Assumptions, DEFAULT_ASSUMPTIONS } from '../../../shared/schemas/assumptions';
import { SheetRow } from '../../../shared/schemas/row';
import type { SheetRowInput } from '../../../shared/schemas/row';
import { computeSheet } from '../../../shared/engine/results';
import type { AccountResult, Portfolio } from '../../../shared/schemas/report';

/** A row as the schema shapes it, so every default applies. */
export function row(input: SheetRowInput): SheetRow {
  return SheetRow.parse(input);
}

export function rows(inputs: readonly SheetRowInput[]): SheetRow[] {
  return inputs.map(row);
}

/** Assumptions with some values changed, validated by the schema. */
export function assumptions(patch: Partial<Assumptions>): Assumptions {
  return Assumptions.parse({ ...DEFAULT_ASSUMPTIONS, ...patch });
}

export interface Computed {
  accounts: AccountResult[];
  portfolio: Portfolio;
  /** One account's result by name; throws when absent so a typo fails loudly. */
  get: (name: string) => AccountResult;
}

export function compute(inputs: readonly SheetRowInput[], a: Assumptions = DEFAULT_ASSUMPTIONS): Computed {
  const out = computeSheet(rows(inputs), a);
  return {
    ...out,
    get(name) {
      const found = out.accounts.find((x) => x.account === name);
      if (!found) throw new Error(`no account ${name}`);
      return found;
    },
  };
}

/** The single account of a one-row sheet. */
export function one(input: SheetRowInput, a: Assumptions = DEFAULT_ASSUMPTIONS): AccountResult {
  const [only] = computeSheet([row(input)], a).accounts;
  if (!only) throw new Error('no account computed');
  return only;
}
