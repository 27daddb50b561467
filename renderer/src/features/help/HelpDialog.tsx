import { useEffect, useRef } from 'react';
import { GLOSSARY, glossaryEntry } from '../../../../shared/glossary';
import { Modal } from '../../components/Modal';
import { fieldLabel, isInputField } from '../../../../shared/catalogue';
import { SHORTCUTS } from './shortcuts';

export type HelpTab = 'glossary' | 'shortcuts';

/** An input column's name as the Customer Picture writes it (with its scale or unit where it has one). */
function inputLabel(field: string): string {
  return isInputField(field) ? fieldLabel(field, true) : field;
}


/**
 * Help: the glossary of every metric (its formula, an example with numbers,
 * what to do about it) and the keyboard shortcuts. Opened at `focus`, the
 * metric of the column or tile the user asked from.
 */
export function HelpDialog({ tab, focus, onTab, onClose, onTour }: {
  tab: HelpTab;
  focus: string | null;
  onTab: (t: HelpTab) => void;
  onClose: () => void;
  onTour: () => void;
}) {
  const list = useRef<HTMLDivElement>(null);
  const entry = focus ? glossaryEntry(focus) : undefined;

  useEffect(() => {
    if (tab !== 'glossary' || !entry) return;
    const el = list.current?.querySelector<HTMLElement>(`[data-entry="${entry.name}"]`);
    el?.scrollIntoView({ block: 'start' });
    el?.focus();
  }, [tab, entry]);

  return (
    <Modal label="Help" className="help-dialog" onClose={onClose} initialFocus={tab === 'glossary' ? '#help-tab-glossary' : '#help-tab-shortcuts'}>
      <header>
        <h2>Help</h2>
        <button type="button" className="tour-again" onClick={onTour}>
          Take the tour
        </button>
        <button type="button" onClick={onClose} aria-label="Close help">
          ×
        </button>
      </header>
      <div role="tablist" aria-label="Help" className="tabs">
        {(['glossary', 'shortcuts'] as const).map((t) => (
          <button
            key={t}
            id={`help-tab-${t}`}
            type="button"
            role="tab"
            aria-selected={tab === t}
            aria-controls={`help-panel-${t}`}
            onClick={() => onTab(t)}
          >
            {t === 'glossary' ? 'Metrics glossary (F1)' : 'Keyboard shortcuts (?)'}
          </button>
        ))}
      </div>
      {tab === 'glossary' ? (
        <div id="help-panel-glossary" role="tabpanel" aria-labelledby="help-tab-glossary" className="glossary" ref={list}>
          {focus && !entry ? <p className="hint">{inputLabel(focus)} is an input you type, not a computed metric; the metrics computed from the inputs are below.</p> : null}
          {GLOSSARY.map((g) => (
            <section key={g.name} data-entry={g.name} tabIndex={-1} className={g.name === entry?.name ? 'current' : undefined} aria-labelledby={`g-${g.name}`}>
              <h3 id={`g-${g.name}`}>{g.title}</h3>
              <dl>
                <dt>How it is computed</dt>
                <dd>{g.words}</dd>
                <dt>Example</dt>
                <dd>{g.example}</dd>
                <dt>What to do about it</dt>
                <dd>{g.action}</dd>
              </dl>
            </section>
          ))}
        </div>
      ) : (
        <div id="help-panel-shortcuts" role="tabpanel" aria-labelledby="help-tab-shortcuts" className="shortcuts" tabIndex={0}>
          {/* Focusable: the list of keys outgrew the dialog, and a scrolling region must be reachable by keyboard. */}
          {SHORTCUTS.map((group) => (
            <section key={group.area}>
              <h3>{group.area}</h3>
              <table>
                <tbody>
                  {group.keys.map((k) => (
                    <tr key={k.keys}>
                      <th scope="row">
                        <kbd>{k.keys}</kbd>
                      </th>
                      <td>{k.what}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
      )}
    </Modal>
  );
}
