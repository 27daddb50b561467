import { useState } from 'react';
import type { Client } from '../../../../shared/ipc/client';
import { desktopBridge } from '../../api/client';
import { Modal } from '../../components/Modal';
import type { Preferences } from '../../state/usePreferences';
import type { Workbook } from '../../state/useWorkbook';

/** The folder of a path as the backend wrote it (POSIX or Windows separators). */
const folderOf = (path: string) => path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

/**
 * The first screen of a first run (and Help > Welcome Screen later): start
 * from the sample, a new workbook, your own spreadsheet or a recent file.
 * Whatever is chosen, the welcome is not shown again at start.
 */
export function WelcomeScreen({ client, prefs, wb, onImport, onClose }: {
  client: Client;
  prefs: Preferences;
  wb: Workbook;
  onImport: () => void;
  onClose: () => void;
}) {
  const bridge = desktopBridge();
  const [naming, setNaming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const recent = prefs.profile?.recent ?? [];
  const current = wb.info?.path;

  const done = async () => {
    if (!prefs.profile?.settings.welcomed) await prefs.update({ welcomed: true });
    onClose();
  };
  /** Another workbook is open: the window starts again on it. */
  const run = async (open: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await prefs.update({ welcomed: true });
      await open();
      window.location.reload();
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };
  const createNamed = (name: string) => {
    const clean = name.trim().replace(/\.cpw$/i, '');
    if (!clean) return;
    void run(() => client.call('workbook.createNamed', { name: clean }));
  };

  return (
    <Modal label="Welcome" className="welcome" onClose={() => void done()}>
      <header>
        <h2>Welcome to the Customer Profitability Workbench</h2>
      </header>
      <p className="lead">
        A row per account: its revenue and the five costs it takes to win, serve and grow it. The workbench turns them into profit, ROI, segments and a whale curve,
        so the accounts that quietly cost more than they bring become visible.
      </p>
      <div className="welcome-actions">
        <button type="button" className="primary" onClick={() => void run(() => client.call('workbook.openSample'))}>
          <strong>Open the sample workbook</strong>
          <span>Four quarters of 40 to 42 accounts, to look around in</span>
        </button>
        {naming ? (
          <label className="welcome-name">
            <span>Name of the new workbook</span>
            <input
              autoFocus
              placeholder="e.g. Key accounts 2027"
              onKeyDown={(e) => {
                if (e.key === 'Enter') createNamed(e.currentTarget.value);
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  setNaming(false);
                }
              }}
            />
            <small>Made beside the open workbook{current ? ` in ${folderOf(current)}` : ''}; Enter creates it.</small>
          </label>
        ) : (
          <button type="button" onClick={() => (bridge ? void run(() => bridge.fileDialog('new')) : setNaming(true))}>
            <strong>New workbook…</strong>
            <span>An empty sheet to fill in or paste into</span>
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            void done();
            onImport();
          }}
        >
          <strong>Import a spreadsheet…</strong>
          <span>Your existing CSV or Excel sheet, into a period of the open workbook</span>
        </button>
        {bridge ? (
          <button type="button" onClick={() => void run(() => bridge.fileDialog('open'))}>
            <strong>Open a workbook…</strong>
            <span>A .cpw file someone shared with you</span>
          </button>
        ) : null}
      </div>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <section aria-labelledby="welcome-recent">
        <h3 id="welcome-recent">Recent workbooks</h3>
        {recent.length === 0 ? (
          <p className="hint">None yet: the workbooks you open will be listed here.</p>
        ) : (
          <ul className="recent-list">
            {recent.map((r, index) => (
              <li key={r.path}>
                <button type="button" disabled={!r.exists} title={r.exists ? r.path : `${r.path} was moved or deleted`} onClick={() => void run(() => client.call('workbook.openRecent', { index, name: r.name }))}>
                  {r.name}
                  <small>{r.exists ? r.path : 'moved or deleted'}</small>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <footer>
        <button type="button" onClick={() => void done()}>
          Continue with {wb.info?.name ?? 'the open workbook'}
        </button>
      </footer>
    </Modal>
  );
}
