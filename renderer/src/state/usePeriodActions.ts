import { useCallback } from 'react';
import type { Client } from '../../../shared/ipc/client';

/** A message for the status line: a confirmation that fades, or an error that stays until dismissed. */
export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

/**
 * The actions on the periods themselves (add, rename, reorder, delete): each
 * one call, then the list and the sheet read again, showing `show`.
 */
export function usePeriodActions(
  client: Client,
  period: string | null,
  load: (show?: string | null) => Promise<void>,
  setNotice: (n: Notice) => void,
  fail: (e: unknown) => void,
) {
  /** An action on the periods; the list and the sheet are read again after it. */
  const periodAction = useCallback(
    async (act: () => Promise<unknown>, show: string | null, done?: string) => {
      try {
        await act();
        await load(show);
        if (done) setNotice({ kind: 'info', text: done });
      } catch (e) {
        fail(e);
      }
    },
    [load, setNotice, fail],
  );
  const addPeriod = useCallback(
    (label: string, copyFrom?: string) => periodAction(() => client.call('periods.create', copyFrom ? { label, copyFrom } : { label }), label),
    [client, periodAction],
  );
  const renamePeriod = useCallback(
    (label: string, newLabel: string) =>
      periodAction(() => client.call('periods.rename', { label, newLabel }), period === label ? newLabel : period, `Renamed ${label} to ${newLabel}.`),
    [client, period, periodAction],
  );
  const reorderPeriods = useCallback((labels: string[]) => periodAction(() => client.call('periods.reorder', { labels }), period), [client, period, periodAction]);
  const deletePeriod = useCallback(
    (label: string) =>
      periodAction(() => client.call('periods.delete', { label }), period === label ? null : period, `Deleted period ${label} (Ctrl+Z brings it back).`),
    [client, period, periodAction],
  );

  return { addPeriod, renamePeriod, reorderPeriods, deletePeriod };
}
