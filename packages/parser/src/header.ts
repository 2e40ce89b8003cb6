import type { InspectionKind } from '@zhenggai/core';
import {
  findDates,
  findRange,
  formatDate,
  yearOnOrAfter,
  yearOnOrBefore,
  type PartialDate,
  type RangeHit,
} from './dates.ts';
import { digitizeDates } from './normalize.ts';

// Who inspected whom, when, and when the findings were fed back: all from the opening
// sentence ("根据…部署，X组于A至B对Y开展了…巡察，C反馈了巡察意见").

export interface Header {
  kind: InspectionKind | null;
  inspector: string | null;
  inspectedUnit: string | null;
  inspectionPeriod: { start: string; end: string } | null;
  feedbackDate: string | null;
  warnings: string[];
}

// Most specific first: a 专项巡察 "回头看" is a look-back before it is a 巡察.
const KINDS: [RegExp, InspectionKind][] = [
  [/回头看/, 'lookback'],
  [/专项巡察/, 'special_xuncha'],
  [/巡视/, 'xunshi'],
  [/巡察/, 'xuncha'],
  [/审计/, 'audit'],
  [/督查|督导|督察/, 'supervision'],
  [/考核|评估/, 'assessment'],
];

export function detectKind(text: string): InspectionKind | null {
  return KINDS.find(([re]) => re.test(text))?.[1] ?? null;
}

const INSPECTION_NOUN = /巡视|巡察|审计|督查|督导|督察|检查|考核|评估|回头看/;
const BODY_SUFFIX = '(?:巡视|巡察|督查|督导|督察|审计|检查|考核|评估)组';
// A team name is a run of Chinese characters (digits only after 第) ending in "…组".
const TEAM = new RegExp(`(?<![\\u3400-\\u9fff\\d])((?:[\\u3400-\\u9fff]|第\\d+)+?${BODY_SUFFIX})`, 'g');
const LEADING_FILLER = /^(?:根据|按照|由|经|受|并|后|随后)/;
const ORG_END = /(?:厅|办|局|委|部|组|处|署|院|府|室|会|中心)$/;
const ISSUE_VERB = /(?:相继|分别|联合|正式|先后)?(?:通报|反馈|下发|交办)/g;

/**
 * "省委办公厅、省政府办公厅、省扶贫办相继通报和反馈…": the bodies named right before the verb.
 * Read backwards from each verb (a forward regex over long Chinese runs backtracks badly).
 */
function issuers(text: string): string | null {
  for (const verb of text.matchAll(ISSUE_VERB)) {
    const before = text.slice(Math.max(0, verb.index - 60), verb.index);
    const run = /[\u3400-\u9fff、和及]+$/.exec(before)?.[0].replace(LEADING_FILLER, '') ?? '';
    if (run.length >= 2 && run.length <= 40 && ORG_END.test(run)) return run;
  }
  return null;
}
// "为认真落实省委第五巡视组…": the run starts with the sentence's verb; the name starts at the
// issuing level. A place name before the level ("某某市委巡察组") stays.
const LEVEL = /中央|(?:省|市|县|区|州|旗|盟|乡|镇)(?:委|政府|人大|政协|党委)/;
const VERB_BEFORE_NAME = /为|落实|贯彻|根据|按照|针对|对照|配合|接受|迎接/;

function teamInspector(text: string): string | null {
  for (const m of text.matchAll(TEAM)) {
    let name = (m[1] ?? '').replace(LEADING_FILLER, '');
    const level = LEVEL.exec(name);
    if (level && level.index > 0 && VERB_BEFORE_NAME.test(name.slice(0, level.index))) {
      name = name.slice(level.index);
    }
    // A bare "巡察组" says nothing; "县委第二巡察组" does.
    if (name.length > 3 && !/^[个各等名本该]/.test(name)) return name;
  }
  return null;
}

interface Target {
  unit: string;
  subject: string;
}

