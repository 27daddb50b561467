import { join } from 'node:path';
import { SheetLayout } from '../../shared/schemas/sheet-layout';
import { readStateFile, writeStateFile } from './state-file';

/** Beside settings.json in the person's folder. */
export const LAYOUTS_FILE = 'sheet-layouts.json';
/** The workbooks whose layouts are kept; the one laid out longest ago goes first. */
export const MAX_LAYOUTS = 50;

interface Entry {
  workbook: string;
  layout: SheetLayout;
}

/** Each workbook's sheet layout, most recently saved first: the person's, whoever else opens the file. */
export interface SheetLayouts {
  get(workbook: string): SheetLayout | null;
  /** Keep a workbook's layout (at the front), or forget it (null: the sheet's own columns again). */
  set(workbook: string, layout: SheetLayout | null): void;
}

/** The file as stored, cleaned: an entry that is damaged or breaks the rules is dropped, the others kept. */
function readEntries(file: string): Entry[] {
  const raw = readStateFile(file).workbooks;
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const entries: Entry[] = [];
  for (const item of raw as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { workbook, layout } = item as Record<string, unknown>;
    const parsed = SheetLayout.safeParse(layout);
    if (typeof workbook !== 'string' || workbook === '' || seen.has(workbook) || !parsed.success) continue;
    seen.add(workbook);
    entries.push({ workbook, layout: parsed.data });
  }
  return entries.slice(0, MAX_LAYOUTS);
}

/** Read through to the file every time: another window of the same person may have saved meanwhile. */
export function sheetLayouts(dir: string): SheetLayouts {
  const file = join(dir, LAYOUTS_FILE);
  return {
    get: (workbook) => readEntries(file).find((e) => e.workbook === workbook)?.layout ?? null,
    set(workbook, layout) {
      const entries = readEntries(file);
      const others = entries.filter((e) => e.workbook !== workbook);
      if (layout === null && others.length === entries.length) return; // nothing kept, nothing to forget
      const workbooks = layout === null ? others : [{ workbook, layout }, ...others].slice(0, MAX_LAYOUTS);
      writeStateFile(file, { workbooks });
    },
  };
}
