import { fieldLabel, languageName, type InputField, type SynonymLanguage } from '../catalogue';
import type { AmbiguousColumns, HeaderRule } from '../ipc/messages';

/** "German", "Spanish and Italian", "English, French and Dutch". */
function languagesInWords(languages: readonly SynonymLanguage[]): string {
  const names = languages.map(languageName);
  return names.length <= 1 ? (names[0] ?? 'English') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** What a synonym is for a field: "German for Revenue", "another name for Revenue" (English). */
function synonymOf(languages: readonly SynonymLanguage[], label: string): string {
  return languages.length === 0 || (languages.length === 1 && languages[0] === 'en') ? `another name for ${label}` : `${languagesInWords(languages)} for ${label}`;
}

/**
 * How a column came to give a field, in the words the import wizard shows
 * beside it and `cpw import` prints: "“Umsatz” is German for Revenue",
 * "its header holds the word “Kunde”, German for Account", "chosen by you".
 */
export function headerRuleInWords(rule: HeaderRule, field: InputField): string {
  const label = fieldLabel(field);
  switch (rule.kind) {
    case 'name':
      return "the field's own name";
    case 'synonym':
      return `“${rule.synonym}” is ${synonymOf(rule.languages, label)}`;
    case 'word':
      return rule.languages.length === 0
        ? `its header holds the word “${label}”, the field's name`
        : `its header holds the word “${rule.word}”, ${synonymOf(rule.languages, label)}`;
    case 'chosen':
      return 'chosen by you';
    case 'remembered':
      return 'as at the last import';
  }
}

/** "Account and Revenue". */
function fieldsInWords(fields: readonly InputField[]): string {
  const labels = fields.map((f) => fieldLabel(f));
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/**
 * Why columns were left for the person to map: "“Kunde / Umsatz” names
 * Account and Revenue", "“Revenue 2025” and “Revenue 2026” both name
 * Revenue". The caller says how to choose (the wizard's picker, --map).
 */
export function ambiguityInWords(a: AmbiguousColumns): string {
  const headers = a.headers.map((h) => `“${h}”`);
  return headers.length === 1
    ? `${headers[0]} names ${fieldsInWords(a.fields)} by the words of its header`
    : `${headers.slice(0, -1).join(', ')} and ${headers[headers.length - 1]} ${headers.length === 2 ? 'both' : 'all'} name ${fieldsInWords(a.fields)} by a word of their header`;
}
