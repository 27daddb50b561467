/**
 * Tab-separated text as Excel and LibreOffice put it on the clipboard: rows
 * by line, cells by tab, a cell in double quotes when it holds a tab, a line
 * break or a quote (doubled). AG Grid Community has no clipboard module.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const body = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  while (i <= body.length) {
    const ch = body[i];
    if (cell === '' && ch === '"') {
      // A quoted cell runs to the next lone quote.
      let j = i + 1;
      let value = '';
      while (j < body.length) {
        if (body[j] === '"') {
          if (body[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += body[j];
        j++;
      }
      if (body[j] === '"' && (j + 1 === body.length || body[j + 1] === '\t' || body[j + 1] === '\n')) {
        cell = value;
        i = j + 1;
        continue;
      }
    }
    if (ch === undefined || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
    i++;
  }
  return rows;
}

function quote(cell: string): string {
  return /[\t\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quote).join('\t')).join('\n');
}
