import { Fragment, useEffect, useMemo, useState, type ReactNode } from 'react';
import { desktopBridge, makeClient } from './api/client';
import { EmptyState } from './components/EmptyState';
import { Rail } from './components/Rail';
import { StatusBar } from './components/StatusBar';
import { ImportWizard } from './features/import/ImportWizard';
import { AssumptionsPanel } from './features/settings/AssumptionsPanel';
import { DashboardView } from './features/dashboard/DashboardView';
import { PresentationView } from './features/dashboard/PresentationView';
import { SheetView } from './features/sheet/SheetView';
import { TrendsView } from './features/trends/TrendsView';
import { ScenariosView } from './features/scenarios/ScenariosView';
import { PeriodsDialog } from './features/periods/PeriodsDialog';
import { accountHref, useView, type ViewId } from './router';
import { searchOutcome } from './search';
import { CustomerPicture } from './features/account/CustomerPicture';
import { InteractionsView } from './features/interactions/InteractionsView';
import { ReportView } from './features/report/ReportView';
import { OwnersView } from './features/owners/OwnersView';
import { PoolsView } from './features/pools/PoolsView';
import { useWorkbook } from './state/useWorkbook';
import { ConflictDialog, OfflineBanner, TeamBadge, windowTitle } from './features/team/TeamBar';
import { ConnectDialog } from './features/team/ConnectDialog';
import { usePreferences } from './state/usePreferences';
import { HelpDialog, type HelpTab } from './features/help/HelpDialog';
import { Tour } from './features/help/Tour';
import { SettingsDialog } from './features/settings/SettingsDialog';
import { WelcomeScreen } from './features/welcome/WelcomeScreen';

const isTextField = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/** The metric of what has the focus: a sheet column (AG Grid marks its cells and headers with col-id) or a KPI tile. */
function focusedMetric(): string | null {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement)) return null;
  return el.closest('[col-id]')?.getAttribute('col-id') ?? el.closest<HTMLElement>('[data-metric]')?.dataset.metric ?? null;
}

