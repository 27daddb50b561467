import { VIEWS, type ViewId } from '../router';

export function Rail({ view }: { view: ViewId }) {
  return (
    <nav className="rail" aria-label="Views">
      {VIEWS.map((v) => (
        <a
          key={v.id}
          href={`#/${v.id}`}
          className={v.id === view ? 'active' : ''}
          aria-current={v.id === view ? 'page' : undefined}
          title={v.label}
        >
          {v.label}
        </a>
      ))}
    </nav>
  );
}
