import { join } from 'node:path';
import { PersonSettings, type PersonSettingsPatch } from '../../shared/schemas/settings';
import { recentFiles, type RecentFiles } from './recent';
import { sheetLayouts, type SheetLayouts } from './sheet-layouts';
import { readStateFile, writeStateFile } from './state-file';

export const SETTINGS_FILE = 'settings.json';
/** The sample workbook of a profile: made on first run, always there to start from. */
export const SAMPLE_NAME = 'Sample.cpw';

/**
 * The person's own folder (Electron's userData; browser mode is given the
 * same one): their settings, recent workbooks and the sample. Never the
 * workbook's data.
 */
export interface Profile {
  readonly dir: string;
  readonly recent: RecentFiles;
  /** How they laid out each workbook's sheet (columns, sort, filters). */
  readonly layouts: SheetLayouts;
  readonly samplePath: string;
  settings(): PersonSettings;
  update(patch: PersonSettingsPatch): PersonSettings;
}

export function openProfile(dir: string): Profile {
  const file = join(dir, SETTINGS_FILE);

  // Anything unreadable reads as the defaults, field by field.
  const settings = (): PersonSettings => PersonSettings.parse(readStateFile(file));

  return {
    dir,
    recent: recentFiles(dir),
    layouts: sheetLayouts(dir),
    samplePath: join(dir, SAMPLE_NAME),
    settings,
    update(patch) {
      const next = { ...settings(), ...patch };
      writeStateFile(file, next);
      return next;
    },
  };
}
