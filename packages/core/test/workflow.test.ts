import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  DomainError,
  MEASURE_EVENTS,
  MEASURE_STATUSES,
  ROLES,
  roleMay,
  transition,
  transitionTable,
  type MeasureEvent,
  type MeasureStatus,
  type Role,
} from '../src/index.ts';

// The expected workflow, written out independently of the table in src/workflow.ts:
// "from event → to: roles". Anything not listed must be refused.
const EXPECTED: Record<string, { to: MeasureStatus; roles: Role[] }> = {
  'not_started start': { to: 'in_progress', roles: ['clerk', 'office'] },
  'not_started report_progress': { to: 'in_progress', roles: ['clerk', 'office'] },
  'in_progress report_progress': { to: 'in_progress', roles: ['clerk', 'office'] },
  'in_progress request_closure': { to: 'pending_review', roles: ['clerk', 'office'] },
  'pending_review report_progress': { to: 'pending_review', roles: ['clerk', 'office'] },
  'pending_review approve': { to: 'closed', roles: ['reviewer', 'office'] },
  'pending_review return': { to: 'in_progress', roles: ['reviewer', 'office'] },
  'closed report_progress': { to: 'closed', roles: ['clerk', 'office'] },
  // Reopening is the outcome of a look-back (回头看), so admin, who may run one, may reopen too.
  'closed reopen': { to: 'in_progress', roles: ['reviewer', 'office', 'admin'] },
};

describe('measure transition table', () => {
  const cases = MEASURE_STATUSES.flatMap((from) =>
    MEASURE_EVENTS.flatMap((event) => ROLES.map((role) => ({ from, event, role }))),
  );

  it.each(cases)('$from --$event--> as $role', ({ from, event, role }) => {
    const expected = EXPECTED[`${from} ${event}`];
    if (expected && expected.roles.includes(role)) {
      expect(transition(from, event, [role])).toBe(expected.to);
      expect(allowedEvents(from, [role])).toContain(event);
    } else {
      let error: unknown;
      try {
        transition(from, event, [role]);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(expected ? 'FORBIDDEN' : 'INVALID_TRANSITION');
      expect((error as DomainError).message).toMatch(/[\u4e00-\u9fa5]/);
      expect(allowedEvents(from, [role])).not.toContain(event);
    }
  });

  it('lists exactly the expected transitions', () => {
    const listed = Object.fromEntries(
      transitionTable().map((r) => [`${r.from} ${r.event}`, { to: r.to, roles: [...r.roles] }]),
    );
    expect(listed).toEqual(EXPECTED);
  });

  it('combines roles: an office member may do what clerks and reviewers do', () => {
    expect(allowedEvents('pending_review', ['clerk', 'reviewer']).sort()).toEqual(
      (['approve', 'report_progress', 'return'] as MeasureEvent[]).sort(),
    );
    expect(allowedEvents('closed', ['viewer', 'leader', 'discipline'])).toEqual([]);
  });

  it('lets every role that may run a look-back reopen a closed measure, and no other', () => {
    for (const role of ROLES) {
      expect(allowedEvents('closed', [role]).includes('reopen')).toBe(roleMay(role, 'lookback'));
    }
  });
});
