import { INSPECTION_KIND_LABELS, MEASURE_KIND_LABELS, MEASURE_STATUS_LABELS } from '@zhenggai/core';
import { chineseDate, chineseNumber } from './chinese.ts';
import { ReportError } from './errors.ts';
import type {
  ReportContact,
  ReportData,
  ReportLookback,
  ReportMeasure,
  ReportProblem,
  ProblemStatus,
  ReportSupervision,
  ReportPublicFeedback,
} from './report-data.ts';
import { computeTotals } from './totals.ts';

// ReportData → the strings a template prints. All wording decisions about single values (date
// form, numbering form, punctuation) live here, so templates only arrange them.

/** One level of the template context: printable values (null = empty) and loops. */
export interface ViewScope {
  values: Record<string, string | null>;
  lists: Record<string, ViewScope[]>;
}

const PROBLEM_STATUS_LABELS: Record<ProblemStatus, string> = { open: '整改中', closed: '已整改' };

export function buildView(data: ReportData): ViewScope {
  const totals = computeTotals(data);
  const { inspection } = data;
  let problemIndex = 0;
  const categories = data.categories.map((category, c): ViewScope => {
    const problems = category.problems.map((problem) => {
      problemIndex += 1;
      return problemView(problem, problemIndex);
    });
    return {
      values: {
        'category.marker': `（${chineseNumber(c + 1)}）`,
        'category.number': chineseNumber(c + 1),
        'category.index': String(c + 1),
        'category.title': asTitle(requiredText(category.title, `第${c + 1}个方面的标题`)),
        'category.problemCount': String(category.problems.length),
        'category.measureCount': String(category.problems.reduce((n, p) => n + p.measures.length, 0)),
      },
      lists: { problems },
    };
  });
  const periodStart = optionalDate(inspection.periodStart);
  const periodEnd = optionalDate(inspection.periodEnd);
  const accountability = accountabilitySummary(data.accountability);
  const lookback = lookbackSentence(data.lookback);
  const supervision = supervisionSummary(data.supervision ?? null);
  const feedback = publicFeedbackSummary(data.publicFeedback ?? null);
  return {
    values: {
      reportingUnit: requiredText(data.reportingUnit, '报告单位'),
      reportDate: chineseDate(data.reportDate),
      recipient: present(data.recipient),
      kind: label(INSPECTION_KIND_LABELS, inspection.kind, '检查类型'),
      inspectionName: requiredText(inspection.name, '检查名称'),
      issuer: present(inspection.issuer),
      team: present(inspection.team),
      inspectedUnit: requiredText(inspection.inspectedUnit, '被检查单位'),
      period:
        periodStart === null
          ? null
          : periodEnd === null
            ? `${periodStart}起`
            : `${periodStart}至${periodEnd}`,
      periodStart,
      periodEnd,
      feedbackDate: optionalDate(inspection.feedbackDate),
      'totals.categories': String(totals.categories),
      'totals.categoriesCn': chineseNumber(totals.categories),
      'totals.problems': String(totals.problems),
      'totals.measures': String(totals.measures),
      'totals.closedMeasures': String(totals.closedMeasures),
      'totals.openMeasures': String(totals.openMeasures),
      'totals.ongoingMeasures': String(totals.ongoingMeasures),
      'totals.completionRate': `${totals.completionRate.toFixed(1)}%`,
      'totals.problemsClosed': String(totals.problemsClosed),
      accountability: accountability?.summary ?? null,
      'accountability.summary': accountability?.summary ?? null,
      'accountability.total': accountability === null ? null : String(accountability.total),
      lookback,
      'lookback.checked': lookback === null ? null : String(data.lookback!.checked),
      'lookback.consolidated': lookback === null ? null : String(data.lookback!.consolidated),
      'lookback.rebounded': lookback === null ? null : String(data.lookback!.rebounded),
      'lookback.notDone': lookback === null ? null : String(data.lookback!.notDone),
      'lookback.recurringProblems': lookback === null ? null : String(data.lookback!.recurringProblems),
      supervision: supervision?.summary ?? null,
      'supervision.summary': supervision?.summary ?? null,
      'supervision.total': supervision === null ? null : String(supervision.total),
      publicFeedback: feedback,
      contact: contactSentence(data.contact),
      'contact.phone': present(data.contact?.phone),
      'contact.email': present(data.contact?.email),
      'contact.address': present(data.contact?.address),
    },
    lists: { categories },
  };
}

function problemView(problem: ReportProblem, index: number): ViewScope {
  const measures = problem.measures.map((measure, m) => measureView(measure, m + 1));
  return {
    values: {
      'problem.marker': `${index}.`,
      'problem.index': String(index),
      'problem.number': problem.number.trim(),
      'problem.title': asTitle(requiredText(problem.title, `第${index}个问题的标题`)),
      'problem.text': asSentence(problem.text),
      'problem.status': label(PROBLEM_STATUS_LABELS, problem.status, '问题状态'),
      'problem.measureCount': String(problem.measures.length),
      'problem.closedMeasures': String(problem.measures.filter((m) => m.status === 'closed').length),
    },
    lists: { measures },
  };
}

