import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError, parseText } from '../src/index.ts';

// Whatever text arrives — cut mid-sentence, lines shuffled, long runs built to make regular
// expressions backtrack — parsing returns a document (or a ParseError), quickly.

const fixtures = join(import.meta.dirname, 'fixtures');

function lcg(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2 ** 31);
}

describe('robustness', () => {
  it('survives every fixture cut at many points and with its lines shuffled', async () => {
    for (const name of (await readdir(fixtures)).filter((f) => f.endsWith('.txt'))) {
      const bytes = await readFile(join(fixtures, name));
      const decoded = new TextDecoder(name.includes('gb18030') ? 'gb18030' : 'utf-8').decode(bytes);
      for (let cut = 1; cut < decoded.length; cut += 29) {
        try {
          const doc = parseText(decoded.slice(0, cut));
          expect(Array.isArray(doc.categories)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(ParseError);
        }
      }
      const next = lcg(name.length);
      const lines = decoded.split('\n').sort(() => (next() % 3) - 1);
      expect(() => parseText(lines.join('\n'))).not.toThrow();
    }
  });

  it('stays fast on long runs of organisation-like words', () => {
    const words = ['省委办公厅', '县局', '市委', '镇政府', '办', '和', '及', '、', '会', '厅局委'];
    const next = lcg(7);
    let run = '';
    while (run.length < 6000) run += words[next() % words.length];
    const start = performance.now();
    for (const text of [
      run,
      `某镇关于整改情况的报告\n${run}。\n一、甲\n1.乙`,
      `对${run}开展`,
      `1.${'一是'.repeat(3000)}`,
    ]) {
      parseText(text);
    }
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
