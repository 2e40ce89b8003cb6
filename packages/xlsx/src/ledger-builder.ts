// Turns data rows (below the header) into a LedgerDraft, one row at a time so a 100,000-row sheet
// never sits in memory twice. Rules, all from how people fill ledgers by hand:
// - a row whose only content is one heading ("一、…", "（一）…") spanning the table sets the category;
//   so does a 问题类别 column, and an empty category cell keeps the one above (merged cell);
// - an empty problem cell under a filled one is the same problem (a merged cell reads that way in
//   the streaming reader), and so is the same problem text repeated row after row;
// - a new category ends the current problem, so a measure right under a category row with no
//   problem is reported, not silently attached to the wrong problem.

import type {
  CategoryDraft,
  CellIssue,
  CellRef,
  LedgerDraft,
  MeasureDraft,
  ProblemDraft,
} from '@zhenggai/core';
import { columnLetter, isBlank, rawToText, toHalfWidth, type Raw } from './cells.ts';
import type { Field } from './columns.ts';
import { parseDeadline } from './dates.ts';
import type { HeaderMap, SheetRow } from './header.ts';
import { splitProblemCell, splitUnits } from './problem-text.ts';
import { parseStatus } from './status.ts';

export const UNCATEGORISED = '未分类';

const MEASURE_FIELDS: readonly Field[] = [
  'measure',
  'leader',
  'unit',
  'coop',
  'person',
  'deadline',
  'progress',
  'status',
  'evidence',
  'remark',
  'kind',
];

const HEADING =
  /^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]|第[一二三四五六七八九十]{1,3}[部分类方面项])/;
const FOOTER = /^\s*(注[:：]|说明[:：]|填表人|制表人|填报人|审核人|联系人|联系电话|分管领导签字|单位盖章)/;
const YES = /^(是|√|✓|✔|y|yes|true|1|举一反三)$/i;

export interface BuildOptions {
  sheet: string;
  header: HeaderMap;
  /** Year for dates written without one ("6月底"), from the title or the caller. */
  contextYear: number | null;
  contextYearSource: string;
  /** The workbook counts serial dates from 1904 (old Mac Excel). */
  date1904?: boolean;
}

export class LedgerBuilder {
  readonly issues: CellIssue[] = [];
  readonly warnings: string[] = [];
  private readonly categories = new Map<string, CategoryDraft>();
  private category: CategoryDraft | null = null;
  private problem: ProblemDraft | null = null;
  private problemCellText: string | null = null;
  private problemCount = 0;
  private inferredYearCount = 0;
  private footerRows: number[] = [];
  private readonly col: Partial<Record<Field, number>> = {};

  constructor(private readonly options: BuildOptions) {
    for (const [field, index] of options.header.columns) this.col[field] = index;
  }

  private get(row: SheetRow, field: Field): Raw {
    const index = this.col[field];
    if (index === undefined) return null;
    const raw = row.cells[index] ?? null;
    return isBlank(raw) ? null : raw;
  }

  private ref(row: SheetRow, index: number): CellRef {
    return { sheet: this.options.sheet, row: row.number, column: columnLetter(index) };
  }

  private issue(row: SheetRow, field: Field, reason: string): void {
    const index = this.col[field] ?? 0;
    const raw = row.cells[index] ?? null;
    this.issues.push({
      ...this.ref(row, index),
      header: this.options.header.headerText.get(index) ?? null,
      value: raw === null ? null : rawToText(raw),
      reason,
    });
  }

  /** A text field: numbers become their digits; booleans and formula errors are reported. */
  private text(row: SheetRow, field: Field, label: string): string | null {
    const raw = this.get(row, field);
    if (raw === null) return null;
    if (typeof raw === 'boolean') {
      this.issue(row, field, `${label}应为文字，却是逻辑值（TRUE/FALSE）`);
      return null;
    }
    if (typeof raw === 'object' && !(raw instanceof Date)) {
      this.issue(row, field, `${label}单元格是公式错误 ${raw.error}`);
      return null;
    }
    return rawToText(raw);
  }

  private categoryNamed(title: string): CategoryDraft {
    let cat = this.categories.get(title);
    if (!cat) {
      cat = { title, problems: [] };
      this.categories.set(title, cat);
    }
    return cat;
  }

  private switchCategory(title: string): void {
    if (this.category?.title === title) return;
    this.category = this.categoryNamed(title);
    this.problem = null;
    this.problemCellText = null;
  }