export function App() {
  const client = useMemo(() => makeClient(), []);
  const wb = useWorkbook(client);
  const prefs = usePreferences(client);
  const [help, setHelp] = useState<{ tab: HelpTab; focus: string | null } | null>(null);
  const [showSettings, setShowSettings] = useState(false);
  /** Shown on a first run (the profile has not seen it) and from Help > Welcome Screen. */
  const [welcome, setWelcome] = useState<boolean | null>(null);
  const [touring, setTouring] = useState(false);
  const [connecting, setConnecting] = useState(false);
  const settings = prefs.profile?.settings;
  const showWelcome = welcome ?? (settings ? !settings.welcomed : false);

  // After the welcome, a first run continues with the tour, on the sheet it talks about.
  useEffect(() => {
    if (settings && settings.welcomed && !settings.tourDone && !showWelcome) {
      if (!window.location.hash.startsWith('#/sheet')) window.location.hash = '#/sheet';
      setTouring(true);
    }
  }, [settings, showWelcome]);
  const endTour = () => {
    setTouring(false);
    if (!prefs.profile?.settings.tourDone) void prefs.update({ tourDone: true });
  };
  const startTour = () => {
    setHelp(null);
    window.location.hash = '#/sheet';
    setTouring(true);
  };

  // A "?" beside a column header or a tile asks for the glossary at its metric.
  useEffect(() => {
    const onHelp = (e: Event) => setHelp({ tab: 'glossary', focus: (e as CustomEvent<string | null>).detail });
    window.addEventListener('cpw:help', onHelp);
    return () => window.removeEventListener('cpw:help', onHelp);
  }, []);

  // F1: the glossary at the focused column or tile; ? (outside cells and text fields): the shortcut sheet.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F1') {
        e.preventDefault();
        setHelp({ tab: 'glossary', focus: focusedMetric() });
      } else if (e.key === '?' && !isTextField(e.target) && !(e.target instanceof HTMLElement && e.target.closest('.ag-cell'))) {
        e.preventDefault();
        setHelp({ tab: 'shortcuts', focus: null });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const { view, account } = useView();
  const [search, setSearch] = useState('');
  const [showAssumptions, setShowAssumptions] = useState(false);
  const [addingPeriod, setAddingPeriod] = useState(false);
  const [managingPeriods, setManagingPeriods] = useState(false);
  /** The import wizard, open with the file dropped on the window (if any). */
  const [importing, setImporting] = useState<{ file: File | null } | null>(null);

  // Dropping a spreadsheet anywhere on the window opens the import wizard with it.
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      setImporting({ file });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  // In the desktop app the menu's Undo and Redo (and their accelerators) arrive as commands.
  useEffect(
    () =>
      desktopBridge()?.onCommand((command) => {
        if (command === 'workbook-changed') window.location.reload();
        else if (command === 'import') setImporting({ file: null });
        else if (command === 'glossary') setHelp({ tab: 'glossary', focus: focusedMetric() });
        else if (command === 'shortcuts') setHelp({ tab: 'shortcuts', focus: null });
        else if (command === 'welcome') setWelcome(true);
        else if (command === 'tour') startTour();
        else if (command === 'settings') setShowSettings(true);
        else if (command === 'connect-team') setConnecting(true);
        else if (isTextField(document.activeElement)) document.execCommand(command);
        else void (command === 'undo' ? wb.undo() : wb.redo());
      }),
    [wb],
  );

  // Undo and redo from anywhere but a text field, where the keys belong to the text.
  useEffect(() => {
    if (desktopBridge()) return undefined; // the app menu's accelerators carry these keys there
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || isTextField(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void wb.undo();
      } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
        e.preventDefault();
        void wb.redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [wb]);

  useEffect(() => {
    document.title = windowTitle(wb.info?.name ?? null, wb.team);
  }, [wb.info, wb.team]);

  // Figures are formatted in the person's number format, so nothing is drawn before it is known.
  if (!prefs.profile) return <div className="app-loading">Opening…</div>;

  if (wb.loadError) {
    return (
      <EmptyState title="The workbook could not be opened">
        {wb.loadError}
      </EmptyState>
    );
  }

  const addPeriod = (label: string) => {
    setAddingPeriod(false);
    if (label.trim()) void wb.addPeriod(label.trim(), wb.period ?? undefined);
  };

  if (view === 'present') return <PresentationView wb={wb} />;
  // One page per view of the rail, and an account's page (the router gives 'account' only with a name).
  const pages: Record<Exclude<ViewId, 'present'>, () => ReactNode> = {
    sheet: () => <SheetView wb={wb} search={search} client={client} />,
    dashboard: () => <DashboardView wb={wb} />,
    trends: () => <TrendsView wb={wb} />,
    interactions: () => <InteractionsView wb={wb} />,
    owners: () => <OwnersView wb={wb} />,
    pools: () => <PoolsView wb={wb} />,
    scenarios: () => <ScenariosView wb={wb} />,
    report: () => <ReportView wb={wb} />,
    account: () => <CustomerPicture key={account} wb={wb} account={account!} />,
  };
  return (
    <div className="app">
      <header className="top-bar">
        <span className="workbook-name" title={wb.info?.path}>
          {wb.info?.name ?? 'Opening…'}
          {wb.info?.readOnly ? ' (read-only)' : ''}
        </span>
        <TeamBadge wb={wb} />
        <label className="period-picker">
          Period{' '}
          <select aria-label="Period" value={wb.period ?? ''} onChange={(e) => void wb.choosePeriod(e.target.value)} disabled={wb.periods.length === 0}>
            {wb.periods.map((p) => (
              <option key={p.id} value={p.label}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        {addingPeriod ? (
          <input
            autoFocus
            aria-label="New period label"
            placeholder={wb.period ? `e.g. 2026-Q4 (copies ${wb.period})` : 'e.g. 2026-Q1'}
            onKeyDown={(e) => {
              if (e.key === 'Enter') addPeriod(e.currentTarget.value);
              if (e.key === 'Escape') setAddingPeriod(false);
            }}
            onBlur={() => setAddingPeriod(false)}
          />
        ) : (
          <button type="button" onClick={() => setAddingPeriod(true)} title="Add a period: a copy of the current one, or the first">
            + Period
          </button>
        )}
        <button type="button" onClick={() => setManagingPeriods(true)} title="Rename, reorder or delete periods">
          Periods…
        </button>
        <input
          className="search"
          type="search"
          placeholder="Search…"
          title="Filters the sheet as you type; Enter opens the account's Customer Picture"
          aria-label="Search accounts"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            const outcome = searchOutcome(wb.model?.rows.map((r) => r.account) ?? [], search);
            if (outcome && 'say' in outcome) wb.setNotice({ kind: 'info', text: outcome.say });
            else if (outcome) {
              setSearch('');
              window.location.hash = accountHref(outcome.open);
            }
          }}
        />
        <button type="button" onClick={() => void wb.undo()} disabled={!wb.history.undo} title={wb.history.undo ? `Undo ${wb.history.undo} (Ctrl+Z)` : 'Nothing to undo'}>
          Undo
        </button>
        <button type="button" onClick={() => void wb.redo()} disabled={!wb.history.redo} title={wb.history.redo ? `Redo ${wb.history.redo} (Ctrl+Y)` : 'Nothing to redo'}>
          Redo
        </button>
        <button type="button" onClick={() => setImporting({ file: null })} title="Import a CSV or XLSX sheet (or drop one on the window)">
          Import…
        </button>
        <button type="button" onClick={() => setShowAssumptions((s) => !s)} aria-expanded={showAssumptions}>
          Assumptions
        </button>
        <button type="button" onClick={() => setShowSettings(true)} title="Theme, number format, and the workbook's currency, rates and thresholds">
          Settings
        </button>
        <button type="button" className="help-button" onClick={() => setHelp({ tab: 'glossary', focus: null })} title="The metrics glossary (F1) and keyboard shortcuts (?)">
          Help
        </button>
        {prefs.profile.stored ? (
          <button type="button" onClick={() => setWelcome(true)} title="Open the sample, a new workbook, a spreadsheet or a recent file">
            Welcome
          </button>
        ) : null}
      </header>
      <Rail view={view} />
      <main className="content">
        {/* Figures are formatted as they are drawn: a new number format draws the view again, and its remembered state with it. */}
        <Fragment key={settings?.numberLocale}>{pages[view]()}</Fragment>
        <OfflineBanner wb={wb} />
        <ConflictDialog wb={wb} />
        {wb.notice ? (
          <div className={`notice ${wb.notice.kind}`} role={wb.notice.kind === 'error' ? 'alert' : 'status'}>
            {wb.notice.text}
            <button type="button" aria-label="Dismiss" onClick={() => wb.setNotice(null)}>
              ×
            </button>
          </div>
        ) : null}
      </main>
      {showAssumptions && wb.assumptions ? (
        <AssumptionsPanel assumptions={wb.assumptions} onChange={wb.changeAssumptions} onClose={() => setShowAssumptions(false)} />
      ) : null}
      <StatusBar figures={wb.model?.result.figures} currency={wb.info?.currency ?? "USD"} busy={wb.busy} />
      {managingPeriods ? <PeriodsDialog wb={wb} onClose={() => setManagingPeriods(false)} /> : null}
      {importing ? <ImportWizard wb={wb} initialFile={importing.file} onClose={() => setImporting(null)} /> : null}
      {help ? (
        <HelpDialog tab={help.tab} focus={help.focus} onTab={(tab) => setHelp({ tab, focus: null })} onClose={() => setHelp(null)} onTour={startTour} />
      ) : null}
      {showSettings ? <SettingsDialog prefs={prefs} wb={wb} onClose={() => setShowSettings(false)} /> : null}
      {showWelcome ? <WelcomeScreen client={client} prefs={prefs} wb={wb} onImport={() => setImporting({ file: null })} onClose={() => setWelcome(false)} /> : null}
      {touring && !showWelcome ? <Tour onEnd={endTour} /> : null}
      {connecting && desktopBridge() ? <ConnectDialog bridge={desktopBridge()!} onClose={() => setConnecting(false)} /> : null}
    </div>
  );
}
