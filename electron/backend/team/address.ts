import { CpwError } from '../../../shared/ipc/errors';

/**
 * A team server as the desktop app knows it: its address (scheme, host, port
 * and the path a reverse proxy may put it under), kept in the recent list
 * with the workbook's name after a `#` so the list can name it without
 * connecting. The sign-in token is never part of it.
 */
export interface TeamAddress {
  /** e.g. https://cpw.example.com:8787 or https://intranet.example.com/cpw: `/rpc` and `/events` are below it. */
  address: string;
  /** The token when the user pasted the sign-in address the admin sent (…/?token=cpw_…). */
  token: string | null;
}

export function isTeamAddress(text: string): boolean {
  return /^https?:\/\//i.test(text);
}

/** The address typed or pasted, made one form; refused, saying what a team address looks like, when it is none. */
export function parseTeamAddress(text: string): TeamAddress {
  const typed = text.trim();
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    throw new CpwError('INVALID_INPUT', `"${typed}" is not a team server's address: it looks like https://cpw.example.com:8787 (your admin sends it with your sign-in token)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CpwError('INVALID_INPUT', `a team server's address starts with https:// (or http:// for one on this computer), not ${url.protocol}//`);
  }
  if (url.username || url.password) throw new CpwError('INVALID_INPUT', 'a team server signs you in with your token, not a name and password in its address');
  const token = url.searchParams.get('token');
  const path = url.pathname.replace(/\/+$/, '').replace(/\/(index\.html)?$/, '');
  return { address: `${url.protocol}//${url.host}${path}`, token: token && token.trim() !== '' ? token.trim() : null };
}

/** The recent list's entry for a team workbook. */
export function teamRecentEntry(address: string, workbook: string): string {
  return `${address}#${encodeURIComponent(workbook)}`;
}

/** A recent entry back to its address and the workbook named there. */
export function teamOfRecentEntry(entry: string): { address: string; workbook: string } {
  const cut = entry.indexOf('#');
  const address = parseTeamAddress(cut < 0 ? entry : entry.slice(0, cut)).address;
  let workbook = '';
  try {
    workbook = cut < 0 ? '' : decodeURIComponent(entry.slice(cut + 1));
  } catch {
    // A hand-edited list: the address is enough to connect.
  }
  return { address, workbook };
}

/** How the recent list and the welcome screen name a team workbook: "Portfolio (team, on cpw.example.com)". */
export function teamShortName(entry: string): string {
  try {
    const { address, workbook } = teamOfRecentEntry(entry);
    return `${workbook || 'Team workbook'} (team, on ${new URL(address).host})`;
  } catch {
    return entry;
  }
}
