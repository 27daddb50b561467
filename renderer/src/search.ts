/** The account a search names: the one spelled so, or the only one whose name holds the text. */
export function findAccount(accounts: readonly string[], text: string): string | null {
  const q = text.trim().toLowerCase();
  if (!q) return null;
  const exact = accounts.find((a) => a.toLowerCase() === q);
  if (exact) return exact;
  const holding = accounts.filter((a) => a.toLowerCase().includes(q));
  return holding.length === 1 ? holding[0]! : null;
}
