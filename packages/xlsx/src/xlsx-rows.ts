// Rows of an .xlsx through exceljs's streaming WorkbookReader: constant memory per row, which is
// what makes a 100,000-row ledger cheap. Its price, handled elsewhere: number formats are ignored
// (dates arrive as serial numbers, see dates.ts) and merge ranges are not reported (a merged cell's
// value appears only in its first cell, see ledger-builder.ts). The zip's entries are handed over
// workbook first (zip-order.ts), so sheets stream straight from the zip instead of a temp file.

import { pipeline, Readable } from 'node:stream';
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
  const zipFailed = zipErrors(input);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles,
    entries: 'ignore',
  });
  patchEntries(reader, zipFailed);
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

/**
 * exceljs pipes our input into unzipper's parser. A damaged deflate stream makes that parser emit
 * an error on itself, not on the entry being read, and exceljs — waiting on the entry — never
 * hears of it: the read would hang for ever. The returned promise rejects with that error.
 */
function zipErrors(input: Readable): Promise<never> {
  let fail: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {}); // observed by whoever is reading at the time, if anyone
  const pipe = input.pipe.bind(input);
  input.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }) => {
    (destination as unknown as Readable).on('error', fail);
    return pipe(destination, options);
  };
  return failed;
}

/** Yields `source` until it ends, or throws as soon as `failed` rejects. */
async function* untilFailure<T>(source: AsyncIterable<T>, failed: Promise<never>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  for (;;) {
    const next = await Promise.race([iterator.next(), failed]);
    if (next.done) return;
    yield next.value;
  }
}

/**
 * Wraps the two private methods of this reader that receive raw zip bytes: the UTF-8 boundary
 * fix (utf8-chunks.ts) goes in front of its XML parsing, and a zip error ends the entry's read.
 */
function patchEntries(reader: object, zipFailed: Promise<never>): void {
  const internals = reader as Partial<ReaderInternals>;
  const parseWorksheet = internals._parseWorksheet;
  const parseSharedStrings = internals._parseSharedStrings;
  if (typeof parseWorksheet !== 'function' || typeof parseSharedStrings !== 'function') {
    // Without the fix Chinese text would be silently damaged; refuse instead.
    throw new Error('exceljs WorkbookReader internals changed; update xlsx-rows.ts');
  }
  internals._parseWorksheet = (iterator, sheetNo) =>
    parseWorksheet.call(reader, utf8Strings(untilFailure(iterator, zipFailed)), sheetNo);
  internals._parseSharedStrings = (entry) => {
    const text = new Utf8BoundaryStream();
    pipeline(entry, text, () => {}); // an entry's own error reaches `text` and so the reader
    zipFailed.catch((error: Error) => text.destroy(error));
    return parseSharedStrings.call(reader, text);
  };
}
