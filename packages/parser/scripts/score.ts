import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseFile } from '../src/index.ts';
import { FIELDS, INFO_FIELDS, compare, type Expected, type Field, type Item } from './scoring.ts';

// Accuracy of the parser on the seed documents:
//   npx tsx packages/parser/scripts/score.ts [seedsDir]     (default: ../shared/seeds)
// Prints one score per field (0..1) and exits 1 when any field is below THRESHOLD.

export const THRESHOLD = 0.95;

export interface ScoreReport {
  documents: string[];
  scores: Record<Field, { passed: number; total: number; score: number }>;
  failures: { document: string; item: Item }[];
}

export async function scoreSeeds(seedsDir: string): Promise<ScoreReport> {
  const expectedDir = join(seedsDir, 'expected');
  const files = (await readdir(seedsDir)).filter((f) => f.endsWith('.txt')).sort();
  const items: { document: string; item: Item }[] = [];
  const documents: string[] = [];
  for (const file of files) {
    const id = file.split('_')[0] ?? file;
    let expected: Expected;
    try {
      expected = JSON.parse(await readFile(join(expectedDir, `${id}.expected.json`), 'utf8')) as Expected;
    } catch {
      continue; // a seed without an annotation cannot be scored
    }
    documents.push(file);
    const parsed = await parseFile(join(seedsDir, file));
    for (const item of compare(expected, parsed)) items.push({ document: file, item });
  }
  const scores = Object.fromEntries(
    [...FIELDS, ...INFO_FIELDS].map((field) => {
      const mine = items.filter((x) => x.item.field === field);
      const passed = mine.filter((x) => x.item.ok).length;
      return [field, { passed, total: mine.length, score: mine.length ? passed / mine.length : 1 }];
    }),
  ) as ScoreReport['scores'];
  const gated = new Set<Field>(FIELDS);
  return { documents, scores, failures: items.filter((x) => !x.item.ok && gated.has(x.item.field)) };
}

export function formatReport(report: ScoreReport): string {
  const lines = [`seed documents: ${report.documents.length}`, ''];
  for (const field of FIELDS) {
    const { passed, total, score } = report.scores[field];
    const flag = score < THRESHOLD ? '  << below target' : '';
    lines.push(`${field.padEnd(20)} ${score.toFixed(3)}  (${passed}/${total})${flag}`);
  }
  for (const field of INFO_FIELDS) {
    const { passed, total, score } = report.scores[field];
    lines.push(
      `${field.padEnd(20)} ${score.toFixed(3)}  (${passed}/${total})  (information only, not gated)`,
    );
  }
  if (report.failures.length > 0) {
    lines.push('', 'mismatches:');
    for (const { document, item } of report.failures)
      lines.push(`  ${document} [${item.field}] ${item.detail}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../..');
  const seedsDir = resolve(process.argv[2] ?? join(repoRoot, '../shared/seeds'));
  const report = await scoreSeeds(seedsDir);
  console.log(formatReport(report));
  if (report.documents.length === 0) {
    console.error(`no annotated seed documents in ${seedsDir}`);
    process.exit(2);
  }
  process.exit(FIELDS.some((field) => report.scores[field].score < THRESHOLD) ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
