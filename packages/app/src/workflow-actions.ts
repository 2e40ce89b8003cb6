import { type Db, eq, schema, sql } from '@zhenggai/db';
import {
  DomainError,
  EVENTS_NEEDING_REASON,
  invalid,
  transition,
  type MeasureEvent,
  type MeasureStatus,
} from '@zhenggai/core';
import type { Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import type { StoredFile } from './evidence-store.ts';
import { measureAccess } from './measures.ts';
import { settleAutomaticNotices } from './notices.ts';
import { inTransaction, one, rows, type Tx } from './tx.ts';

// The measure workflow as use-cases: each loads the measure, asks the transition table, and
// writes the change and its audit record in one transaction.

/** Fires one workflow event inside the caller's transaction (the look-back reopens through this). */
export async function applyMeasureEvent(
  tx: Tx,
  actor: Actor,
  measureId: number,
  event: MeasureEvent,
  reason: string | null,
) {
  const access = await measureAccess(tx, actor, measureId, true);
  const before = access.measure;
  const to = transition(before.status as MeasureStatus, event, access.roles);
  if (EVENTS_NEEDING_REASON.has(event) && !reason?.trim()) throw invalid('退回或重新打开必须填写原因');
  if (event === 'request_closure') {
    const evidence = await one(
      tx,
      sql`SELECT 1 FROM progress_updates WHERE measure_id = ${measureId} LIMIT 1`,
    );
    if (!evidence) throw invalid('申请销号前请先报送整改进展和佐证材料');
  }
  const now = new Date().toISOString();
  const [after] = await tx
    .update(schema.measures)
    .set({
      status: to,
      updatedAt: now,
      closedAt: to === 'closed' ? now : to === before.status ? before.closedAt : null,
      returnReason: event === 'return' || event === 'reopen' ? reason!.trim() : before.returnReason,
    })
    .where(eq(schema.measures.id, measureId))
    .returning();
  // A 长期坚持 measure closed for the period still owes evidence: its notices wait for fresh evidence.
  if (to === 'closed' && before.kind !== 'ongoing')
    await settleAutomaticNotices(tx, actor, measureId, '措施已审核销号，督办单随之办结');
  await appendAudit(tx, actor, {
    action: `measure.${event}`,
    entity: 'measure',
    entityId: measureId,
    unitId: access.ownerUnitId,
    before: { status: before.status },
    after: { status: to, reason: reason?.trim() || null },
  });
  return after!;
}

export function fireMeasureEvent(
  db: Db,
  actor: Actor,
  measureId: number,
  event: Exclude<MeasureEvent, 'report_progress'>,
  reason: string | null = null,
) {
  return inTransaction(db, (tx) => applyMeasureEvent(tx, actor, measureId, event, reason));
}

export interface HardNumber {
  label: string;
  value: number;
  unit?: string;
}

export interface ProgressInput {
  text: string;
  numbers?: HardNumber[];
  evidence?: (StoredFile & { fileName: string })[];
}

/** Reports progress (with hard numbers and evidence) and moves 未启动 to 推进中. */
export function addProgress(db: Db, actor: Actor, measureId: number, input: ProgressInput) {
  return inTransaction(db, async (tx) => {
    if (!input.text.trim()) throw invalid('进展内容不能为空');
    for (const n of input.numbers ?? []) {
      if (!n.label.trim() || !Number.isFinite(n.value)) throw invalid('硬指标需要名称和数值');
    }
    const access = await measureAccess(tx, actor, measureId, true);
    const to = transition(access.measure.status as MeasureStatus, 'report_progress', access.roles);
    const [progress] = await tx
      .insert(schema.progressUpdates)
      .values({
        measureId,
        authorId: actor.userId || null,
        text: input.text.trim(),
        numbers: input.numbers ?? [],
      })
      .returning();
    for (const file of input.evidence ?? []) {
      await tx
        .insert(schema.evidenceFiles)
        .values({ sha256: file.sha256, size: file.size, mime: file.mime })
        .onConflictDoNothing();
      await tx
        .insert(schema.progressEvidence)
        .values({ progressId: progress!.id, sha256: file.sha256, fileName: file.fileName });
    }
    const now = new Date().toISOString();
    await tx
      .update(schema.measures)
      .set({ status: to, lastProgressAt: now, updatedAt: now })
      .where(eq(schema.measures.id, measureId));
    // Fresh evidence is what a lapsed 长期坚持 measure was supervised for.
    if (access.measure.kind === 'ongoing')
      await settleAutomaticNotices(tx, actor, measureId, '已补充佐证材料，督办单随之办结');
    await appendAudit(tx, actor, {
      action: 'measure.report_progress',
      entity: 'measure',
      entityId: measureId,
      unitId: access.ownerUnitId,
      before: { status: access.measure.status },
      after: {
        status: to,
        progressId: progress!.id,
        text: input.text.trim(),
        numbers: input.numbers ?? [],
        evidence: (input.evidence ?? []).map((f) => ({ sha256: f.sha256, fileName: f.fileName })),
      },
    });
    return progress!;
  });
}

/** Progress updates and audit events of one measure, newest first. */
export async function measureTimeline(db: Db, actor: Actor, measureId: number) {
  await measureAccess(db, actor, measureId);
  const progress = await rows<Record<string, unknown>>(
    db,
    sql`SELECT p.id::int AS "id", p.text, p.numbers, p.created_at AS "createdAt", u.display_name AS "author",
               COALESCE((SELECT json_agg(json_build_object('id', e.id::int, 'fileName', e.file_name, 'mime', f.mime, 'size', f.size::int) ORDER BY e.id)
                 FROM progress_evidence e JOIN evidence_files f ON f.sha256 = e.sha256 WHERE e.progress_id = p.id), '[]') AS "evidence"
        FROM progress_updates p LEFT JOIN users u ON u.id = p.author_id
        WHERE p.measure_id = ${measureId} ORDER BY p.id DESC`,
  );
  const events = await rows<Record<string, unknown>>(
    db,
    sql`SELECT a.id::int AS "id", a.at, a.action, a.before, a.after, COALESCE(u.display_name, '系统') AS "actor"
        FROM audit_events a LEFT JOIN users u ON u.id = a.actor_id
        WHERE a.entity = 'measure' AND a.entity_id = ${String(measureId)} ORDER BY a.id DESC`,
  );
  return { progress, events };
}

/** Finds an evidence attachment the actor may download (scope follows its measure). */
export async function evidenceForDownload(db: Db, actor: Actor, attachmentId: number) {
  const found = await one<{
    measure_id: number;
    sha256: string;
    file_name: string;
    mime: string;
    size: number;
  }>(
    db,
    sql`SELECT p.measure_id::int AS measure_id, e.sha256, e.file_name, f.mime, f.size::int AS size
        FROM progress_evidence e JOIN progress_updates p ON p.id = e.progress_id JOIN evidence_files f ON f.sha256 = e.sha256
        WHERE e.id = ${attachmentId}`,
  );
  if (!found) throw new DomainError('NOT_FOUND', '佐证材料不存在或无权查看');
  await measureAccess(db, actor, found.measure_id);
  return { sha256: found.sha256, fileName: found.file_name, mime: found.mime, size: found.size };
}