  /** The row's one text when every filled cell says the same thing (a merged range), else null. */
  private soleText(row: SheetRow): { text: string; firstIndex: number } | null {
    let text: string | null = null;
    let firstIndex = -1;
    for (let i = 0; i < row.cells.length; i++) {
      const raw = row.cells[i] ?? null;
      if (isBlank(raw)) continue;
      const t = rawToText(raw);
      if (text === null) {
        text = t;
        firstIndex = i;
      } else if (t !== text) return null;
    }
    return text === null ? null : { text, firstIndex };
  }

  /**
   * A heading row: one text, alone or repeated across a merged range, shaped like a heading; or
   * a Chinese numeral in the 序号 column with the heading merged across the rest ("一" | "政治建设方面").
   */
  private headingOf(row: SheetRow): string | null {
    const split = this.numeralHeading(row);
    if (split !== null) return split;
    const sole = this.soleText(row);
    if (sole === null) return null;
    const { text, firstIndex } = sole;
    if (HEADING.test(toHalfWidth(text))) return text;
    // Not numbered, but alone in the first column of a table whose first column is not the problem:
    // "政治建设方面" typed into a merged row. A lone number there is a 序号, not a heading.
    const problemCol = this.col.problem ?? 0;
    if (firstIndex === 0 && problemCol !== 0 && !/^\d+([.、]\d*)?$/.test(text) && text.length <= 60) {
      return this.col.category !== 0 ? text : null;
    }
    return null;
  }

