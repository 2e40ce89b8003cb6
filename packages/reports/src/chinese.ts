import { ReportError } from './errors.ts';

// Number and date forms used in Chinese official documents.

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九. Larger numbers stay Arabic (never met in practice). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const tensPart = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  const onesPart = ones === 0 ? '' : (DIGITS[ones] ?? '');
  return tensPart + onesPart;
}

const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/**
 * `2024-03-21` → `2024年3月21日`, `2024-05` → `2024年5月`. GB/T 9704-2012 writes dates with Arabic
 * numerals and no leading zeros.
 */
export function chineseDate(iso: string): string {
  const match = ISO_DATE.exec(iso);
  const year = match?.[1];
  const month = Number(match?.[2]);
  const day = match?.[3] === undefined ? null : Number(match[3]);
  if (
    year === undefined ||
    month < 1 ||
    month > 12 ||
    (day !== null && !isRealDay(Number(year), month, day))
  ) {
    throw new ReportError('REPORT_BAD_DATE', `日期“${iso}”不是有效的 YYYY-MM-DD 或 YYYY-MM 格式`);
  }
  return day === null ? `${year}年${month}月` : `${year}年${month}月${day}日`;
}

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return day >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
