import { createHash, randomBytes } from 'node:crypto';
import { eq, schema, sql, type Db, type SQL } from '@zhenggai/db';
import {
  DomainError,
  forbidden,
  invalid,
  notFound,
  roleMay,
  seesWholeInspection,
  type Role,
} from '@zhenggai/core';
import type { LookbackCheckRow, LookbackRoundSummary } from '@zhenggai/core/contracts';
import { scopePatterns, seesUnit, type Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { inspectionAccess } from './inspections.ts';
import { inTransaction, one, patternArray, rows, type Tx } from './tx.ts';
import { requireUnit } from './units.ts';

export type { LookbackCheckRow, LookbackRoundSummary };

// 回头看: a round re-checks closed measures of an inspection, all of them or a sample drawn
// reproducibly from a seed. Recording the outcome of one re-check lives in lookback-checks.ts.

export interface LookbackRoundInput {
  name: string;
  /** Only measures whose responsible unit lies in this unit's subtree. */
  unitId?: number | null;
  /** Draw this many measures; omitted = every closed measure. */
  sampleSize?: number | null;
  /** Makes the sample reproducible; a random one is chosen (and stored) when omitted. */
  seed?: string | null;
}

/**
 * The sample: measures ordered by the hex SHA-256 of `seed + ':' + measureId` (ties, which do not
 * happen in practice, by id), the first `size` taken. The same seed over the same closed measures
 * always gives the same set; anyone can recompute it with `sha256sum`.
 */
export function sampleMeasureIds(ids: readonly number[], seed: string, size: number): number[] {
  const key = (id: number) => createHash('sha256').update(`${seed}:${id}`, 'utf8').digest('hex');
  return ids
    .map((id) => ({ id, key: key(id) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id))
    .slice(0, size)
    .map((x) => x.id)
    .sort((a, b) => a - b);
}

export const mayLookback = (roles: Role[]) => roles.some((r) => roleMay(r, 'lookback'));

/**
 * Which look-back checks the actor sees, on the aliases mu (measure's unit), ou and iu (the
 * inspection's owner and inspected units): a clerk only his units' measures, the others the
 * whole inspection they can see.
 */
export function checkVisible(actor: Actor): SQL {
  const { own, context } = scopePatterns(actor);
  return sql`(mu.path LIKE ANY(${patternArray(own)}) OR ou.path LIKE ANY(${patternArray(context)})
    OR iu.path LIKE ANY(${patternArray(context)}))`;
}

export function createLookbackRound(db: Db, actor: Actor, inspectionId: number, input: LookbackRoundInput) {
  return inTransaction(db, async (tx) => {
    const { inspection, roles } = await inspectionAccess(tx, actor, inspectionId);
    if (!mayLookback(roles)) throw forbidden('只有巡察办、审核人或系统管理员可以开展回头看');
    const name = input.name.trim();
    if (!name) throw invalid('请填写本轮回头看的名称');
    if (name.length > 200) throw invalid('名称不能超过 200 字');
    let unitPath: string | null = null;
    if (input.unitId) {
      const unit = await requireUnit(tx, input.unitId);
      if (!seesUnit(actor, unit.path)) throw notFound('单位');
      unitPath = unit.path;
    }
    const sampleSize = input.sampleSize ?? null;
    if (sampleSize !== null && (!Number.isInteger(sampleSize) || sampleSize < 1)) {
      throw invalid('抽查数量应为正整数');
    }
    const seed = sampleSize === null ? null : input.seed?.trim() || randomBytes(4).toString('hex');
    if (seed && seed.length > 100) throw invalid('随机种子不能超过 100 个字符');
    const eligible = await rows<{ id: number }>(
      tx,
      sql`SELECT m.id::int AS id FROM measures m JOIN units u ON u.id = m.unit_id
          WHERE m.inspection_id = ${inspectionId} AND m.status = 'closed'
            ${unitPath ? sql`AND u.path LIKE ${unitPath + '%'}` : sql``}
          ORDER BY m.id`,
    );
    if (eligible.length === 0) throw invalid('所选范围内没有已销号的措施，无法开展回头看');
    const ids = eligible.map((r) => r.id);
    const chosen = sampleSize === null ? ids : sampleMeasureIds(ids, seed!, sampleSize);
    const [round] = await tx
      .insert(schema.lookbackRounds)
      .values({
        inspectionId,
        unitId: input.unitId ?? null,
        name,
        sampleSize,
        seed,
        createdBy: actor.userId || null,
      })
      .returning();
    await tx
      .insert(schema.lookbackChecks)
      .values(chosen.map((measureId) => ({ roundId: round!.id, measureId })));
    await appendAudit(tx, actor, {
      action: 'lookback_round.create',
      entity: 'lookback_round',
      entityId: round!.id,
      unitId: inspection.ownerUnitId,
      after: {
        inspectionId,
        name,
        unitId: input.unitId ?? null,
        sampleSize,
        seed,
        eligible: ids.length,
        measureIds: chosen,
      },
    });
    return { ...round!, total: chosen.length, eligible: ids.length };
  });
}

function roundsQuery(actor: Actor, where: SQL, onlyWithChecks: boolean): SQL {
  return sql`SELECT r.id::int AS "id", r.inspection_id::int AS "inspectionId", r.name, r.unit_id::int AS "unitId",
      un.name AS "unitName", r.sample_size AS "sampleSize", r.seed, r.status, cu.display_name AS "createdBy",
      r.created_at AS "createdAt", r.finished_at AS "finishedAt",
      count(v.id)::int AS "total", count(v.outcome)::int AS "checked",
      count(v.id) FILTER (WHERE v.outcome = 'consolidated')::int AS "consolidated",
      count(v.id) FILTER (WHERE v.outcome = 'rebounded')::int AS "rebounded",
      count(v.id) FILTER (WHERE v.outcome = 'not_done')::int AS "notDone"
    FROM lookback_rounds r
    JOIN inspections i ON i.id = r.inspection_id
    JOIN units ou ON ou.id = i.owner_unit_id JOIN units iu ON iu.id = i.inspected_unit_id
    LEFT JOIN units un ON un.id = r.unit_id LEFT JOIN users cu ON cu.id = r.created_by
    LEFT JOIN (lookback_checks v JOIN measures m ON m.id = v.measure_id JOIN units mu ON mu.id = m.unit_id)
      ON v.round_id = r.id AND ${checkVisible(actor)}
    WHERE ${where}
    GROUP BY r.id, un.name, cu.display_name
    ${onlyWithChecks ? sql`HAVING count(v.id) > 0` : sql``}
    ORDER BY r.id DESC`;
}

const iso = (v: string | Date | null) => (v ? new Date(v).toISOString() : null);

function present(r: LookbackRoundSummary): LookbackRoundSummary {
  return { ...r, createdAt: iso(r.createdAt)!, finishedAt: iso(r.finishedAt) };
}

/** Rounds of an inspection with progress; a clerk sees only rounds that re-check his units. */
export async function listLookbackRounds(db: Db, actor: Actor, inspectionId: number) {
  const { roles } = await inspectionAccess(db, actor, inspectionId);
  const found = await rows<LookbackRoundSummary>(
    db,
    roundsQuery(actor, sql`r.inspection_id = ${inspectionId}`, !roles.some(seesWholeInspection)),
  );
  return { rounds: found.map(present), canCreate: mayLookback(roles) };
}

export const CHECK_FROM = sql`FROM lookback_checks lc
  JOIN lookback_rounds r ON r.id = lc.round_id
  JOIN measures m ON m.id = lc.measure_id JOIN units mu ON mu.id = m.unit_id
  JOIN problems p ON p.id = m.problem_id
  JOIN inspections i ON i.id = r.inspection_id
  JOIN units ou ON ou.id = i.owner_unit_id JOIN units iu ON iu.id = i.inspected_unit_id`;

const CHECK_COLUMNS = sql`lc.id::int AS "id", lc.round_id::int AS "roundId", lc.measure_id::int AS "measureId",
  m.text AS "measureText", m.status AS "measureStatus", m.unit_id::int AS "unitId", mu.name AS "unitName",
  p.id::int AS "problemId", p.number AS "problemNumber", p.title AS "problemTitle", p.recurring AS "problemRecurring",
  lc.outcome, lc.note, (SELECT display_name FROM users WHERE id = lc.checked_by) AS "checkedBy", lc.checked_at AS "checkedAt",
  COALESCE((SELECT json_agg(json_build_object('id', e.id::int, 'fileName', e.file_name, 'mime', f.mime, 'size', f.size::int) ORDER BY e.id)
    FROM lookback_evidence e JOIN evidence_files f ON f.sha256 = e.sha256 WHERE e.check_id = lc.id), '[]') AS "evidence"`;

export async function listChecks(tx: Tx, actor: Actor, where: SQL): Promise<LookbackCheckRow[]> {
  const found = await rows<LookbackCheckRow>(
    tx,
    sql`SELECT ${CHECK_COLUMNS} ${CHECK_FROM} WHERE ${where} AND ${checkVisible(actor)}
        ORDER BY p.position, p.id, m.position, m.id, lc.id`,
  );
  return found.map((c) => ({ ...c, checkedAt: iso(c.checkedAt) }));
}

/** One round with the checks the actor may see; to a clerk with none of them it does not exist. */
export async function getLookbackRound(db: Db, actor: Actor, roundId: number) {
  const [round] = await db.select().from(schema.lookbackRounds).where(eq(schema.lookbackRounds.id, roundId));
  if (!round) throw notFound('回头看');
  const { inspection, roles } = await inspectionAccess(db, actor, round.inspectionId).catch(() => {
    throw notFound('回头看');
  });
  const [summary] = await rows<LookbackRoundSummary>(db, roundsQuery(actor, sql`r.id = ${roundId}`, false));
  const checks = await listChecks(db, actor, sql`lc.round_id = ${roundId}`);
  if (checks.length === 0 && !roles.some(seesWholeInspection)) throw notFound('回头看');
  return {
    ...present(summary!),
    inspectionName: inspection.name,
    canRecord: mayLookback(roles) && round.status === 'open',
    checks,
  };
}

/** Closes a round: its results are final. Every selected measure must have been re-checked. */
export function finishLookbackRound(db: Db, actor: Actor, roundId: number) {
  return inTransaction(db, async (tx) => {
    const [round] = await tx
      .select()
      .from(schema.lookbackRounds)
      .where(eq(schema.lookbackRounds.id, roundId))
      .for('update');
    if (!round) throw notFound('回头看');
    const { inspection, roles } = await inspectionAccess(tx, actor, round.inspectionId).catch(() => {
      throw notFound('回头看');
    });
    if (!mayLookback(roles)) throw forbidden('只有巡察办、审核人或系统管理员可以结束回头看');
    if (round.status !== 'open') throw new DomainError('CONFLICT', '该轮回头看已经结束');
    const open = await one<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM lookback_checks WHERE round_id = ${roundId} AND outcome IS NULL`,
    );
    if (open!.n > 0) throw invalid(`还有 ${open!.n} 项未复查，不能结束本轮回头看`);
    const finishedAt = new Date().toISOString();
    const [after] = await tx
      .update(schema.lookbackRounds)
      .set({ status: 'finished', finishedAt })
      .where(eq(schema.lookbackRounds.id, roundId))
      .returning();
    await appendAudit(tx, actor, {
      action: 'lookback_round.finish',
      entity: 'lookback_round',
      entityId: roundId,
      unitId: inspection.ownerUnitId,
      before: { status: round.status },
      after: { status: 'finished', finishedAt },
    });
    return after!;
  });
}
