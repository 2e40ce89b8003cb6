// Rows of an .xlsx through exceljs's streaming WorkbookReader: constant memory per row, which is
// what makes a 100,000-row ledger cheap. Its price, handled elsewhere: number formats are ignored
// (dates arrive as serial numbers, see dates.ts) and merge ranges are not reported (a merged cell's
// value appears only in its first cell, see ledger-builder.ts). The zip's entries are handed over
// workbook first (zip-order.ts), so sheets stream straight from the zip instead of a temp file.

import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { flattenCellValue, type Raw } from './cells.ts';
import type { SheetRow } from './header.ts';
import { Utf8BoundaryStream, utf8Strings } from './utf8-chunks.ts';
import { workbookFirst } from './zip-order.ts';

export interface StreamedSheet {
  name: string;
  rows: AsyncIterable<SheetRow>;
  /** Whether serial numbers count from 1904 (old Mac Excel); known once workbook.xml is read. */
  date1904: () => boolean;
}

/** exceljs's Row as the streaming reader hands it over; only what we use. */
interface StreamRow {
  number: number;
  values: unknown[] | Record<string, unknown>;
}

export async function* streamSheets(
  source: { path: string } | { buffer: Buffer },
  /** 'cache' lets exceljs turn cells with a date format into Dates, at the cost of reading styles. */
  styles: 'cache' | 'ignore' = 'ignore',
): AsyncGenerator<StreamedSheet> {
  const input = Readable.from(workbookFirst(source));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles,
    entries: 'ignore',
  });
  patchUtf8(reader);
  let index = 0;
  for await (const ws of reader) {
    index++;
    const named = ws as unknown as { name?: string };
    const props = reader as unknown as { properties?: { model?: { date1904?: boolean } } };
    yield {
      name: named.name ?? `Sheet${index}`,
      rows: rowsOf(ws as unknown as AsyncIterable<StreamRow>),
      date1904: () => props.properties?.model?.date1904 === true,
    };
  }
}

async function* rowsOf(ws: AsyncIterable<StreamRow>): AsyncGenerator<SheetRow> {
  for await (const row of ws) {
    const values = row.values;
    if (!Array.isArray(values)) continue;
    // values[1] is column A; values[0] is always empty in exceljs.
    const cells: Raw[] = new Array<Raw>(Math.max(0, values.length - 1));
    for (let i = 1; i < values.length; i++) cells[i - 1] = flattenCellValue(values[i]);
    yield { number: row.number, cells };
  }
}

/** The two private methods of WorkbookReader that receive raw zip bytes. */
interface ReaderInternals {
  _parseWorksheet: (iterator: AsyncIterable<Buffer | string>, sheetNo: string) => unknown;
  _parseSharedStrings: (entry: NodeJS.ReadableStream) => unknown;
}

/** Puts the UTF-8 boundary fix (utf8-chunks.ts) in front of this reader's XML parsing. */
function patchUtf8(reader: object): void {
  const internals = reader as Partial<ReaderInternals>;
  const parseWorksheet = internals._parseWorksheet;
  const parseSharedStrings = internals._parseSharedStrings;
  if (typeof parseWorksheet !== 'function' || typeof parseSharedStrings !== 'function') {
    // Without the fix Chinese text would be silently damaged; refuse instead.
    throw new Error('exceljs WorkbookReader internals changed; update xlsx-rows.ts');
  }
  internals._parseWorksheet = (iterator, sheetNo) =>
    parseWorksheet.call(reader, utf8Strings(iterator), sheetNo);
  internals._parseSharedStrings = (entry) =>
    parseSharedStrings.call(reader, entry.pipe(new Utf8BoundaryStream()));
}
