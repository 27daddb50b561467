/**
 * What a zip archive says it unpacks to, read from its central directory
 * without unpacking anything: the check an XLSX must pass before exceljs
 * inflates it, so that a zip bomb (a few kilobytes that unpack to gigabytes)
 * is refused instead of filling the memory. Null when the directory cannot
 * be read (the unpacking then says what is wrong), Infinity for sizes only
 * ZIP64 can give.
 */
export function unpackedSize(bytes: Buffer): number | null {
  // The end-of-central-directory record sits in the last 22 + 65,535 bytes (its comment is at most that long).
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= from; at--) {
    if (bytes.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const entries = bytes.readUInt16LE(end + 10);
  const directory = bytes.readUInt32LE(end + 16);
  if (entries === 0xffff || directory === 0xffffffff) return Infinity;
  let total = 0;
  let at = directory;
  for (let k = 0; k < entries; k++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const size = bytes.readUInt32LE(at + 24);
    if (size === 0xffffffff) return Infinity;
    total += size;
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return total;
}
