import { type Db, eq, schema, sql } from '@zhenggai/db';
import {
  DomainError,
  EXTENSION_STATUS_LABELS,
  forbidden,
  invalid,
  notFound,
  roleMay,
  type ExtensionStatus,
} from '@zhenggai/core';
import type { ExtensionRequest, QueuedExtension } from '@zhenggai/core/contracts';
import { hasRoleAnywhere, may, type Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { isIsoDate } from './dispatch.ts';
import { scopeCondition } from './ledger-query.ts';
import { measureAccess, type MeasureAccess } from './measures.ts';
import { holdersCovering, notify } from './notifications.ts';
import { settleAutomaticNotices } from './notices.ts';
import { inTransaction, one, patternArray, rows, type Tx } from './tx.ts';

export type { ExtensionRequest, QueuedExtension };

// 延期申请: the responsible unit asks for a later deadline; the office approves (the measure's
// deadline moves in the same transaction) or refuses; the requester may withdraw while pending.

export interface ExtensionInput {
  requestedDeadline: string;
  reason: string;
}

const MAX_TEXT = 2000;
const PENDING_INDEX = 'extension_requests_one_pending_idx';
const pendingConflict = () =>
  new DomainError('CONFLICT', '该措施已有待审批的延期申请，请等待巡察办审批或先撤回');

const requestSelect = sql`
  SELECT r.id::int AS id, r.measure_id::int AS "measureId", r.current_deadline::text AS "currentDeadline",
         r.requested_deadline::text AS "requestedDeadline", r.reason, r.status,
         r.requested_by::int AS "requestedBy", ru.display_name AS "requestedByName", r.requested_at AS "requestedAt",
         r.decided_by::int AS "decidedBy", du.display_name AS "decidedByName", r.decided_at AS "decidedAt",
         r.decision_note AS "decisionNote"
  FROM extension_requests r LEFT JOIN users ru ON ru.id = r.requested_by LEFT JOIN users du ON du.id = r.decided_by`;

function shape<T extends Omit<ExtensionRequest, 'statusLabel'>>(r: T): T & { statusLabel: string } {
  return {
    ...r,
    statusLabel: EXTENSION_STATUS_LABELS[r.status],
    requestedAt: new Date(r.requestedAt).toISOString(),
    decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
  };
}

async function readRequest(tx: Tx, id: number): Promise<ExtensionRequest> {
  return shape(
    (await one<Omit<ExtensionRequest, 'statusLabel'>>(tx, sql`${requestSelect} WHERE r.id = ${id}`))!,
  );
}

/** Whether a database error is the one-pending-request-per-measure unique index (PGlite and pg alike). */
export function isPendingViolation(error: unknown): boolean {
  for (
    let e = error as { code?: string; constraint?: string; message?: string; cause?: unknown } | undefined;
    e;
  ) {
    if (e.code === '23505' && (e.constraint === PENDING_INDEX || e.message?.includes(PENDING_INDEX)))
      return true;
    e = e.cause as typeof e;
  }
  return false;
}

async function measureNames(tx: Tx, measureId: number) {
  return (await one<{ problemNumber: string; text: string; unitName: string }>(
    tx,
    sql`SELECT p.number AS "problemNumber", m.text, u.name AS "unitName"
        FROM measures m JOIN problems p ON p.id = m.problem_id JOIN units u ON u.id = m.unit_id WHERE m.id = ${measureId}`,
  ))!;
}

const short = (s: string) => (s.length > 30 ? `${s.slice(0, 30)}…` : s);

/**
 * Extensions are decided by the office that runs the inspection (a supervise grant over its owner
 * unit), not by the office of the unit being inspected, which would be extending its own deadlines.
 */
async function decidesFor(tx: Tx, actor: Actor, ownerUnitId: number): Promise<boolean> {
  const owner = await one<{ path: string }>(tx, sql`SELECT path FROM units WHERE id = ${ownerUnitId}`);
  return !!owner && may(actor, 'supervise', { ownUnitPath: owner.path, contextPaths: [] });
}

/** LIKE patterns of the units where the actor holds a supervise grant. */
const supervisePatterns = (actor: Actor) =>
  actor.grants.filter((g) => roleMay(g.role, 'supervise')).map((g) => `${g.unitPath}%`);

export async function requestExtension(db: Db, actor: Actor, measureId: number, input: ExtensionInput) {
  try {
    return await inTransaction(db, async (tx) => {
      const access = await measureAccess(tx, actor, measureId, true);
      if (!access.roles.some((r) => roleMay(r, 'request_extension')))
        throw forbidden('只有责任单位（单位联络员、责任领导）可以申请延期');
      const { measure } = access;
      const reason = input.reason.trim();
      if (!reason) throw invalid('请填写延期理由');
      if (reason.length > MAX_TEXT) throw invalid(`延期理由不能超过${MAX_TEXT}字`);
      if (!isIsoDate(input.requestedDeadline)) throw invalid('新的整改时限格式应为 YYYY-MM-DD');
      if (measure.status === 'closed')
        throw new DomainError('INVALID_TRANSITION', '措施已销号，不能申请延期');
      if (!measure.deadline) throw invalid('该措施没有整改时限，无需申请延期');
      if (input.requestedDeadline <= measure.deadline)
        throw invalid(`新的整改时限必须晚于当前时限 ${measure.deadline}`);
      const pending = await one(
        tx,
        sql`SELECT 1 FROM extension_requests WHERE measure_id = ${measureId} AND status = 'pending'`,
      );
      if (pending) throw pendingConflict();
      const [row] = await tx
        .insert(schema.extensionRequests)
        .values({
          measureId,
          currentDeadline: measure.deadline,
          requestedDeadline: input.requestedDeadline,
          reason,
          requestedBy: actor.userId || null,
        })
        .returning();
      await appendAudit(tx, actor, {
        action: 'extension.request',
        entity: 'extension_request',
        entityId: row!.id,
        unitId: access.ownerUnitId,
        after: {
          measureId,
          currentDeadline: measure.deadline,
          requestedDeadline: input.requestedDeadline,
          reason,
        },
      });
      const names = await measureNames(tx, measureId);
      await notify(tx, {
        userIds: await holdersCovering(tx, access.ownerUnitId, ['office']),
        kind: 'extension',
        title: `延期申请：${names.unitName} 问题${names.problemNumber}`,
        body: `${short(names.text)}：申请将整改时限由 ${measure.deadline} 延至 ${input.requestedDeadline}。理由：${short(reason)}`,
        link: `/measures/${measureId}`,
        measureId,
      });
      return readRequest(tx, row!.id);
    });
  } catch (error) {
    // Two requests at once: the unique index lets only one of them in.
    if (isPendingViolation(error)) throw pendingConflict();
    throw error;
  }
}

/** The request locked, with the actor's roles over its measure (out of scope: not found). */
async function requestAccess(tx: Tx, actor: Actor, id: number) {
  const [request] = await tx
    .select()
    .from(schema.extensionRequests)
    .where(eq(schema.extensionRequests.id, id))
    .for('update');
  if (!request) throw notFound('延期申请');
  const access = await measureAccess(tx, actor, request.measureId, true).catch((error) => {
    throw error instanceof DomainError && error.code === 'NOT_FOUND' ? notFound('延期申请') : error;
  });
  return { request, access };
}

function assertPending(status: string) {
  if (status !== 'pending')
    throw new DomainError(
      'INVALID_TRANSITION',
      `该延期申请${EXTENSION_STATUS_LABELS[status as ExtensionStatus] ?? ''}，不能再审批或撤回`,
    );
}

export interface DecisionInput {
  approve: boolean;
  note?: string | null;
}

export function decideExtension(db: Db, actor: Actor, id: number, input: DecisionInput) {
  return inTransaction(db, async (tx) => {
    const { request, access } = await requestAccess(tx, actor, id);
    if (!(await decidesFor(tx, actor, access.ownerUnitId)))
      throw forbidden('只有组织本次巡察的巡察办（整改办）可以审批延期申请');
    assertPending(request.status);
    const note = input.note?.trim() || null;
    if (!input.approve && !note) throw invalid('不同意延期时请填写意见');
    if (note && note.length > MAX_TEXT) throw invalid(`审批意见不能超过${MAX_TEXT}字`);
    const measure = access.measure;
    if (input.approve) {
      await moveDeadline(tx, actor, access, request.requestedDeadline, id);
      await settleAutomaticNotices(
        tx,
        actor,
        measure.id,
        `已同意延期至 ${request.requestedDeadline}，督办单随之办结`,
      );
    }
    const status: ExtensionStatus = input.approve ? 'approved' : 'refused';
    await tx
      .update(schema.extensionRequests)
      .set({
        status,
        decidedBy: actor.userId || null,
        decidedAt: new Date().toISOString(),
        decisionNote: note,
      })
      .where(eq(schema.extensionRequests.id, id));
    await appendAudit(tx, actor, {
      action: input.approve ? 'extension.approve' : 'extension.refuse',
      entity: 'extension_request',
      entityId: id,
      unitId: access.ownerUnitId,
      before: { status: 'pending' },
      after: { status, note, measureId: measure.id, requestedDeadline: request.requestedDeadline },
    });
    if (request.requestedBy) {
      const names = await measureNames(tx, measure.id);
      await notify(tx, {
        userIds: [request.requestedBy],
        kind: 'extension',
        title: input.approve
          ? `延期申请已同意：问题${names.problemNumber}，新时限 ${request.requestedDeadline}`
          : `延期申请未同意：问题${names.problemNumber}`,
        body: `${short(names.text)}${note ? `。意见：${short(note)}` : ''}`,
        link: `/measures/${measure.id}`,
        measureId: measure.id,
      });
    }
    return readRequest(tx, id);
  });
}

/** Approval moves the measure's deadline, audited on the measure so its timeline shows it. */
async function moveDeadline(tx: Tx, actor: Actor, access: MeasureAccess, to: string, requestId: number) {
  const { measure } = access;
  if (measure.status === 'closed') throw new DomainError('INVALID_TRANSITION', '措施已销号，不能再延期');
  if (measure.deadline && to <= measure.deadline)
    throw new DomainError(
      'CONFLICT',
      `措施的整改时限已是 ${measure.deadline}，不早于申请的新时限，请不同意本申请或由单位重新申请`,
    );
  await tx
    .update(schema.measures)
    .set({ deadline: to, updatedAt: new Date().toISOString() })
    .where(eq(schema.measures.id, measure.id));
  await appendAudit(tx, actor, {
    action: 'measure.extend_deadline',
    entity: 'measure',
    entityId: measure.id,
    unitId: access.ownerUnitId,
    before: { deadline: measure.deadline },
    after: { deadline: to, extensionRequestId: requestId },
  });
}

export function withdrawExtension(db: Db, actor: Actor, id: number) {
  return inTransaction(db, async (tx) => {
    const { request, access } = await requestAccess(tx, actor, id);
    if (request.requestedBy !== actor.userId) throw forbidden('只能撤回自己提交的延期申请');
    assertPending(request.status);
    await tx
      .update(schema.extensionRequests)
      .set({ status: 'withdrawn', decidedBy: actor.userId, decidedAt: new Date().toISOString() })
      .where(eq(schema.extensionRequests.id, id));
    await appendAudit(tx, actor, {
      action: 'extension.withdraw',
      entity: 'extension_request',
      entityId: id,
      unitId: access.ownerUnitId,
      before: { status: 'pending' },
      after: { status: 'withdrawn', measureId: request.measureId },
    });
    return readRequest(tx, id);
  });
}

/** A measure's requests, newest first, and what the actor may do with them. */
export async function listMeasureExtensions(db: Db, actor: Actor, measureId: number) {
  const access = await measureAccess(db, actor, measureId);
  const found = await rows<Omit<ExtensionRequest, 'statusLabel'>>(
    db,
    sql`${requestSelect} WHERE r.measure_id = ${measureId} ORDER BY r.requested_at DESC, r.id DESC`,
  );
  const items = found.map(shape);
  const pending = items.some((r) => r.status === 'pending');
  const open = access.measure.status !== 'closed' && !!access.measure.deadline;
  return {
    deadline: access.measure.deadline,
    canRequest: open && !pending && access.roles.some((r) => roleMay(r, 'request_extension')),
    canDecide: await decidesFor(db, actor, access.ownerUnitId),
    items,
  };
}

export interface ExtensionQueueFilter {
  status?: ExtensionStatus;
  inspectionId?: number;
}

/** Requests on measures in the actor's scope (default: pending), oldest first so the queue is worked in order. */
export async function listExtensionQueue(
  db: Db,
  actor: Actor,
  filter: ExtensionQueueFilter = {},
): Promise<{ items: QueuedExtension[]; canDecide: boolean }> {
  const status = filter.status ?? 'pending';
  const found = await rows<Omit<QueuedExtension, 'statusLabel'>>(
    db,
    sql`SELECT q.*, m.inspection_id::int AS "inspectionId", i.name AS "inspectionName", p.number AS "problemNumber",
               m.text AS "measureText", mu.name AS "unitName", m.deadline::text AS "measureDeadline",
               ou.path LIKE ANY(${patternArray(supervisePatterns(actor))}) AS "canDecide"
        FROM (${requestSelect}) q JOIN measures m ON m.id = q."measureId" JOIN units mu ON mu.id = m.unit_id
        JOIN problems p ON p.id = m.problem_id JOIN inspections i ON i.id = m.inspection_id
        JOIN units ou ON ou.id = i.owner_unit_id
        WHERE q.status = ${status} AND ${scopeCondition(actor)}
          ${filter.inspectionId ? sql`AND m.inspection_id = ${filter.inspectionId}` : sql``}
        ORDER BY q."requestedAt", q.id LIMIT 500`,
  );
  return { items: found.map(shape), canDecide: hasRoleAnywhere(actor, 'supervise') };
}
