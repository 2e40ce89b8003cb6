// Splitting the cells people fill with more than one thing: a problem cell holding its number,
// a one-sentence title and the finding's details; a unit cell listing several units.

import { toHalfWidth } from './cells.ts';

/** The writer puts this in front of a problem's title when it is flagged 举一反三. */
export const CROSS_CHECK_MARK = '【举一反三】';

export interface SplitProblem {
  number: string | null;
  title: string;
  text: string;
  crossCheckAll: boolean;
}

// "1." "1、" "1．" "(1)" "（一）" "问题1：" — but not "1.5万元" or "2023年".
const NUMBER_PREFIX =
  /^\s*(?:问题\s*)?(?:(\d{1,3})\s*[.、,:](?!\d)|[(（]\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）])\s*/;

/**
 * "1.标题。详细事实……" → { number: '1', title: '标题', text: '详细事实……' }. A line break ends the
 * title when there is one (the writer uses it); otherwise the first full stop does.
 */
export function splitProblemCell(cell: string): SplitProblem {
  let s = cell.trim();
  const crossCheckAll = s.includes('举一反三');
  if (s.startsWith(CROSS_CHECK_MARK)) s = s.slice(CROSS_CHECK_MARK.length).trimStart();
  let number: string | null = null;
  const m = NUMBER_PREFIX.exec(toHalfWidth(s.slice(0, 12)));
  if (m) {
    number = m[1] ?? m[2] ?? null;
    s = s.slice(m[0].length);
  }
  let title: string;
  let text: string;
  const nl = s.indexOf('\n');
  if (nl >= 0) {
    title = s.slice(0, nl).trim();
    text = s.slice(nl + 1).trim();
  } else {
    const stop = s.search(/[。！？]/);
    title = stop >= 0 ? s.slice(0, stop).trim() : s.trim();
    text = stop >= 0 ? s.slice(stop + 1).trim() : '';
  }
  title = title.replace(/[。；;]+$/, '');
  return { number, title, text, crossCheckAll };
}

/** The writer's problem cell: the exact inverse of splitProblemCell for titles without 。. */
export function joinProblemCell(title: string, text: string, crossCheckAll: boolean): string {
  const mark =
    crossCheckAll && !title.includes('举一反三') && !text.includes('举一反三') ? CROSS_CHECK_MARK : '';
  return text === '' ? `${mark}${title}` : `${mark}${title}\n${text}`;
}

/** "镇财政所、镇民政所" → ['镇财政所', '镇民政所']. */
export function splitUnits(cell: string): string[] {
  return cell
    .split(/[、,，;；\n]+/)
    .map((s) => s.replace(/^(牵头|配合)(单位)?[:：]/, '').trim())
    .filter((s) => s !== '');
}
