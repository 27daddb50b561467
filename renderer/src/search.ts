/** The account a search names: the one spelled so, or the only one whose name holds the text. */
export function findAccount(accounts: readonly string[], text: string): string | null {
  const q = text.trim().toLowerCase();
  if (!q) return null;
  const exact = accounts.find((a) => a.toLowerCase() === q);
  if (exact) return exact;
  const holding = accounts.filter((a) => a.toLowerCase().includes(q));
  return holding.length === 1 ? holding[0]! : null;
}

/** What Enter in the search box does: open the one account it names, or say why it opens none. */
export function searchOutcome(accounts: readonly string[], text: string): { open: string } | { say: string } | null {
  const q = text.trim();
  if (!q) return null;
  const found = findAccount(accounts, q);
  if (found) return { open: found };
  const holding = accounts.filter((a) => a.toLowerCase().includes(q.toLowerCase())).length;
  return holding === 0
    ? { say: `No account's name holds "${q}"; the search also matches owners and other columns in the sheet.` }
    : { say: `${holding.toLocaleString('en-US')} accounts hold "${q}": type more of the name to open one, or pick it in the sheet (Ctrl+Enter opens the focused account).` };
}
