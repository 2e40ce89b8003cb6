import { sql } from '@zhenggai/db';
import {
  addDays,
  NOTICE_LEVEL_LABELS,
  supervisionActions,
  type MeasureKind,
  type MeasureStatus,
  type NoticeLevel,
  type SupervisionAction,
} from '@zhenggai/core';
import { SYSTEM_ACTOR } from './actor.ts';
import { appendAudit } from './audit.ts';
import { holdersCovering, nearestHolders, notify } from './notifications.ts';
import { one, rows, type Tx } from './tx.ts';

// The scheduler's daily pass over the ledger: reminders before deadlines and automatic 督办单
// for late work (core supervisionActions decides; this writes). Every write carries a key, so a
// day processed twice, or a crash and restart mid-way, never issues anything twice.

interface Candidate {
  id: number;
  kind: MeasureKind;
  status: MeasureStatus;
  deadline: string | null;
  lastProgressAt: string | null;
  createdAt: string;
  evidenceCadenceDays: number | null;
  text: string;
  unitId: number;
  inspectionId: number;
  ownerUnitId: number;
  reminderDays: number[];
  escalationDays: number;
  responseDays: number;
  lastLevel: number | null;
  lastIssuedOn: string | null;
  lastDueDate: string | null;
}

const iso = (t: string | Date | null) => (t === null ? null : new Date(t).toISOString());
const short = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Measures that could owe something today: 长期坚持 ones, late ones, and those at a reminder day. */
function candidates(tx: Tx, day: string) {
  return rows<Candidate>(
    tx,
    sql`SELECT m.id::int AS id, m.kind, m.status, m.deadline::text AS deadline, m.last_progress_at AS "lastProgressAt",
               m.created_at AS "createdAt", m.evidence_cadence_days AS "evidenceCadenceDays", m.text,
               m.unit_id::int AS "unitId", m.inspection_id::int AS "inspectionId", i.owner_unit_id::int AS "ownerUnitId",
               i.reminder_days AS "reminderDays", i.escalation_days AS "escalationDays", i.response_days AS "responseDays",
               n.level AS "lastLevel", n.issued_on::text AS "lastIssuedOn", n.due_date::text AS "lastDueDate"
        FROM measures m JOIN inspections i ON i.id = m.inspection_id
        LEFT JOIN LATERAL (
          SELECT s.level, s.issued_on, s.due_date FROM supervision_notices s
          WHERE s.measure_id = m.id AND s.origin = 'auto' ORDER BY s.id DESC LIMIT 1) n ON true
        WHERE m.status <> 'pending_review'
          AND (m.kind = 'ongoing'
            OR (m.status <> 'closed' AND m.deadline IS NOT NULL
                AND (m.deadline < ${day}::date OR (m.deadline - ${day}::date) = ANY(i.reminder_days))))
        ORDER BY m.id`,
  );
}

/** Who hears about a level: 1 the unit's clerks, 2 its 分管领导, 3 its 主要领导 (any leader if none is marked). */
export async function levelRecipients(tx: Tx, unitId: number, level: NoticeLevel): Promise<number[]> {
  if (level === 1) return nearestHolders(tx, unitId, 'clerk');
  const marked = await nearestHolders(tx, unitId, 'leader', level === 3);
  return marked.length > 0 ? marked : nearestHolders(tx, unitId, 'leader');
}

function reason(action: SupervisionAction & { type: 'notice' }): string {
  return action.cause === 'overdue'
    ? `逾期未完成：整改时限 ${action.dueDate}，已逾期 ${action.daysLate} 天`
    : `长期坚持措施未按期报送佐证：应于 ${action.dueDate} 前报送，已逾期 ${action.daysLate} 天`;
}

async function sendReminder(tx: Tx, m: Candidate, action: SupervisionAction & { type: 'reminder' }) {
  const what = action.cause === 'overdue' ? '整改时限' : '佐证报送';
  return notify(tx, {
    userIds: await levelRecipients(tx, m.unitId, 1),
    kind: 'reminder',
    title:
      action.daysLeft === 0
        ? `今日${what}到期：${short(m.text)}`
        : `${what}还有 ${action.daysLeft} 天：${short(m.text)}`,
    body: `${what} ${action.dueDate}。${m.text}`,
    link: `/measures/${m.id}`,
    measureId: m.id,
    dedupeKey: `reminder:m${m.id}:${action.dueDate}:${action.daysLeft}`,
  });
}

async function issueAutoNotice(
  tx: Tx,
  m: Candidate,
  action: SupervisionAction & { type: 'notice' },
  day: string,
) {
  const recipients = await levelRecipients(tx, m.unitId, action.level);
  const notice = await one<{ id: number }>(
    tx,
    sql`INSERT INTO supervision_notices (inspection_id, measure_id, unit_id, level, channel, origin, reason, due_date,
          issued_on, response_due, recipient_ids, dedupe_key)
        VALUES (${m.inspectionId}, ${m.id}, ${m.unitId}, ${action.level}, 'network', 'auto', ${reason(action)},
          ${action.dueDate}, ${day}, ${addDays(day, m.responseDays)},
          string_to_array(${recipients.join(',')}, ',')::bigint[], ${`notice:m${m.id}:${action.dueDate}:L${action.level}`})
        ON CONFLICT (dedupe_key) DO NOTHING
        RETURNING id::int AS id`,
  );
  if (!notice) return 0;
  await appendAudit(tx, SYSTEM_ACTOR, {
    action: 'notice.issue',
    entity: 'supervision_notice',
    entityId: notice.id,
    unitId: m.unitId,
    after: { measureId: m.id, level: action.level, origin: 'auto', issuedOn: day, recipients },
  });
  const title = `${NOTICE_LEVEL_LABELS[action.level]}：${short(m.text)}`;
  await notify(tx, {
    userIds: recipients,
    kind: 'notice',
    title,
    body: `${reason(action)}。请于 ${addDays(day, m.responseDays)} 前答复。`,
    link: `/notices/${notice.id}`,
    measureId: m.id,
    noticeId: notice.id,
    dedupeKey: `notice:${notice.id}`,
  });
  // From level 2 on the office follows up in person; it hears of each escalation.
  if (action.level >= 2) {
    await notify(tx, {
      userIds: await holdersCovering(tx, m.ownerUnitId, ['office']),
      kind: 'notice_escalated',
      title,
      body: reason(action),
      link: `/notices/${notice.id}`,
      measureId: m.id,
      noticeId: notice.id,
      dedupeKey: `notice-office:${notice.id}`,
    });
  }
  return 1;
}

// A type, not an interface, so it fits the scheduler's Record<string, number> summaries.
export type SupervisionDayCounts = { reminders: number; notices: number };

export async function superviseMeasures(tx: Tx, day: string): Promise<SupervisionDayCounts> {
  const counts = { reminders: 0, notices: 0 };
  for (const m of await candidates(tx, day)) {
    const measure = { ...m, createdAt: iso(m.createdAt)!, lastProgressAt: iso(m.lastProgressAt) };
    const last =
      m.lastLevel === null ? null : { level: m.lastLevel, issuedOn: m.lastIssuedOn!, dueDate: m.lastDueDate };
    for (const action of supervisionActions(measure, m, last, day)) {
      if (action.type === 'reminder') counts.reminders += (await sendReminder(tx, m, action)) > 0 ? 1 : 0;
      else counts.notices += await issueAutoNotice(tx, m, action, day);
    }
  }
  return counts;
}
