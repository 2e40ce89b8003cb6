import {
  AlignmentType,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { MEASURE_STATUS_LABELS, type DispatchComparison, type DispatchCounts } from '@zhenggai/core';
import { chineseDate } from './chinese.ts';
import { font, pageNumberFooter } from './docx.ts';
import {
  BODY_CHARACTER_SPACING,
  CHAR,
  FONT,
  FOOTER_DISTANCE,
  HEADER_DISTANCE,
  LINE_PITCH,
  MARGIN,
  PAGE,
  SIZE,
} from './layout.ts';

// 调度情况: a short document comparing two dispatch snapshots, in the GB/T 9704 page layout of
// the other reports (layout.ts): title in 小标宋 二号, headings in 黑体, body in 仿宋 三号; the
// tables in 仿宋 小四 so a row fits on one line.

const TABLE_SIZE = 12;
const exactLine = { line: LINE_PITCH, lineRule: LineRuleType.EXACT };

const run = (text: string, face: string, size: number, spacing = 0) =>
  new TextRun({
    text,
    font: font(face),
    size: size * 2,
    sizeComplexScript: size * 2,
    ...(spacing ? { characterSpacing: spacing } : {}),
  });

const title = (text: string) =>
  new Paragraph({
    children: [run(text, FONT.title, SIZE.erhao)],
    alignment: AlignmentType.CENTER,
    spacing: { ...exactLine, after: LINE_PITCH },
  });

const body = (text: string, face: string = FONT.body) =>
  new Paragraph({
    children: [run(text, face, SIZE.sanhao, BODY_CHARACTER_SPACING)],
    spacing: exactLine,
    indent: { firstLine: 2 * CHAR, firstLineChars: 200 },
    alignment: AlignmentType.JUSTIFIED,
    keepNext: face !== FONT.body,
  });

function table(headers: string[], rows: (string | number | null)[][]): Table {
  const cell = (value: string | number | null, bold: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: typeof value === 'number' || bold ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(value === null ? '—' : String(value), bold ? FONT.heading1 : FONT.body, TABLE_SIZE)],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v, false)) })),
    ],
  });
}

const countsText = (c: DispatchCounts) =>
  `整改措施${c.measures}条，已销号${c.closed}条，推进中${c.byStatus.in_progress}条，待审核${c.byStatus.pending_review}条，未启动${c.byStatus.not_started}条，逾期${c.overdue}条`;

const countCells = (c: DispatchCounts | null) => (c ? [c.measures, c.closed, c.overdue] : [null, null, null]);

/** The 调度情况 document as .docx bytes. */
export function buildDispatchDocx(c: DispatchComparison): Promise<Buffer> {
  const stalledCount = c.stalled.reduce((n, u) => n + u.measures.length, 0);
  const children: (Paragraph | Table)[] = [
    title(`${c.inspectionName}整改调度情况`),
    body(
      `本次调度比较${c.from.label}（${chineseDate(c.from.takenOn)}）与${c.to.label}（${chineseDate(c.to.takenOn)}）两次调度的整改台账。`,
    ),
    body('一、总体情况', FONT.heading1),
    body(`${c.from.label}：${countsText(c.totals.then)}。`),
    body(`${c.to.label}：${countsText(c.totals.now)}。`),
    body(
      `两次调度之间，${c.moved.length}条措施状态发生变化，${stalledCount}条措施无新进展，${c.numbers.length}项硬指标有变化` +
        (c.added.length || c.removed.length
          ? `，新增措施${c.added.length}条、移除${c.removed.length}条。`
          : '。'),
    ),
    table(
      ['责任单位', `${c.from.label}措施`, '已销号', '逾期', `${c.to.label}措施`, '已销号', '逾期'],
      c.units.map((u) => [u.unitName, ...countCells(u.then), ...countCells(u.now)]),
    ),
    body('二、状态变化', FONT.heading1),
  ];
  if (c.moved.length === 0) children.push(body('两次调度之间没有措施改变状态。'));
  else
    children.push(
      table(
        ['问题', '整改措施', '责任单位', '原状态', '现状态'],
        c.moved.map((m) => [
          m.problemNumber,
          m.text,
          m.unitName,
          MEASURE_STATUS_LABELS[m.from],
          MEASURE_STATUS_LABELS[m.to],
        ]),
      ),
    );
  children.push(body('三、无新进展的措施（按责任单位）', FONT.heading1));
  if (stalledCount === 0) children.push(body('每条未销号的措施都有新进展。'));
  else
    children.push(
      table(
        ['责任单位', '问题', '整改措施', '状态', '整改时限'],
        c.stalled.flatMap((u) =>
          u.measures.map((m) => [
            u.unitName,
            m.problemNumber,
            m.text,
            MEASURE_STATUS_LABELS[m.status],
            m.deadline ? chineseDate(m.deadline) : null,
          ]),
        ),
      ),
    );
  children.push(body('四、硬指标变化', FONT.heading1));
  if (c.numbers.length === 0) children.push(body('两次调度之间硬指标没有变化。'));
  else
    children.push(
      table(
        ['责任单位', '整改措施', '指标', '原值', '现值', '增减'],
        c.numbers.map((n) => [
          n.unitName,
          n.text,
          n.unit ? `${n.label}（${n.unit}）` : n.label,
          n.from,
          n.to,
          n.delta > 0 ? `+${n.delta}` : String(n.delta),
        ]),
      ),
    );
  const document = new Document({
    title: `${c.inspectionName}整改调度情况`,
    creator: 'Zhenggai 整改',
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(FONT.body), size: SIZE.sanhao * 2 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGIN, header: HEADER_DISTANCE, footer: FOOTER_DISTANCE, gutter: 0 },
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
