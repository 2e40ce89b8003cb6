import { sql, type Db } from '@zhenggai/db';
import {
  defaultDueDate,
  DomainError,
  forbidden,
  invalid,
  notFound,
  PUBLIC_MESSAGE_CATEGORY_LABELS,
  PUBLIC_MESSAGE_CHANNEL_LABELS,
  PUBLIC_MESSAGE_FROM,
  PUBLIC_MESSAGE_STATUS_LABELS,
  roleMay,
  type PublicMessageAction,
  type PublicMessageCategory,
  type PublicMessageChannel,
  type PublicMessageStatus,
  PUBLIC_LIMITS,
  PUBLIC_MESSAGE_CATEGORIES,
  PUBLIC_MESSAGE_CHANNELS,
} from '@zhenggai/core';
import type { PublicMessage, PublicMessageDetail } from '@zhenggai/core/contracts';
import type { Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { inspectionAccess, requireManageInspection } from './inspections.ts';
import { today } from './ledger-query.ts';
import { nearestHolders, notify } from './notifications.ts';
import { newTrackingCode, trackingCodeHash } from './public-portal.ts';
import { inTransaction, one, patternArray, rows, type Tx } from './tx.ts';
import { requireUnit } from './units.ts';

export type { PublicMessage, PublicMessageDetail };

// 群众反映 inside the office: the office of the receiving unit triages, links to ledger problems,
// assigns to a unit with a due date, rejects or closes; the assigned unit answers. Out of scope
// reads as 404 like everything else.

/** Unit paths of the grants that triage (receiving side) and that may answer (assigned side). */
function patterns(actor: Actor) {
  const triage = actor.grants.filter((g) => roleMay(g.role, 'triage_public')).map((g) => g.unitPath);
  const answer = actor.grants
    .filter((g) => roleMay(g.role, 'answer_notice') || roleMay(g.role, 'triage_public'))
    .map((g) => g.unitPath);
  return { triage, answer };
}

const covered = (paths: string[], path: string | null) => !!path && paths.some((p) => path.startsWith(p));
const like = (paths: string[]) => patternArray(paths.map((p) => `${p}%`));

interface MessageRow {
  id: number;
  status: PublicMessageStatus;
  channel: PublicMessageChannel;
  category: PublicMessageCategory;
  body: string;
  contact: string | null;
  inspectionId: number | null;
  inspectionName: string | null;
  ownerUnitId: number;
  ownerUnitName: string;
  ownerPath: string;
  assignedUnitId: number | null;
  assignedUnitName: string | null;
  assignedPath: string | null;
  assignedOn: string | null;
  dueDate: string | null;
  triageNote: string | null;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  createdAt: string;
}

const messageSelect = sql`
  SELECT m.id::int AS id, m.status, m.channel, m.category, m.body, m.contact,
         m.inspection_id::int AS "inspectionId", i.name AS "inspectionName",
         m.owner_unit_id::int AS "ownerUnitId", ou.name AS "ownerUnitName", ou.path AS "ownerPath",
         m.assigned_unit_id::int AS "assignedUnitId", au.name AS "assignedUnitName", au.path AS "assignedPath",
         m.assigned_on::text AS "assignedOn", m.due_date::text AS "dueDate", m.triage_note AS "triageNote",
         m.answer, ab.display_name AS "answeredBy", m.answered_at AS "answeredAt", m.closed_at AS "closedAt",
         m.created_at AS "createdAt"
  FROM public_messages m JOIN units ou ON ou.id = m.owner_unit_id LEFT JOIN units au ON au.id = m.assigned_unit_id
  LEFT JOIN inspections i ON i.id = m.inspection_id LEFT JOIN users ab ON ab.id = m.answered_by`;

export interface MessageAccess {
  row: MessageRow;
  /** Holds triage_public over the receiving unit. */
  canTriage: boolean;
  /** May answer: the assigned unit's clerk or leader, or the office itself. */
  canAnswer: boolean;
}

export async function messageAccess(tx: Tx, actor: Actor, id: number, lock = false): Promise<MessageAccess> {
  if (lock) await tx.execute(sql`SELECT id FROM public_messages WHERE id = ${id} FOR UPDATE`);
  const row = await one<MessageRow>(tx, sql`${messageSelect} WHERE m.id = ${id}`);
  if (!row) throw notFound('群众反映');
  const p = patterns(actor);
  const canTriage = covered(p.triage, row.ownerPath);
  const assignedSide = covered(p.answer, row.assignedPath);
  if (!canTriage && !assignedSide) throw notFound('群众反映');
  return { row, canTriage, canAnswer: canTriage || assignedSide };
}

const iso = (v: string | null) => (v ? new Date(v).toISOString() : null);

function view(row: MessageRow, canTriage: boolean, canAnswer: boolean, day: string): PublicMessage {
  const { ownerPath: _o, assignedPath: _a, ...rest } = row;
  return {
    ...rest,
    statusLabel: PUBLIC_MESSAGE_STATUS_LABELS[row.status],
    channelLabel: PUBLIC_MESSAGE_CHANNEL_LABELS[row.channel],
    categoryLabel: PUBLIC_MESSAGE_CATEGORY_LABELS[row.category],
    overdue: row.status === 'assigned' && !!row.dueDate && row.dueDate < day,
    answeredAt: iso(row.answeredAt),
    closedAt: iso(row.closedAt),
    createdAt: iso(row.createdAt)!,
    canTriage,
    canAnswer,
  };
}

export interface PublicMessageFilter {
  status?: PublicMessageStatus;
  q?: string;
  overdue?: boolean;
  limit?: number;
  offset?: number;
}

/** Messages the actor's office receives, plus those assigned to his unit subtree. */
export async function listPublicMessages(db: Db, actor: Actor, filter: PublicMessageFilter = {}) {
  const p = patterns(actor);
  if (p.answer.length === 0) return { items: [], total: 0 };
  const day = today();
  const where = sql`WHERE (${p.triage.length ? sql`ou.path LIKE ANY(${like(p.triage)})` : sql`false`}
                           OR au.path LIKE ANY(${like(p.answer)}))
    ${filter.status ? sql`AND m.status = ${filter.status}` : sql``}
    ${filter.overdue ? sql`AND m.status = 'assigned' AND m.due_date < ${day}::date` : sql``}
    ${filter.q ? sql`AND (m.body ILIKE ${'%' + filter.q.replace(/[\\%_]/g, '\\$&') + '%'} OR m.triage_note ILIKE ${'%' + filter.q.replace(/[\\%_]/g, '\\$&') + '%'})` : sql``}`;
  const found = await rows<MessageRow>(
    db,
    sql`${messageSelect} ${where}
        ORDER BY CASE m.status WHEN 'new' THEN 0 WHEN 'assigned' THEN 1 WHEN 'answered' THEN 2 ELSE 3 END, m.id DESC
        LIMIT ${Math.min(filter.limit ?? 100, 500)} OFFSET ${filter.offset ?? 0}`,
  );
  const total = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM public_messages m JOIN units ou ON ou.id = m.owner_unit_id
        LEFT JOIN units au ON au.id = m.assigned_unit_id ${where}`,
  );
  return {
    items: found.map((r) =>
      view(
        r,
        covered(p.triage, r.ownerPath),
        covered(p.triage, r.ownerPath) || covered(p.answer, r.assignedPath),
        day,
      ),
    ),
    total: total!.n,
  };
}

export async function getPublicMessage(db: Db, actor: Actor, id: number): Promise<PublicMessageDetail> {
  const access = await messageAccess(db, actor, id);
  const files = await rows<{ id: number; fileName: string; mime: string; size: number }>(
    db,
    sql`SELECT f.id::int AS id, f.file_name AS "fileName", e.mime, e.size::int AS size
        FROM public_message_files f JOIN evidence_files e ON e.sha256 = f.sha256
        WHERE f.message_id = ${id} ORDER BY f.id`,
  );
  const problems = await rows<{
    problemId: number;
    number: string;
    title: string;
    inspectionId: number;
    inspectionName: string;
  }>(
    db,
    sql`SELECT p.id::int AS "problemId", p.number, p.title, i.id::int AS "inspectionId", i.name AS "inspectionName"
        FROM public_message_problems l JOIN problems p ON p.id = l.problem_id JOIN inspections i ON i.id = p.inspection_id
        WHERE l.message_id = ${id} ORDER BY l.id`,
  );
  const message = view(access.row, access.canTriage, access.canAnswer, today());
  // The unit sees what it must answer; the office's own note and the sender's contact stay with the office.
  return {
    ...message,
    contact: access.canTriage ? message.contact : null,
    triageNote: access.canTriage ? message.triageNote : null,
    files,
    problems,
  };
}

function assertFrom(status: PublicMessageStatus, action: PublicMessageAction) {
  if (!PUBLIC_MESSAGE_FROM[action].includes(status))
    throw new DomainError(
      'INVALID_TRANSITION',
      `该反映当前为“${PUBLIC_MESSAGE_STATUS_LABELS[status]}”，不能执行此操作`,
    );
}

async function office(tx: Tx, actor: Actor, id: number, action: PublicMessageAction) {
  const access = await messageAccess(tx, actor, id, true);
  if (!access.canTriage) throw forbidden('只有受理单位的巡察办可以办理此操作');
  assertFrom(access.row.status, action);
  return access.row;
}

const snapshot = (r: MessageRow) => ({
  status: r.status,
  assignedUnitId: r.assignedUnitId,
  dueDate: r.dueDate,
});

async function audit(
  tx: Tx,
  actor: Actor,
  action: string,
  before: MessageRow,
  after: Record<string, unknown>,
) {
  await appendAudit(tx, actor, {
    action: `public_message.${action}`,
    entity: 'public_message',
    entityId: before.id,
    unitId: before.ownerUnitId,
    before: snapshot(before),
    after,
  });
}

const reload = (tx: Tx, actor: Actor, id: number) => getPublicMessage(tx, actor, id);

/** The office's internal note (never shown to the sender). */
export function triagePublicMessage(db: Db, actor: Actor, id: number, note: string) {
  return inTransaction(db, async (tx) => {
    const row = await office(tx, actor, id, 'triage');
    const text = note.trim();
    if (text.length > 2000) throw invalid('备注不超过 2000 字');
    await tx.execute(
      sql`UPDATE public_messages SET triage_note = ${text || null}, updated_at = now() WHERE id = ${id}`,
    );
    await audit(tx, actor, 'triage', row, { triageNote: text || null });
    return reload(tx, actor, id);
  });
}

/** Links (or, with `remove`, unlinks) ledger problems of inspections the actor sees. */
export function linkPublicMessage(db: Db, actor: Actor, id: number, problemIds: number[], remove = false) {
  return inTransaction(db, async (tx) => {
    const row = await office(tx, actor, id, 'link');
    for (const problemId of [...new Set(problemIds)]) {
      const problem = await one<{ inspectionId: number }>(
        tx,
        sql`SELECT inspection_id::int AS "inspectionId" FROM problems WHERE id = ${problemId}`,
      );
      if (!problem) throw notFound('问题');
      await inspectionAccess(tx, actor, problem.inspectionId).catch(() => {
        throw notFound('问题');
      });
      if (remove) {
        await tx.execute(
          sql`DELETE FROM public_message_problems WHERE message_id = ${id} AND problem_id = ${problemId}`,
        );
      } else {
        await tx.execute(
          sql`INSERT INTO public_message_problems (message_id, problem_id, linked_by)
              VALUES (${id}, ${problemId}, ${actor.userId || null}) ON CONFLICT (message_id, problem_id) DO NOTHING`,
        );
      }
    }
    await audit(tx, actor, remove ? 'unlink' : 'link', row, { problemIds });
    return reload(tx, actor, id);
  });
}

export interface AssignInput {
  unitId: number;
  /** Default: one month after the assignment date. */
  dueDate?: string | null;
  /** Default: today. */
  assignedOn?: string | null;
}

/** Hands the message to a unit of the office's subtree; its clerks are told at once. */
export function assignPublicMessage(db: Db, actor: Actor, id: number, input: AssignInput) {
  return inTransaction(db, async (tx) => {
    const row = await office(tx, actor, id, 'assign');
    const unit = await requireUnit(tx, input.unitId);
    // Only to units inside the receiving office's subtree and the actor's own triage scope.
    if (!unit.path.startsWith(row.ownerPath) || !covered(patterns(actor).triage, unit.path))
      throw invalid('只能交办给本单位及下级单位');
    const assignedOn = input.assignedOn ?? today();
    const dueDate = input.dueDate ?? defaultDueDate(assignedOn);
    if (dueDate < assignedOn) throw invalid('办理时限不能早于交办日期');
    await tx.execute(
      sql`UPDATE public_messages SET status = 'assigned', assigned_unit_id = ${unit.id}, assigned_on = ${assignedOn},
              due_date = ${dueDate}, updated_at = now() WHERE id = ${id}`,
    );
    await audit(tx, actor, 'assign', row, {
      status: 'assigned',
      assignedUnitId: unit.id,
      assignedOn,
      dueDate,
    });
    await notify(tx, {
      userIds: await nearestHolders(tx, unit.id, 'clerk'),
      kind: 'public_message',
      title: `群众反映交办：请于 ${dueDate} 前答复`,
      body: row.body.slice(0, 80),
      link: `/public-messages/${id}`,
      dedupeKey: `public:${id}:assigned:${unit.id}:${assignedOn}`,
    });
    return reload(tx, actor, id);
  });
}

/** The assigned unit (or the office) writes the answer the sender reads with his code. */
export function answerPublicMessage(db: Db, actor: Actor, id: number, answer: string) {
  return inTransaction(db, async (tx) => {
    const access = await messageAccess(tx, actor, id, true);
    if (!access.canAnswer) throw forbidden('只有承办单位可以答复');
    // A unit that is no longer assigned must not answer; roles that only read never answer.
    const answeringUnit = actor.grants.some(
      (g) => roleMay(g.role, 'answer_notice') && !!access.row.assignedPath?.startsWith(g.unitPath),
    );
    if (!access.canTriage && !answeringUnit) throw forbidden('只有承办单位可以答复');
    assertFrom(access.row.status, 'answer');
    const text = answer.trim();
    if (text.length < 2 || text.length > 5000) throw invalid('答复内容需 2–5000 字');
    await tx.execute(
      sql`UPDATE public_messages SET status = 'answered', answer = ${text}, answered_by = ${actor.userId || null},
              answered_at = now(), updated_at = now() WHERE id = ${id}`,
    );
    await audit(tx, actor, 'answer', access.row, { status: 'answered', answerLength: text.length });
    await notify(tx, {
      userIds: await nearestHolders(tx, access.row.ownerUnitId, 'office'),
      kind: 'public_message',
      title: `群众反映已答复，请审核办结${access.row.assignedUnitName ? `（${access.row.assignedUnitName}）` : ''}`,
      body: text.slice(0, 80),
      link: `/public-messages/${id}`,
    });
    return reload(tx, actor, id);
  });
}

/** The office accepts the answer: the matter is finished. */
export function closePublicMessage(db: Db, actor: Actor, id: number, note?: string | null) {
  return inTransaction(db, async (tx) => {
    const row = await office(tx, actor, id, 'close');
    await tx.execute(
      sql`UPDATE public_messages SET status = 'closed', closed_by = ${actor.userId || null}, closed_at = now(),
              triage_note = COALESCE(${note?.trim() || null}, triage_note), updated_at = now() WHERE id = ${id}`,
    );
    await audit(tx, actor, 'close', row, { status: 'closed' });
    return reload(tx, actor, id);
  });
}

/** Not accepted (不予受理); the reason is what the sender reads. */
export function rejectPublicMessage(db: Db, actor: Actor, id: number, reason: string) {
  return inTransaction(db, async (tx) => {
    const row = await office(tx, actor, id, 'reject');
    const text = reason.trim();
    if (text.length < 2 || text.length > 5000) throw invalid('请写明不予受理的理由（2–5000 字）');
    await tx.execute(
      sql`UPDATE public_messages SET status = 'rejected', answer = ${text}, answered_by = ${actor.userId || null},
              answered_at = now(), closed_by = ${actor.userId || null}, closed_at = now(), updated_at = now()
          WHERE id = ${id}`,
    );
    await audit(tx, actor, 'reject', row, { status: 'rejected', reasonLength: text.length });
    return reload(tx, actor, id);
  });
}

/** An attachment of a message the actor may see. */
export async function publicMessageFileForDownload(db: Db, actor: Actor, fileId: number) {
  const found = await one<{
    messageId: number;
    sha256: string;
    fileName: string;
    mime: string;
    size: number;
  }>(
    db,
    sql`SELECT f.message_id::int AS "messageId", f.sha256, f.file_name AS "fileName", e.mime, e.size::int AS size
        FROM public_message_files f JOIN evidence_files e ON e.sha256 = f.sha256 WHERE f.id = ${fileId}`,
  );
  if (!found) throw notFound('附件');
  await messageAccess(db, actor, found.messageId).catch(() => {
    throw notFound('附件');
  });
  return found;
}

export interface RegisterInput {
  channel: Exclude<PublicMessageChannel, 'web'>;
  category: PublicMessageCategory;
  body: string;
  contact?: string | null;
  /** The inspection it concerns; its owner unit receives it. */
  inspectionId?: number | null;
  /** Without an inspection: the receiving unit (the office's own unit by default). */
  ownerUnitId?: number | null;
}

/**
 * The office records a message that came by phone, letter, visit or e-mail; the tracking code is
 * given to the sender (by phone or on paper) so he can read the answer on the portal like anyone.
 */
export function registerPublicMessage(db: Db, actor: Actor, input: RegisterInput) {
  if (!PUBLIC_MESSAGE_CHANNELS.includes(input.channel) || input.channel === ('web' as string))
    throw invalid('请选择来源：电话、来信、来访或电子邮件');
  if (!PUBLIC_MESSAGE_CATEGORIES.includes(input.category)) throw invalid('请选择反映类别');
  const body = input.body.trim();
  if (body.length < PUBLIC_LIMITS.bodyMin || body.length > PUBLIC_LIMITS.bodyMax)
    throw invalid(`反映内容需 ${PUBLIC_LIMITS.bodyMin}–${PUBLIC_LIMITS.bodyMax} 个字`);
  const contact = input.contact?.trim() || null;
  if (contact && contact.length > PUBLIC_LIMITS.contactMax) throw invalid('联系方式不超过 200 个字');
  return inTransaction(db, async (tx) => {
    let ownerUnitId: number;
    if (input.inspectionId) {
      ownerUnitId = (await requireManageInspection(tx, actor, input.inspectionId)).ownerUnitId;
    } else {
      const grant = actor.grants.find((g) => roleMay(g.role, 'triage_public'));
      if (!grant) throw forbidden('只有巡察办可以登记群众反映');
      ownerUnitId = input.ownerUnitId ?? grant.unitId;
    }
    const owner = await requireUnit(tx, ownerUnitId);
    if (!covered(patterns(actor).triage, owner.path)) throw forbidden('只能登记到本单位及下级单位');
    const trackingCode = newTrackingCode();
    const created = await one<{ id: number }>(
      tx,
      sql`INSERT INTO public_messages (code_hash, inspection_id, channel, category, body, contact, owner_unit_id)
          VALUES (${trackingCodeHash(trackingCode)}, ${input.inspectionId ?? null}, ${input.channel}, ${input.category},
                  ${body}, ${contact}, ${ownerUnitId})
          RETURNING id::int AS id`,
    );
    await appendAudit(tx, actor, {
      action: 'public_message.register',
      entity: 'public_message',
      entityId: created!.id,
      unitId: ownerUnitId,
      after: { channel: input.channel, category: input.category, inspectionId: input.inspectionId ?? null },
    });
    return { id: created!.id, trackingCode };
  });
}
