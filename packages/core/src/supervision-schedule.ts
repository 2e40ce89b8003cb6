import { addDays, daysUntil, DEFAULT_EVIDENCE_CADENCE_DAYS, type LightInput } from './deadlines.ts';

// 分级督办: what the scheduler owes a measure on one day. Pure, so the pace can be tested day by
// day without a database, and the scheduler stays a loop that writes what this returns.
//
// A measure is in a "cycle" keyed by the date it is due: its deadline, or for 长期坚持 the day its
// next evidence is due. Reminders go out N days before that date; the day after it, a level-1
// notice; each further level after `escalationDays` more days with the work still late, up to 3.
// Extending a deadline or reporting fresh evidence starts a new cycle.

export interface SupervisionPace {
  /** Days before the due date on which a reminder goes out, e.g. [7, 1]. */
  reminderDays: number[];
  /** Days a notice level stands before the next one is issued. */
  escalationDays: number;
}

/** The latest automatic notice of the measure, if any. */
export interface LastNotice {
  level: number;
  issuedOn: string;
  dueDate: string | null;
}

export type SupervisionCause = 'overdue' | 'evidence_lapsed';

export type SupervisionAction =
  | { type: 'reminder'; dueDate: string; daysLeft: number; cause: SupervisionCause }
  | { type: 'notice'; level: 1 | 2 | 3; dueDate: string; daysLate: number; cause: SupervisionCause };

export const MAX_NOTICE_LEVEL = 3;

/** The date the measure's current cycle is due, or null when nothing is owed. */
export function supervisionDueDate(m: LightInput): string | null {
  if (m.status === 'pending_review') return null; // the unit has done its part; the office is reviewing
  if (m.kind === 'ongoing') {
    const since = (m.lastProgressAt ?? m.createdAt).slice(0, 10);
    return addDays(since, m.evidenceCadenceDays ?? DEFAULT_EVIDENCE_CADENCE_DAYS);
  }
  if (m.status === 'closed' || !m.deadline) return null;
  return m.deadline;
}

export function supervisionActions(
  m: LightInput,
  pace: SupervisionPace,
  last: LastNotice | null,
  day: string,
): SupervisionAction[] {
  const dueDate = supervisionDueDate(m);
  if (!dueDate) return [];
  const cause: SupervisionCause = m.kind === 'ongoing' ? 'evidence_lapsed' : 'overdue';
  const left = daysUntil(dueDate, day);
  if (left >= 0) {
    return pace.reminderDays.includes(left) ? [{ type: 'reminder', dueDate, daysLeft: left, cause }] : [];
  }
  const current = last && last.dueDate === dueDate ? last : null;
  const daysLate = -left;
  if (!current) return [{ type: 'notice', level: 1, dueDate, daysLate, cause }];
  if (current.level >= MAX_NOTICE_LEVEL) return [];
  if (daysUntil(current.issuedOn, day) > -pace.escalationDays) return [];
  return [{ type: 'notice', level: (current.level + 1) as 2 | 3, dueDate, daysLate, cause }];
}
