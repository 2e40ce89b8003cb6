import { DomainError } from './errors.ts';
import type { MeasureStatus, Role } from './vocabulary.ts';

// The one transition table for a measure's status. Every status change in the system asks
// `transition()`; nothing else compares statuses to decide what may happen.

export const MEASURE_EVENTS = [
  'start',
  'report_progress',
  'request_closure',
  'approve',
  'return',
  'reopen',
] as const;
export type MeasureEvent = (typeof MEASURE_EVENTS)[number];

export const MEASURE_EVENT_LABELS: Record<MeasureEvent, string> = {
  start: '启动整改',
  report_progress: '报送进展',
  request_closure: '申请销号',
  approve: '审核通过(销号)',
  return: '退回',
  reopen: '重新打开',
};

/** Events whose reason is mandatory: a return or a reopen must say why. */
export const EVENTS_NEEDING_REASON: ReadonlySet<MeasureEvent> = new Set(['return', 'reopen']);

interface Rule {
  to: MeasureStatus;
  roles: readonly Role[];
}

const UNIT_WORK: readonly Role[] = ['clerk', 'office'];
const REVIEW: readonly Role[] = ['reviewer', 'office'];
/**
 * Reopening a closed measure is what a 回头看 finding of 反弹 / 整改不到位 does, so every role that
 * may run a look-back (permissions.ts `lookback`: admin, office, reviewer) may reopen.
 */
const REOPEN: readonly Role[] = ['reviewer', 'office', 'admin'];

/** from-status → event → rule. Missing entries are forbidden transitions. */
const TABLE: Record<MeasureStatus, Partial<Record<MeasureEvent, Rule>>> = {
  not_started: {
    start: { to: 'in_progress', roles: UNIT_WORK },
    report_progress: { to: 'in_progress', roles: UNIT_WORK },
  },
  in_progress: {
    report_progress: { to: 'in_progress', roles: UNIT_WORK },
    request_closure: { to: 'pending_review', roles: UNIT_WORK },
  },
  pending_review: {
    // Evidence may still be added while waiting, without leaving review.
    report_progress: { to: 'pending_review', roles: UNIT_WORK },
    approve: { to: 'closed', roles: REVIEW },
    return: { to: 'in_progress', roles: REVIEW },
  },
  closed: {
    // 长期坚持 measures keep owing evidence after closure for the period.
    report_progress: { to: 'closed', roles: UNIT_WORK },
    reopen: { to: 'in_progress', roles: REOPEN },
  },
};

export function allowedEvents(from: MeasureStatus, roles: Iterable<Role>): MeasureEvent[] {
  const mine = new Set(roles);
  return MEASURE_EVENTS.filter((event) => TABLE[from][event]?.roles.some((r) => mine.has(r)));
}

/** The status after `event`, or a coded error saying why not. */
export function transition(from: MeasureStatus, event: MeasureEvent, roles: Iterable<Role>): MeasureStatus {
  const rule = TABLE[from][event];
  if (!rule)
    throw new DomainError('INVALID_TRANSITION', `当前状态下不能执行「${MEASURE_EVENT_LABELS[event]}」`);
  const mine = new Set(roles);
  if (!rule.roles.some((r) => mine.has(r))) {
    throw new DomainError('FORBIDDEN', `您的角色不能执行「${MEASURE_EVENT_LABELS[event]}」`);
  }
  return rule.to;
}

/** Exposed for exhaustive tests and documentation. */
export function transitionTable(): ReadonlyArray<{ from: MeasureStatus; event: MeasureEvent } & Rule> {
  return (Object.keys(TABLE) as MeasureStatus[]).flatMap((from) =>
    MEASURE_EVENTS.flatMap((event) => {
      const rule = TABLE[from][event];
      return rule ? [{ from, event, ...rule }] : [];
    }),
  );
}