function measureView(measure: ReportMeasure, index: number): ViewScope {
  const deadline = optionalDate(measure.deadline);
  return {
    values: {
      'measure.marker': `${chineseNumber(index)}是`,
      'measure.numberMarker': `（${index}）`,
      'measure.index': String(index),
      'measure.text': asSentence(requiredText(measure.text, '整改措施内容')) ?? '',
      'measure.kind': label(MEASURE_KIND_LABELS, measure.kind, '措施类型'),
      'measure.unit': present(measure.unit),
      'measure.deadline': deadline,
      'measure.due': deadline ?? label(MEASURE_KIND_LABELS, measure.kind, '措施类型'),
      'measure.status': label(MEASURE_STATUS_LABELS, measure.status, '措施状态'),
      'measure.progress': asSentence(measure.progress),
    },
    lists: {},
  };
}

// The types already say all this; data arriving as JSON (CLI, HTTP) is checked here once more so a
// gap shows as a clear message instead of "undefined" or an empty heading in a published document.
function requiredText(value: string, what: string): string {
  const text = present(value);
  if (text === null) throw new ReportError('REPORT_BAD_VALUE', `${what}不能为空`);
  return text;
}

function label<K extends string>(labels: Record<K, string>, code: K, what: string): string {
  const text = Object.hasOwn(labels, code) ? labels[code] : undefined;
  if (text === undefined) throw new ReportError('REPORT_BAD_VALUE', `${what}“${String(code)}”不在词汇表中`);
  return text;
}

function present(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function optionalDate(value: string | null): string | null {
  const iso = present(value);
  return iso === null ? null : chineseDate(iso);
}

/** Headings carry their own punctuation in the template, so drop what the ledger ended them with. */
function asTitle(value: string): string {
  return value.trim().replace(/[。．.；;，,：:\s]+$/u, '');
}

/** Sentences run on into the next one ("…。目前已…"), so each must end like a sentence. */
function asSentence(value: string | null): string | null {
  const text = present(value);
  if (text === null) return null;
  const withoutSoftEnd = text.replace(/[；;，,：:、]+$/u, '');
  return /[。！？!?…”"’）)】]$/u.test(withoutSoftEnd) ? withoutSoftEnd : `${withoutSoftEnd}。`;
}

function accountabilitySummary(counts: Record<string, number>): { summary: string; total: number } | null {
  const parts: string[] = [];
  let total = 0;
  for (const [type, count] of Object.entries(counts)) {
    if (!Number.isInteger(count) || count < 0) {
      throw new ReportError('REPORT_BAD_COUNT', `问责人数“${type}: ${count}”不是非负整数`);
    }
    if (count === 0) continue;
    parts.push(`${type.trim()}${count}人`);
    total += count;
  }
  return parts.length === 0 ? null : { summary: parts.join('、'), total };
}

/** "复查已销号措施12项，其中巩固10项、反弹2项，反弹…已重新打开整改；反复出现的问题2个", or null when none was done. */
function lookbackSentence(lookback: ReportLookback | undefined): string | null {
  if (lookback === undefined) return null;
  const { checked, consolidated, rebounded, notDone, recurringProblems } = lookback;
  for (const [what, n] of Object.entries(lookback)) {
    if (!Number.isInteger(n) || n < 0) {
      throw new ReportError('REPORT_BAD_COUNT', `回头看数字“${what}: ${n}”不是非负整数`);
    }
  }
  if (checked === 0 && recurringProblems === 0) return null;
  const parts: string[] = [];
  if (checked > 0) {
    const split = [
      ['巩固', consolidated],
      ['反弹', rebounded],
      ['整改不到位', notDone],
    ]
      .filter(([, n]) => n !== 0)
      .map(([label, n]) => `${label}${n}项`);
    parts.push(
      `复查已销号措施${checked}项，其中${split.join('、')}${rebounded + notDone > 0 ? '，反弹和整改不到位的措施已重新打开整改' : ''}`,
    );
  }
  if (recurringProblems > 0) parts.push(`反复出现的问题${recurringProblems}个`);
  return parts.join('；');
}

function supervisionSummary(s: ReportSupervision | null): { summary: string; total: number } | null {
  if (s === null || s.total === 0) return null;
  for (const n of [s.total, ...s.byLevel, s.answered, s.closed]) {
    if (!Number.isInteger(n) || n < 0)
      throw new ReportError('REPORT_BAD_COUNT', `督办单数“${n}”不是非负整数`);
  }
  const levels = ['一级', '二级', '三级']
    .map((name, i) => (s.byLevel[i]! > 0 ? `${name}${s.byLevel[i]}份` : null))
    .filter((part) => part !== null);
  return { summary: `${levels.join('、')}，已答复${s.answered}份、已办结${s.closed}份`, total: s.total };
}

function publicFeedbackSummary(f: ReportPublicFeedback | null): string | null {
  if (f === null || f.total === 0) return null;
  for (const n of [f.total, f.answered, f.closed]) {
    if (!Number.isInteger(n) || n < 0)
      throw new ReportError('REPORT_BAD_COUNT', `群众反映件数“${n}”不是非负整数`);
  }
  return `收到群众反映${f.total}件，已答复${f.answered}件、已办结${f.closed}件`;
}

function contactSentence(contact: ReportContact | null): string | null {
  if (contact === null) return null;
  const parts = [
    ['电话', present(contact.phone)],
    ['邮政地址', present(contact.address)],
    ['电子邮箱', present(contact.email)],
  ]
    .filter((pair): pair is [string, string] => pair[1] !== null)
    .map(([label, value]) => `${label}：${value}`);
  return parts.length === 0 ? null : parts.join('；');
}
