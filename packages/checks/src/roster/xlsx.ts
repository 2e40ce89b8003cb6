// .xlsx → UTF-8 CSV, streamed, so a sheet of a million rows never sits in memory. The CSV then
// takes the same DuckDB path as any other file. The sheet comes through @zhenggai/xlsx's reader,
// which fixes what exceljs's streaming reader gets wrong (Chinese split between chunks, parts
// stored in an unusual order).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { streamSheets, type Raw } from '@zhenggai/xlsx';
import { csvField } from './csv-line.ts';

export interface XlsxConversion {
  headers: string[];
  /** Excel row number of the header. */
  headerRow: number;
  dataRows: number;
  /** Excel row numbers after the header that were empty and so not written. */
  blankRows: number[];
  warnings: string[];
}

/** Days from 1899-12-30 (Excel's day 0, with the 1900 leap-year bug baked in). */
export function excelSerialToIso(serial: number): string {
  const ms = Math.round((Math.floor(serial) - 25569) * 86_400_000);
  return new Date(ms).toISOString().slice(0, 10);
}

function cellText(v: Raw, asDate: boolean): string {
  if (v === null) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') {
    if (asDate && v > 0 && v < 2958466) return excelSerialToIso(v);
    // Large numbers keep all their digits instead of 1.1e+17 (an ID typed as a number is already damaged; show it as it is).
    return Number.isInteger(v) ? BigInt(v).toString() : String(v);
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return ''; // an error cell (#N/A, #REF!) carries no value
}

/**
 * Writes the first worksheet to `csvPath`. `dateColumns` is asked once, with the header,
 * which columns (0-based) hold dates, because the streaming reader hands dates over as
 * serial numbers.
 */
export async function xlsxToCsv(
  xlsxPath: string,
  csvPath: string,
  dateColumns: (headers: string[]) => Set<number>,
): Promise<XlsxConversion> {
  const out = createWriteStream(csvPath);
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  const result: XlsxConversion = { headers: [], headerRow: 0, dataRows: 0, blankRows: [], warnings: [] };
  let dates = new Set<number>();
  let lastRow = 0;
  let outside = 0;
  try {
    for await (const sheet of streamSheets({ path: xlsxPath }, 'cache')) {
      for await (const row of sheet.rows) {
        const values = row.cells;
        if (result.headerRow === 0) {
          const headers = values.map((v) => cellText(v, false).trim());
          if (headers.every((h) => h === '')) continue;
          result.headers = headers;
          result.headerRow = row.number;
          lastRow = row.number;
          dates = dateColumns(headers);
          await write(headers.map(csvField).join(','));
          continue;
        }
        // The streaming reader skips empty rows: note each gap so row numbers stay true.
        for (let r = lastRow + 1; r < row.number; r++) result.blankRows.push(r);
        lastRow = row.number;
        const width = result.headers.length;
        const cells = values.map((v, i) => cellText(v, dates.has(i)));
        if (cells.every((c) => c.trim() === '')) {
          result.blankRows.push(row.number);
          continue;
        }
        if (cells.slice(width).some((c) => c.trim() !== '')) outside++;
        const fields: string[] = [];
        for (let i = 0; i < width; i++) fields.push(csvField(cells[i] ?? ''));
        await write(fields.join(','));
        result.dataRows++;
      }
      break; // first worksheet only
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  if (outside > 0)
    result.warnings.push(`有 ${outside} 行在表头范围之外的列里有数据，这些单元格没有表头，未导入`);
  return result;
}
