import type { ImportSummary } from '../../../../shared/ipc/contract';
import { describeProblem } from '../../../../shared/ipc/errors';

/** What the import read but did not take, and what is worth a look: nothing is dropped without being named. */
export function ImportNotes({ summary }: { summary: ImportSummary }) {
  const { encoding, decimalComma, skipped, warnings } = summary;
  if ((encoding === null || encoding === 'UTF-8') && !decimalComma && skipped.length === 0 && warnings.length === 0) return null;
  return (
    <ul className="hint import-notes" data-testid="import-notes">
      {encoding !== null && encoding !== 'UTF-8' ? <li>Read as {encoding} text (the file is not UTF-8).</li> : null}
      {decimalComma ? <li>Numbers read with decimal commas (1.234,56), as European spreadsheets write them.</li> : null}
      {skipped.map((k) => (
        <li key={`s${k.row}`}>
          Skipped {k.count === 1 ? `row ${k.row}` : `rows ${k.row} to ${k.row + k.count - 1}`}: {k.reason}.
        </li>
      ))}
      {warnings.slice(0, 50).map((w, n) => (
        <li key={`w${n}`}>{describeProblem(w)}.</li>
      ))}
      {warnings.length > 50 ? <li>… and {warnings.length - 50} more notes like these.</li> : null}
    </ul>
  );
}
