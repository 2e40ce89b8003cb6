import { eq, schema, sql, type Db } from '@zhenggai/db';
import {
  ACCOUNTABILITY_TYPE_LABELS,
  ACCOUNTABILITY_TYPES,
  forbidden,
  invalid,
  notFound,
  roleMay,
  type AccountabilityType,
} from '@zhenggai/core';
import type { Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { inspectionAccess } from './inspections.ts';
import { inTransaction, one, rows, type Tx } from './tx.ts';

// 问责: actions against named people. Only the inspection office and discipline inspection may
// record or read them, within the inspections they can see.

export interface AccountabilityInput {
  personName: string;
  position?: string | null;
  unitName?: string | null;
  actionType: AccountabilityType;
  actionDate: string;
  problemId?: number | null;
  measureId?: number | null;
  note?: string | null;
}

async function requireAccountabilityAccess(tx: Tx, actor: Actor, inspectionId: number) {
  const { inspection, roles } = await inspectionAccess(tx, actor, inspectionId);
  if (!roles.some((r) => roleMay(r, 'accountability')))
    throw forbidden('只有纪检监察和巡察办可以查看或登记问责');
  return inspection;
}

export function recordAccountability(db: Db, actor: Actor, inspectionId: number, input: AccountabilityInput) {
  return inTransaction(db, async (tx) => {
    const inspection = await requireAccountabilityAccess(tx, actor, inspectionId);
    if (!input.personName.trim()) throw invalid('请填写被问责人姓名');
    if (!ACCOUNTABILITY_TYPES.includes(input.actionType))
      throw invalid(`未知的问责方式：${input.actionType}`);
    if (input.problemId) {
      const found = await one(
        tx,
        sql`SELECT 1 FROM problems WHERE id = ${input.problemId} AND inspection_id = ${inspectionId}`,
      );
      if (!found) throw invalid('所选问题不属于该巡察');
    }
    if (input.measureId) {
      const found = await one(
        tx,
        sql`SELECT 1 FROM measures WHERE id = ${input.measureId} AND inspection_id = ${inspectionId}`,
      );
      if (!found) throw invalid('所选措施不属于该巡察');
    }
    const [row] = await tx
      .insert(schema.accountabilityActions)
      .values({
        inspectionId,
        personName: input.personName.trim(),
        position: input.position ?? null,
        unitName: input.unitName ?? null,
        actionType: input.actionType,
        actionDate: input.actionDate,
        problemId: input.problemId ?? null,
        measureId: input.measureId ?? null,
        note: input.note ?? null,
        createdBy: actor.userId || null,
      })
      .returning();
    await appendAudit(tx, actor, {
      action: 'accountability.create',
      entity: 'accountability',
      entityId: row!.id,
      unitId: inspection.ownerUnitId,
      after: row,
    });
    return row!;
  });
}

export function deleteAccountability(db: Db, actor: Actor, id: number) {
  return inTransaction(db, async (tx) => {
    const [before] = await tx
      .select()
      .from(schema.accountabilityActions)
      .where(eq(schema.accountabilityActions.id, id));
    if (!before) throw notFound('问责记录');
    const inspection = await requireAccountabilityAccess(tx, actor, before.inspectionId);
    await tx.delete(schema.accountabilityActions).where(eq(schema.accountabilityActions.id, id));
    await appendAudit(tx, actor, {
      action: 'accountability.delete',
      entity: 'accountability',
      entityId: id,
      unitId: inspection.ownerUnitId,
      before,
    });
  });
}

export async function listAccountability(db: Db, actor: Actor, inspectionId: number) {
  await requireAccountabilityAccess(db, actor, inspectionId);
  const found = await db
    .select()
    .from(schema.accountabilityActions)
    .where(eq(schema.accountabilityActions.inspectionId, inspectionId))
    .orderBy(schema.accountabilityActions.actionDate, schema.accountabilityActions.id);
  return found.map((a) => ({
    ...a,
    actionLabel: ACCOUNTABILITY_TYPE_LABELS[a.actionType as AccountabilityType],
  }));
}

/**
 * People held accountable per type, labelled for the reports ({ 诫勉谈话: 3 }). Counted without
 * the actor's role: the published report carries totals, never names.
 */
export async function accountabilityCounts(tx: Tx, inspectionId: number): Promise<Record<string, number>> {
  const found = await rows<{ type: AccountabilityType; people: number }>(
    tx,
    sql`SELECT action_type AS type, count(DISTINCT person_name)::int AS people
        FROM accountability_actions WHERE inspection_id = ${inspectionId}
        GROUP BY action_type ORDER BY 2 DESC, 1`,
  );
  return Object.fromEntries(found.map((r) => [ACCOUNTABILITY_TYPE_LABELS[r.type], r.people]));
}
