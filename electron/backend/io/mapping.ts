import { FIELDS, fieldRecord, type FieldSpec, type SynonymLanguage } from '../../../shared/catalogue';
import type { InputField } from '../../../shared/schemas/fields';
import type { Problem } from '../../../shared/ipc/errors';
import type { HeaderRule } from '../../../shared/ipc/messages';
import { columnLetter } from './column-letter';

/** Case, spaces and punctuation do not matter when matching a header. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** A header's whole words, each normalised as a header is: "Kunde / Customer" is ["kunde", "customer"]; "d'affaires" is two. */
export function headerWords(header: string): string[] {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .map(normaliseHeader)
    .filter((w) => w !== '');
}

/**
 * Headers people use for each field, besides the DOMAIN.md name itself, as
 * the catalogue gives them, in every language it has. Matching ignores case,
 * spaces and punctuation, so "Post-sale service" and "postsale_service" are
 * one entry.
 */
export const SYNONYMS: Readonly<Record<InputField, readonly string[]>> = fieldRecord((f) => [...f.synonyms, ...Object.values(f.synonymsIn ?? {}).flat()]);

/** A field vocabulary: each field's own name and the headers people use for it. */
export type Synonyms<F extends string> = Readonly<Record<F, readonly string[]>>;

/** What a normalised header names: the field, as the vocabulary spells it, whether it is the field's name, and its languages. */
interface Entry<F extends string> {
  field: F;
  spelling: string;
  name: boolean;
  languages: SynonymLanguage[];
}

/**
 * Ways a word is also written: German without its umlauts and eszett
 * ("Erloese" for "Erlös", "Groesse"), and the ligatures œ and æ as two
 * letters ("Main d'oeuvre"), which Unicode does not take apart.
 */
