import { useCallback, useState } from 'react';

/** Kept for as long as the window is open: a view that is drawn again (another view and back, a new number format) starts where it was. */
const kept = new Map<string, unknown>();

/** useState whose value outlives the component: read back when the component mounts again. */
export function useRemembered<T>(key: string, initial: T): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(() => (kept.has(key) ? (kept.get(key) as T) : initial));
  const remember = useCallback(
    (next: T) => {
      kept.set(key, next);
      setValue(next);
    },
    [key],
  );
  return [value, remember];
}

export const remembered = <T>(key: string): T | undefined => kept.get(key) as T | undefined;
export const remember = (key: string, value: unknown): void => void kept.set(key, value);
