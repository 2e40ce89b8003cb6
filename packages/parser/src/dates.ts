// Dates as Chinese reports write them: "2022年6月7日", "4月9日" (year left to context),
// "9月底" / "5月中旬" (month only), and "2022年6月7日至28日" ranges.

export interface PartialDate {
  year: number | null;
  month: number;
  /** null when the text only names the month ("9月底", "5月中旬"). */
  day: number | null;
}

export interface DateHit {
  date: PartialDate;
  index: number;
  end: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

// "2016年度" is a reporting year, not a date: the grammar needs at least a month.
const DATE = /(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号]|(?:上旬|中旬|下旬|初|底|末|份|中下旬|上中旬))?/g;
const RANGE_TAIL = /^\s*(?:至|到|—|–|~|～|－|-)\s*(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})[日号]/;

function valid(d: PartialDate): boolean {
  return d.month >= 1 && d.month <= 12 && (d.day === null || (d.day >= 1 && d.day <= 31));
}

export function findDates(text: string): DateHit[] {
  const hits: DateHit[] = [];
  for (const m of text.matchAll(DATE)) {
    // "10月" inside "2021年10月8日" is found once, at the year; never start inside a number.
    if (m.index > 0 && /\d/.test(text[m.index - 1] ?? '')) continue;
    const date: PartialDate = {
      year: m[1] ? Number(m[1]) : null,
      month: Number(m[2]),
      day: m[3] ? Number(m[3]) : null,
    };
    if (valid(date)) hits.push({ date, index: m.index, end: m.index + m[0].length });
  }
  return hits;
}

export interface RangeHit {
  start: PartialDate;
  end: PartialDate;
  index: number;
  endIndex: number;
}

/** The first "X至Y" span; the end inherits the start's year and month when it omits them. */
const MONTH_RANGE_TAIL = /^\s*(?:至|到|—|–|~|～|－|-)\s*(?:(\d{4})年)?(\d{1,2})月(?![\d日号])/;

export function findRange(text: string): RangeHit | null {
  for (const hit of findDates(text)) {
    if (hit.date.day === null) {
      // "2023年10月至12月": a range known to the month.
      const months = MONTH_RANGE_TAIL.exec(text.slice(hit.end));
      if (!months) continue;
      const end: PartialDate = {
        year: months[1] ? Number(months[1]) : hit.date.year,
        month: Number(months[2]),
        day: null,
      };
      if (!valid(end)) continue;
      if (!months[1] && end.year !== null && end.month < hit.date.month) end.year += 1;
      return { start: hit.date, end, index: hit.index, endIndex: hit.end + months[0].length };
    }
    const tail = RANGE_TAIL.exec(text.slice(hit.end));
    if (!tail) continue;
    const end: PartialDate = {
      year: tail[1] ? Number(tail[1]) : hit.date.year,
      month: tail[2] ? Number(tail[2]) : hit.date.month,
      day: Number(tail[3]),
    };
    if (!valid(end)) continue;
    // "12月20日至1月10日": the end falls in the next year.
    if (!tail[1] && end.year !== null && end.month < hit.date.month) end.year += 1;
    return { start: hit.date, end, index: hit.index, endIndex: hit.end + tail[0].length };
  }
  return null;
}

/** Dates written with separators: web datelines ("2019-09-06 17:01", "28.05.2017"). */
export function findNumericDate(text: string): PartialDate | null {
  const ymd = /(?<!\d)(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})(?!\d)/.exec(text);
  if (ymd) return checked(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  const dmy = /(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/.exec(text);
  if (dmy) return checked(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  return null;
}

function checked(year: number, month: number, day: number): PartialDate | null {
  const d = { year, month, day };
  return year > 1900 && valid(d) ? d : null;
}

function compare(a: PartialDate, b: PartialDate): number {
  return (a.year ?? 0) - (b.year ?? 0) || a.month - b.month || (a.day ?? 0) - (b.day ?? 0);
}

/** Earliest year that puts `d` on or after `after` (feedback follows the inspection). */
export function yearOnOrAfter(d: PartialDate, after: PartialDate): PartialDate {
  if (d.year !== null || after.year === null) return d;
  const same = { ...d, year: after.year };
  const sameMonthOnly = d.day === null && d.month === after.month;
  return compare(same, after) >= 0 || sameMonthOnly ? same : { ...d, year: after.year + 1 };
}

/** Latest year that puts `d` on or before `before` (the report is written after the events). */
export function yearOnOrBefore(d: PartialDate, before: PartialDate): PartialDate {
  if (d.year !== null || before.year === null) return d;
  const same = { ...d, year: before.year };
  const sameMonthOnly = d.day === null && d.month === before.month;
  return compare(same, before) <= 0 || sameMonthOnly ? same : { ...d, year: before.year - 1 };
}

export function formatDate(d: PartialDate): string | null {
  if (d.year === null) return null;
  return d.day === null ? `${d.year}-${pad(d.month)}` : `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}
