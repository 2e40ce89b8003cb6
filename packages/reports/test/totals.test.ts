import { describe, expect, it } from 'vitest';
import { chineseDate, chineseNumber, computeTotals } from '../src/index.ts';
import { expectReportError } from './errors.ts';
import { buildCategory, buildMeasure, buildProblem, buildReportData, buildSampleLedger } from './builders.ts';

describe('computeTotals', () => {
  it('counts the sample ledger exactly', () => {
    // Counted by hand from buildSampleLedger: 3 categories; problems 1–6; measures 2+3+1+2+0+2;
    // closed 1+3+0+1+2; 长期坚持 in problems 1 and 2; problems 2 and 6 have every measure closed.
    expect(computeTotals(buildSampleLedger())).toEqual({
      categories: 3,
      problems: 6,
      measures: 10,
      closedMeasures: 7,
      openMeasures: 3,
      ongoingMeasures: 2,
      completionRate: 70,
      problemsClosed: 2,
    });
  });

  it('gives zeros, not NaN, for an empty ledger', () => {
    expect(computeTotals(buildReportData({ categories: [] }))).toEqual({
      categories: 0,
      problems: 0,
      measures: 0,
      closedMeasures: 0,
      openMeasures: 0,
      ongoingMeasures: 0,
      completionRate: 0,
      problemsClosed: 0,
    });
  });

  it('does not count a problem without measures as closed, even if its own status says closed', () => {
    const data = buildReportData({
      categories: [buildCategory({ problems: [buildProblem({ status: 'closed', measures: [] })] })],
    });
    expect(computeTotals(data).problemsClosed).toBe(0);
  });

  it.each([
    [1, 8, 12.5],
    [2, 3, 66.7],
    [1, 3, 33.3],
    [1, 16, 6.3], // 6.25 rounds half up
    [40, 40, 100],
    [0, 5, 0],
  ])('rounds %i closed of %i to %d%%', (closed, total, rate) => {
    const measures = Array.from({ length: total }, (_, i) =>
      buildMeasure({ status: i < closed ? 'closed' : 'in_progress' }),
    );
    const data = buildReportData({ categories: [buildCategory({ problems: [buildProblem({ measures })] })] });
    expect(computeTotals(data).completionRate).toBe(rate);
  });
});

describe('Chinese forms', () => {
  it.each([
    [1, '一'],
    [4, '四'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [23, '二十三'],
    [99, '九十九'],
    [100, '100'],
  ])('chineseNumber(%i) = %s', (n, text) => {
    expect(chineseNumber(n)).toBe(text);
  });

  it('writes dates with Arabic numerals and no leading zeros', () => {
    expect(chineseDate('2024-03-21')).toBe('2024年3月21日');
    expect(chineseDate('2021-05')).toBe('2021年5月');
  });

  it.each(['2024-02-30', '2024-13-01', '3月21日', '2024/03/21', ''])(
    'rejects the date "%s" with a code',
    (bad) => {
      expectReportError(() => chineseDate(bad), 'REPORT_BAD_DATE');
    },
  );
});
