import type ExcelJS from 'exceljs';

/**
 * exceljs loaded on first use: importing it takes about 0.3 s, which every cpw
 * command paid at start though only XLSX import and export need it.
 */
export async function loadExcelJs(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
