import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { CpwError } from '../../../shared/ipc/errors';
import { UNSTORED_PERSON_SETTINGS } from '../../../shared/schemas/settings';
import { defineHandlers } from './types';

export const profileHandlers = defineHandlers({
  // Without a profile the window is a presentation of one file: the welcome and the tour are not offered.
  'profile.get': (_input, { profile }) =>
    profile
      ? {
          stored: true,
          settings: profile.settings(),
          recent: profile.recent.list().map((path) => ({ path, name: basename(path), exists: existsSync(path) })),
        }
      : { stored: false, settings: UNSTORED_PERSON_SETTINGS, recent: [] },
  'profile.clearRecent': (_input, { profile }) => {
    profile?.recent.clear();
    return { done: true };
  },
  'profile.update': (patch, { profile }) => {
    if (!profile) throw new CpwError('NOT_FOUND', 'settings cannot be kept: this window was started without a profile folder (cpw serve --profile DIR)');
    return profile.update(patch);
  },
});
