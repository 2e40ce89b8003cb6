// Chinese numerals as they appear in outline markers ("十二、", "二十是") and dates ("二〇二四年").

const DIGIT: Record<string, number> = Object.fromEntries(
  [...'〇零一二三四五六七八九'].map((ch, i) => [ch, Math.max(0, i - 1)]),
);
DIGIT['○'] = 0;
DIGIT['两'] = 2;

/** 1–99 written with 十 ("十", "十二", "二十", "二十三"); null for anything else. */
export function cnNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return null;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? (DIGIT[tens] ?? null) : null;
  return (tens ? (DIGIT[tens] ?? 0) : 1) * 10 + (ones ? (DIGIT[ones] ?? 0) : 0);
}

/** A year written digit by digit ("二〇二四"). */
export function cnYear(text: string): number | null {
  let out = 0;
  for (const ch of text) {
    const d = DIGIT[ch];
    if (d === undefined) return null;
    out = out * 10 + d;
  }
  return text.length === 4 ? out : null;
}

export const CN_NUMERAL = '[一二三四五六七八九十]{1,3}';
