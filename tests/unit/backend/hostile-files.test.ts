import { closeSync, copyFileSync, ftruncateSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createDeflateRaw, crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/dispatch';
import { sniffFile } from '../../../electron/backend/io/sniff';
import { readTable } from '../../../electron/backend/io/table';
import { unpackedSize } from '../../../electron/backend/io/zip-size';
import type { Report } from '../../../shared/schemas/report';
import { cpw, cpwJson, ROOT, sha256, useTempDir } from '../../helpers';

// Hostile files (issue 10, item 4) offered to the import: each is refused with a message that names
// the file and what is wrong, or taken exactly as written; a refusal leaves the workbook as it was.

/** A real zip bomb: one sheet of 600 MiB of zeros, deflated to well under a megabyte. */
async function zipBomb(path: string): Promise<void> {
  const size = 600 * 2 ** 20;
  const chunk = Buffer.alloc(16 * 2 ** 20);
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (d: Buffer) => parts.push(d));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  for (let written = 0; written < size; written += chunk.length) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  const data = Buffer.concat(parts);
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflated
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  writeFileSync(path, Buffer.concat([local, name, data, central, name, end]));
}

describe('hostile files offered to the import', () => {
  const tmp = useTempDir();

  async function book(): Promise<string> {
    const path = join(tmp(), 'w.cpw');
    expect((await cpw(['new', path, '--sample'])).code).toBe(0);
    return path;
  }

  it('refuses each with a message naming the file and the fault, the workbook unchanged', async () => {
    const path = await book();
    const before = sha256(path);
    const dir = tmp();
    const bomb = join(dir, 'bomb.xlsx');
    await zipBomb(bomb);
    const huge = join(dir, 'huge.csv');
    const fd = openSync(huge, 'w');
    writeSync(fd, 'account,revenue\nAcme,1\n');
    ftruncateSync(fd, 2 ** 30); // a 1 GiB CSV (sparse: no disk is spent on it)
    closeSync(fd);
    const renamed = join(dir, 'accounts.csv');
    copyFileSync(path, renamed); // a workbook renamed as a spreadsheet
    const renamedXlsx = join(dir, 'accounts.xlsx');
    copyFileSync(path, renamedXlsx);
    const numbers = (value: string, name: string) => {
      const file = join(dir, `${name}.csv`);
      writeFileSync(file, `account,revenue\nAcme,${value}\n`);
      return file;
    };
    const long = join(dir, 'long.csv');
    writeFileSync(long, `account,revenue\n${'A'.repeat(10_000)},5\n`);
    const cases: [string, string, RegExp][] = [
      ['a zip bomb as XLSX', bomb, /bomb\.xlsx would unpack to 600 MiB .*not imported/],
      ['a 1 GiB CSV', huge, /files above 256 MiB are not imported/],
      ['a workbook renamed .csv', renamed, /accounts\.csv/],
      ['a workbook renamed .xlsx', renamedXlsx, /accounts\.xlsx/],
      ['1e309', numbers('1e309', 'e309'), /row 2, column revenue: value "1e309" — is too large to compute with/],
      ['1e308', numbers('1e308', 'e308'), /row 2, column revenue: value "1e308" — is too large to compute with/],
      ['NaN', numbers('NaN', 'nan'), /row 2, column revenue: value "NaN" — must be a number/],
      ['0x10', numbers('0x10', 'hex'), /row 2, column revenue: value "0x10" — must be a number/],
      ['a name of 10,000 characters', long, /account name is longer than 200 characters/],
    ];
    for (const [what, file, message] of cases) {
      const r = await cpw(['import', path, file, '--period', '2026-Q3', '--merge']);
      expect(r.code, what).toBe(1);
      expect(r.stderr, what).toMatch(message);
      expect(sha256(path), what).toBe(before);
    }
  }, 120_000);

  it('reads what a real XLSX unpacks to from its directory, and nothing from bytes that are not a zip', () => {
    const xlsx = readFileSync(join(ROOT, 'tests', 'fixtures', 'sheets', 'titled.xlsx'));
    const size = unpackedSize(xlsx)!;
    expect(size).toBeGreaterThan(xlsx.length);
    expect(size).toBeLessThan(2 ** 20);
    expect(unpackedSize(Buffer.from('not a zip at all, just text'.repeat(3)))).toBeNull();
  });

  it('a zip header alone, at the very end of the memory it shares with other buffers, is refused without reading past it', async () => {
    // Found by the fuzzer: the sniffer read the entry name at byte 30 of the shared ArrayBuffer, past a 4-byte file and past the pool's end.
    const pool = new ArrayBuffer(64);
    const bytes = Buffer.from(pool, 60, 4);
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    expect(sniffFile(bytes)).toEqual({ kind: 'xlsx' });
    await expect(readTable({ name: 'short.xlsx', bytes }, undefined)).rejects.toMatchObject({ code: 'IMPORT_INVALID', message: expect.stringContaining('short.xlsx') });
  });

  it('takes names with control characters, right-to-left text and emoji exactly as written', async () => {
    const path = await book();
    const names = ['Bell\u0007 Ltd', 'شركة النور', 'עסק בע"מ', 'Café 🍰 & Co', '\u202eevil\u202c Corp', 'Zero\u200bWidth'];
    const file = join(tmp(), 'names.csv');
    writeFileSync(file, `account,revenue\n${names.map((n, k) => `"${n.replace(/"/g, '""')}",${k + 1}`).join('\n')}\n`);
    const r = await cpw(['import', path, file, '--period', 'Names']);
    expect(r.code, r.stderr).toBe(0);
    const report = await cpwJson<Report>(['report', path, '--period', 'Names', '--json']);
    expect(report.accounts.map((a) => a.account)).toEqual(names);
    // And through the window's call, as the same text.
    const backend = createBackend();
    await backend.call('workbook.open', { path, readOnly: true });
    const rows = await backend.call('rows.columns', { period: 'Names' });
    expect(rows.ok && (rows.value as { account: string[] }).account).toEqual(names);
    backend.close();
  });
});
