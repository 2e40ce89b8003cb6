import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateReport, REPORT_KINDS, type ReportData } from '../src/index.ts';
import { buildCategory, buildMeasure, buildProblem, buildSampleLedger } from './builders.ts';

// Issue 4, part 5: parsing a generated report gives back the ledger's categories, problems per
// category and measures per problem. Runs once packages/parser exists (it is written in parallel).
const parserEntry = new URL('../../parser/src/index.ts', import.meta.url);

/** The shape both sides must agree on: measures per problem, per category. */
const shapeOfLedger = (data: ReportData) =>
  data.categories.map((c) => c.problems.map((p) => p.measures.length));

/** A ledger of awkward sizes: 11 and 12 measures (十一是, 十二是), lone measures, a problem without any. */
function buildUnevenLedger(): ReportData {
  const shape = [[12, 1], [3], [1, 1, 0, 1], [11, 2]];
  return buildSampleLedger({
    categories: shape.map((problems, c) =>
      buildCategory({
        title: `关于第${c + 1}个方面的突出问题`,
        problems: problems.map((count, p) =>
          buildProblem({
            number: String(p + 1),
            title: `第${c + 1}方面第${p + 1}个问题落实不到位`,
            measures: Array.from({ length: count }, (_, m) =>
              buildMeasure({
                text: `逐项落实第${m + 1}项工作要求，完成${(m + 1) * 12}户核查`,
                progress: m % 3 === 0 ? null : `已完成${m * 5}项，调整${m}户${m * 2}人`,
                kind: m % 4 === 0 ? 'ongoing' : 'deadline',
                deadline: m % 4 === 0 ? null : '2025-01-15',
              }),
            ),
          }),
        ),
      }),
    ),
  });
}

// Imported inside the tests: vitest still runs the body of a skipped describe to list its tests.
async function parseDocx(docx: Buffer) {
  const parser = (await import('@zhenggai/parser')) as typeof import('@zhenggai/parser');
  return parser.parseDocx(docx);
}

describe.skipIf(!existsSync(parserEntry))('round trip through @zhenggai/parser', () => {
  for (const kind of REPORT_KINDS) {
    it.each([
      ['sample ledger', buildSampleLedger()],
      ['uneven ledger', buildUnevenLedger()],
    ])(`${kind}: %s comes back with the same categories, problems and measures`, async (_name, data) => {
      const parsed = await parseDocx(await generateReport(kind, data));
      expect(parsed.categories.map((c) => c.problems.map((p) => p.measures.length))).toEqual(
        shapeOfLedger(data),
      );
      expect(parsed.categories.map((c) => c.title)).toEqual(data.categories.map((c) => c.title));
      const titles = parsed.categories.flatMap((c) => c.problems.map((p) => p.title));
      expect(titles).toEqual(data.categories.flatMap((c) => c.problems.map((p) => p.title)));
      // The totals the report states about itself agree with what the parser counted.
      expect(parsed.warnings).toEqual([]);
    });
  }

  it('tongbao: the header and contact read back as the ledger has them', async () => {
    const data = buildSampleLedger();
    const parsed = await parseDocx(await generateReport('tongbao', data));
    expect(parsed).toMatchObject({
      title: '中共青石镇委员会关于县委第三轮巡察整改进展情况的通报',
      kind: data.inspection.kind,
      inspector: data.inspection.team,
      inspectedUnit: data.inspection.inspectedUnit,
      inspectionPeriod: { start: data.inspection.periodStart, end: data.inspection.periodEnd },
      feedbackDate: data.inspection.feedbackDate,
      contact: { phone: data.contact?.phone, email: data.contact?.email },
      statedTotals: { categories: 3, problems: 6, measures: 10 },
    });
  });
});
