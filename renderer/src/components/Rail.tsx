import { VIEWS, type ViewId } from '../router';

export function Rail({ view }: { view: ViewId }) {
  return (
    <nav className="rail" aria-label="Views">
      {VIEWS.map((v) => (
        <a
          key={v.id}
          href={`#/${v.id}`}
          className={v.id === view ? 'active' : v.ready ? '' : 'later'}
          aria-current={v.id === view ? 'page' : undefined}
          title={v.ready ? v.label : `${v.label}: not built yet`}
        >
          {v.label}
        </a>
      ))}
    </nav>
  );
}
