/** A file's bytes as base64, in slices so that a 100,000-row sheet does not overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const slice = 0x8000;
  for (let k = 0; k < bytes.length; k += slice) binary += String.fromCharCode(...bytes.subarray(k, k + slice));
  return btoa(binary);
}

/** Problems as a CSV file people can open beside their sheet and fix. */
export function problemsCsv(problems: readonly { row?: number; column?: string; field?: string; value?: string; rule: string }[]): string {
  const q = (v: string | number | undefined) => {
    const s = v === undefined ? '' : String(v);
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return ['row,column,value,rule', ...problems.map((p) => [p.row, p.column ?? p.field, p.value, p.rule].map(q).join(','))].join('\r\n') + '\r\n';
}
