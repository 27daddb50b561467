import { existsSync } from 'node:fs';
import { CpwError } from '../../../shared/ipc/errors';
import { UNSTORED_PERSON_SETTINGS } from '../../../shared/schemas/settings';
import { isPgLocation, shortNameOf } from '../db/pg/location';
import { isTeamAddress, teamShortName } from '../team/address';
import { defineHandlers } from './types';

export const profileHandlers = defineHandlers({
  // Without a profile the window is a presentation of one file: the welcome and the tour are not offered.
  'profile.get': (_input, { profile }) =>
    profile
      ? {
          stored: true,
          settings: profile.settings(),
          // A team workbook cannot be looked for without connecting: it is offered, and opening it says if it is gone.
          recent: profile.recent.list().map((path) =>
            isTeamAddress(path) ? { path, name: teamShortName(path), exists: true } : { path, name: shortNameOf(path), exists: isPgLocation(path) || existsSync(path) },
          ),
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
  // A window without a profile keeps its layout while it is open: nothing is read or kept here.
  'profile.sheetLayout': ({ workbook }, { profile }) => ({ layout: profile?.layouts.get(workbook) ?? null, kept: profile !== null }),
  'profile.saveSheetLayout': ({ workbook, layout }, { profile }) => {
    if (!profile) return { kept: false };
    profile.layouts.set(workbook, layout);
    return { kept: true };
  },
});
