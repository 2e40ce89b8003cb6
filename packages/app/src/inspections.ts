import { type Db, eq, schema, sql } from '@zhenggai/db';
import {
  forbidden,
  invalid,
  notFound,
  INSPECTION_KINDS,
  type InspectionKind,
  type Role,
} from '@zhenggai/core';
import { assertMay, may, rolesOn, scopePatterns, seesUnit, type Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { inTransaction, one, patternArray, rows, type Tx } from './tx.ts';
import { requireUnit } from './units.ts';

export interface InspectionInput {
  name: string;
  kind: InspectionKind;
  issuer?: string | null;
  team?: string | null;
  ownerUnitId: number;
  inspectedUnitId: number;
  extendedUnitIds?: number[];
  periodStart?: string | null;
  periodEnd?: string | null;
  feedbackDate?: string | null;
  planDue?: string | null;
  reportDue?: string | null;
  yellowDays?: number;
  /** Days before a deadline on which reminders go out. */
  reminderDays?: number[];
  /** Days a supervision notice stands before the next level. */
  escalationDays?: number;
  /** Days a unit has to answer a supervision notice. */
  responseDays?: number;
}

export interface Inspection extends Required<InspectionInput> {
  id: number;
  ownerUnitName: string;
  inspectedUnitName: string;
  createdAt: string;
}

interface InspectionRow extends Inspection {
  ownerPath: string;
  inspectedPath: string;
}

const inspectionSelect = sql`
  SELECT i.id::int AS "id", i.name, i.kind, i.issuer, i.team,
         i.owner_unit_id::int AS "ownerUnitId", i.inspected_unit_id::int AS "inspectedUnitId",
         i.extended_unit_ids::int[] AS "extendedUnitIds",
         i.period_start::text AS "periodStart", i.period_end::text AS "periodEnd",
         i.feedback_date::text AS "feedbackDate", i.plan_due::text AS "planDue", i.report_due::text AS "reportDue",
         i.yellow_days AS "yellowDays", i.reminder_days AS "reminderDays",
         i.escalation_days AS "escalationDays", i.response_days AS "responseDays", i.created_at AS "createdAt",
         ou.name AS "ownerUnitName", iu.name AS "inspectedUnitName", ou.path AS "ownerPath", iu.path AS "inspectedPath"
  FROM inspections i JOIN units ou ON ou.id = i.owner_unit_id JOIN units iu ON iu.id = i.inspected_unit_id`;

function strip(row: InspectionRow): Inspection {
  const { ownerPath: _o, inspectedPath: _i, ...rest } = row;
  return { ...rest, createdAt: new Date(rest.createdAt).toISOString() };
}

/**
 * The inspection and the roles the actor holds over it. A unit clerk holds his role here only
 * when his unit owns at least one of its measures; to anyone else out of scope it does not exist.
 */
export async function inspectionAccess(
  tx: Tx,
  actor: Actor,
  id: number,
): Promise<{ inspection: Inspection; roles: Role[] }> {
  const row = await one<InspectionRow>(tx, sql`${inspectionSelect} WHERE i.id = ${id}`);
  if (!row) throw notFound('巡察');
  const roles = rolesOn(actor, { ownUnitPath: null, contextPaths: [row.ownerPath, row.inspectedPath] });
  const clerkPatterns = actor.grants.filter((g) => g.role === 'clerk').map((g) => `${g.unitPath}%`);
  if (clerkPatterns.length > 0 && !roles.includes('clerk')) {
    const owns = await one(
      tx,
      sql`SELECT 1 FROM measures m JOIN units u ON u.id = m.unit_id
          WHERE m.inspection_id = ${id} AND u.path LIKE ANY(${patternArray(clerkPatterns)}) LIMIT 1`,
    );
    if (owns) roles.push('clerk');
  }
  if (roles.length === 0) throw notFound('巡察');
  return { inspection: strip(row), roles };
}

export function inspectionScope(i: Pick<InspectionRow, 'ownerPath' | 'inspectedPath'>) {
  return { ownUnitPath: null, contextPaths: [i.ownerPath, i.inspectedPath] };
}

export async function requireManageInspection(tx: Tx, actor: Actor, id: number): Promise<Inspection> {
  const row = await one<InspectionRow>(tx, sql`${inspectionSelect} WHERE i.id = ${id}`);
  if (!row) throw notFound('巡察');
  if (!may(actor, 'manage_inspections', inspectionScope(row))) {
    // Do not reveal that it exists to someone who cannot even read it (this throws not found).
    await inspectionAccess(tx, actor, id);
    throw forbidden();
  }
  return strip(row);
}

function validate(input: InspectionInput) {
  if (!input.name.trim()) throw invalid('巡察名称不能为空');
  if (!INSPECTION_KINDS.includes(input.kind)) throw invalid(`未知的类型：${input.kind}`);
  if (input.periodStart && input.periodEnd && input.periodEnd < input.periodStart) {
    throw invalid('巡察结束日期早于开始日期');
  }
  if (
    (input.reminderDays ?? []).some((d) => !Number.isInteger(d) || d < 0 || d > 90) ||
    (input.reminderDays?.length ?? 0) > 5
  ) {
    throw invalid('提醒天数须为 0 至 90 之间的整数，最多 5 个');
  }
  if (
    input.escalationDays !== undefined &&
    !(Number.isInteger(input.escalationDays) && input.escalationDays >= 1 && input.escalationDays <= 90)
  ) {
    throw invalid('督办升级间隔须为 1 至 90 天');
  }
  if (
    input.responseDays !== undefined &&
    !(Number.isInteger(input.responseDays) && input.responseDays >= 1 && input.responseDays <= 60)
  ) {
    throw invalid('督办答复期限须为 1 至 60 天');
  }
}

function columns(input: InspectionInput) {
  return {
    name: input.name.trim(),
    kind: input.kind,
    issuer: input.issuer ?? null,
    team: input.team ?? null,
    ownerUnitId: input.ownerUnitId,
    inspectedUnitId: input.inspectedUnitId,
    extendedUnitIds: input.extendedUnitIds ?? [],
    periodStart: input.periodStart ?? null,
    periodEnd: input.periodEnd ?? null,
    feedbackDate: input.feedbackDate ?? null,
    planDue: input.planDue ?? null,
    reportDue: input.reportDue ?? null,
    yellowDays: input.yellowDays ?? 7,
    reminderDays: [...new Set(input.reminderDays ?? [7, 1])].sort((a, b) => b - a),
    escalationDays: input.escalationDays ?? 7,
    responseDays: input.responseDays ?? 3,
  };
}

async function checkUnits(tx: Tx, actor: Actor, input: InspectionInput) {
  const owner = await requireUnit(tx, input.ownerUnitId);
  assertMay(actor, 'manage_inspections', { ownUnitPath: owner.path, contextPaths: [] });
  for (const unitId of [input.inspectedUnitId, ...(input.extendedUnitIds ?? [])]) {
    const unit = await requireUnit(tx, unitId);
    if (!seesUnit(actor, unit.path)) throw notFound(`单位 ${unitId} `);
  }
}

export async function insertInspection(tx: Tx, actor: Actor, input: InspectionInput): Promise<Inspection> {
  validate(input);
  await checkUnits(tx, actor, input);
  const [row] = await tx
    .insert(schema.inspections)
    .values(columns(input))
    .returning({ id: schema.inspections.id });
  const created = strip((await one<InspectionRow>(tx, sql`${inspectionSelect} WHERE i.id = ${row!.id}`))!);
  await appendAudit(tx, actor, {
    action: 'inspection.create',
    entity: 'inspection',
    entityId: created.id,
    unitId: input.ownerUnitId,
    after: columns(input),
  });
  return created;
}

export function createInspection(db: Db, actor: Actor, input: InspectionInput): Promise<Inspection> {
  return inTransaction(db, (tx) => insertInspection(tx, actor, input));
}

export function updateInspection(
  db: Db,
  actor: Actor,
  id: number,
  input: InspectionInput,
): Promise<Inspection> {
  return inTransaction(db, async (tx) => {
    const before = await requireManageInspection(tx, actor, id);
    validate(input);
    await checkUnits(tx, actor, input);
    await tx
      .update(schema.inspections)
      .set({ ...columns(input), updatedAt: new Date().toISOString() })
      .where(eq(schema.inspections.id, id));
    const after = strip((await one<InspectionRow>(tx, sql`${inspectionSelect} WHERE i.id = ${id}`))!);
    await appendAudit(tx, actor, {
      action: 'inspection.update',
      entity: 'inspection',
      entityId: id,
      unitId: input.ownerUnitId,
      before,
      after,
    });
    return after;
  });
}

export function deleteInspection(db: Db, actor: Actor, id: number): Promise<void> {
  return inTransaction(db, async (tx) => {
    const before = await requireManageInspection(tx, actor, id);
    const counts = await one<{ measures: number }>(
      tx,
      sql`SELECT count(*)::int AS measures FROM measures WHERE inspection_id = ${id}`,
    );
    await tx.delete(schema.inspections).where(eq(schema.inspections.id, id));
    await appendAudit(tx, actor, {
      action: 'inspection.delete',
      entity: 'inspection',
      entityId: id,
      unitId: before.ownerUnitId,
      before: { ...before, measures: counts?.measures ?? 0 },
    });
  });
}

export async function getInspection(db: Db, actor: Actor, id: number) {
  const { inspection, roles } = await inspectionAccess(db, actor, id);
  return { ...inspection, myRoles: roles };
}

/** Inspections the actor can see, newest first. */
export async function listInspections(db: Db, actor: Actor): Promise<Inspection[]> {
  const { own, context } = scopePatterns(actor);
  if (own.length === 0) return [];
  const found = await rows<InspectionRow>(
    db,
    sql`${inspectionSelect}
        WHERE ou.path LIKE ANY(${patternArray(context)}) OR iu.path LIKE ANY(${patternArray(context)})
           OR EXISTS (SELECT 1 FROM measures m JOIN units mu ON mu.id = m.unit_id
                      WHERE m.inspection_id = i.id AND mu.path LIKE ANY(${patternArray(own)}))
        ORDER BY i.id DESC`,
  );
  return found.map(strip);
}
