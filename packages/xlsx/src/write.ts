// writeLedger: a LedgerDraft as the standard 整改台账 — title row, one header row, one row per
// measure, the problem's 序号/问题类别/问题 merged down over its measures. Streaming
// (WorkbookWriter) so 100,000 measures take seconds and little memory.

import { randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import {
  MEASURE_KIND_LABELS,
  MEASURE_STATUS_LABELS,
  type LedgerDraft,
  type MeasureDraft,
} from '@zhenggai/core';
import { columnLetter } from './cells.ts';
import { STANDARD_COLUMNS, type Field } from './columns.ts';
import { isoToUtcDate } from './dates.ts';
import { LedgerFileError } from './errors.ts';
import { joinProblemCell } from './problem-text.ts';

export type LedgerOutput = { path: string } | { stream: NodeJS.WritableStream };

export interface WriteLedgerOptions {
  /** Title row text; default the ledger's title, else "整改台账". */
  title?: string;
}

const DEFAULT_TITLE = '整改台账';
const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
const FONT = { name: '宋体', size: 10 };
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const TITLE_ROW = 1;
const HEADER_ROW = 2;
/** Problem-level columns, merged down over the problem's measures. */
const MERGED_FIELDS: readonly Field[] = ['seq', 'category', 'problem'];

/**
 * The 整改时限 cell: a real date for 限期整改; the kind word for 长期坚持 / 立行立改, with the
 * date in brackets when there is one (the reader takes both back).
 */
function deadlineCell(m: MeasureDraft): Date | string | null {
  if (m.kind === 'deadline') return m.deadline ? isoToUtcDate(m.deadline) : null;
  const label = MEASURE_KIND_LABELS[m.kind];
  return m.deadline ? `${label}（${m.deadline}）` : label;
}

function measureValues(m: MeasureDraft): Partial<Record<Field, string | Date | null>> {
  return {
    measure: m.text,
    leader: m.leaderName,
    unit: [m.unitName, ...m.cooperatingUnitNames].filter((u): u is string => !!u).join('、') || null,
    person: m.personName,
    deadline: deadlineCell(m),
    progress: m.progress,
    status: MEASURE_STATUS_LABELS[m.status],
    evidence: m.evidenceNote,
    remark: m.remark,
  };
}

// One style object per column kind, shared by every cell: exceljs de-duplicates styles by
// content, and sharing keeps the per-cell work small.
const styleFor = (field: Field): Partial<ExcelJS.Style> => ({
  font: FONT,
  border: BORDER,
  alignment: {
    vertical: 'middle',
    horizontal: field === 'seq' || field === 'status' || field === 'deadline' ? 'center' : 'left',
    wrapText: true,
  },
  ...(field === 'deadline' ? { numFmt: DATE_FORMAT } : {}),
});

/** Excel's limit per cell; longer text is cut off or refused by Excel and WPS. */
const MAX_CELL_CHARS = 32767;

/** Refuses, before anything is written, a ledger that Excel could not hold. */
function checkCellLengths(ledger: LedgerDraft): void {
  for (const category of ledger.categories) {
    for (const problem of category.problems) {
      const cells = [category.title, joinProblemCell(problem.title, problem.text, problem.crossCheckAll)];
      for (const m of problem.measures) {
        for (const v of Object.values(measureValues(m))) if (typeof v === 'string') cells.push(v);
      }
      if (cells.some((c) => c.length > MAX_CELL_CHARS)) {
        throw new LedgerFileError(
          'CELL_TOO_LONG',
          `问题“${problem.number}”中有超过${MAX_CELL_CHARS}个字符的内容，超出Excel单元格的上限，请精简后再导出`,
        );
      }
    }
  }
}

/**
 * Writes the ledger. To a path it writes a temporary file beside it and renames it at the end,
 * so a failure never leaves a half-written ledger under the real name.
 */
export async function writeLedger(
  ledger: LedgerDraft,
  out: LedgerOutput,
  options: WriteLedgerOptions = {},
): Promise<void> {
  checkCellLengths(ledger);
  if (!('path' in out)) return writeTo(ledger, { stream: out.stream }, options);
  const temp = `${out.path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeTo(ledger, { filename: temp }, options);
    await rename(temp, out.path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function writeTo(
  ledger: LedgerDraft,
  target: { filename: string } | { stream: NodeJS.WritableStream },
  options: WriteLedgerOptions,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...('filename' in target
      ? { filename: target.filename }
      : { stream: target.stream as unknown as import('node:stream').Stream }),
    useStyles: true,
    useSharedStrings: false,
  });
  const title = options.title ?? ledger.title ?? DEFAULT_TITLE;
  const lastCol = columnLetter(STANDARD_COLUMNS.length - 1);
  const sheet = workbook.addWorksheet('整改台账', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, activeCell: 'A3' }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  sheet.columns = STANDARD_COLUMNS.map((c) => ({ key: c.field, width: c.width }));
  const styles = STANDARD_COLUMNS.map((c) => styleFor(c.field));

  const titleRow = sheet.getRow(TITLE_ROW);
  titleRow.getCell(1).value = title;
  titleRow.getCell(1).style = {
    font: { name: '方正小标宋简体', size: 18, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle' },
  };
  titleRow.height = 36;
  sheet.mergeCells(`A${TITLE_ROW}:${lastCol}${TITLE_ROW}`);
  titleRow.commit();

  const headerRow = sheet.getRow(HEADER_ROW);
  STANDARD_COLUMNS.forEach((c, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.value = c.header;
    cell.style = {
      font: { ...FONT, bold: true },
      border: BORDER,
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
    };
  });
  headerRow.height = 24;
  headerRow.commit();

  // WorksheetWriter.mergeCells checks every new range against all earlier ones (quadratic: hours
  // for 100,000 rows). Our ranges never overlap by construction, so we collect their addresses and
  // hand them over once; the writer only stringifies them when it closes the sheet.
  const merges: string[] = [];
  let rowNumber = HEADER_ROW;
  for (const category of ledger.categories) {
    for (const problem of category.problems) {
      const problemValues: Partial<Record<Field, string | null>> = {
        seq: problem.number,
        category: category.title,
        problem: joinProblemCell(problem.title, problem.text, problem.crossCheckAll),
      };
      const measures: (MeasureDraft | null)[] = problem.measures.length > 0 ? problem.measures : [null];
      const first = rowNumber + 1;
      measures.forEach((m, k) => {
        rowNumber++;
        const row = sheet.getRow(rowNumber);
        const values = m ? measureValues(m) : {};
        STANDARD_COLUMNS.forEach((c, i) => {
          const cell = row.getCell(i + 1);
          const merged = MERGED_FIELDS.includes(c.field);
          const value = merged ? (k === 0 ? problemValues[c.field] : null) : values[c.field];
          if (value !== null && value !== undefined && value !== '') cell.value = value;
          cell.style = styles[i] ?? {};
        });
        row.commit();
      });
      if (rowNumber > first) {
        for (const field of MERGED_FIELDS) {
          const letter = columnLetter(STANDARD_COLUMNS.findIndex((c) => c.field === field));
          merges.push(`${letter}${first}:${letter}${rowNumber}`);
        }
      }
    }
  }
  const internal = sheet as unknown as { _merges?: unknown };
  if (!Array.isArray(internal._merges)) {
    // Fail loudly rather than write a ledger whose problems silently lost their merges.
    throw new Error('exceljs WorksheetWriter no longer keeps _merges; update writeLedger');
  }
  for (const range of merges) internal._merges.push(range);
  sheet.commit();
  await workbook.commit();
}
