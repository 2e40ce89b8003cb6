// readLedger: bytes → kind → rows → header → LedgerDraft. Content problems become CellIssues;
// only a file that cannot be opened at all throws a LedgerFileError.

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { LedgerReadResult } from '@zhenggai/core';
import { isBlank, rawToText } from './cells.ts';
import { decodeText, parseCsv } from './csv.ts';
import { LedgerFileError } from './errors.ts';
import { findHeader, HEADER_SCAN_ROWS, type SheetRow } from './header.ts';
import { LedgerBuilder } from './ledger-builder.ts';
import { bytesOfBuffer, bytesOfPath, sniff } from './sniff.ts';
import { streamSheets } from './xlsx-rows.ts';

export type LedgerInput = { path: string } | { buffer: Buffer; fileName: string };

export interface ReadLedgerOptions {
  /** Year for deadlines written without one ("6月底"); wins over the year in the title. */
  year?: number;
  /** Read this sheet; by default the first sheet that has a ledger header. */
  sheet?: string;
}

interface SheetOutcome {
  result: LedgerReadResult;
}

/** The title is the line above the header that names the table; its year completes "6月底". */
function titleOf(rows: SheetRow[]): string | null {
  const texts = rows
    .map((r) => r.cells.find((c) => !isBlank(c)))
    .filter((c) => c !== undefined)
    .map((c) => rawToText(c));
  return texts.find((t) => /台账|清单|一览表|统计表|明细表|情况表/.test(t)) ?? texts[0] ?? null;
}

function yearIn(text: string | null): number | null {
  const m = text ? /(20\d{2})\s*年/.exec(text) : null;
  return m ? Number(m[1]) : null;
}

/**
 * Reads one sheet's rows. Returns null (after draining the rows) when the sheet has no header,
 * so the caller can try the next sheet.
 */
async function readSheet(
  sheet: string,
  rows: AsyncIterable<SheetRow> | Iterable<SheetRow>,
  options: ReadLedgerOptions,
  date1904: () => boolean = () => false,
): Promise<SheetOutcome | null> {
  const head: SheetRow[] = [];
  let title: string | null = null;

  /** Finds the header in the buffered rows and replays the data rows among them. */
  const start = (): LedgerBuilder | null => {
    const header = findHeader(head);
    if (!header) return null;
    title = titleOf(head.slice(0, header.firstRowIndex));
    const contextYear = options.year ?? yearIn(title);
    const source = options.year !== undefined ? '导入时指定' : '取自标题';
    const b = new LedgerBuilder({
      sheet,
      header,
      contextYear,
      contextYearSource: source,
      date1904: date1904(),
    });
    for (const row of head.slice(header.firstRowIndex + header.rowCount)) b.addRow(row);
    return b;
  };

  let builder: LedgerBuilder | null = null;
  let gaveUp = false;
  for await (const row of rows) {
    if (builder) {
      builder.addRow(row);
    } else if (!gaveUp && !row.cells.every(isBlank)) {
      head.push(row);
      if (head.length === HEADER_SCAN_ROWS) {
        builder = start();
        // No header in the first rows: drain the rest of this sheet and let the caller move on.
        gaveUp = builder === null;
      }
    }
  }
  if (!builder && !gaveUp) builder = start();
  if (!builder) return null;
  const categories = builder.finish();
  return { result: { ledger: { title, categories }, issues: builder.issues, warnings: builder.warnings } };
}

/**
 * Reads a ledger from an .xlsx or .csv file. Never throws on bad content (see `issues`);
 * throws LedgerFileError for files that cannot be opened.
 */
export async function readLedger(
  input: LedgerInput,
  options: ReadLedgerOptions = {},
): Promise<LedgerReadResult> {
  const bytes = 'path' in input ? await bytesOfPath(input.path) : bytesOfBuffer(input.buffer);
  const fileName = 'path' in input ? basename(input.path) : input.fileName;
  const kind = await sniff(bytes, () => readFile((input as { path: string }).path));

  if (kind === 'text') {
    const buffer = bytes.whole ?? (await readFile((input as { path: string }).path));
    const { text, encoding } = decodeText(buffer);
    if (!/[^\s,;\t"]/.test(text)) throw new LedgerFileError('EMPTY_FILE', '文件中没有任何内容');
    const sheet = fileName;
    const outcome = await readSheet(sheet, parseCsv(text), options);
    if (!outcome) throw noHeader(fileName);
    if (encoding === 'gb18030') outcome.result.warnings.unshift('CSV文件按GB18030（国标）编码读取');
    return outcome.result;
  }

  const source = 'path' in input ? { path: input.path } : { buffer: input.buffer };
  let outcome: SheetOutcome | null = null;
  const sheetNames: string[] = [];
  const skipped: string[] = [];
  try {
    for await (const ws of streamSheets(source)) {
      sheetNames.push(ws.name);
      const wanted = options.sheet !== undefined ? ws.name === options.sheet : outcome === null;
      if (wanted) {
        outcome = await readSheet(ws.name, ws.rows, options, ws.date1904);
        continue;
      }
      // The zip is one stream: a sheet we do not want must still be read past.
      for await (const _row of ws.rows) void _row;
      if (outcome !== null && options.sheet === undefined) skipped.push(ws.name);
    }
  } catch (cause) {
    if (cause instanceof LedgerFileError) throw cause;
    throw new LedgerFileError(
      'CORRUPT_XLSX',
      '文件已损坏，无法作为Excel工作簿打开，请用Excel打开确认后重新保存',
      {
        cause,
      },
    );
  }
  if (sheetNames.length === 0)
    throw new LedgerFileError('NOT_A_WORKBOOK', '文件中没有工作表，不是Excel工作簿');
  if (options.sheet !== undefined && !sheetNames.includes(options.sheet)) {
    throw new LedgerFileError(
      'SHEET_NOT_FOUND',
      `找不到工作表“${options.sheet}”，文件中的工作表有：${sheetNames.join('、')}`,
    );
  }
  if (!outcome) throw noHeader(fileName);
  if (skipped.length > 0)
    outcome.result.warnings.push(`只导入了第一张台账工作表，其后的工作表未读取：${skipped.join('、')}`);
  return outcome.result;
}

function noHeader(fileName: string): LedgerFileError {
  return new LedgerFileError(
    'NO_HEADER_ROW',
    `在“${fileName}”的前${HEADER_SCAN_ROWS}行中找不到台账表头（需要包含“问题”或“整改措施”等列名）`,
  );
}
