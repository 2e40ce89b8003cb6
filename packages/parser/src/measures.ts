import { cnNumber } from './numerals.ts';
import type { ParsedMeasure } from './types.ts';

// Measures under a problem are enumerated "一是…二是…" (often mid-paragraph), "(1)(2)", "①②",
// "1)2)" or "第一，第二，". The first enumerator that starts at one decides the top level;
// other styles inside a measure are its own sub-points and are not counted.

type Style = 'shi' | 'paren' | 'circled' | 'half' | 'di' | 'dot';

// A marker starts a line or follows the end of a clause; "统一是" is not "一是".
const B = '(?:^|(?<=[\\n。；;：:！!？?]))';
const PATTERNS: Record<Style, RegExp> = {
  shi: new RegExp(`${B}\\s*([一二三四五六七八九十]{1,3})是`, 'g'),
  paren: new RegExp(`(?:^|(?<=[\\n。；;：:，,！!？?]))\\s*[(（](\\d{1,2})[)）]`, 'g'),
  circled: /([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])/g,
  half: new RegExp(`${B}\\s*(\\d{1,2})[)）]`, 'g'),
  di: new RegExp(`${B}\\s*第([一二三四五六七八九十]{1,3})[，,、是]`, 'g'),
  // "1." only counts at the start of a line: mid-sentence it is usually an amount or a date.
  dot: /(?:^|(?<=\n))\s*(\d{1,2})[.、．](?!\d)/g,
};

function value(style: Style, token: string): number | null {
  if (style === 'circled') return (token.codePointAt(0) ?? 0) - 0x2460 + 1;
  return cnNumber(token);
}

interface Marker {
  start: number;
  end: number;
}

function sequence(text: string, style: Style): Marker[] {
  const out: Marker[] = [];
  let expected = 1;
  for (const m of text.matchAll(PATTERNS[style])) {
    if (value(style, m[1] ?? '') !== expected) continue;
    const start = m.index + (m[0].length - m[0].trimStart().length);
    out.push({ start, end: m.index + m[0].length });
    expected += 1;
  }
  return out;
}

const tidy = (s: string): string =>
  s
    .replace(/\s*\n\s*/g, '')
    .replace(/^[\s:：,，、.．]+|[\s;；,，。]+$/g, '')
    .trim();

/**
 * The enumerated measures in a problem's rectification text. When nothing is enumerated the
 * text is one measure (reports count it so: "30条整改措施" includes single-paragraph ones).
 */
export function extractMeasures(lines: string[]): ParsedMeasure[] {
  const text = lines.filter((line) => !META_LINE.test(line)).join('\n');
  if (tidy(text) === '') return [];
  let best: Marker[] = [];
  for (const style of Object.keys(PATTERNS) as Style[]) {
    const seq = sequence(text, style);
    const first = seq[0];
    const bestFirst = best[0];
    if (first && (!bestFirst || first.start < bestFirst.start)) best = seq;
  }
  if (best.length === 0) return [{ text: tidy(text) }];
  return best
    .map((marker, i) => ({ text: tidy(text.slice(marker.end, best[i + 1]?.start ?? text.length)) }))
    .filter((m) => m.text !== '');
}

// Ledger metadata written under a measure is not part of it ("责任单位：镇财政所").
export const META_LINE =
  /^(?:责任领导|分管领导|责任单位|牵头单位|配合单位|协办单位|责任人|整改时限|完成时限|整改期限|整改目标|督办领导)\s*[:：]/;

// "整改情况：" and its kin introduce the rectification text; the label itself is not a measure.
export const MEASURE_LABEL =
  /(?:整改情况|整改措施|整改进展|整改落实情况|落实情况|整改结果|整改完成情况)\s*[:：]/;
