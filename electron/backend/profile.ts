import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PERSON_SETTINGS, PersonSettings, type PersonSettingsPatch } from '../../shared/schemas/settings';
import { recentFiles, type RecentFiles } from './recent';

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
  readonly samplePath: string;
  /** No settings stored yet: the first run of the workbench for this person. */
  firstRun(): boolean;
  settings(): PersonSettings;
  update(patch: PersonSettingsPatch): PersonSettings;
}

export function openProfile(dir: string): Profile {
  const file = join(dir, SETTINGS_FILE);

  // The file is the person's to edit or damage: anything unreadable reads as the defaults, field by field.
  function settings(): PersonSettings {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      return { ...DEFAULT_PERSON_SETTINGS };
    }
    return PersonSettings.parse(typeof raw === 'object' && raw !== null ? raw : {});
  }

  return {
    dir,
    recent: recentFiles(dir),
    samplePath: join(dir, SAMPLE_NAME),
    firstRun: () => !existsSync(file),
    settings,
    update(patch) {
      const next = { ...settings(), ...patch };
      mkdirSync(dir, { recursive: true });
      // Written whole under a temporary name and renamed: a crash never leaves half a settings file.
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`);
      renameSync(tmp, file);
      return next;
    },
  };
}
