/**
 * The glossary: every metric's help (what it is and how it is computed, an
 * example with numbers, what to do about it), as the catalogue declares it.
 * The window's Help (F1, the ? beside computed headers and KPI tiles), the
 * workshop report's last page and docs/metrics.md read it.
 */
export { GLOSSARY, glossaryEntry, type GlossaryEntry } from './catalogue';
