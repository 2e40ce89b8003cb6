// The comparison of two 调度 snapshots as a workbook: one sheet per question the office asks
// (totals by unit, what moved, who stalled, which hard numbers changed, added/removed measures).

import ExcelJS from 'exceljs';
import { MEASURE_STATUS_LABELS, type DispatchComparison, type DispatchCounts } from '@zhenggai/core';

const FONT = { name: '宋体', size: 10 };
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const LIGHT_LABELS = { red: '红灯', yellow: '黄灯', green: '绿灯', none: '—' } as const;

type Cell = string | number | null;

interface SheetSpec {
  name: string;
  title: string;
  columns: { header: string; width: number }[];
  rows: Cell[][];
}

function addSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): void {
  const sheet = workbook.addWorksheet(spec.name, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = spec.columns.map((c) => ({ width: c.width }));
  const title = sheet.getCell(1, 1);
  title.value = spec.title;
  title.style = {
    font: { name: '方正小标宋简体', size: 14, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle' },
  };
  sheet.mergeCells(1, 1, 1, spec.columns.length);
  sheet.getRow(1).height = 28;
  spec.columns.forEach((c, i) => {
    const cell = sheet.getCell(2, i + 1);
    cell.value = c.header;
    cell.style = {
      font: { ...FONT, bold: true },
      border: BORDER,
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
    };
  });
  spec.rows.forEach((values, r) => {
    values.forEach((value, i) => {
      const cell = sheet.getCell(r + 3, i + 1);
      if (value !== null && value !== '') cell.value = value;
      cell.style = {
        font: FONT,
        border: BORDER,
        alignment: {
          vertical: 'middle',
          wrapText: true,
          horizontal: typeof value === 'number' ? 'right' : 'left',
        },
      };
    });
  });
}

const countsCells = (c: DispatchCounts | null): Cell[] =>
  c
    ? [c.measures, c.closed, c.byStatus.in_progress, c.byStatus.not_started, c.overdue]
    : [null, null, null, null, null];

/** The workbook as a buffer (comparisons are small: one row per measure at most). */
export async function writeDispatchComparison(c: DispatchComparison): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zhenggai 整改';
  const span = `${c.from.label}（${c.from.takenOn}）→ ${c.to.label}（${c.to.takenOn}）`;
  const countHeaders = ['措施', '已销号', '推进中', '未启动', '逾期'];
  addSheet(workbook, {
    name: '总体情况',
    title: `${c.inspectionName}调度情况 ${span}`,
    columns: [
      { header: '责任单位', width: 24 },
      ...countHeaders.map((h) => ({ header: `${c.from.label}${h}`, width: 11 })),
      ...countHeaders.map((h) => ({ header: `${c.to.label}${h}`, width: 11 })),
    ],
    rows: [
      ['合计', ...countsCells(c.totals.then), ...countsCells(c.totals.now)],
      ...c.units.map((u) => [u.unitName, ...countsCells(u.then), ...countsCells(u.now)]),
    ],
  });
  addSheet(workbook, {
    name: '状态变化',
    title: `状态变化（${c.moved.length}条）`,
    columns: [
      { header: '问题序号', width: 10 },
      { header: '整改措施', width: 50 },
      { header: '责任单位', width: 20 },
      { header: '原状态', width: 10 },
      { header: '现状态', width: 10 },
    ],
    rows: c.moved.map((m) => [
      m.problemNumber,
      m.text,
      m.unitName,
      MEASURE_STATUS_LABELS[m.from],
      MEASURE_STATUS_LABELS[m.to],
    ]),
  });
  addSheet(workbook, {
    name: '停滞措施',
    title: `两次调度之间无新进展的措施（${c.stalled.reduce((n, u) => n + u.measures.length, 0)}条）`,
    columns: [
      { header: '责任单位', width: 20 },
      { header: '问题序号', width: 10 },
      { header: '整改措施', width: 50 },
      { header: '状态', width: 10 },
      { header: '灯', width: 8 },
      { header: '整改时限', width: 12 },
      { header: '最近进展', width: 12 },
    ],
    rows: c.stalled.flatMap((u) =>
      u.measures.map((m) => [
        u.unitName,
        m.problemNumber,
        m.text,
        MEASURE_STATUS_LABELS[m.status],
        LIGHT_LABELS[m.light],
        m.deadline,
        m.lastProgressAt ? m.lastProgressAt.slice(0, 10) : '无',
      ]),
    ),
  });
  addSheet(workbook, {
    name: '硬指标变化',
    title: `硬指标变化（${c.numbers.length}项）`,
    columns: [
      { header: '责任单位', width: 20 },
      { header: '问题序号', width: 10 },
      { header: '整改措施', width: 40 },
      { header: '指标', width: 16 },
      { header: '原值', width: 10 },
      { header: '现值', width: 10 },
      { header: '增减', width: 10 },
      { header: '计量单位', width: 10 },
    ],
    rows: c.numbers.map((n) => [n.unitName, n.problemNumber, n.text, n.label, n.from, n.to, n.delta, n.unit]),
  });
  addSheet(workbook, {
    name: '新增或移除',
    title: '新增或移除的措施',
    columns: [
      { header: '变化', width: 8 },
      { header: '问题序号', width: 10 },
      { header: '整改措施', width: 50 },
      { header: '责任单位', width: 20 },
      { header: '状态', width: 10 },
    ],
    rows: [
      ...c.added.map((r) => ['新增', r.problemNumber, r.text, r.unitName, MEASURE_STATUS_LABELS[r.status]]),
      ...c.removed.map((r) => ['移除', r.problemNumber, r.text, r.unitName, MEASURE_STATUS_LABELS[r.status]]),
    ],
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
