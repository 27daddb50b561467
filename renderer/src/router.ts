import { useEffect, useState } from 'react';

/** The views of the rail; each has its own address in the hash, `#/sheet` by default. */
export const VIEWS = [
  { id: 'sheet', label: 'Sheet' },
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'trends', label: 'Trends' },
  { id: 'interactions', label: 'Interactions' },
  { id: 'owners', label: 'Owners' },
  { id: 'pools', label: 'Cost pools' },
  { id: 'scenarios', label: 'Scenarios' },
  { id: 'report', label: 'Report' },
] as const;
/** Presentation mode and one account's page have addresses of their own but no place in the rail. */
export type ViewId = (typeof VIEWS)[number]['id'] | 'present' | 'account';

export function viewFromHash(hash: string): ViewId {
  const id = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  if (id === 'present') return id;
  // An account's page needs its name: `#/account/` alone is the sheet.
  if (id === 'account') return accountFromHash(hash) === null ? 'sheet' : 'account';
  return (VIEWS.find((v) => v.id === id)?.id ?? 'sheet') as ViewId;
}

/** The account of `#/account/NAME`, decoded; null elsewhere. */
export function accountFromHash(hash: string): string | null {
  const m = /^#\/?account\/(.+)$/.exec(hash);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1]!;
  }
}

export const accountHref = (name: string) => `#/account/${encodeURIComponent(name)}`;

/** Go to an account's Customer Picture: where a click on it in a chart leads. */
export const openAccount = (name: string) => {
  window.location.hash = accountHref(name);
};

export function useView(): { view: ViewId; account: string | null } {
  const read = () => ({ view: viewFromHash(window.location.hash), account: accountFromHash(window.location.hash) });
  const [state, setState] = useState(read);
  useEffect(() => {
    const onHash = () => setState(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return state;
}