  private numeralHeading(row: SheetRow): string | null {
    const seqCol = this.col.seq;
    if (seqCol === undefined) return null;
    const seq = row.cells[seqCol] ?? null;
    if (typeof seq !== 'string') return null;
    const numeral = toHalfWidth(seq.trim());
    if (!/^([一二三四五六七八九十]{1,3}[、.]?|\([一二三四五六七八九十]{1,3}\))$/.test(numeral)) return null;
    const rest = this.soleText({
      number: row.number,
      cells: row.cells.map((c, i) => (i === seqCol ? null : c)),
    });
    if (rest === null) return null;
    const sep = /[、.)]$/.test(numeral) ? '' : '、';
    return `${seq.trim()}${sep}${rest.text}`;
  }

  /** "注：…", "填表人：… 审核人：…": the notes and signatures under a table. */
  private isFooter(row: SheetRow): boolean {
    const first = row.cells.find((c) => !isBlank(c));
    return typeof first === 'string' && FOOTER.test(first);
  }

  addRow(row: SheetRow): void {
    if (row.cells.every(isBlank)) return;
    if (this.isFooter(row)) {
      this.footerRows.push(row.number);
      return;
    }
    const heading = this.headingOf(row);
    if (heading !== null) {
      this.switchCategory(heading);
      return;
    }

    const categoryText = this.text(row, 'category', '问题类别');
    if (categoryText !== null) this.switchCategory(categoryText);

    const problemRaw = this.get(row, 'problem');
    if (problemRaw !== null) {
      if (typeof problemRaw !== 'string') {
        this.issue(row, 'problem', '问题应为文字描述，却是数字、日期或逻辑值');
        this.problem = null;
        this.problemCellText = null;
        return;
      }
      const cellText = problemRaw.trim();
      // The same text again continues the problem (a merged cell filled down), unless the
      // 序号 says this is a different problem that happens to read the same.
      const seq = this.get(row, 'seq');
      const renumbered = seq !== null && this.problem !== null && rawToText(seq) !== this.problem.number;
      if (this.problem === null || cellText !== this.problemCellText || renumbered)
        this.startProblem(row, cellText);
    }

    const crossCheck = this.get(row, 'crossCheck');
    if (crossCheck !== null && this.problem && YES.test(rawToText(crossCheck)))
      this.problem.crossCheckAll = true;

    const hasMeasure = MEASURE_FIELDS.some((f) => this.get(row, f) !== null);
    if (!hasMeasure) return;
    if (this.problem === null) {
      this.issue(
        row,
        this.col.problem !== undefined ? 'problem' : 'measure',
        '这一行有整改措施，但找不到所属的问题（问题单元格为空，上方也没有问题）',
      );
      return;
    }
    const measure = this.buildMeasure(row);
    if (measure) this.problem.measures.push(measure);
  }

  private startProblem(row: SheetRow, cellText: string): void {
    const split = splitProblemCell(cellText);
    this.problemCount++;
    const seq = this.get(row, 'seq');
    const number = seq !== null ? rawToText(seq) : (split.number ?? String(this.problemCount));
    const problemCol = this.col.problem ?? 0;
    const problem: ProblemDraft = {
      number,
      title: split.title,
      text: split.text,
      crossCheckAll: split.crossCheckAll,
      measures: [],
      at: this.ref(row, problemCol),
    };
    if (this.category === null) this.switchCategory(UNCATEGORISED);
    this.category?.problems.push(problem);
    this.problem = problem;
    this.problemCellText = cellText;
  }

  private buildMeasure(row: SheetRow): MeasureDraft | null {
    const text = this.text(row, 'measure', '整改措施');
    if (text === null && this.col.measure !== undefined) {
      this.issue(row, 'measure', '这一行填写了责任单位、时限等，但整改措施为空');
      return null;
    }

    let kind: MeasureDraft['kind'] = 'deadline';
    let deadline: string | null = null;
    const deadlineRaw = this.get(row, 'deadline');
    const parsed = parseDeadline(deadlineRaw, this.options.contextYear, this.options.date1904 ?? false);
    if (parsed.ok) {
      kind = parsed.kind;
      deadline = parsed.deadline;
      if (parsed.yearInferred) this.inferredYearCount++;
    } else {
      this.issue(row, 'deadline', parsed.reason);
    }

    const kindText = this.text(row, 'kind', '整改类型');
    if (kindText !== null) {
      if (/长期/.test(kindText)) kind = 'ongoing';
      else if (/立行立改|立即/.test(kindText)) kind = 'immediate';
      else if (/限期/.test(kindText)) kind = 'deadline';
      else this.issue(row, 'kind', `无法识别的整改类型“${kindText}”，应为立行立改、限期整改或长期坚持`);
    }

    let status: MeasureDraft['status'] = 'not_started';
    const st = parseStatus(this.get(row, 'status'));
    if (st.ok) {
      status = st.status;
      if (st.kind === 'ongoing') kind = 'ongoing';
    } else {
      this.issue(row, 'status', st.reason);
    }

    const units = splitUnits(this.text(row, 'unit', '责任单位') ?? '');
    const coop = splitUnits(this.text(row, 'coop', '配合单位') ?? '');
    const cooperating = [...units.slice(1), ...coop].filter(
      (u, i, all) => u !== units[0] && all.indexOf(u) === i,
    );
    const measureCol = this.col.measure ?? this.col.problem ?? 0;
    return {
      text: text ?? '',
      kind,
      deadline,
      status,
      leaderName: this.text(row, 'leader', '责任领导'),
      unitName: units[0] ?? null,
      cooperatingUnitNames: cooperating,
      personName: this.text(row, 'person', '责任人'),
      progress: this.text(row, 'progress', '整改进展'),
      evidenceNote: this.text(row, 'evidence', '佐证材料'),
      remark: this.text(row, 'remark', '备注'),
      at: this.ref(row, measureCol),
    };
  }

  finish(): LedgerDraft['categories'] {
    if (this.inferredYearCount > 0 && this.options.contextYear !== null) {
      this.warnings.push(
        `工作表“${this.options.sheet}”有${this.inferredYearCount}处整改时限未写年份，已按${this.options.contextYear}年（${this.options.contextYearSource}）推断`,
      );
    }
    if (this.footerRows.length > 0) {
      this.warnings.push(
        `工作表“${this.options.sheet}”第${this.footerRows.join('、')}行是表尾说明或签字栏，已忽略`,
      );
    }
    const { header } = this.options;
    const used = new Set([...header.columns.values(), ...header.duplicates]);
    const ignored = [...header.headerText]
      .filter(([index]) => !used.has(index))
      .map(([index, text]) => `${columnLetter(index)}列“${text}”`);
    if (ignored.length > 0) {
      this.warnings.push(`工作表“${this.options.sheet}”中这些列不是台账的列，未导入：${ignored.join('、')}`);
    }
    for (const index of header.duplicates) {
      const text = header.headerText.get(index) ?? '';
      this.warnings.push(
        `工作表“${this.options.sheet}”的${columnLetter(index)}列“${text}”与前面的列含义相同，未导入`,
      );
    }
    return [...this.categories.values()].filter((c) => c.problems.length > 0);
  }
}
