// Test data builders: LedgerDraft pieces with sensible defaults, and real workbooks / CSV files
// built with exceljs and iconv-lite the way people's ledgers look. All names are fictional
// (清河县 and its townships).

import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { CategoryDraft, LedgerDraft, MeasureDraft, ProblemDraft } from '@zhenggai/core';

export function buildMeasure(over: Partial<MeasureDraft> = {}): MeasureDraft {
  return {
    text: '对照问题清单逐项核查，建立整改销号台账',
    kind: 'deadline',
    deadline: '2024-06-30',
    status: 'in_progress',
    leaderName: '李振华',
    unitName: '柳林镇财政所',
    cooperatingUnitNames: [],
    personName: '王晓燕',
    progress: '已完成自查，正在补齐手续',
    evidenceNote: null,
    remark: null,
    at: null,
    ...over,
  };
}

export function buildProblem(over: Partial<ProblemDraft> = {}): ProblemDraft {
  return {
    number: '1',
    title: '村级财务报销手续不全',
    text: '抽查柳林镇三个村的凭证，有经办人未签字的情况。',
    crossCheckAll: false,
    measures: [buildMeasure()],
    at: null,
    ...over,
  };
}

export function buildCategory(over: Partial<CategoryDraft> = {}): CategoryDraft {
  return { title: '（一）资金管理方面', problems: [buildProblem()], ...over };
}

export function buildLedger(over: Partial<LedgerDraft> = {}): LedgerDraft {
  return { title: '清河县2024年巡察整改台账', categories: [buildCategory()], ...over };
}

/** The ledger without cell positions, for comparing what the columns carry. */
export function withoutPositions(ledger: LedgerDraft): LedgerDraft {
  return JSON.parse(
    JSON.stringify(ledger, (key, value: unknown) => (key === 'at' ? undefined : value)),
  ) as LedgerDraft;
}

export type CellValue = string | number | boolean | Date | null | { formula: string; result?: unknown };

export interface SheetSpec {
  name?: string;
  rows: CellValue[][];
  /** Ranges like 'A1:L1', merged with exceljs the way Excel does it. */
  merges?: string[];
  /** Number format per column letter, e.g. { H: 'yyyy-mm-dd' } for real date cells. */
  numFmt?: Record<string, string>;
}

/** A real .xlsx in memory, written by exceljs's ordinary (non-streaming) writer, as Excel would. */
export async function buildWorkbook(...sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((spec, i) => {
    const ws = wb.addWorksheet(spec.name ?? `Sheet${i + 1}`);
    spec.rows.forEach((values, r) => {
      const row = ws.getRow(r + 1);
      values.forEach((v, c) => {
        if (v !== null) row.getCell(c + 1).value = v as ExcelJS.CellValue;
      });
    });
    for (const [col, fmt] of Object.entries(spec.numFmt ?? {})) ws.getColumn(col).numFmt = fmt;
    for (const range of spec.merges ?? []) ws.mergeCells(range);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV text from rows, quoting what needs quoting. */
export function csvText(rows: (string | null)[][]): string {
  const quote = (v: string | null) =>
    v === null ? '' : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  return rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

export function csvUtf8Bom(rows: (string | null)[][]): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(rows), 'utf8')]);
}

export function csvGb18030(rows: (string | null)[][]): Buffer {
  return iconv.encode(csvText(rows), 'gb18030');
}

export const utcDate = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);
