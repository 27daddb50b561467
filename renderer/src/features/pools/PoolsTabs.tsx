import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useRemembered } from '../../state/useRemembered';

const TABS = [
  { id: 'setup', label: 'Setup' },
  { id: 'balance', label: 'Balance' },
] as const;
type Tab = (typeof TABS)[number]['id'];

/**
 * The Cost pools view's two tabs: the setup (pools, activities, driver
 * counts) and the balance (where every dollar went). A tab list as WAI-ARIA
 * has it: the arrows, Home and End move between the tabs and show the one
 * reached; Tab goes on into its panel. The tab chosen is kept while the
 * window is open.
 */
export function PoolsTabs({ children, balance }: { children: ReactNode; balance: (toSetup: () => void) => ReactNode }) {
  const [tab, setTab] = useRemembered<Tab>('pools-tab', 'setup');
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const go = (k: number) => {
    const next = TABS[(k + TABS.length) % TABS.length]!;
    setTab(next.id);
    buttons.current[(k + TABS.length) % TABS.length]?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    const at = TABS.findIndex((t) => t.id === tab);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    go(to);
  };
  return (
    <div className="dashboard pools">
      <div role="tablist" aria-label="Cost pools" className="tabs" onKeyDown={onKey}>
        {TABS.map((t, k) => (
          <button
            key={t.id}
            ref={(el) => {
              buttons.current[k] = el;
            }}
            id={`pools-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`pools-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'balance' ? (
        <div id="pools-panel-balance" role="tabpanel" aria-labelledby="pools-tab-balance" tabIndex={0}>
          {balance(() => setTab('setup'))}
        </div>
      ) : (
        <div id="pools-panel-setup" role="tabpanel" aria-labelledby="pools-tab-setup">
          {children}
        </div>
      )}
    </div>
  );
}
