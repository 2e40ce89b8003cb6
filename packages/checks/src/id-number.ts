// GB 11643-1999 公民身份号码: 6-digit region code, 8-digit birth date, 3-digit sequence,
// one MOD 11-2 check character. The same messages are used by the SQL version
// (id-sql.ts) so that a reason reads the same whichever side found it.
import { isCurrentCountyCode } from './regions.ts';

export interface IdValidation {
  ok: boolean;
  /** Upper-case, half-width, 18 characters when convertible; otherwise the trimmed input. */
  normalized: string;
  errors: string[];
  warnings: string[];
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const CLEAN = /^[0-9]{17}[0-9X]$/;

export const ID_MESSAGES = {
  empty: '身份证号为空',
  length: (n: number | string) => `长度应为18位（旧号15位），实为${n}位`,
  chars: '含有非法字符（只允许数字和末位 X）',
  date: (d: string) => `出生日期无效：${d}`,
  future: (d: string) => `出生日期晚于当前日期：${d}`,
  check: (c: string) => `校验码错误：末位应为 ${c}`,
  region: (code: string) => `行政区划代码 ${code} 不在现行 GB/T 2260 代码中（可能已撤销或有误）`,
  converted: '15位旧号已转换为18位',
} as const;

/** The characters that full-width input and a lower-case x become. */
export const FULL_WIDTH_FROM = '０１２３４５６７８９ｘＸx　';
export const FULL_WIDTH_TO = '0123456789XXX ';

/** MOD 11-2 check character for a 17-digit body (caller guarantees digits). */
export function checkCharacter(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

export function normalizeIdText(raw: string): string {
  let out = '';
  for (const ch of raw) {
    const i = FULL_WIDTH_FROM.indexOf(ch);
    out += i >= 0 ? FULL_WIDTH_TO.charAt(i) : ch;
  }
  // Only spaces are trimmed, exactly as the SQL version (DuckDB trim) does.
  return out.replace(/^ +| +$/g, '').toUpperCase();
}

function isDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** A real calendar date, not before 1900 and not after `today` (both YYYYMMDD). */
function birthDateProblem(ymd: string, today: string): string | undefined {
  const y = Number(ymd.slice(0, 4));
  const m = Number(ymd.slice(4, 6));
  const d = Number(ymd.slice(6, 8));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  if (y < 1900 || days === undefined || d < 1 || d > days) return ID_MESSAGES.date(ymd);
  if (ymd > today) return ID_MESSAGES.future(ymd);
  return undefined;
}

function todayYmd(): string {
  return new Date().toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * Validates and normalises one ID number. `today` (YYYYMMDD) bounds the birth date;
 * it defaults to the current UTC date.
 */
export function validateIdNumber(input: string | null | undefined, today = todayYmd()): IdValidation {
  // Most input is already clean: skip the character-by-character normalisation then.
  const text = input && CLEAN.test(input) ? input : normalizeIdText(input ?? '');
  const errors: string[] = [];
  const warnings: string[] = [];
  if (text === '') return { ok: false, normalized: '', errors: [ID_MESSAGES.empty], warnings };
  const length = [...text].length;
  if (length !== 18 && length !== 15) {
    return { ok: false, normalized: text, errors: [ID_MESSAGES.length(length)], warnings };
  }
  let normalized = text;
  if (length === 15) {
    if (!isDigits(text, 0, 15)) return { ok: false, normalized: text, errors: [ID_MESSAGES.chars], warnings };
    const body = `${text.slice(0, 6)}19${text.slice(6)}`;
    normalized = body + checkCharacter(body);
    warnings.push(ID_MESSAGES.converted);
  } else {
    const last = text.charCodeAt(17);
    if (!isDigits(text, 0, 17) || !((last >= 48 && last <= 57) || last === 88)) {
      return { ok: false, normalized: text, errors: [ID_MESSAGES.chars], warnings };
    }
  }
  const dateProblem = birthDateProblem(normalized.slice(6, 14), today);
  if (dateProblem) errors.push(dateProblem);
  else if (length === 18) {
    const expected = checkCharacter(normalized.slice(0, 17));
    if (expected !== normalized.charAt(17)) errors.push(ID_MESSAGES.check(expected));
  }
  const region = normalized.slice(0, 6);
  if (!isCurrentCountyCode(region)) warnings.push(ID_MESSAGES.region(region));
  return { ok: errors.length === 0, normalized, errors, warnings };
}

/** `110101********123X`: region and the last four stay, the birth date and the rest go. */
export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return '';
  const chars = [...id];
  if (chars.length <= 10) return '*'.repeat(chars.length);
  return chars.slice(0, 6).join('') + '*'.repeat(chars.length - 10) + chars.slice(-4).join('');
}
