import { type Db, eq, schema, sql } from '@zhenggai/db';
import {
  allowedEvents,
  forbidden,
  invalid,
  MEASURE_KINDS,
  notFound,
  type MeasureEvent,
  type MeasureKind,
  type MeasureStatus,
  type Role,
} from '@zhenggai/core';
import { rolesOn, seesUnit, type Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { requireManageInspection } from './inspections.ts';
import { inTransaction, nextPosition, one, type Tx } from './tx.ts';
import { requireUnit } from './units.ts';

// Measures (整改措施): the rows of the ledger. Created and edited by the inspection's managers;
// their status moves only through the workflow (workflow-actions.ts).

export interface MeasureInput {
  text: string;
  kind: MeasureKind;
  unitId: number;
  cooperatingUnitIds?: number[];
  leaderName?: string | null;
  personName?: string | null;
  deadline?: string | null;
  evidenceCadenceDays?: number | null;
  evidenceNote?: string | null;
  remark?: string | null;
  position?: number;
}

type MeasureRow = typeof schema.measures.$inferSelect;

export interface MeasureAccess {
  measure: MeasureRow;
  roles: Role[];
  unitPath: string;
  ownerUnitId: number;
}

/** Loads a measure with the roles the actor holds over it; out of scope reads as not found. */
export async function measureAccess(tx: Tx, actor: Actor, id: number, lock = false): Promise<MeasureAccess> {
  const [measure] = lock
    ? await tx.select().from(schema.measures).where(eq(schema.measures.id, id)).for('update')
    : await tx.select().from(schema.measures).where(eq(schema.measures.id, id));
  if (!measure) throw notFound('整改措施');
  const paths = await one<{
    unit_path: string;
    owner_path: string;
    inspected_path: string;
    owner_unit_id: number;
  }>(
    tx,
    sql`SELECT mu.path AS unit_path, ou.path AS owner_path, iu.path AS inspected_path, i.owner_unit_id::int AS owner_unit_id
        FROM measures m JOIN units mu ON mu.id = m.unit_id JOIN inspections i ON i.id = m.inspection_id
        JOIN units ou ON ou.id = i.owner_unit_id JOIN units iu ON iu.id = i.inspected_unit_id WHERE m.id = ${id}`,
  );
  const roles = rolesOn(actor, {
    ownUnitPath: paths!.unit_path,
    contextPaths: [paths!.owner_path, paths!.inspected_path],
  });
  if (roles.length === 0) throw notFound('整改措施');
  return { measure, roles, unitPath: paths!.unit_path, ownerUnitId: paths!.owner_unit_id };
}

async function measureColumns(tx: Tx, actor: Actor, input: MeasureInput) {
  if (!input.text.trim()) throw invalid('整改措施内容不能为空');
  if (!MEASURE_KINDS.includes(input.kind)) throw invalid(`未知的措施类型：${input.kind}`);
  for (const unitId of [input.unitId, ...(input.cooperatingUnitIds ?? [])]) {
    const unit = await requireUnit(tx, unitId);
    if (!seesUnit(actor, unit.path)) throw notFound(`单位 ${unitId} `);
  }
  if (input.kind === 'deadline' && !input.deadline) throw invalid('限期整改的措施必须填写整改时限');
  return {
    text: input.text.trim(),
    kind: input.kind,
    unitId: input.unitId,
    cooperatingUnitIds: input.cooperatingUnitIds ?? [],
    leaderName: input.leaderName ?? null,
    personName: input.personName ?? null,
    deadline: input.deadline ?? null,
    evidenceCadenceDays: input.kind === 'ongoing' ? (input.evidenceCadenceDays ?? 30) : null,
    evidenceNote: input.evidenceNote ?? null,
    remark: input.remark ?? null,
  };
}

export async function insertMeasure(
  tx: Tx,
  actor: Actor,
  problemId: number,
  input: MeasureInput,
  status: MeasureStatus = 'not_started',
) {
  const [problem] = await tx.select().from(schema.problems).where(eq(schema.problems.id, problemId));
  if (!problem) throw notFound('问题');
  const inspection = await requireManageInspection(tx, actor, problem.inspectionId);
  const position = input.position ?? (await nextPosition(tx, 'measures', 'problem_id', problemId));
  const [row] = await tx
    .insert(schema.measures)
    .values({
      ...(await measureColumns(tx, actor, input)),
      problemId,
      inspectionId: problem.inspectionId,
      position,
      status,
      closedAt: status === 'closed' ? new Date().toISOString() : null,
    })
    .returning();
  await appendAudit(tx, actor, {
    action: 'measure.create',
    entity: 'measure',
    entityId: row!.id,
    unitId: inspection.ownerUnitId,
    after: row,
  });
  return row!;
}

export const createMeasure = (db: Db, actor: Actor, problemId: number, input: MeasureInput) =>
  inTransaction(db, (tx) => insertMeasure(tx, actor, problemId, input));

export function updateMeasure(db: Db, actor: Actor, id: number, input: MeasureInput) {
  return inTransaction(db, async (tx) => {
    const { measure: before } = await measureAccess(tx, actor, id, true);
    const inspection = await requireManageInspection(tx, actor, before.inspectionId);
    const [after] = await tx
      .update(schema.measures)
      .set({
        ...(await measureColumns(tx, actor, input)),
        position: input.position ?? before.position,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(schema.measures.id, id))
      .returning();
    await appendAudit(tx, actor, {
      action: 'measure.update',
      entity: 'measure',
      entityId: id,
      unitId: inspection.ownerUnitId,
      before,
      after,
    });
    return after!;
  });
}

export function deleteMeasure(db: Db, actor: Actor, id: number) {
  return inTransaction(db, async (tx) => {
    const { measure: before } = await measureAccess(tx, actor, id, true);
    const inspection = await requireManageInspection(tx, actor, before.inspectionId);
    await tx.delete(schema.measures).where(eq(schema.measures.id, id));
    await appendAudit(tx, actor, {
      action: 'measure.delete',
      entity: 'measure',
      entityId: id,
      unitId: inspection.ownerUnitId,
      before,
    });
  });
}

/** A measure's page: facts, names, the actions the actor may take now. */
export async function getMeasure(db: Db, actor: Actor, id: number) {
  const { measure, roles } = await measureAccess(db, actor, id);
  const names = await one<Record<string, unknown>>(
    db,
    sql`SELECT u.name AS "unitName", p.number AS "problemNumber", p.title AS "problemTitle", p.finding AS "problemFinding",
               p.recurring AS "problemRecurring",
               c.title AS "categoryTitle", i.name AS "inspectionName", i.yellow_days AS "yellowDays",
               (SELECT array_agg(cu.name ORDER BY cu.id) FROM units cu WHERE cu.id = ANY(m.cooperating_unit_ids)) AS "cooperatingUnitNames"
        FROM measures m JOIN units u ON u.id = m.unit_id JOIN problems p ON p.id = m.problem_id
        LEFT JOIN categories c ON c.id = p.category_id JOIN inspections i ON i.id = m.inspection_id
        WHERE m.id = ${id}`,
  );
  const canManage = roles.some((r) => r === 'office' || r === 'admin');
  return {
    ...measure,
    ...names,
    myRoles: roles,
    allowedEvents: allowedEvents(measure.status as MeasureStatus, roles),
    canEdit: canManage,
  };
}

export function assertEventAllowed(access: MeasureAccess, event: MeasureEvent) {
  if (!allowedEvents(access.measure.status as MeasureStatus, access.roles).includes(event)) {
    throw forbidden('当前状态或角色不允许此操作');
  }
}
