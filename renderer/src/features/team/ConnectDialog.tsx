import { useState, type FormEvent } from 'react';
import type { CpwBridge } from '../../../../shared/ipc/bridge';
import { Modal } from '../../components/Modal';

/**
 * File > Connect to Team Workbook… in the desktop app: the server's address
 * and the sign-in token an admin sent (or the sign-in address with the token
 * in it, pasted whole). Main connects, keeps the token encrypted by the
 * system, and the window reloads onto the team workbook.
 */
export function ConnectDialog({ bridge, onClose }: { bridge: Pick<CpwBridge, 'connectTeam'>; onClose: () => void }) {
  const [address, setAddress] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tokenInAddress = /[?&]token=/.test(address);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await bridge.connectTeam({ address, token });
    setBusy(false);
    // On success main reloads the window onto the team workbook, and says so itself when the token could not be kept.
    if (!r.ok) setError(r.error.message);
  };

  return (
    <Modal label="Connect to Team Workbook" className="connect-dialog" onClose={onClose} initialFocus="#team-address">
      <form onSubmit={(e) => void submit(e)}>
        <header>
          <h2>Connect to a team workbook</h2>
        </header>
        <p className="hint">A team workbook lives on your company&apos;s server: everyone sees the same portfolio, and you change the accounts you own. Your admin sends you its address and your sign-in token.</p>
        <label className="assumption">
          <span>Server address</span>
          <input id="team-address" type="url" value={address} onChange={(e) => setAddress(e.target.value)} placeholder="https://cpw.example.com:8787" autoComplete="url" spellCheck={false} required />
        </label>
        <label className="assumption">
          <span>Sign-in token</span>
          <input id="team-token" type="password" value={token} onChange={(e) => setToken(e.target.value)} placeholder={tokenInAddress ? 'in the address you pasted' : 'cpw_…'} autoComplete="off" spellCheck={false} />
          <small>Kept encrypted by your system&apos;s keychain, never in a plain file.</small>
        </label>
        {error ? (
          <p className="connect-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || address.trim() === ''}>
            {busy ? 'Connecting…' : 'Connect'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
