import { z } from 'zod';

/**
 * What belongs to the person rather than to the data: how the window looks
 * and reads numbers, and what they have already seen. Kept in the user's
 * profile; currency, rates and thresholds live in the workbook (Assumptions).
 */
export const THEMES = ['system', 'light', 'dark'] as const;

/** Number formats offered; `system` follows the computer's language. Money keeps the workbook's currency in each. */
export const NUMBER_LOCALES = ['system', 'en-US', 'en-GB', 'en-IN', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'nl-NL', 'pt-BR', 'ja-JP'] as const;

export const PersonSettings = z.object({
  theme: z.enum(THEMES).catch('system'),
  numberLocale: z.enum(NUMBER_LOCALES).catch('system'),
  /** The welcome screen was dismissed once: later starts go straight to the workbook. */
  welcomed: z.boolean().catch(false),
  /** The guided tour was finished or skipped. */
  tourDone: z.boolean().catch(false),
});
export type PersonSettings = z.output<typeof PersonSettings>;

export const DEFAULT_PERSON_SETTINGS: PersonSettings = { theme: 'system', numberLocale: 'system', welcomed: false, tourDone: false };

export const PersonSettingsPatch = z
  .object({
    theme: z.enum(THEMES),
    numberLocale: z.enum(NUMBER_LOCALES),
    welcomed: z.boolean(),
    tourDone: z.boolean(),
  })
  .partial()
  .strict();
export type PersonSettingsPatch = z.output<typeof PersonSettingsPatch>;
