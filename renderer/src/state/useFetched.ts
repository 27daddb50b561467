import { useEffect, useState, type DependencyList } from 'react';

/**
 * A backend read kept current: `read` runs again whenever a dependency
 * changes, and an answer that arrives after a newer read started is dropped,
 * so a slow old answer never replaces a fresh one. Null until the first
 * answer; `error` holds the refusal's words.
 */
export function useFetched<T>(read: (() => Promise<T>) | null, deps: DependencyList): { value: T | null; error: string | null } {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!read) return undefined;
    let live = true;
    read().then(
      (v) => {
        if (!live) return;
        setValue(v);
        setError(null);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
    // The caller names what the read depends on, as with useEffect.
  }, deps);
  return { value, error };
}
