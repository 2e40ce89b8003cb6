import { and, type Db, eq, schema, sql } from '@zhenggai/db';
import { invalid, notFound, problemStatus, PROBLEM_SOURCES, type ProblemSource } from '@zhenggai/core';
import type { Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { inspectionAccess, requireManageInspection } from './inspections.ts';
import { inTransaction, nextPosition, rows, type Tx } from './tx.ts';
import { requireUnit } from './units.ts';

// Categories (问题类别/方面) and problems (问题) of an inspection. Changed only by people who
// manage the inspection; their status is derived from the measures.

export interface CategoryInput {
  title: string;
  position?: number;
}

export async function insertCategory(tx: Tx, actor: Actor, inspectionId: number, input: CategoryInput) {
  const inspection = await requireManageInspection(tx, actor, inspectionId);
  if (!input.title.trim()) throw invalid('问题类别名称不能为空');
  const position = input.position ?? (await nextPosition(tx, 'categories', 'inspection_id', inspectionId));
  const [row] = await tx
    .insert(schema.categories)
    .values({ inspectionId, title: input.title.trim(), position })
    .returning();
  await appendAudit(tx, actor, {
    action: 'category.create',
    entity: 'category',
    entityId: row!.id,
    unitId: inspection.ownerUnitId,
    after: row,
  });
  return row!;
}

export const createCategory = (db: Db, actor: Actor, inspectionId: number, input: CategoryInput) =>
  inTransaction(db, (tx) => insertCategory(tx, actor, inspectionId, input));

export function updateCategory(db: Db, actor: Actor, id: number, input: CategoryInput) {
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(schema.categories).where(eq(schema.categories.id, id));
    if (!before) throw notFound('问题类别');
    const inspection = await requireManageInspection(tx, actor, before.inspectionId);
    if (!input.title.trim()) throw invalid('问题类别名称不能为空');
    const [after] = await tx
      .update(schema.categories)
      .set({ title: input.title.trim(), position: input.position ?? before.position })
      .where(eq(schema.categories.id, id))
      .returning();
    await appendAudit(tx, actor, {
      action: 'category.update',
      entity: 'category',
      entityId: id,
      unitId: inspection.ownerUnitId,
      before,
      after,
    });
    return after!;
  });
}

export interface ProblemInput {
  categoryId: number | null;
  number: string;
  title: string;
  finding?: string;
  source?: ProblemSource;
  crossCheckAll?: boolean;
  leaderName?: string | null;
  leadUnitId?: number | null;
  position?: number;
}

async function problemColumns(tx: Tx, inspectionId: number, input: ProblemInput) {
  if (!input.title.trim()) throw invalid('问题标题不能为空');
  if (input.source && !PROBLEM_SOURCES.includes(input.source))
    throw invalid(`未知的问题来源：${input.source}`);
  if (input.categoryId !== null) {
    const [category] = await tx
      .select()
      .from(schema.categories)
      .where(
        and(eq(schema.categories.id, input.categoryId), eq(schema.categories.inspectionId, inspectionId)),
      );
    if (!category) throw invalid('问题类别不属于该巡察');
  }
  if (input.leadUnitId) await requireUnit(tx, input.leadUnitId);
  return {
    inspectionId,
    categoryId: input.categoryId,
    number: input.number.trim(),
    title: input.title.trim(),
    finding: input.finding ?? '',
    source: input.source ?? 'feedback',
    crossCheckAll: input.crossCheckAll ?? false,
    leaderName: input.leaderName ?? null,
    leadUnitId: input.leadUnitId ?? null,
  };
}

export async function insertProblem(tx: Tx, actor: Actor, inspectionId: number, input: ProblemInput) {
  const inspection = await requireManageInspection(tx, actor, inspectionId);
  const position = input.position ?? (await nextPosition(tx, 'problems', 'inspection_id', inspectionId));
  const [row] = await tx
    .insert(schema.problems)
    .values({ ...(await problemColumns(tx, inspectionId, input)), position })
    .returning();
  await appendAudit(tx, actor, {
    action: 'problem.create',
    entity: 'problem',
    entityId: row!.id,
    unitId: inspection.ownerUnitId,
    after: row,
  });
  return row!;
}

