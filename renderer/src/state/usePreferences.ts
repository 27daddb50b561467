import { useCallback, useEffect, useState } from 'react';
import { setNumberLocale } from '../../../shared/format';
import type { Client } from '../../../shared/ipc/client';
import type { ProfileInfo } from '../../../shared/ipc/contract';
import { UNSTORED_PERSON_SETTINGS, type PersonSettings, type PersonSettingsPatch } from '../../../shared/schemas/settings';

export interface Preferences {
  /** Null until the profile is read. */
  profile: ProfileInfo | null;
  update(patch: PersonSettingsPatch): Promise<void>;
}

/** The theme the page shows: the person's choice, or the system's when they chose none. */
export function resolvedTheme(theme: PersonSettings['theme']): 'light' | 'dark' {
  if (theme !== 'system') return theme;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Our CSS reads data-theme on <html>; AG Grid's colour scheme reads data-ag-theme-mode on <body>. */
export function applyTheme(theme: PersonSettings['theme']): void {
  const mode = resolvedTheme(theme);
  document.documentElement.dataset.theme = mode;
  document.body.dataset.agThemeMode = mode;
}

export function applyNumberLocale(locale: PersonSettings['numberLocale']): string {
  return setNumberLocale(locale === 'system' ? navigator.language || 'en-US' : locale);
}

/**
 * The person's settings, read once when the window opens (before the sheet
 * formats a figure) and kept through the backend in their profile.
 */
export function usePreferences(client: Client): Preferences {
  const [profile, setProfile] = useState<ProfileInfo | null>(null);

  useEffect(() => {
    let live = true;
    client
      .call('profile.get')
      .then((p) => {
        if (!live) return;
        applyTheme(p.settings.theme);
        applyNumberLocale(p.settings.numberLocale);
        setProfile(p);
      })
      .catch(() => {
        // A profile that cannot be read must not keep the workbook closed: the defaults, with no welcome.
        if (live) setProfile({ stored: false, settings: UNSTORED_PERSON_SETTINGS, recent: [] });
      });
    return () => {
      live = false;
    };
  }, [client]);

  // "System" follows the computer's light or dark setting as it changes.
  const theme = profile?.settings.theme;
  useEffect(() => {
    if (theme !== 'system') return undefined;
    const query = window.matchMedia?.('(prefers-color-scheme: dark)');
    const follow = () => applyTheme('system');
    query?.addEventListener('change', follow);
    return () => query?.removeEventListener('change', follow);
  }, [theme]);

  const update = useCallback(
    async (patch: PersonSettingsPatch) => {
      const settings = profile?.stored ? await client.call('profile.update', patch) : { ...profile!.settings, ...patch };
      if (patch.theme) applyTheme(settings.theme);
      // Set before the state changes, so the views drawn again with it format in the new locale.
      if (patch.numberLocale) applyNumberLocale(settings.numberLocale);
      setProfile((p) => (p ? { ...p, settings } : p));
    },
    [client, profile],
  );

  return { profile, update };
}
