import { CpwError } from '../../../shared/ipc/errors';

/** The encodings a spreadsheet's text file arrives in, as the import summary names them. */
export type TextEncoding = 'UTF-8' | 'UTF-16 LE' | 'UTF-16 BE' | 'Windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/**
 * Windows-1252's characters at 0x80-0x9F, where it differs from Latin-1
 * (Node's TextDecoder gives the C1 control characters there instead). The
 * five bytes it leaves undefined are null.
 */
const CP1252_HIGH: readonly (number | null)[] = [
  0x20ac, null, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, null, 0x017d, null,
  null, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, null, 0x017e, 0x0178,
];

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let k = 0; k < offset; k++) if (bytes[k] === 0x0a) line++;
  return line;
}

function decodeCp1252(bytes: Uint8Array, file: string): string {
  // Latin-1 is Windows-1252 but for 0x80-0x9F, which are then put right.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c, offset: number) => {
      const code = CP1252_HIGH[c.charCodeAt(0) - 0x80];
      if (code !== null && code !== undefined) return String.fromCharCode(code);
      const b = c.charCodeAt(0);
      throw new CpwError(
        'IMPORT_INVALID',
        `${file}: line ${lineAt(bytes, offset)}: byte 0x${b.toString(16).toUpperCase()} is not a character of UTF-8 or of Windows-1252, so the file's encoding is unknown: save it as "CSV UTF-8" (Excel) or UTF-8 and import that`,
        { file, problems: [{ row: lineAt(bytes, offset), rule: 'text in an unknown encoding' }] },
      );
    });
}

/**
 * UTF-16 without a byte-order mark: Excel's "Unicode text" and some exports
 * write it. Text of a sheet is mostly ASCII, so one byte of each pair is
 * zero; which one says the byte order.
 */
function unmarkedUtf16(bytes: Uint8Array): 'LE' | 'BE' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let k = 0; k < n; k += 2) {
    if (bytes[k] === 0) evenZero++;
    if (bytes[k + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'LE';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'BE';
  return null;
}

function utf16(bytes: Uint8Array, order: 'LE' | 'BE', skip: number, file: string): DecodedText {
  if ((bytes.length - skip) % 2 !== 0) {
    throw new CpwError('IMPORT_INVALID', `${file} is UTF-16 text cut short (an odd number of bytes): save it again and import that`, { file });
  }
  const body = bytes.subarray(skip);
  try {
    const text = new TextDecoder(order === 'LE' ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(body);
    return { text, encoding: order === 'LE' ? 'UTF-16 LE' : 'UTF-16 BE' };
  } catch {
    throw new CpwError('IMPORT_INVALID', `${file} looks like UTF-16 text but holds invalid characters: save it as "CSV UTF-8" and import that`, { file });
  }
}

/**
 * The text of a spreadsheet's text file, and which encoding it was read as:
 * a byte-order mark (UTF-8, UTF-16 either way) decides; else UTF-16 told by
 * its zero bytes; else UTF-8 when the bytes are valid UTF-8; else
 * Windows-1252, what Excel on Windows saves as "CSV", with its real mapping.
 * Bytes that none of these reads are refused, never replaced.
 */
export function decodeText(bytes: Uint8Array, file = 'the file'): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'UTF-8' };
    } catch {
      throw new CpwError('IMPORT_INVALID', `${file} starts with a UTF-8 mark but holds bytes that are not UTF-8: save it as "CSV UTF-8" again and import that`, { file });
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'LE', 2, file);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'BE', 2, file);
  const order = unmarkedUtf16(bytes);
  if (order) return utf16(bytes, order, 0, file);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: decodeCp1252(bytes, file), encoding: 'Windows-1252' };
  }
}
