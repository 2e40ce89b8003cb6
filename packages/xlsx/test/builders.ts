// Test data builders: LedgerDraft pieces with sensible defaults, and real workbooks / CSV files
// built with exceljs and iconv-lite the way people's ledgers look. All names are fictional
// (清河县 and its townships).

import ExcelJS from 'exceljs';
import { crc32 } from 'node:zlib';
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

/** A zip with stored (uncompressed) entries: enough to hand-make odd .xlsx files byte by byte. */
export function storedZip(entries: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const centralBuf = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(centralBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBuf, end]);
}

/**
 * The smallest .xlsx other tools write: one sheet, no styles, given sheet XML. With `sharedStrings`
 * the table is stored before the sheet, as Excel does, which makes exceljs parse the sheet straight
 * from the zip instead of buffering it to a temporary file first.
 */
export function minimalXlsx(
  sheetData: string,
  sheetName = '台账',
  sharedStrings?: string[],
  /** 'workbook-last': workbook.xml after the sheet, as exceljs's own writer may store it. */
  order: 'excel' | 'workbook-last' = 'excel',
): Buffer {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const entries: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ...(sharedStrings
      ? {
          'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">${sharedStrings.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`,
        }
      : {}),
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}"><sheetData>${sheetData}</sheetData></worksheet>`,
  };
  if (order === 'workbook-last') {
    const workbook = entries['xl/workbook.xml']!;
    delete entries['xl/workbook.xml'];
    entries['xl/workbook.xml'] = workbook;
  }
  return storedZip(entries);
}

/** One inline-string cell. */
export const inlineCell = (ref: string, text: string): string =>
  `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
