import { useEffect, useRef, useState } from 'react';
import type { LiveEvent, LiveSource } from '../../../shared/ipc/live-events';

export interface TeamState {
  /** Who this window is signed in as. */
  me: string;
  role: string;
  /** Everyone with the workbook open, this person included. */
  people: string[];
  /** The server is out of reach: the window shows the last data read and takes no typing. */
  offline: boolean;
}

/**
 * The window's side of a team server: who is signed in, who else is in, and
 * each change another person makes, handed to `onChange`; when the server is
 * lost, offline until it answers again, when `onChange` hears "read it all".
 */
export function useTeam(source: LiveSource | null, onChange: (e: Extract<LiveEvent, { event: 'change' }>['data']) => void): TeamState | null {
  const [team, setTeam] = useState<TeamState | null>(null);
  const changeRef = useRef(onChange);
  changeRef.current = onChange;
  useEffect(() => {
    if (!source) return undefined;
    let wasOffline = false;
    return source({
      onEvent(e) {
        if (e.event === 'hello') {
          setTeam((t) => ({ me: e.data.name, role: e.data.role, people: t?.people ?? [e.data.name], offline: false }));
          // Back after a loss: whatever changed meanwhile is read again.
          if (wasOffline) changeRef.current({ kind: 'workbook', by: '' });
          wasOffline = false;
        } else if (e.event === 'presence') setTeam((t) => (t ? { ...t, people: e.data.people } : t));
        else changeRef.current(e.data);
      },
      onLost() {
        wasOffline = true;
        setTeam((t) => (t ? { ...t, offline: true } : t));
      },
    });
  }, [source]);
  return team;
}
