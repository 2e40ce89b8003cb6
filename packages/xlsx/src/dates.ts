// Deadlines as people write them in a 整改时限 column. The answer is a kind (立行立改 / 限期整改 /
// 长期坚持) plus an ISO date or null, or a Chinese reason when the cell makes no sense.
// Several dates in one cell ("6月底前完成排查，12月底前全部整改到位") mean staged work: the
// measure's deadline is the last of them.

import type { MeasureKind } from '@zhenggai/core';
import { toHalfWidth, type Raw } from './cells.ts';

export type DeadlineResult =
  | { ok: true; kind: MeasureKind; deadline: string | null; yearInferred: boolean }
  | { ok: false; reason: string };

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 in the 1900 system (it counts the fictional 1900-02-29, hence the 30th). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Serial numbers outside 2000-01-01 … 2099-12-31 are not a rectification deadline. */
const SERIAL_MIN = 36526;
const SERIAL_MAX = 73050;

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days between the 1900 and 1904 date systems. */
const DATE1904_OFFSET = 1462;

export function serialToIso(serial: number, date1904 = false): string {
  const days = Math.floor(serial) + (date1904 ? DATE1904_OFFSET : 0);
  const d = new Date(EXCEL_EPOCH_MS + days * MS_PER_DAY);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** An ISO date as the UTC midnight Date that exceljs writes as that calendar day. */
export function isoToUtcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

/** exceljs returns dates as UTC midnight; a local-midnight Date from other code is rounded. */
function dateToIso(d: Date): string {
  const rounded = new Date(Math.round(d.getTime() / MS_PER_DAY) * MS_PER_DAY);
  return isoDate(rounded.getUTCFullYear(), rounded.getUTCMonth() + 1, rounded.getUTCDate());
}

const CN_NUM: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** 六 → 6, 十二 → 12; months are the only place people spell numbers in a deadline. */
function cnMonthsToDigits(s: string): string {
  return s.replace(/([一二三四五六七八九十]{1,3})(?=月)/g, (m) => {
    if (m.length === 1) return String(CN_NUM[m] ?? m);
    if (m.startsWith('十')) return String(10 + (CN_NUM[m.slice(1)] ?? 0));
    return m;
  });
}

const ONGOING = /长期坚持|长期|常态化|持续推进/;
const IMMEDIATE = /立行立改|立即整改|即知即改|立查立改|马上就改/;

interface Found {
  iso: string | null;
  bad: string | null;
  yearInferred: boolean;
}

/**
 * Every date expression in the text, in order. Full dates first so that "2024年6月30日" is not
 * also read as "6月30日"; each match blanks its text before the next pattern runs.
 */
function findDates(text: string, contextYear: number | null): Found[] {
  const found: { at: number; value: Found }[] = [];
  let rest = text;
  const take = (re: RegExp, toDate: (m: RegExpExecArray) => Found) => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(rest)) !== null) {
      found.push({ at: m.index, value: toDate(m) });
      rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
    }
  };
  const exact = (y: number, mo: number, d: number, inferred: boolean, shown: string): Found => {
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
      return { iso: null, bad: `日期不存在：${shown}`, yearInferred: inferred };
    }
    return { iso: isoDate(y, mo, d), bad: null, yearInferred: inferred };
  };
  const monthEnd = (y: number, mo: number, inferred: boolean, shown: string): Found =>
    mo < 1 || mo > 12
      ? { iso: null, bad: `日期不存在：${shown}`, yearInferred: inferred }
      : { iso: isoDate(y, mo, daysInMonth(y, mo)), bad: null, yearInferred: inferred };
  const partOfMonth = (y: number, mo: number, part: string | undefined, inferred: boolean, shown: string) =>
    part === '上旬'
      ? exact(y, mo, 10, inferred, shown)
      : part === '中旬'
        ? exact(y, mo, 20, inferred, shown)
        : monthEnd(y, mo, inferred, shown);
  const needYear = (shown: string, f: (y: number) => Found): Found =>
    contextYear === null
      ? { iso: null, bad: `“${shown}”没有写年份，标题中也找不到年份，请写成完整日期`, yearInferred: true }
      : f(contextYear);

  // 2024年6月30日 / 2024.6.30 / 2024-06-30 / 2024/6/30 (also 2024-06-30T00:00 from other tools)
  take(/(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*[日号]?/g, (m) =>
    exact(Number(m[1]), Number(m[2]), Number(m[3]), false, m[0].trim()),
  );
  // 20240630
  take(/(?<!\d)(20\d{2})(\d{2})(\d{2})(?!\d)/g, (m) =>
    exact(Number(m[1]), Number(m[2]), Number(m[3]), false, m[0]),
  );
  // 2024年底 / 2024年末 / 2024年内 / 2024年度
  take(/(\d{4})\s*年\s*(底|末|内|度|年底)/g, (m) => ({
    iso: isoDate(Number(m[1]), 12, 31),
    bad: null,
    yearInferred: false,
  }));
  // 2024年上半年 / 下半年
  take(/(\d{4})\s*年\s*(上|下)半年/g, (m) => ({
    iso: m[2] === '上' ? isoDate(Number(m[1]), 6, 30) : isoDate(Number(m[1]), 12, 31),
    bad: null,
    yearInferred: false,
  }));
  // 2024年第三季度 / 2024年3季度 → end of that quarter
  take(/(\d{4})\s*年\s*第?\s*([一二三四1-4])\s*季度(?:末|底)?/g, (m) => {
    const q = '一二三四'.includes(m[2] ?? '') ? '一二三四'.indexOf(m[2] ?? '') + 1 : Number(m[2]);
    return monthEnd(Number(m[1]), q * 3, false, m[0].trim());
  });
  // 2024年6月 / 2024年6月底 / 2024.6 → end of that month; 上旬 / 中旬 → the 10th / 20th
  take(/(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*(?:月\s*(底|末|份|上旬|中旬|下旬)?)?(?![\d.])/g, (m) =>
    partOfMonth(Number(m[1]), Number(m[2]), m[3], false, m[0].trim()),
  );
  // 6月30日 (year from context)
  take(/(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g, (m) =>
    needYear(m[0].trim(), (y) => exact(y, Number(m[1]), Number(m[2]), true, `${y}年${m[0].trim()}`)),
  );
  // 6月底 / 6月末 / 6月份 / 6月前 / 6月中旬
  take(/(?<!\d)(\d{1,2})\s*月\s*(底|末|份|上旬|中旬|下旬)?/g, (m) =>
    needYear(m[0].trim(), (y) => partOfMonth(y, Number(m[1]), m[2], true, `${y}年${m[0].trim()}`)),
  );
  // 年底 / 年末 / 年内 / 今年底
  take(/(?:今)?年(?:底|末|内)/g, (m) =>
    needYear(m[0], (y) => ({ iso: isoDate(y, 12, 31), bad: null, yearInferred: true })),
  );
  return found.sort((a, b) => a.at - b.at).map((f) => f.value);
}

const WHOLE_DATE = /^(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*[日号]?\s*(?:前|之前)?$/;

/** Words that may surround a date without making the cell nonsense. */
const FILLER =
  /[\s,，、;；:：.。()（）\-—~～至到]|之前|以前|前|完成|底|整改|到位|全部|初步|基本|并|持续|推进|限期|时限|截止|截至|开始|起|日|号/g;

/**
 * Parses a 整改时限 cell. `contextYear` completes "6月底"; the result says when it was used so the
 * caller can warn once.
 */
export function parseDeadline(raw: Raw, contextYear: number | null, date1904 = false): DeadlineResult {
  if (raw === null) return { ok: true, kind: 'deadline', deadline: null, yearInferred: false };
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return { ok: false, reason: '不是有效的日期' };
    return { ok: true, kind: 'deadline', deadline: dateToIso(raw), yearInferred: false };
  }
  if (typeof raw === 'number') {
    // The streaming reader ignores number formats, so a date cell arrives as its serial number.
    const serial = raw + (date1904 ? DATE1904_OFFSET : 0);
    if (serial >= SERIAL_MIN && serial <= SERIAL_MAX) {
      return { ok: true, kind: 'deadline', deadline: serialToIso(raw, date1904), yearInferred: false };
    }
    return { ok: false, reason: '整改时限是一个数字，不是日期' };
  }
  if (typeof raw === 'boolean') return { ok: false, reason: '整改时限是逻辑值（TRUE/FALSE），不是日期' };
  if (typeof raw === 'object') return { ok: false, reason: `整改时限单元格是公式错误 ${raw.error}` };

  const text = cnMonthsToDigits(toHalfWidth(raw)).trim();
  if (text === '') return { ok: true, kind: 'deadline', deadline: null, yearInferred: false };
  // Fast path for the one form that fills most ledgers: a single complete date.
  const whole = WHOLE_DATE.exec(text);
  if (whole) {
    const [y, mo, d] = [Number(whole[1]), Number(whole[2]), Number(whole[3])];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)) {
      return { ok: true, kind: 'deadline', deadline: isoDate(y, mo, d), yearInferred: false };
    }
  }
  const kind: MeasureKind = ONGOING.test(text) ? 'ongoing' : IMMEDIATE.test(text) ? 'immediate' : 'deadline';
  const withoutKind = text.replace(ONGOING, ' ').replace(IMMEDIATE, ' ');
  // "2024年6月至12月": a year written in the cell itself completes its year-less parts.
  const ownYear = /(20\d{2})\s*[年.\-/]/.exec(withoutKind);
  const dates = findDates(withoutKind, ownYear ? Number(ownYear[1]) : contextYear).map((d) =>
    ownYear ? { ...d, yearInferred: false } : d,
  );
  const bad = dates.find((d) => d.bad !== null);
  if (bad?.bad) return { ok: false, reason: bad.bad };
  const isos = dates.map((d) => d.iso).filter((d): d is string => d !== null);
  if (isos.length === 0) {
    if (kind !== 'deadline') return { ok: true, kind, deadline: null, yearInferred: false };
    return { ok: false, reason: '无法识别的整改时限，请写日期（如2024年6月30日）、“长期坚持”或“立行立改”' };
  }
  // Anything left besides dates and filler words means we may be misreading the cell.
  const leftover = withoutKind
    .replace(/(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*[日号]?/g, '')
    .replace(/\d+|[年月]|上半年|下半年|第|季度|上旬|中旬|下旬/g, '')
    .replace(FILLER, '');
  if (leftover.length > 6) {
    return { ok: false, reason: '整改时限中除日期外还有无法理解的文字，请只写日期' };
  }
  const deadline = isos.reduce((a, b) => (b > a ? b : a));
  return { ok: true, kind, deadline, yearInferred: dates.some((d) => d.yearInferred) };
}
