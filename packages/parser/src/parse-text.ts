import { stripChrome } from './chrome.ts';
import { contactFrom } from './contact.ts';
import { findNumericDate, findDates, type PartialDate } from './dates.ts';
import { ParseError } from './errors.ts';
import { extractHeader } from './header.ts';
import { extractCategories } from './ledger.ts';
import { digitizeDates, toLines } from './normalize.ts';
import { buildOutline, classify } from './outline.ts';
import { parseTable } from './table.ts';
import { findTitle } from './title.ts';
import { findStatedTotals, numberingWarnings, totalsWarnings } from './totals.ts';
import type { ParsedDocument } from './types.ts';

// One document's text → its structure. Each step lives in its own file; this one only
// decides what each step sees: chrome is dropped first, the title splits preamble from body,
// the opening paragraphs feed the header, the body feeds the outline (or the table reader).

const OPENING_PARAGRAPHS = 3;

export function parseText(text: string): ParsedDocument {
  const raw = toLines(text);
  if (raw.length === 0) throw new ParseError('NO_TEXT', '文档中没有文字内容。');
  const { lines, publishedDate } = stripChrome(raw);
  const { title, bodyStart } = findTitle(lines);
  const body = lines.slice(bodyStart);

  const table = parseTable(body);
  const openingEnd = table ? table.headerLine : body.findIndex((line) => classify(line) !== null);
  const opening = body.slice(
    0,
    openingEnd < 0 ? OPENING_PARAGRAPHS : Math.min(openingEnd, OPENING_PARAGRAPHS),
  );

  const header = extractHeader({ title, opening, documentDate: publishedDate ?? signatureDate(lines) });
  // The feedback itself (反馈意见) lists findings only; a report on rectification lists measures.
  const findingsOnly = !!title && /反馈意见$|反馈的意见$/.test(title) && !/整改/.test(title);
  const categories = table ? table.categories : extractCategories(buildOutline(body), findingsOnly);
  const statedTotals = findStatedTotals(body.join('\n'));

  const warnings = [...header.warnings];
  if (categories.length === 0) {
    const said = statedTotals.problems !== undefined ? `（文中自述${statedTotals.problems}个问题）` : '';
    warnings.push(
      `未识别出带编号的问题清单（如“（一）…”“1.…”），结果中没有问题${said}；若问题以叙述方式写在正文中，请手工拆分录入。`,
    );
  } else {
    if (findingsOnly) warnings.push('这是反馈意见：只列出问题，整改措施需在整改方案中另行填写。');
    warnings.push(...totalsWarnings(statedTotals, categories), ...numberingWarnings(categories));
  }

  return {
    title,
    kind: header.kind,
    inspector: header.inspector,
    inspectedUnit: header.inspectedUnit,
    inspectionPeriod: header.inspectionPeriod,
    feedbackDate: header.feedbackDate,
    categories,
    contact: contactFrom(body),
    statedTotals,
    warnings,
  };
}

/** The date under the signature ("2024年10月11日", "…2021年5月13日印发"), read from the end. */
function signatureDate(lines: string[]): PartialDate | null {
  for (const line of [...lines].reverse().slice(0, 8)) {
    const digits = digitizeDates(line);
    if (!/\d{4}年\d{1,2}月\d{1,2}日(?:印发)?$/.test(digits) || digits.length > 40) continue;
    const hit = findDates(digits).at(-1);
    if (hit?.date.year) return hit.date;
  }
  return findNumericDate(lines[lines.length - 1] ?? '');
}
