import { useEffect, useState } from 'react';

/** The views of the rail; each has its own address in the hash, `#/sheet` by default. */
export const VIEWS = [
  { id: 'sheet', label: 'Sheet', ready: true },
  { id: 'dashboard', label: 'Dashboard', ready: true },
  { id: 'trends', label: 'Trends', ready: true },
  { id: 'interactions', label: 'Interactions', ready: false },
  { id: 'pools', label: 'Cost pools', ready: false },
  { id: 'scenarios', label: 'Scenarios', ready: true },
  { id: 'report', label: 'Report', ready: false },
] as const;
/** Presentation mode has an address of its own but no place in the rail. */
export type ViewId = (typeof VIEWS)[number]['id'] | 'present';

export function viewFromHash(hash: string): ViewId {
  const id = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  if (id === 'present') return 'present';
  return (VIEWS.find((v) => v.id === id)?.id ?? 'sheet') as ViewId;
}

export function useView(): ViewId {
  const [view, setView] = useState<ViewId>(() => viewFromHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setView(viewFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return view;
}
