import { sql, type Db, type SQL } from '@zhenggai/db';
import {
  addDays,
  forbidden,
  invalid,
  notFound,
  NOTICE_CHANNELS,
  NOTICE_LEVEL_LABELS,
  roleMay,
  type NoticeChannel,
  type NoticeLevel,
  type NoticeStatus,
} from '@zhenggai/core';
import type { Notice, NoticeDetail } from '@zhenggai/core/contracts';
import { may, rolesOn, scopePatterns, type Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { today } from './ledger-query.ts';
import { measureAccess } from './measures.ts';
import { holdersCovering, notify } from './notifications.ts';
import { levelRecipients } from './supervision-job.ts';
import { inTransaction, one, patternArray, rows, type Tx } from './tx.ts';

// 督办单: reading, issuing by hand, answering and closing supervision notices. Automatic ones
// come from the scheduler (supervision-job.ts); both kinds are handled the same way from here on.

export type { Notice, NoticeDetail };

interface NoticeRow extends Notice {
  unitPath: string;
  ownerPath: string;
  inspectedPath: string;
  ownerUnitId: number;
  issuedBy: number | null;
}

const noticeSelect = (day: string) => sql`
  SELECT n.id::int AS id, n.inspection_id::int AS "inspectionId", i.name AS "inspectionName",
         n.measure_id::int AS "measureId", m.text AS "measureText", p.id::int AS "problemId", p.title AS "problemTitle",
         n.unit_id::int AS "unitId", u.name AS "unitName", n.level, n.channel, n.origin, n.reason,
         n.due_date::text AS "dueDate", n.issued_on::text AS "issuedOn", n.response_due::text AS "responseDue",
         COALESCE((SELECT json_agg(json_build_object('id', r.id::int, 'displayName', r.display_name) ORDER BY r.id)
                   FROM users r WHERE r.id = ANY(n.recipient_ids)), '[]') AS recipients,
         n.status, n.response, rb.display_name AS "respondedByName", n.responded_at AS "respondedAt",
         n.close_note AS "closeNote", cb.display_name AS "closedByName", n.closed_at AS "closedAt",
         ib.display_name AS "issuedByName", n.issued_by::int AS "issuedBy",
         (n.status = 'open' AND n.response_due < ${day}::date) AS late,
         u.path AS "unitPath", ou.path AS "ownerPath", iu.path AS "inspectedPath", i.owner_unit_id::int AS "ownerUnitId"
  FROM supervision_notices n
  JOIN inspections i ON i.id = n.inspection_id
  JOIN units u ON u.id = n.unit_id JOIN units ou ON ou.id = i.owner_unit_id JOIN units iu ON iu.id = i.inspected_unit_id
  LEFT JOIN measures m ON m.id = n.measure_id LEFT JOIN problems p ON p.id = m.problem_id
  LEFT JOIN users rb ON rb.id = n.responded_by LEFT JOIN users cb ON cb.id = n.closed_by
  LEFT JOIN users ib ON ib.id = n.issued_by`;

const iso = (t: string | null) => (t ? new Date(t).toISOString() : null);

function publicView(row: NoticeRow): Notice {
  const { unitPath: _u, ownerPath: _o, inspectedPath: _i, ownerUnitId: _w, issuedBy: _b, ...notice } = row;
  return { ...notice, respondedAt: iso(row.respondedAt), closedAt: iso(row.closedAt) };
}

/** One notice by id, unchecked: callers decide who may see it. */
const noticeRow = (tx: Tx, id: number, day = today()) =>
  one<NoticeRow>(tx, sql`${noticeSelect(day)} WHERE n.id = ${id}`);

const scopeOf = (row: NoticeRow) => ({
  ownUnitPath: row.unitPath,
  contextPaths: [row.ownerPath, row.inspectedPath],
});

/** The notice and the actor's roles over it; out of scope reads as not found. */
async function noticeAccess(tx: Tx, actor: Actor, id: number, day = today()) {
  const row = await noticeRow(tx, id, day);
  if (!row) throw notFound('督办单');
  const roles = rolesOn(actor, scopeOf(row));
  if (roles.length === 0 && !row.recipients.some((r) => r.id === actor.userId)) throw notFound('督办单');
  return row;
}

const supervises = (actor: Actor, row: NoticeRow) =>
  may(actor, 'supervise', { ownUnitPath: null, contextPaths: [row.ownerPath, row.inspectedPath] });

/**
 * The supervised unit answers its notices. The office may also record the answer of a notice it
 * issued by hand — a phone call or an on-site visit is answered on the spot, not in Zhenggai.
 */
function mayAnswer(actor: Actor, row: NoticeRow): boolean {
  const unitRoles = rolesOn(actor, { ownUnitPath: row.unitPath, contextPaths: [] });
  return (
    unitRoles.some((r) => roleMay(r, 'answer_notice')) || (row.origin === 'manual' && supervises(actor, row))
  );
}

export async function getNotice(db: Db, actor: Actor, id: number): Promise<NoticeDetail> {
  const row = await noticeAccess(db, actor, id);
  const open = row.status !== 'closed';
  return {
    ...publicView(row),
    canAnswer: open && mayAnswer(actor, row),
    canClose: open && supervises(actor, row),
  };
}

/**
 * Notices the actor may see, over `n` (notice), `u` (its unit), `ou`/`iu` (the inspection's owner
 * and inspected units): his units' notices, those of inspections he sees whole, and any sent to him.
 */
export function noticeScope(actor: Actor): SQL {
  const { own, context } = scopePatterns(actor);
  return sql`(u.path LIKE ANY(${patternArray(own)}) OR ou.path LIKE ANY(${patternArray(context)})
    OR iu.path LIKE ANY(${patternArray(context)}) OR ${actor.userId} = ANY(n.recipient_ids))`;
}

export interface NoticeFilter {
  inspectionId?: number;
  measureId?: number;
  status?: NoticeStatus;
  level?: NoticeLevel;
  /** Only notices addressed to the actor. */
  mine?: boolean;
  limit?: number;
  offset?: number;
}

export async function listNotices(db: Db, actor: Actor, filter: NoticeFilter = {}) {
  const where: SQL[] = [noticeScope(actor)];
  if (filter.inspectionId) where.push(sql`n.inspection_id = ${filter.inspectionId}`);
  if (filter.measureId) where.push(sql`n.measure_id = ${filter.measureId}`);
  if (filter.status) where.push(sql`n.status = ${filter.status}`);
  if (filter.level) where.push(sql`n.level = ${filter.level}`);
  if (filter.mine) where.push(sql`${actor.userId} = ANY(n.recipient_ids)`);
  const limit = Math.min(filter.limit ?? 100, 500);
  const found = await rows<NoticeRow>(
    db,
    sql`${noticeSelect(today())} WHERE ${sql.join(where, sql` AND `)}
        ORDER BY (n.status = 'closed'), n.issued_on DESC, n.level DESC, n.id DESC
        LIMIT ${limit} OFFSET ${filter.offset ?? 0}`,
  );
  return found.map(publicView);
}

export interface ManualNoticeInput {
  measureId: number;
  level: NoticeLevel;
  channel: NoticeChannel;
  reason: string;
  /** Defaults to today + the inspection's response days. */
  responseDue?: string | null;
}

/** The office issues a notice by hand, recording how it went out (电话/网络/书面/现场). */
export function issueNotice(db: Db, actor: Actor, input: ManualNoticeInput, day = today()): Promise<Notice> {
  return inTransaction(db, async (tx) => {
    const access = await measureAccess(tx, actor, input.measureId);
    const paths = await one<{ ownerPath: string; inspectedPath: string; responseDays: number }>(
      tx,
      sql`SELECT ou.path AS "ownerPath", iu.path AS "inspectedPath", i.response_days AS "responseDays"
          FROM inspections i JOIN units ou ON ou.id = i.owner_unit_id JOIN units iu ON iu.id = i.inspected_unit_id
          WHERE i.id = ${access.measure.inspectionId}`,
    );
    if (
      !may(actor, 'supervise', { ownUnitPath: null, contextPaths: [paths!.ownerPath, paths!.inspectedPath] })
    ) {
      throw forbidden('只有巡察办（整改办）可以发出督办单');
    }
    if (![1, 2, 3].includes(input.level)) throw invalid('督办级别须为 1、2 或 3');
    if (!NOTICE_CHANNELS.includes(input.channel)) throw invalid(`未知的督办方式：${input.channel}`);
    const reason = input.reason.trim();
    if (!reason || reason.length > 2000) throw invalid('请填写督办事由（不超过 2000 字）');
    const responseDue = input.responseDue ?? addDays(day, paths!.responseDays);
    if (responseDue < day) throw invalid('答复期限不能早于今天');
    const recipients = await levelRecipients(tx, access.measure.unitId, input.level);
    const created = await one<{ id: number }>(
      tx,
      sql`INSERT INTO supervision_notices (inspection_id, measure_id, unit_id, level, channel, origin, reason, due_date,
            issued_on, response_due, recipient_ids, issued_by)
          VALUES (${access.measure.inspectionId}, ${access.measure.id}, ${access.measure.unitId}, ${input.level},
            ${input.channel}, 'manual', ${reason}, ${access.measure.deadline}, ${day}, ${responseDue},
            string_to_array(${recipients.join(',')}, ',')::bigint[], ${actor.userId})
          RETURNING id::int AS id`,
    );
    await appendAudit(tx, actor, {
      action: 'notice.issue',
      entity: 'supervision_notice',
      entityId: created!.id,
      unitId: access.measure.unitId,
      after: { ...input, reason, responseDue, recipients, origin: 'manual' },
    });
    await notify(tx, {
      userIds: recipients,
      kind: 'notice',
      title: `${NOTICE_LEVEL_LABELS[input.level]}：${access.measure.text.slice(0, 40)}`,
      body: `${reason}。请于 ${responseDue} 前答复。`,
      link: `/notices/${created!.id}`,
      measureId: access.measure.id,
      noticeId: created!.id,
    });
    return publicView((await noticeRow(tx, created!.id, day))!);
  });
}

/** The supervised unit answers (and may correct its answer until the office closes the notice). */
export function answerNotice(db: Db, actor: Actor, id: number, response: string): Promise<Notice> {
  return inTransaction(db, async (tx) => {
    const row = await noticeAccess(tx, actor, id);
    if (!mayAnswer(actor, row))
      throw forbidden('只有被督办单位可以答复督办单（巡察办可代记手工督办单的答复）');
    if (row.status === 'closed') throw invalid('督办单已办结，不能再答复');
    const text = response.trim();
    if (!text || text.length > 4000) throw invalid('请填写答复内容（不超过 4000 字）');
    await tx.execute(
      sql`UPDATE supervision_notices SET status = 'answered', response = ${text}, responded_by = ${actor.userId},
            responded_at = now() WHERE id = ${id}`,
    );
    await appendAudit(tx, actor, {
      action: 'notice.answer',
      entity: 'supervision_notice',
      entityId: id,
      unitId: row.unitId,
      before: { status: row.status, response: row.response },
      after: { status: 'answered', response: text },
    });
    // Whoever issued it hears back; for automatic notices that is the inspection office.
    const issuer = (
      row.issuedBy ? [row.issuedBy] : await holdersCovering(tx, row.ownerUnitId, ['office'])
    ).filter((userId) => userId !== actor.userId);
    await notify(tx, {
      userIds: issuer,
      kind: 'notice_answered',
      title: `督办单已答复：${row.unitName}`,
      body: text.slice(0, 200),
      link: `/notices/${id}`,
      measureId: row.measureId,
      noticeId: id,
    });
    return publicView((await noticeRow(tx, id))!);
  });
}

/** The office closes a notice (办结), answered or not, with a note. */
export function closeNotice(db: Db, actor: Actor, id: number, note: string | null): Promise<Notice> {
  return inTransaction(db, async (tx) => {
    const row = await noticeAccess(tx, actor, id);
    if (!supervises(actor, row)) throw forbidden('只有巡察办（整改办）可以办结督办单');
    if (row.status === 'closed') throw invalid('督办单已办结');
    const closeNote = note?.trim() || null;
    if (closeNote && closeNote.length > 2000) throw invalid('办结意见不超过 2000 字');
    await tx.execute(
      sql`UPDATE supervision_notices SET status = 'closed', close_note = ${closeNote}, closed_by = ${actor.userId},
            closed_at = now() WHERE id = ${id}`,
    );
    await appendAudit(tx, actor, {
      action: 'notice.close',
      entity: 'supervision_notice',
      entityId: id,
      unitId: row.unitId,
      before: { status: row.status },
      after: { status: 'closed', note: closeNote },
    });
    return publicView((await noticeRow(tx, id))!);
  });
}

/**
 * When the reason for automatic notices is gone — a deadline measure is closed or its deadline
 * extended, a 长期坚持 measure receives fresh evidence — they are closed with a note saying why,
 * each audited. Notices issued by hand stay with the office that issued them: it decides when a
 * phone call or a visit is settled.
 */
export async function settleAutomaticNotices(tx: Tx, actor: Actor, measureId: number, note: string) {
  const settled = await rows<{ id: number; unitId: number; status: NoticeStatus }>(
    tx,
    sql`UPDATE supervision_notices n SET status = 'closed', close_note = ${note},
            closed_by = ${actor.userId || null}, closed_at = now()
        FROM supervision_notices old
        WHERE n.id = old.id AND n.measure_id = ${measureId} AND n.origin = 'auto' AND n.status <> 'closed'
        RETURNING n.id::int AS id, n.unit_id::int AS "unitId", old.status`,
  );
  for (const notice of settled)
    await appendAudit(tx, actor, {
      action: 'notice.close',
      entity: 'supervision_notice',
      entityId: notice.id,
      unitId: notice.unitId,
      before: { status: notice.status },
      after: { status: 'closed', note },
    });
  return settled.length;
}
