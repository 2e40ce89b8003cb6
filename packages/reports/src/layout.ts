// GB/T 9704-2012 (党政机关公文格式) in Word's units. Twips = 1/20 pt = 1/1440 inch; font sizes
// in docx are half-points. Every number a reader may want to check is named here.

const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (millimetres: number): number => Math.round(millimetres * TWIPS_PER_MM);
export const pt = (points: number): number => Math.round(points * 20);

/** A4, 210 × 297 mm. */
export const PAGE = { width: mm(210), height: mm(297) } as const;

/** 天头 37 mm, bottom 35 mm, 订口 (left) 28 mm, right 26 mm: a 156 × 225 mm text block. */
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } as const;

/**
 * Fixed line pitch 28.95 pt: 22 lines fill the 225 mm (637.8 pt) text block as the standard asks
 * (22 × 28.95 = 636.9 pt). Every paragraph uses an "exact" rule of this height, title included,
 * instead of a document line grid: LibreOffice snaps a 22 pt title to two grid lines.
 */
export const LINE_PITCH = pt(28.95);

/** Font sizes in points: 二号, 三号, 四号. */
export const SIZE = { erhao: 22, sanhao: 16, sihao: 14 } as const;

export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;

/** One body character (三号, 16 pt). Indents are counted in characters in official documents. */
export const CHAR = pt(SIZE.sanhao);

/**
 * 28 characters per line. The 156 mm block is 442.2 pt but 28 × 16 pt is 448 pt, so body runs are
 * condensed by 0.25 pt per character (28 × 15.75 = 441 pt). Word templates get the same effect
 * with a "lines and characters" document grid, but LibreOffice lays such a grid out with far
 * wider cells (19 characters per line, digits spread apart), so no character grid is used.
 */
export const CHARS_PER_LINE = 28;
export const BODY_CHARACTER_SPACING = -pt(0.25);

/**
 * Page numbers sit 7 mm below the text block (一字线上距版心下边缘7mm): the footer paragraph is one
 * 四号 line high, so its bottom is 35 − 7 − 5 = 23 mm above the page edge.
 */
export const FOOTER_DISTANCE = mm(23);
export const HEADER_DISTANCE = mm(15);
/** 单页码居右空一字，双页码居左空一字: one 四号 character (14 pt). */
export const PAGE_NUMBER_SIDE_SPACE = pt(SIZE.sihao);

/** Width of a text in body characters: CJK and full-width count 1, ASCII (digits in dates) ½. */
export function textWidthInChars(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) < 0x2000 ? 0.5 : 1;
  return width;
}

/**
 * 落款 without seal (GB/T 9704 7.3.5.2): the unit right-indented two characters, the date on the
 * next line starting two characters to the right of the unit's first character; if that would
 * push the date closer than two characters to the margin, the date keeps two characters and the
 * unit moves left instead. Returns right indents in twips, one per line. Other line counts are
 * simply right-indented two characters.
 */
export function signatureRightIndents(lines: readonly string[]): number[] {
  const [unit, date] = lines;
  if (lines.length !== 2 || unit === undefined || date === undefined) return lines.map(() => 2 * CHAR);
  const u = textWidthInChars(unit);
  const d = textWidthInChars(date);
  if (u - d >= 2) return [2 * CHAR, Math.round((u - d) * CHAR)];
  return [Math.round((4 + d - u) * CHAR), 2 * CHAR];
}
