import { sql } from '@zhenggai/db';
import { daysUntil } from '@zhenggai/core';
import { nearestHolders, notify } from './notifications.ts';
import { rows, type Tx } from './tx.ts';

// 每周督办 of messages from the public: the daily scheduler calls this once per processed day.
// Every 7th day after the assignment (day 7, 14, 21 …) while unanswered, the assigned unit's
// clerks are reminded; the day after the due date they are told it is overdue. The dedupe keys
// make a second run for the same day add nothing.

interface Due {
  id: number;
  assignedUnitId: number;
  assignedOn: string;
  dueDate: string;
  body: string;
}

/** Writes the reminders due on `day` (YYYY-MM-DD); returns how many notifications were new. */
export async function publicMessageReminders(tx: Tx, day: string): Promise<number> {
  const open = await rows<Due>(
    tx,
    sql`SELECT id::int AS id, assigned_unit_id::int AS "assignedUnitId", assigned_on::text AS "assignedOn",
               due_date::text AS "dueDate", body
        FROM public_messages
        WHERE status = 'assigned' AND assigned_unit_id IS NOT NULL AND assigned_on < ${day}::date
        ORDER BY id`,
  );
  let created = 0;
  for (const m of open) {
    const since = -daysUntil(m.assignedOn, day);
    const overdue = daysUntil(m.dueDate, day) === -1;
    const weekly = since > 0 && since % 7 === 0;
    if (!weekly && !overdue) continue;
    const clerks = await nearestHolders(tx, m.assignedUnitId, 'clerk');
    const link = `/public-messages/${m.id}`;
    const summary = m.body.slice(0, 80);
    if (weekly) {
      const week = since / 7;
      created += await notify(tx, {
        userIds: clerks,
        kind: 'public_message',
        title: `群众反映已交办 ${week} 周尚未答复，请于 ${m.dueDate} 前答复`,
        body: summary,
        link,
        dedupeKey: `public:${m.id}:${m.assignedOn}:week:${week}`,
      });
    }
    if (overdue) {
      created += await notify(tx, {
        userIds: clerks,
        kind: 'public_message',
        title: `群众反映已超过办理时限（${m.dueDate}），请立即答复`,
        body: summary,
        link,
        dedupeKey: `public:${m.id}:${m.assignedOn}:overdue`,
      });
    }
  }
  return created;
}
