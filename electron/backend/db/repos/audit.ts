import type { AuditEntry } from '../../../../shared/schemas/audit';
import { actorName } from '../../actor';
import type { SheetRow } from '../../../../shared/schemas/row';
import type { Sql } from '../sql';
import { ROW_FIELDS } from '../columns';

/** The fields of a row an audit entry can name: the account's own, then the period's values. */
const AUDITED = ['account', 'owner', 'segmentOverride', ...ROW_FIELDS] as const;

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * Record a row's change field by field, in the name of the call's person.
 * A row added is its account going from nothing to its name; a row removed,
 * from its name to nothing. The caller holds the transaction.
 */
export async function auditRow(tx: Sql, period: string | null, before: SheetRow | null, after: SheetRow | null, at: string): Promise<void> {
  const either = after ?? before;
  if (!either) return;
  const who = actorName();
  const entries: unknown[][] = [];
  const account = either.account;
  if (!before || !after) {
    entries.push([at, who, period, account, 'account', before ? before.account : null, after ? after.account : null]);
  } else {
    for (const f of AUDITED) {
      const was = text(before[f]);
      const now = text(after[f]);
      if (was !== now) entries.push([at, who, period, f === 'account' ? before.account : account, f, was, now]);
    }
  }
  for (const e of entries) await tx.run('INSERT INTO audit_log (at, person, period, account, field, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)', e);
}

/** Record a change to the workbook as a whole (an import, an assumption, a period, the cost pools) under account "", from what to what. */
export async function auditWorkbook(tx: Sql, period: string | null, what: string, before: string | null, after: string | null): Promise<void> {
  await tx.run('INSERT INTO audit_log (at, person, period, account, field, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)', [new Date().toISOString(), actorName(), period, '', what, before, after]);
}

/** The log, oldest first: one account's (its name compared without case), since a date or time, at most `limit` of the newest. */
export async function listAudit(tx: Sql, options: { account?: string; since?: string; limit?: number } = {}): Promise<AuditEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (options.account !== undefined) {
    where.push('account = ? COLLATE NOCASE');
    params.push(options.account);
  }
  if (options.since !== undefined) {
    where.push('at >= ?');
    params.push(options.since);
  }
  const limit = options.limit ?? 100_000;
  const rows = await tx.all<AuditEntry & { id: number }>(
    `SELECT id, at, person, period, account, field, before, after FROM audit_log${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${Math.floor(limit)}`,
    params,
  );
  return rows.reverse().map(({ id: _id, ...e }) => e);
}

/** Record one account's dimension value changed (the field is the dimension's name), in the name of the call's person. */
export async function auditDimension(tx: Sql, period: string | null, account: string, name: string, before: string | null, after: string | null): Promise<void> {
  await tx.run('INSERT INTO audit_log (at, person, period, account, field, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)', [new Date().toISOString(), actorName(), period, account, name, before, after]);
}
