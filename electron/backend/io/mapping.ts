import { fieldRecord } from '../../../shared/catalogue';
import type { InputField } from '../../../shared/schemas/fields';
import type { Problem } from '../../../shared/ipc/errors';

/** Case, spaces and punctuation do not matter when matching a header. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Headers people use for each field, besides the DOMAIN.md name itself, as
 * the catalogue gives them. Matching ignores case, spaces and punctuation,
 * so "Post-sale service" and "postsale_service" are one entry.
 */
export const SYNONYMS: Readonly<Record<InputField, readonly string[]>> = fieldRecord((f) => f.synonyms);

/** A field vocabulary: each field's own name and the headers people use for it. */
export type Synonyms<F extends string> = Readonly<Record<F, readonly string[]>>;

const lookups = new WeakMap<object, ReadonlyMap<string, string>>();

function lookupOf<F extends string>(synonyms: Synonyms<F>): ReadonlyMap<string, F> {
  let lookup = lookups.get(synonyms);
  if (!lookup) {
    lookup = new Map((Object.keys(synonyms) as F[]).flatMap((f) => [f, ...synonyms[f]].map((h) => [normaliseHeader(h), f] as const)));
    lookups.set(synonyms, lookup);
  }
  return lookup as ReadonlyMap<string, F>;
}

export function fieldForHeader<F extends string = InputField>(header: string, synonyms: Synonyms<F> = SYNONYMS as unknown as Synonyms<F>): F | undefined {
  return lookupOf(synonyms).get(normaliseHeader(header));
}

export interface HeaderMatch<F extends string = InputField> {
  /** Column index in the file for each mapped field. */
  columns: Partial<Record<F, number>>;
  unmapped: string[];
  problems: Problem[];
}

/** A column's letter as a spreadsheet's user finds it: 0 is A, 26 is AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Match a file's header row to fields: the user's choices first (`--map
 * field=Header`), then names and synonyms. Two columns for one field, one
 * column chosen for two fields, or a chosen header the file does not have
 * (a blank one included), are problems naming the column. A choice only
 * `remembered` from an earlier import that a column named for the same
 * field contradicts is a problem naming both, never settled silently.
 */
export function matchHeaders<F extends string = InputField>(
  headers: readonly string[],
  chosen: Partial<Record<F, string>>,
  headerRow = 1,
  synonyms: Synonyms<F> = SYNONYMS as unknown as Synonyms<F>,
  remembered: Partial<Record<F, string>> = {},
): HeaderMatch<F> {
  const columns: Partial<Record<F, number>> = {};
  const used = new Set<number>();
  const problems: Problem[] = [];
  const chosenFor = new Map<number, F>();
  for (const [field, header] of Object.entries(chosen) as [F, string][]) {
    const wanted = normaliseHeader(header);
    const index = wanted === '' ? -1 : headers.findIndex((h) => normaliseHeader(h) === wanted);
    if (index < 0) {
      problems.push({ row: headerRow, field, value: header, rule: `no column "${header}" in the header row (it has ${headers.join(', ')})` });
      continue;
    }
    const twin = headers.findIndex((h, k) => k > index && normaliseHeader(h) === wanted);
    if (twin >= 0) {
      problems.push({ row: headerRow, field, column: headers[twin], value: header, rule: `columns ${columnLetter(index)} and ${columnLetter(twin)} are both headed "${headers[index]}": rename one so that ${field} comes from one column` });
      continue;
    }
    const other = chosenFor.get(index);
    if (other !== undefined) {
      problems.push({ row: headerRow, field, column: headers[index], value: header, rule: `column "${headers[index]}" is already chosen for ${other}: a column gives one field` });
      continue;
    }
    chosenFor.set(index, field);
    columns[field] = index;
    used.add(index);
  }
  headers.forEach((header, index) => {
    if (used.has(index)) return;
    const field = fieldForHeader(header, synonyms);
    if (field === undefined) return;
    if (field in chosen) {
      const was = remembered[field];
      // Another column than the remembered one (the same header twice is its own problem, named above).
      const contradicts = was !== undefined && normaliseHeader(was) === normaliseHeader(chosen[field]!) && normaliseHeader(header) !== normaliseHeader(was);
      if (contradicts && columns[field] !== undefined) {
        problems.push({
          row: headerRow,
          field,
          column: header,
          value: header,
          rule: `column "${header}" gives ${field} by its name, and the last import took ${field} from column "${was}": choose one with --map ${field}=HEADER`,
        });
      }
      return;
    }
    const earlier = columns[field];
    if (earlier !== undefined) {
      problems.push({
        row: headerRow,
        column: header,
        value: header,
        rule: `column "${headers[earlier]}" already gives ${field}; choose one with --map ${field}=HEADER`,
      });
      return;
    }
    columns[field] = index;
    used.add(index);
  });
  const unmapped = headers.filter((h, index) => !used.has(index) && h.trim() !== '');
  return { columns, unmapped, problems };
}