/** "…对Y开展了…巡察" / "进驻Y开展巡察": Y is the inspected unit, the clause's subject the inspector. */
function findTarget(text: string): Target | null {
  const re = /(?:(?<![针相面应核比绝])对|进驻)([^，,。；;]{2,60}?)(?:开展|进行|实施)了?([^，,。；;]{0,30})/g;
  for (const m of text.matchAll(re)) {
    if (!INSPECTION_NOUN.test(m[2] ?? '')) continue;
    let unit = m[1] ?? '';
    // "…重点县中的甲县、乙县等5个县": the head noun follows the last "的".
    const de = unit.lastIndexOf('的');
    if (de >= 0 && de < unit.length - 1) unit = unit.slice(de + 1);
    // "某局2023年度预算执行情况": the unit ends where the audited period begins.
    const trimmed = unit.replace(/\d{4}年.*$/, '').replace(/及其.*$/, '');
    if (trimmed.length >= 2) unit = trimmed;
    const clauseStart =
      Math.max(...['，', ',', '。', '；', ';', '\n'].map((p) => text.lastIndexOf(p, m.index))) + 1;
    const subject = text
      .slice(clauseStart, m.index)
      .replace(/于?\d{4}年.*$|于?\d{1,2}月.*$/, '')
      .replace(/于$/, '')
      .replace(LEADING_FILLER, '')
      .trim();
    return { unit: unit.trim(), subject };
  }
  return null;
}

/** Reports answering an assessment name the rectifying unit in the title ("X关于…", "X迅速开展…"). */
function unitFromTitle(title: string | null): string | null {
  if (!title) return null;
  const before = title.split('关于')[0] ?? '';
  if (before !== title && before.length >= 2) return before;
  return /^[\u3400-\u9fff]{1,12}?(?:省|市|县|区|旗|州|盟|镇|乡|街道|村|社区)/.exec(title)?.[0] ?? null;
}

export interface HeaderContext {
  title: string | null;
  /** Paragraphs between the title and the first section. */
  opening: string[];
  /** The document's own date (signature or web dateline), to place dates that omit the year. */
  documentDate: PartialDate | null;
}

export function extractHeader({ title, opening, documentDate }: HeaderContext): Header {
  const text = digitizeDates(opening.join('\n'));
  const warnings: string[] = [];
  const target = findTarget(text);

  const inspector =
    teamInspector(text) ?? (target && ORG_END.test(target.subject) ? target.subject : null) ?? issuers(text);

  const range = findRange(text);
  const period = range ? resolveRange(range, documentDate) : null;

  let feedbackDate: string | null = null;
  const feedback = findFeedback(text, range);
  if (feedback) {
    const anchored = period ? yearOnOrAfter(feedback, period.endDate) : feedback;
    const placed = documentDate ? yearOnOrBefore(anchored, documentDate) : anchored;
    feedbackDate = formatDate(placed);
    if (!feedbackDate) warnings.push('反馈日期未写年份，且无法从上下文推断，已留空。');
  }

  return {
    kind: detectKind([title ?? '', text].join('\n')),
    inspector,
    inspectedUnit: target?.unit ?? unitFromTitle(title),
    inspectionPeriod: period ? { start: period.start, end: period.end } : null,
    feedbackDate,
    warnings,
  };
}

function resolveRange(
  range: RangeHit,
  documentDate: PartialDate | null,
): { start: string; end: string; endDate: PartialDate } | null {
  let { start, end } = range;
  if (start.year === null && documentDate) {
    start = yearOnOrBefore(start, documentDate);
    end = { ...end, year: end.year ?? start.year };
    if (end.year !== null && end.month < start.month) end = { ...end, year: end.year + 1 };
  }
  const s = formatDate(start);
  const e = formatDate(end);
  return s && e ? { start: s, end: e, endDate: end } : null;
}

const FEEDBACK_VERB = /反馈|送达|交办|下达|通报|出具/g;

/** The date written in the same sentence just before "反馈" (not one of the period's dates). */
function findFeedback(text: string, range: RangeHit | null): PartialDate | null {
  for (const verb of text.matchAll(FEEDBACK_VERB)) {
    const sentenceStart =
      Math.max(text.lastIndexOf('。', verb.index), text.lastIndexOf('\n', verb.index)) + 1;
    const candidates = findDates(text.slice(0, verb.index)).filter(
      (hit) =>
        hit.index >= sentenceStart && !(range && hit.index >= range.index && hit.index < range.endIndex),
    );
    const last = candidates[candidates.length - 1];
    if (last) return last.date;
    // "反馈时间为2024年3月21日": the date may also follow the verb, in the same clause.
    const clause = /^[^，,。；;\n]{0,16}/.exec(text.slice(verb.index))?.[0] ?? '';
    const after = findDates(clause)[0];
    if (after) return after.date;
  }
  return null;
}
