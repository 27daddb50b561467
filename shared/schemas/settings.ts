import { z } from 'zod';

/**
 * What belongs to the person rather than to the data: how the window looks
 * and reads numbers, and what they have already seen. Kept in the user's
 * profile; currency, rates and thresholds live in the workbook (Assumptions).
 */
export const THEMES = ['system', 'light', 'dark'] as const;

/** Number formats offered; `system` follows the computer's language. Money keeps the workbook's currency in each. */
export const NUMBER_LOCALES = ['system', 'en-US', 'en-GB', 'en-IN', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'nl-NL', 'pt-BR', 'ja-JP'] as const;

/** Each setting's rule, stated once: the patch checks against it, the stored file is read through it. */
const SETTING = {
  theme: z.enum(THEMES),
  numberLocale: z.enum(NUMBER_LOCALES),
  /** The welcome screen was dismissed once: later starts go straight to the workbook. */
  welcomed: z.boolean(),
  /** The guided tour was finished or skipped. */
  tourDone: z.boolean(),
};

/** The settings as stored; a field that is missing or breaks its rule reads as its default. */
export const PersonSettings = z.object({
  theme: SETTING.theme.catch('system'),
  numberLocale: SETTING.numberLocale.catch('system'),
  welcomed: SETTING.welcomed.catch(false),
  tourDone: SETTING.tourDone.catch(false),
});
export type PersonSettings = z.output<typeof PersonSettings>;

export const DEFAULT_PERSON_SETTINGS: PersonSettings = PersonSettings.parse({});

/** A window without a profile presents one file: the defaults, with the welcome and the tour taken as seen. */
export const UNSTORED_PERSON_SETTINGS: PersonSettings = { ...DEFAULT_PERSON_SETTINGS, welcomed: true, tourDone: true };

export const PersonSettingsPatch = z.object(SETTING).partial().strict();
export type PersonSettingsPatch = z.output<typeof PersonSettingsPatch>;
