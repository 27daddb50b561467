import type Database from 'better-sqlite3';
import { extname } from 'node:path';
import type { ImportSummary } from '../../../shared/ipc/contract';
import { CpwError, describeProblem } from '../../../shared/ipc/errors';
import type { InputField } from '../../../shared/schemas/fields';
import { ensurePeriod, findPeriod } from '../db/repos/periods';
import { listRows, writeRows } from '../db/repos/rows';
import { readCsvFile } from './csv';
import { parseSheet, type ParsedSheet } from './sheet';

const PREVIEW_ROWS = 20;
const MESSAGE_PROBLEMS = 50;

export interface ImportOptions {
  file: string;
  period: string;
  map: Partial<Record<InputField, string>>;
  merge: boolean;
}

/**
 * Read and validate a whole sheet file. Any problem refuses the import with
 * every problem listed; nothing has been written at this point.
 */
export function readSheetFile(opts: ImportOptions): ParsedSheet {
  const ext = extname(opts.file).toLowerCase();
  if (ext !== '.csv' && ext !== '.txt' && ext !== '.tsv') {
    throw new CpwError('INVALID_INPUT', `${opts.file}: this version imports CSV files (.csv); save the sheet as CSV first`, {
      file: opts.file,
    });
  }
  const { records, delimiter } = readCsvFile(opts.file);
  // Semicolon-separated files come from European Excel, which writes decimal commas.
  const sheet = parseSheet(records, { map: opts.map, style: { decimalComma: delimiter === ';' } });
  if (sheet.problems.length > 0) {
    const n = sheet.problems.length;
    const shown = sheet.problems.slice(0, MESSAGE_PROBLEMS).map(describeProblem);
    const more = n > MESSAGE_PROBLEMS ? [`... and ${n - MESSAGE_PROBLEMS} more`] : [];
    throw new CpwError(
      'IMPORT_INVALID',
      [`${opts.file}: ${n} problem${n === 1 ? '' : 's'}, nothing imported`, ...shown, ...more].join('\n'),
      { file: opts.file, problems: sheet.problems },
    );
  }
  return sheet;
}

function summary(opts: ImportOptions, sheet: ParsedSheet, counts: { added: number; updated: number; removed: number }): ImportSummary {
  return {
    file: opts.file,
    period: opts.period,
    rows: sheet.rows.length,
    ...counts,
    mapping: sheet.mapping,
    absentColumns: sheet.absentColumns,
    unmappedColumns: sheet.unmappedColumns,
    preview: sheet.rows.slice(0, PREVIEW_ROWS),
  };
}

/** What an import would do, without writing. */
export function previewImport(db: Database.Database, opts: ImportOptions, sheet: ParsedSheet): ImportSummary {
  const period = findPeriod(db, opts.period);
  const existing = new Set(period ? listRows(db, period.id).map((r) => r.account.toLowerCase()) : []);
  const incoming = new Set(sheet.rows.map((r) => r.account.toLowerCase()));
  const updated = [...incoming].filter((a) => existing.has(a)).length;
  return summary(opts, sheet, {
    added: incoming.size - updated,
    updated,
    removed: opts.merge ? 0 : [...existing].filter((a) => !incoming.has(a)).length,
  });
}

/** Write a validated sheet into its period; the caller holds the transaction. */
export function commitImport(db: Database.Database, opts: ImportOptions, sheet: ParsedSheet): ImportSummary {
  const period = ensurePeriod(db, opts.period);
  const counts = writeRows(db, period.id, sheet.rows, {
    merge: opts.merge,
    // An account keeps its owner and pinned segment unless the sheet has those columns.
    accountFields: { owner: 'owner' in sheet.mapping, segmentOverride: 'segmentOverride' in sheet.mapping },
  });
  return summary({ ...opts, period: period.label }, sheet, counts);
}
