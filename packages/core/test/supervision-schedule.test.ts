import { describe, expect, it } from 'vitest';
import { addDays, supervisionActions, type LastNotice, type LightInput } from '../src/index.ts';

const pace = { reminderDays: [7, 1], escalationDays: 5 };
const measure = (over: Partial<LightInput> = {}): LightInput => ({
  kind: 'deadline',
  status: 'in_progress',
  deadline: '2026-12-10',
  lastProgressAt: null,
  createdAt: '2026-11-01T08:00:00.000Z',
  evidenceCadenceDays: null,
  ...over,
});

/** Walks day by day like the scheduler, feeding each notice back as "the last one". */
function walk(m: LightInput, from: string, days: number) {
  const out: string[] = [];
  let last: LastNotice | null = null;
  for (let i = 0; i < days; i++) {
    const day = addDays(from, i);
    for (const a of supervisionActions(m, pace, last, day)) {
      if (a.type === 'reminder') out.push(`${day} reminder ${a.daysLeft}`);
      else {
        out.push(`${day} L${a.level} late ${a.daysLate}`);
        last = { level: a.level, issuedOn: day, dueDate: a.dueDate };
      }
    }
  }
  return out;
}

describe('supervision schedule', () => {
  it('reminds before the deadline and climbs one level every escalationDays after it', () => {
    expect(walk(measure(), '2026-12-01', 30)).toEqual([
      '2026-12-03 reminder 7',
      '2026-12-09 reminder 1',
      '2026-12-11 L1 late 1',
      '2026-12-16 L2 late 6',
      '2026-12-21 L3 late 11',
    ]);
  });

  it('owes nothing for closed measures, measures under review or without deadline', () => {
    for (const m of [
      measure({ status: 'closed' }),
      measure({ status: 'pending_review' }),
      measure({ deadline: null }),
    ])
      expect(walk(m, '2026-12-01', 30)).toEqual([]);
  });

  it('starts a new cycle at level 1 when the deadline moves', () => {
    const last = { level: 2, issuedOn: '2026-12-16', dueDate: '2026-12-10' };
    const extended = measure({ deadline: '2026-12-20' });
    expect(supervisionActions(extended, pace, last, '2026-12-21')).toEqual([
      { type: 'notice', level: 1, dueDate: '2026-12-20', daysLate: 1, cause: 'overdue' },
    ]);
    expect(supervisionActions(extended, pace, last, '2026-12-19')).toEqual([
      { type: 'reminder', dueDate: '2026-12-20', daysLeft: 1, cause: 'overdue' },
    ]);
  });

  it('first seen long after the deadline: level 1 today, not every level at once', () => {
    expect(supervisionActions(measure(), pace, null, '2027-03-01')).toEqual([
      { type: 'notice', level: 1, dueDate: '2026-12-10', daysLate: 81, cause: 'overdue' },
    ]);
  });

  it('长期坚持 measures owe evidence every cadence days, counted from the last report', () => {
    const ongoing = measure({
      kind: 'ongoing',
      deadline: null,
      evidenceCadenceDays: 10,
      lastProgressAt: '2026-12-01T09:00:00Z',
    });
    expect(walk(ongoing, '2026-12-01', 17)).toEqual([
      '2026-12-04 reminder 7',
      '2026-12-10 reminder 1',
      '2026-12-12 L1 late 1',
      '2026-12-17 L2 late 6',
    ]);
    expect(supervisionActions(ongoing, pace, null, '2026-12-12')[0]).toMatchObject({
      cause: 'evidence_lapsed',
    });
  });
});