export const createProblem = (db: Db, actor: Actor, inspectionId: number, input: ProblemInput) =>
  inTransaction(db, (tx) => insertProblem(tx, actor, inspectionId, input));

async function requireProblem(tx: Tx, id: number) {
  const [problem] = await tx.select().from(schema.problems).where(eq(schema.problems.id, id));
  if (!problem) throw notFound('问题');
  return problem;
}

export function updateProblem(db: Db, actor: Actor, id: number, input: ProblemInput) {
  return inTransaction(db, async (tx) => {
    const before = await requireProblem(tx, id);
    const inspection = await requireManageInspection(tx, actor, before.inspectionId);
    const [after] = await tx
      .update(schema.problems)
      .set({
        ...(await problemColumns(tx, before.inspectionId, input)),
        position: input.position ?? before.position,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(schema.problems.id, id))
      .returning();
    await appendAudit(tx, actor, {
      action: 'problem.update',
      entity: 'problem',
      entityId: id,
      unitId: inspection.ownerUnitId,
      before,
      after,
    });
    return after!;
  });
}

export function deleteProblem(db: Db, actor: Actor, id: number) {
  return inTransaction(db, async (tx) => {
    const before = await requireProblem(tx, id);
    const inspection = await requireManageInspection(tx, actor, before.inspectionId);
    await tx.delete(schema.problems).where(eq(schema.problems.id, id));
    await appendAudit(tx, actor, {
      action: 'problem.delete',
      entity: 'problem',
      entityId: id,
      unitId: inspection.ownerUnitId,
      before,
    });
  });
}

/** An inspection's problems grouped by category, with measure counts and derived status. */
export async function inspectionOutline(db: Db, actor: Actor, inspectionId: number) {
  const { inspection, roles } = await inspectionAccess(db, actor, inspectionId);
  const categories = await db
    .select()
    .from(schema.categories)
    .where(eq(schema.categories.inspectionId, inspectionId))
    .orderBy(schema.categories.position);
  const problemRows = await rows<{
    id: number;
    categoryId: number | null;
    measures: number;
    closed: number;
    notStarted: number;
  }>(
    db,
    sql`
    SELECT p.id::int AS "id", p.category_id::int AS "categoryId", p.number, p.title, p.finding, p.source,
           p.cross_check_all AS "crossCheckAll", p.leader_name AS "leaderName", p.lead_unit_id::int AS "leadUnitId",
           p.recurring, p.position,
           count(m.id)::int AS "measures",
           count(m.id) FILTER (WHERE m.status = 'closed')::int AS "closed",
           count(m.id) FILTER (WHERE m.status = 'not_started')::int AS "notStarted"
    FROM problems p LEFT JOIN measures m ON m.problem_id = p.id
    WHERE p.inspection_id = ${inspectionId}
    GROUP BY p.id ORDER BY p.position, p.id`,
  );
  const withStatus = problemRows.map((p) => ({
    ...p,
    status: problemStatus({ total: p.measures, closed: p.closed, notStarted: p.notStarted }),
  }));
  return {
    inspection: { ...inspection, myRoles: roles },
    categories: [
      ...categories.map((c) => ({ ...c, problems: withStatus.filter((p) => p.categoryId === c.id) })),
      ...(withStatus.some((p) => p.categoryId === null)
        ? [
            {
              id: null,
              title: '未分类',
              position: 0,
              problems: withStatus.filter((p) => p.categoryId === null),
            },
          ]
        : []),
    ],
  };
}

/** A problem the actor may read (through its inspection); out of scope reads as not found. */
export async function problemAccess(db: Db, actor: Actor, id: number) {
  const problem = await requireProblem(db, id);
  await inspectionAccess(db, actor, problem.inspectionId);
  return problem;
}
