/**
 * What a file is, from its first bytes rather than its name: people rename
 * files, and save them from tools that write one format under another's
 * extension. Each kind that is not CSV or XLSX carries what to save it as.
 */
export type FileKind =
  | { kind: 'xlsx' }
  | { kind: 'text' }
  | { kind: 'other'; what: string; saveAs: string };

const starts = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, k) => bytes[at + k] === b);
// Clamped to the bytes, not to their ArrayBuffer: a short file in Node's shared pool would otherwise read past it, or past the pool.
const ascii = (bytes: Uint8Array, from: number, to: number) => {
  const start = Math.min(from, bytes.length);
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, Math.min(to, bytes.length) - start)).toString('latin1');
};

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SAVE_AS = 'save it as .xlsx or .csv (CSV UTF-8) and import that';

/** The names of a zip's entries, read from its central directory at the end (at most the last 1 MiB is looked at). */
function zipNames(bytes: Uint8Array): string[] {
  const tail = Math.max(0, bytes.length - 2 ** 20);
  const names: string[] = [];
  for (let k = bytes.length - 46; k >= tail; k--) {
    if (bytes[k] === 0x50 && bytes[k + 1] === 0x4b && bytes[k + 2] === 0x01 && bytes[k + 3] === 0x02) {
      const nameLength = bytes[k + 28]! | (bytes[k + 29]! << 8);
      names.push(ascii(bytes, k + 46, k + 46 + nameLength));
    }
  }
  return names;
}

function zipKind(bytes: Uint8Array): FileKind {
  // An OpenDocument file stores its type first, uncompressed, as the entry "mimetype".
  if (ascii(bytes, 30, 38) === 'mimetype') {
    const mime = ascii(bytes, 38, 38 + 80);
    if (mime.startsWith('application/vnd.oasis.opendocument.spreadsheet')) {
      return { kind: 'other', what: 'an OpenDocument spreadsheet (.ods, as LibreOffice and Google Sheets save)', saveAs: `open it in LibreOffice or Google Sheets and ${SAVE_AS}` };
    }
    if (mime.startsWith('application/vnd.oasis.opendocument')) return { kind: 'other', what: 'an OpenDocument file that is not a spreadsheet', saveAs: SAVE_AS };
  }
  const names = zipNames(bytes);
  if (names.some((n) => n.startsWith('xl/'))) return { kind: 'xlsx' };
  if (names.some((n) => n.startsWith('word/'))) return { kind: 'other', what: 'a Word document (.docx)', saveAs: `copy its table into a spreadsheet and ${SAVE_AS}` };
  if (names.some((n) => n.startsWith('ppt/'))) return { kind: 'other', what: 'a PowerPoint presentation (.pptx)', saveAs: `copy its table into a spreadsheet and ${SAVE_AS}` };
  if (names.some((n) => n.startsWith('Index/') && n.endsWith('.iwa'))) return { kind: 'other', what: 'an Apple Numbers spreadsheet', saveAs: `export it from Numbers (File > Export To > Excel or CSV) and import that` };
  // Names not found (a zip cut short, an unusual writer): exceljs has its say.
  return names.length === 0 ? { kind: 'xlsx' } : { kind: 'other', what: 'a zip archive that is not a spreadsheet', saveAs: 'unpack it and import the .xlsx or .csv inside' };
}

export function sniffFile(bytes: Uint8Array): FileKind {
  if (starts(bytes, ZIP)) return zipKind(bytes);
  if (starts(bytes, OLE2)) {
    return { kind: 'other', what: 'an old Excel .xls workbook (Excel 97-2003) or another Office 97-2003 file', saveAs: `open it in Excel or LibreOffice and ${SAVE_AS}` };
  }
  const head = ascii(bytes, 0, 512);
  if (head.startsWith('SQLite format 3\0')) {
    return { kind: 'other', what: 'a SQLite database (a workbench workbook, .cpw, is one)', saveAs: 'open it with the workbench (cpw report, or the app) instead of importing it' };
  }
  if (head.startsWith('%PDF')) return { kind: 'other', what: 'a PDF document', saveAs: `export the table from where it was made and ${SAVE_AS}` };
  if (head.startsWith('{\\rtf')) return { kind: 'other', what: 'an RTF document', saveAs: SAVE_AS };
  const lower = head.replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (lower.startsWith('<?xml') && head.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
    return { kind: 'other', what: 'an Excel 2003 XML spreadsheet', saveAs: `open it in Excel or LibreOffice and ${SAVE_AS}` };
  }
  if (lower.startsWith('<!doctype html') || lower.startsWith('<html') || lower.startsWith('<table')) {
    return { kind: 'other', what: 'a web page (HTML), as some tools write under an .xls name', saveAs: `open it in Excel or LibreOffice and ${SAVE_AS}` };
  }
  return { kind: 'text' };
}
