import { classify } from './outline.ts';
import { cjkCount } from './normalize.ts';

// The document's own title line. A report pasted with its cover letter ("县领导小组：
// … 现予以上报。 [signature] [date]") has two title-like lines; the cover letter ends with a
// signature date, and the report's own heading is the one after it.

// A title ends with what the document is, maybe followed by a short note such as "（摘要）".
const TITLE_END =
  /(?:报告|通报|情况|公布|公告|工作|方案|意见|决定|总结|清单|台账|说明|函|公示|纪实|整改)[”"」》)）]?(?:[（(][^）)]{1,8}[）)])?$/;
const DATE_LINE = /^(?:[\u3400-\u9fff]{2,30}?)?\d{4}年\d{1,2}月\d{1,2}日(?:印发)?$/;
const LETTER_END = /^(?:此页无正文|特此报告。?|现予以?(?:上报|报送)。?)$/;

export function isTitleLike(line: string): boolean {
  return (
    line.length >= 6 &&
    line.length <= 80 &&
    !line.includes('。') &&
    !/[:：]$/.test(line) &&
    classify(line) === null &&
    cjkCount(line) >= 6 &&
    TITLE_END.test(line)
  );
}

function isTitleFragment(line: string): boolean {
  return (
    line.length <= 40 && !/[。，,：:；;！!？?]/.test(line) && classify(line) === null && !DATE_LINE.test(line)
  );
}

export interface TitleHit {
  title: string | null;
  /** Index of the first line after the title (the body). */
  bodyStart: number;
}

export function findTitle(lines: string[]): TitleHit {
  // Only the preamble can hold the title: stop at the first outline heading.
  let preambleEnd = lines.findIndex((line) => classify(line) !== null);
  if (preambleEnd < 0) preambleEnd = Math.min(lines.length, 12);
  let chosen = -1;
  let letterEnded = false;
  for (let i = 0; i < preambleEnd; i++) {
    const line = lines[i] ?? '';
    if (isTitleLike(line) && (chosen < 0 || letterEnded)) {
      chosen = i;
      letterEnded = false;
    } else if (chosen >= 0 && (DATE_LINE.test(line) || LETTER_END.test(line))) {
      letterEnded = true;
    }
  }
  if (chosen < 0) return { title: null, bodyStart: 0 };
  // A long title set over two lines: "…关于县委第二巡察组" / "反馈意见整改情况的通报".
  const previous = chosen > 0 ? (lines[chosen - 1] ?? '') : '';
  const current = lines[chosen] ?? '';
  // Or the issuer on its own line above "关于…的反馈意见".
  const splitBeforeAbout =
    current.startsWith('关于') && /(?:组|委员会|党委|党组|局|政府|办公室|厅)$/.test(previous);
  const splitAfterAbout = previous.includes('关于') && !current.includes('关于');
  if ((splitBeforeAbout || splitAfterAbout) && isTitleFragment(previous)) {
    return { title: previous + current, bodyStart: chosen + 1 };
  }
  return { title: current, bodyStart: chosen + 1 };
}
