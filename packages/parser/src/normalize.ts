import { cnNumber, cnYear } from './numerals.ts';

/** Text → non-empty trimmed lines. Tabs survive: a ledger pasted from a table keeps its columns. */
export function toLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2002-\u200b\u3000\ufeff]/g, ' ')
    .split('\n')
    .map((line) => (isTableRow(line) ? line.replace(/^ +| +$/g, '') : line.trim()))
    .filter((line) => line.trim().length > 0);
}

// An indented paragraph starts with a tab; a table row has one between cells. Only the latter
// keeps its leading tabs, because an empty first cell still counts as a column.
function isTableRow(line: string): boolean {
  return /\S\t/.test(line);
}

/**
 * Official documents often write dates in Chinese numerals ("二〇二四年三月二十一日");
 * rewrite them as digits so one date grammar serves both. A bare "X月" is only rewritten
 * after a year, so words like "统一月度" stay untouched.
 */
export function digitizeDates(text: string): string {
  return text
    .replace(/([〇○零一二三四五六七八九]{4})年/g, (whole, y: string) => {
      const year = cnYear(y);
      return year === null ? whole : `${year}年`;
    })
    .replace(
      /([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日/g,
      (whole, m: string, d: string) => {
        const month = cnNumber(m);
        const day = cnNumber(d);
        return month === null || day === null || month > 12 || day > 31 ? whole : `${month}月${day}日`;
      },
    )
    .replace(/(\d年)([一二三四五六七八九十]{1,2})月/g, (whole, before: string, m: string) => {
      const month = cnNumber(m);
      return month === null || month > 12 ? whole : `${before}${month}月`;
    });
}

const CJK = /[\u3400-\u9fff]/g;
export function cjkCount(text: string): number {
  return text.match(CJK)?.length ?? 0;
}
