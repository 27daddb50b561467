import { formatMoney } from '../../../../shared/format';
import { NUMBER_LOCALES, THEMES, type PersonSettings } from '../../../../shared/schemas/settings';
import { Modal } from '../../components/Modal';
import type { Preferences } from '../../state/usePreferences';
import type { Workbook } from '../../state/useWorkbook';
import { AssumptionFields } from './AssumptionsPanel';

const THEME_LABELS: Record<PersonSettings['theme'], string> = { system: 'Same as the computer', light: 'Light', dark: 'Dark' };

/** How a figure reads in a locale, so the choice is made by looking, not by knowing locale codes. */
function sample(locale: string, currency: string): string {
  const tag = locale === 'system' ? navigator.language || 'en-US' : locale;
  const money = formatMoney(-1234567, currency, tag);
  const ratio = new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(29.2);
  return locale === 'system' ? `Same as the computer (${money}, ${ratio}%)` : `${money}, ${ratio}% (${locale})`;
}

/**
 * Settings in two parts, kept where they belong: the person's (theme, number
 * format) in their profile, the data's (currency, rates, thresholds) in the
 * workbook, so a shared workbook computes the same for everyone.
 */
export function SettingsDialog({ prefs, wb, onClose }: { prefs: Preferences; wb: Workbook; onClose: () => void }) {
  const settings = prefs.profile?.settings;
  const currency = wb.assumptions?.currency ?? 'USD';
  // The window draws its views again in the new locale (App keys them by it): the period, filters and this dialog stay.
  const chooseLocale = (numberLocale: PersonSettings['numberLocale']) => prefs.update({ numberLocale });
  return (
    <Modal label="Settings" className="settings-dialog" onClose={onClose}>
      <header>
        <h2>Settings</h2>
        <button type="button" onClick={onClose} aria-label="Close settings">
          ×
        </button>
      </header>
      <div className="settings-columns">
        <section aria-labelledby="settings-you">
          <h3 id="settings-you">Yours, on this computer</h3>
          {prefs.profile && !prefs.profile.stored ? <p className="hint">This window was started without a profile folder: changes last until it closes.</p> : null}
          <label className="assumption">
            <span>Theme</span>
            <select value={settings?.theme ?? 'system'} onChange={(e) => void prefs.update({ theme: e.target.value as PersonSettings['theme'] })}>
              {THEMES.map((t) => (
                <option key={t} value={t}>
                  {THEME_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <label className="assumption">
            <span>Number format</span>
            <select value={settings?.numberLocale ?? 'system'} onChange={(e) => void chooseLocale(e.target.value as PersonSettings['numberLocale'])}>
              {NUMBER_LOCALES.map((l) => (
                <option key={l} value={l}>
                  {sample(l, currency)}
                </option>
              ))}
            </select>
            <small>How figures read on your screen; the currency is the workbook&apos;s. Now: {formatMoney(-1234567, currency)}</small>
          </label>
        </section>
        <section aria-labelledby="settings-workbook">
          <h3 id="settings-workbook">This workbook&apos;s, for everyone who opens it</h3>
          {wb.assumptions ? <AssumptionFields assumptions={wb.assumptions} onChange={wb.changeAssumptions} /> : <p className="hint">Open a workbook to set its currency, rates and thresholds.</p>}
        </section>
      </div>
    </Modal>
  );
}
