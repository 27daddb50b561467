import type { ReactNode } from 'react';

/** What to do when there is nothing to show yet. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="empty-state" aria-live="polite">
      <h2>{title}</h2>
      <p>{children}</p>
    </section>
  );
}
