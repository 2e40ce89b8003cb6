import { cnNumber } from './numerals.ts';
import type { ParsedCategory, StatedTotals } from './types.ts';

// What a report says about itself ("3个方面12个问题", "细化为15个具体问题、30条整改措施",
// "共完成30条") — checked against what was actually found, so a miscount shows up.

const N = '(?<![每任何这那某同单\\d])(\\d+|[一二两三四五六七八九十]{1,3})';
const RULES: [keyof StatedTotals, RegExp[]][] = [
  ['categories', [new RegExp(`${N}个方面`)]],
  ['problems', [new RegExp(`${N}个(?:具体)?问题`), /(?:问题清单|方面问题|认领问题|梳理出?问题)(\d+)个/]],
  [
    'measures',
    [
      /(\d+)(?:条|项)(?:具体)?(?:整改)?措施/,
      /整改措施(\d+)(?:条|项)/,
      /(?:制定|细化|明确)(?:整改)?措施(\d+)(?:条|项)/,
    ],
  ],
  ['completedMeasures', [/完成(?:销号)?(\d+)(?:条|项)/]],
];

export function findStatedTotals(text: string): StatedTotals {
  const totals: StatedTotals = {};
  for (const [key, patterns] of RULES) {
    // The earliest statement wins: the summary at the top, not a figure quoted later.
    let best: { index: number; value: number } | null = null;
    for (const re of patterns) {
      const m = re.exec(text);
      const value = m ? cnNumber(m[1] ?? '') : null;
      if (m && value !== null && (!best || m.index < best.index)) best = { index: m.index, value };
    }
    if (best) totals[key] = best.value;
  }
  return totals;
}

export function totalsWarnings(stated: StatedTotals, categories: ParsedCategory[]): string[] {
  const problems = categories.flatMap((c) => c.problems);
  const counted = {
    categories: categories.length,
    problems: problems.length,
    measures: problems.reduce((n, p) => n + p.measures.length, 0),
  };
  const label = { categories: '个方面（类别）', problems: '个问题', measures: '条整改措施' } as const;
  const warnings: string[] = [];
  for (const key of ['categories', 'problems', 'measures'] as const) {
    const said = stated[key];
    if (said !== undefined && said !== counted[key]) {
      warnings.push(`文中自述${said}${label[key]}，实际解析出${counted[key]}${label[key]}，请核对。`);
    }
  }
  return warnings;
}

/** "问题编号不连续：5 之后是 7" — a skipped or repeated number usually means a lost problem. */
export function numberingWarnings(categories: ParsedCategory[]): string[] {
  const warnings: string[] = [];
  let previous: number | null = null;
  for (const problem of categories.flatMap((c) => c.problems)) {
    const n = Number(problem.number);
    if (previous !== null && n !== previous + 1 && n !== 1) {
      warnings.push(`问题编号不连续：${previous} 之后是 ${n}。`);
    }
    previous = n;
  }
  return warnings;
}