function spellings(text: string, languages: readonly SynonymLanguage[]): string[] {
  const out = [text];
  const lower = text.toLowerCase();
  if (/[œæ]/.test(lower)) out.push(lower.replace(/œ/g, 'oe').replace(/æ/g, 'ae'));
  if (languages.includes('de') && /[äöüß]/.test(lower)) out.push(lower.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss'));
  return out;
}

/** The languages of each synonym of a vocabulary, where it is not English alone. */
const languagesOf = new WeakMap<object, (field: string, synonym: string) => SynonymLanguage[]>();

/** The sheet's vocabulary: each catalogue synonym's languages (a word may be French and English both: "Client"). */
languagesOf.set(SYNONYMS, (field, synonym) => {
  const spec = (FIELDS as readonly FieldSpec[]).find((f) => f.name === field);
  if (!spec) return ['en'];
  const langs: SynonymLanguage[] = spec.synonyms.includes(synonym) ? ['en'] : [];
  for (const [lang, words] of Object.entries(spec.synonymsIn ?? {}) as [SynonymLanguage, readonly string[]][]) {
    if (words.includes(synonym)) langs.push(lang);
  }
  return langs.length ? langs : ['en'];
});

const lookups = new WeakMap<object, ReadonlyMap<string, Entry<string>>>();

/**
 * Normalised header to what it names. A field's name comes before its
 * synonyms; a spelling two entries of one field share takes both their
 * languages; between two fields, the later one wins (as it always has).
 */
function lookupOf<F extends string>(synonyms: Synonyms<F>): ReadonlyMap<string, Entry<F>> {
  let lookup = lookups.get(synonyms);
  if (!lookup) {
    const langs = languagesOf.get(synonyms) ?? (() => ['en'] as SynonymLanguage[]);
    const map = new Map<string, Entry<string>>();
    for (const field of Object.keys(synonyms) as F[]) {
      const put = (spelling: string, name: boolean, languages: SynonymLanguage[]) => {
        for (const written of spellings(spelling, languages)) {
          const key = normaliseHeader(written);
          if (key === '') continue;
          const was = map.get(key);
          if (was && was.field === field) {
            if (!was.name) for (const l of languages) if (!was.languages.includes(l)) was.languages.push(l);
            continue;
          }
          map.set(key, { field, spelling, name, languages: [...languages] });
        }
      };
      put(field, true, []);
      for (const synonym of synonyms[field]) put(synonym, false, langs(field, synonym));
    }
    lookup = map;
    lookups.set(synonyms, lookup);
  }
  return lookup as ReadonlyMap<string, Entry<F>>;
}

export function fieldForHeader<F extends string = InputField>(header: string, synonyms: Synonyms<F> = SYNONYMS as unknown as Synonyms<F>): F | undefined {
  return lookupOf(synonyms).get(normaliseHeader(header))?.field;
}

/** How a header names a field outright: by the field's name or by a synonym. */
function exactRule<F extends string>(entry: Entry<F>): HeaderRule {
  return entry.name ? { kind: 'name' } : { kind: 'synonym', synonym: entry.spelling, languages: entry.languages };
}

/** Names too common to give a field as one word of a longer header ("Owner name" is not the account). */
const NOT_A_WORD_MATCH = new Set(['name']);
/** What parts the phrases of a header: anything but letters, digits, spaces, hyphens, apostrophes, dots and underscores. */
const PHRASE_BREAK = /[^\p{L}\p{N}\p{M}\s\-\u2010\u2011\u2013'\u2019_.]+/u;
/** The longest run of words a name or synonym has ("Coste de las mercancías vendidas"), and a little more. */
const LONGEST_NAME = 8;

/**
 * The fields a header names as whole words, when it is none of them
 * outright: "Kunde / Customer" names the account twice, "Revenue 2026
 * (EUR)" the revenue. A run of words inside a longer run that names
 * something is not counted apart ("Customer service cost" is service, not
 * the account).
 */
export function wordMatches<F extends string = InputField>(header: string, synonyms: Synonyms<F> = SYNONYMS as unknown as Synonyms<F>): { field: F; rule: HeaderRule }[] {
  const lookup = lookupOf(synonyms);
  const found: { from: number; to: number; entry: Entry<F> }[] = [];
  let at = 0;
  // A run of words never crosses a slash or a bracket: "Umsatz / Kosten" is two phrases, not "Umsatzkosten".
  for (const phrase of header.split(PHRASE_BREAK)) {
    const words = headerWords(phrase);
    for (let from = 0; from < words.length; from++) {
      let key = '';
      for (let to = from; to < Math.min(words.length, from + LONGEST_NAME); to++) {
        key += words[to];
        const entry = lookup.get(key);
        if (entry && !NOT_A_WORD_MATCH.has(key)) found.push({ from: at + from, to: at + to, entry });
      }
    }
    at += words.length;
  }
  const widest = found.filter((m) => !found.some((o) => o !== m && o.from <= m.from && o.to >= m.to && o.to - o.from > m.to - m.from));
  const out: { field: F; rule: HeaderRule }[] = [];
  for (const m of widest) {
    if (out.some((o) => o.field === m.entry.field)) continue;
    out.push({ field: m.entry.field, rule: { kind: 'word', word: m.entry.spelling, languages: m.entry.name ? [] : m.entry.languages } });
  }
  return out;
}

/** Columns left for the person to map, by their headers, and the fields they name. */
export interface Ambiguity<F extends string = InputField> {
  headers: string[];
  fields: F[];
}

export interface HeaderMatch<F extends string = InputField> {
  /** Column index in the file for each mapped field. */
  columns: Partial<Record<F, number>>;
  unmapped: string[];
  problems: Problem[];
  /** How each mapped field's column was matched. */
  rules: Partial<Record<F, HeaderRule>>;
  /** Headers that name more than one field by their words, or a field named by the words of more than one header: not mapped. */
  ambiguous: Ambiguity<F>[];
}

/**
 * Match a file's header row to fields: the user's choices first (`--map
 * field=Header`), then names and synonyms. Two columns for one field, one
 * column chosen for two fields, or a chosen header the file does not have
 * (a blank one included), are problems naming the column. A choice only
 * `remembered` from an earlier import that a column named for the same
 * field contradicts is a problem naming both, never settled silently.
 *
 * With `words`, a column no name or synonym matches outright may give a
 * field named by a whole word of its header ("Kunde / Customer", "Revenue
 * 2026 (EUR)"): only when its header names exactly one field, that field has
 * no column yet (an exact match elsewhere or a choice wins) and no other
 * header names it so; anything else is left for the person to map, listed
 * in `ambiguous`. Each mapped field says by which rule in `rules`.
 */
export function matchHeaders<F extends string = InputField>(
  headers: readonly string[],
  chosen: Partial<Record<F, string>>,
  headerRow = 1,
  synonyms: Synonyms<F> = SYNONYMS as unknown as Synonyms<F>,
  remembered: Partial<Record<F, string>> = {},
  options: { words?: boolean } = {},
): HeaderMatch<F> {
  const columns: Partial<Record<F, number>> = {};
  const rules: Partial<Record<F, HeaderRule>> = {};
  const lookup = lookupOf(synonyms);
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
    rules[field] = chosenRule(headers[index]!, field, wanted);
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
    rules[field] = exactRule(lookup.get(normaliseHeader(header))!);
  });
  const ambiguous: Ambiguity<F>[] = [];
  if (options.words) {
    const byField = new Map<F, { index: number; rule: HeaderRule }[]>();
    headers.forEach((header, index) => {
      if (used.has(index) || lookup.has(normaliseHeader(header))) return;
      const named = wordMatches(header, synonyms);
      if (named.length > 1) {
        ambiguous.push({ headers: [header], fields: named.map((m) => m.field) });
        return;
      }
      const only = named[0];
      if (only === undefined || columns[only.field] !== undefined || only.field in chosen) return;
      byField.set(only.field, [...(byField.get(only.field) ?? []), { index, rule: only.rule }]);
    });
    for (const [field, found] of byField) {
      if (found.length > 1) {
        ambiguous.push({ headers: found.map((f) => headers[f.index]!), fields: [field] });
        continue;
      }
      columns[field] = found[0]!.index;
      used.add(found[0]!.index);
      rules[field] = found[0]!.rule;
    }
  }
  const unmapped = headers.filter((h, index) => !used.has(index) && h.trim() !== '');
  return { columns, unmapped, problems, rules, ambiguous };

  /** A chosen column says the rule its header would have matched by anyway, else that it was chosen (now, or at the last import). */
  function chosenRule(header: string, field: F, wanted: string): HeaderRule {
    const entry = lookup.get(wanted);
    if (entry?.field === field) return exactRule(entry);
    if (!entry && options.words) {
      const named = wordMatches(header, synonyms);
      if (named.length === 1 && named[0]!.field === field) return named[0]!.rule;
    }
    const was = remembered[field];
    return was !== undefined && normaliseHeader(was) === wanted ? { kind: 'remembered' } : { kind: 'chosen' };
  }
}
