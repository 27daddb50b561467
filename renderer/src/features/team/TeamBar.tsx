import { fieldLabel, fieldSpec, isInputField } from '../../../../shared/catalogue';
import type { SheetRow } from '../../../../shared/schemas/row';
import { Modal } from '../../components/Modal';
import type { Workbook } from '../../state/useWorkbook';
import { formatMoney, formatNumber } from '../../../../shared/format';

/** The window's title: the workbook, and on a team server who you are in it. */
export function windowTitle(workbook: string | null, team: Workbook['team']): string {
  const app = 'Customer Profitability Workbench';
  if (workbook === null) return app;
  return team ? `${workbook} — ${team.me} (${team.role}) — ${app}` : `${workbook} — ${app}`;
}

/** Who you are and who else is in the team workbook. */
export function TeamBadge({ wb }: { wb: Workbook }) {
  const team = wb.team;
  if (!team) return null;
  const others = team.people.filter((p) => p !== team.me);
  return (
    <span className="team-badge" role="status" aria-label="People in this workbook" title={`Signed in as ${team.me} (${team.role})`}>
      <span className="team-me">{team.me}</span>
      <span className="team-others">{team.offline ? ' · offline' : others.length ? ` · also here: ${others.join(', ')}` : ' · nobody else here'}</span>
    </span>
  );
}

/** While the team server is out of reach: said at once, and the sheet takes no typing. */
export function OfflineBanner({ wb }: { wb: Workbook }) {
  if (!wb.team?.offline) return null;
  return (
    <div className="notice error offline-banner" role="alert">
      Can&apos;t reach the team server. You are seeing the last figures read, read-only: typing is off until it answers again (trying every second).
    </div>
  );
}

function shownValue(field: string, v: unknown, currency: string): string {
  if (v === null || v === undefined) return '(empty)';
  if (typeof v !== 'number') return String(v);
  return isInputField(field) && fieldSpec(field).kind === 'money' ? formatMoney(v, currency) : formatNumber(v);
}

/** Someone else saved the row first: both values side by side, and the person keeps either. */
export function ConflictDialog({ wb }: { wb: Workbook }) {
  const c = wb.conflict;
  if (!c) return null;
  const currency = wb.info?.currency ?? 'USD';
  const theirs = c.by ?? 'Someone else';
  const when = c.at ? new Date(c.at).toLocaleString() : 'just now';
  return (
    <Modal label="Someone else changed this row" className="conflict-dialog" onClose={() => void wb.settleConflict('theirs')}>
      <h2>
        {theirs} changed {c.account} first
      </h2>
      <p>{theirs} saved this row at {when}, after you started your edit. Nothing of yours was written over theirs. Choose which value stays:</p>
      <table className="conflict-values">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">{theirs}</th>
            <th scope="col">Yours</th>
          </tr>
        </thead>
        <tbody>
          {Object.keys(c.patch).map((f) => (
            <tr key={f}>
              <th scope="row">{isInputField(f) ? fieldLabel(f) : f}</th>
              <td className="theirs">{shownValue(f, c.theirs[f as keyof SheetRow], currency)}</td>
              <td className="mine">{shownValue(f, c.patch[f as keyof typeof c.patch], currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-buttons">
        <button type="button" onClick={() => void wb.settleConflict('theirs')}>
          Keep {c.by ? `${c.by}'s` : 'theirs'}
        </button>
        <button type="button" className="primary" onClick={() => void wb.settleConflict('mine')}>
          Keep mine
        </button>
      </div>
    </Modal>
  );
}
