import { describe, expect, it } from 'vitest';
import { compareDispatch, dispatchTotals, type DispatchRow } from '../src/index.ts';

// The comparison of two dispatches, on rows written out by hand.

const row = (measureId: number, over: Partial<DispatchRow> = {}): DispatchRow => ({
  measureId,
  problemNumber: '1',
  problemTitle: '问题',
  text: `措施${measureId}`,
  unitId: 10,
  unitName: '甲镇',
  status: 'in_progress',
  light: 'green',
  deadline: '2026-12-31',
  progressCount: 1,
  lastProgressAt: '2026-10-01T00:00:00.000Z',
  numbers: [],
  ...over,
});

const meta = {
  inspectionId: 1,
  inspectionName: '巡察',
  from: { id: 1, label: '10月', takenOn: '2026-10-31' },
  to: { id: 2, label: '11月', takenOn: '2026-11-30' },
};

describe('dispatch comparison', () => {
  it('counts totals overall and per unit, red lights as overdue', () => {
    const totals = dispatchTotals([
      row(1, { light: 'red' }),
      row(2, { status: 'closed', light: 'none' }),
      row(3, { unitId: 20, unitName: '乙镇', status: 'not_started', light: 'yellow' }),
    ]);
    expect(totals).toMatchObject({
      measures: 3,
      closed: 1,
      overdue: 1,
      byStatus: { not_started: 1, in_progress: 1, pending_review: 0, closed: 1 },
      lights: { red: 1, yellow: 1, green: 0, none: 1 },
    });
    expect(totals.byUnit.map((u) => [u.unitName, u.measures, u.overdue, u.closed])).toEqual([
      ['甲镇', 2, 1, 1],
      ['乙镇', 1, 0, 0],
    ]);
  });

  it('does not call a measure stalled when it moved, got progress, is closed or awaits review', () => {
    const c = compareDispatch(
      meta,
      [
        row(1),
        row(2, { status: 'not_started', progressCount: 0 }),
        row(3),
        row(4, { status: 'pending_review' }),
        row(5, { status: 'closed' }),
        row(6, { unitId: 20, unitName: '乙镇' }),
        row(7, { unitId: 20, unitName: '乙镇' }),
      ],
      [
        row(1, { progressCount: 2 }),
        row(2, { status: 'in_progress', progressCount: 1 }),
        row(3),
        row(4, { status: 'pending_review' }),
        row(5, { status: 'closed' }),
        row(6, { unitId: 20, unitName: '乙镇' }),
        row(7, { unitId: 20, unitName: '乙镇' }),
      ],
    );
    expect(c.moved.map((m) => m.measureId)).toEqual([2]);
    // The unit with more stalled measures comes first.
    expect(c.stalled.map((u) => [u.unitName, u.measures.map((m) => m.measureId)])).toEqual([
      ['乙镇', [6, 7]],
      ['甲镇', [3]],
    ]);
  });

  it('reports changed and new hard numbers with their delta, not unchanged ones', () => {
    const c = compareDispatch(
      meta,
      [
        row(1, {
          numbers: [
            { label: '核查', value: 100, unit: '户' },
            { label: '资金', value: 2.5, unit: '万元' },
            { label: '退出', value: 5 },
          ],
        }),
      ],
      [
        row(1, {
          progressCount: 2,
          numbers: [
            { label: '核查', value: 100, unit: '户' },
            { label: '资金', value: 1.5, unit: '万元' },
            { label: '清退', value: 3 },
          ],
        }),
      ],
    );
    expect(c.numbers.map((n) => [n.label, n.from, n.to, n.delta, n.unit])).toEqual([
      ['资金', 2.5, 1.5, -1, '万元'],
      ['清退', null, 3, 3, null],
    ]);
  });

  it('lists added and removed measures and units present only then or only now', () => {
    const c = compareDispatch(
      meta,
      [row(1), row(2, { unitId: 20, unitName: '乙镇' })],
      [row(1), row(3, { unitId: 30, unitName: '丙村' })],
    );
    expect(c.added.map((r) => r.measureId)).toEqual([3]);
    expect(c.removed.map((r) => r.measureId)).toEqual([2]);
    expect(c.units.map((u) => [u.unitName, u.then?.measures ?? null, u.now?.measures ?? null])).toEqual([
      ['甲镇', 1, 1],
      ['丙村', null, 1],
      ['乙镇', 1, null],
    ]);
    expect(c.totals.then.measures).toBe(2);
    expect(c.totals.now.measures).toBe(2);
  });
});
