import { eq, schema, sql, type Db } from '@zhenggai/db';
import {
  DomainError,
  forbidden,
  invalid,
  notFound,
  VERIFICATION_OUTCOMES,
  type Role,
  type VerificationOutcome,
} from '@zhenggai/core';
import { checkCharacter, maskIdNumber, normalizeIdText, type CheckResult } from '@zhenggai/checks';
import { may, rolesOn, scopePatterns, type Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import type { StoredFile } from './evidence-store.ts';
import { requireManageInspection } from './inspections.ts';
import { insertMeasure } from './measures.ts';
import { insertProblem } from './problems.ts';
import { inTransaction, nextPosition, one, patternArray, rows, type Tx } from './tx.ts';
import { requireUnit } from './units.ts';

// 核实: every hit of a cross-check run becomes a task for the unit it belongs to (the village
// named in the roster). The unit marks it 属实 / 不属实 / 已整改; the confirmed hits of one rule
// roll up into one ledger problem whose counts are always read live from the hits.

const BATCH = 5000;
/** Roles that see full ID numbers; everyone else sees them masked. */
const UNMASKED: readonly Role[] = ['admin', 'office', 'discipline'];

export interface RecordRunInput {
  ownerUnitId: number;
  pack: string;
  result: Pick<CheckResult, 'asOf' | 'rules' | 'hits'>;
}

/** Only the office of the owning unit runs and records cross-checks; asked before any work starts. */
export async function assertCanRecordRun(tx: Tx, actor: Actor, ownerUnitId: number) {
  const owner = await requireUnit(tx, ownerUnitId);
  if (!may(actor, 'manage_inspections', { ownUnitPath: owner.path, contextPaths: [] })) throw forbidden();
  return owner;
}

/** Stores a run and its hits as verification tasks; hits are assigned to villages by name. */
export function recordCheckRun(db: Db, actor: Actor, input: RecordRunInput) {
  return inTransaction(db, async (tx) => {
    const owner = await assertCanRecordRun(tx, actor, input.ownerUnitId);
    const units = await rows<{ id: number; name: string }>(
      tx,
      sql`SELECT id::int AS id, name FROM units WHERE path LIKE ${owner.path + '%'} ORDER BY length(path) DESC`,
    );
    const unitByName = new Map(units.map((u) => [u.name, u.id]));
    const [run] = await tx
      .insert(schema.checkRuns)
      .values({
        ownerUnitId: owner.id,
        pack: input.pack,
        asOf: input.result.asOf,
        summary: { rules: input.result.rules },
        createdBy: actor.userId || null,
      })
      .returning();
    const unassigned = new Set<string>();
    for (let i = 0; i < input.result.hits.length; i += BATCH) {
      const records = input.result.hits.slice(i, i + BATCH).map((h) => {
        const unitId = h.village ? unitByName.get(h.village) : undefined;
        if (h.village && unitId === undefined) unassigned.add(h.village);
        return {
          run_id: run!.id,
          rule_id: h.ruleId,
          rule_class: h.ruleClass,
          row_key: h.rowKey,
          id_number: h.idNumber,
          name: h.name,
          household_id: h.householdId,
          village: h.village,
          unit_id: unitId ?? owner.id,
          reason: h.reason,
        };
      });
      await tx.execute(sql`INSERT INTO check_hits (run_id, rule_id, rule_class, row_key, id_number, name, household_id,
          village, unit_id, reason)
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS x(run_id bigint, rule_id text,
          rule_class text, row_key text, id_number text, name text, household_id text, village text, unit_id bigint,
          reason text)`);
    }
    const summary = {
      runId: run!.id,
      hits: input.result.hits.length,
      unassignedVillages: [...unassigned].sort(),
    };
    await appendAudit(tx, actor, {
      action: 'check_run.record',
      entity: 'check_run',
      entityId: run!.id,
      unitId: owner.id,
      after: { pack: input.pack, asOf: input.result.asOf, ...summary },
    });
    return summary;
  });
}

interface HitRow {
  id: number;
  runId: number;
  ruleId: string;
  ruleClass: string;
  rowKey: string;
  idNumber: string | null;
  name: string | null;
  householdId: string | null;
  village: string | null;
  unitId: number;
  unitName: string;
  unitPath: string;
  ownerPath: string;
  reason: string;
  outcome: VerificationOutcome;
  note: string | null;
  problemId: number | null;
  evidence: { id: number; fileName: string; mime: string; size: number }[];
}

const HIT_SELECT = sql`SELECT h.id::int AS "id", h.run_id::int AS "runId", h.rule_id AS "ruleId", h.rule_class AS "ruleClass",
    h.row_key AS "rowKey", h.id_number AS "idNumber", h.name, h.household_id AS "householdId", h.village,
    h.unit_id::int AS "unitId", u.name AS "unitName", u.path AS "unitPath", ou.path AS "ownerPath", h.reason,
    h.outcome, h.note, h.problem_id::int AS "problemId",
    COALESCE((SELECT json_agg(json_build_object('id', e.id::int, 'fileName', e.file_name, 'mime', f.mime,
        'size', f.size::int) ORDER BY e.id)
      FROM check_hit_evidence e JOIN evidence_files f ON f.sha256 = e.sha256 WHERE e.hit_id = h.id), '[]') AS "evidence"
  FROM check_hits h JOIN units u ON u.id = h.unit_id JOIN check_runs r ON r.id = h.run_id
  JOIN units ou ON ou.id = r.owner_unit_id`;

function present(actor: Actor, hit: HitRow) {
  const roles = rolesOn(actor, { ownUnitPath: hit.unitPath, contextPaths: [hit.ownerPath] });
  const { unitPath: _u, ownerPath: _o, ...rest } = hit;
  return {
    ...rest,
    idNumber: roles.some((r) => UNMASKED.includes(r))
      ? hit.idNumber
      : hit.idNumber && maskIdNumber(hit.idNumber),
  };
}

export interface HitFilter {
  runId?: number;
  ruleId?: string;
  outcome?: VerificationOutcome;
  /** Hits of this unit and the units below it. */
  unitId?: number;
  /** Name, household id, village or unit name (part of it), or a whole ID number (exact match). */
  q?: string;
  limit?: number;
  offset?: number;
}

export const MAX_HIT_PAGE = 500;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The search term as SQL. An ID number is compared whole against the stored (full) number, so
 * a role that sees masked numbers can find a person by his number without learning any digit
 * it could not see: a partial number never matches.
 */
function searchCondition(q: string) {
  let id = normalizeIdText(q);
  // An old 15-digit number is stored converted to 18 digits, as the importer converts it.
  if (/^[0-9]{15}$/.test(id)) {
    const body = `${id.slice(0, 6)}19${id.slice(6)}`;
    id = body + checkCharacter(body);
  }
  if (/^[0-9]{17}[0-9X]$/.test(id)) return sql`h.id_number = ${id}`;
  const like = `%${escapeLike(q)}%`;
  return sql`(h.name LIKE ${like} OR h.village LIKE ${like} OR u.name LIKE ${like}
    OR h.household_id LIKE ${`${escapeLike(q)}%`})`;
}

/**
 * One page of the hits the actor may see (his units' tasks, or every hit of runs owned by his
 * subtree), with the total, the count per outcome (ignoring the outcome filter) and the ledger
 * problem the matching hits roll up into, if any.
 */
export async function listHits(db: Db, actor: Actor, filter: HitFilter) {
  const { own, context } = scopePatterns(actor);
  const parts = [sql`(u.path LIKE ANY(${patternArray(own)}) OR ou.path LIKE ANY(${patternArray(context)}))`];
  if (filter.runId) parts.push(sql`h.run_id = ${filter.runId}`);
  if (filter.ruleId) parts.push(sql`h.rule_id = ${filter.ruleId}`);
  if (filter.unitId) parts.push(sql`u.path LIKE (SELECT path FROM units WHERE id = ${filter.unitId}) || '%'`);
  const q = filter.q?.trim();
  if (q) parts.push(searchCondition(q));
  const grouped = await rows<{ outcome: VerificationOutcome; n: number; problemId: number | null }>(
    db,
    sql`SELECT h.outcome, count(*)::int AS n, max(h.problem_id)::int AS "problemId"
        FROM check_hits h JOIN units u ON u.id = h.unit_id JOIN check_runs r ON r.id = h.run_id
        JOIN units ou ON ou.id = r.owner_unit_id
        WHERE ${sql.join(parts, sql` AND `)} GROUP BY h.outcome`,
  );
  const counts = Object.fromEntries(VERIFICATION_OUTCOMES.map((o) => [o, 0])) as Record<
    VerificationOutcome,
    number
  >;
  for (const g of grouped) counts[g.outcome] = g.n;
  const total = filter.outcome
    ? counts[filter.outcome]
    : VERIFICATION_OUTCOMES.reduce((sum, o) => sum + counts[o], 0);
  if (filter.outcome) parts.push(sql`h.outcome = ${filter.outcome}`);
  const limit = Math.min(filter.limit ?? 50, MAX_HIT_PAGE);
  const offset = filter.offset ?? 0;
  const found =
    total > offset
      ? await rows<HitRow>(
          db,
          sql`${HIT_SELECT} WHERE ${sql.join(parts, sql` AND `)} ORDER BY h.run_id DESC, h.id
              LIMIT ${limit} OFFSET ${offset}`,
        )
      : [];
  return {
    items: found.map((h) => present(actor, h)),
    total,
    counts,
    problemId: grouped.reduce<number | null>(
      (max, g) => (g.problemId !== null && (max === null || g.problemId > max) ? g.problemId : max),
      null,
    ),
  };
}

async function hitAccess(tx: Tx, actor: Actor, id: number) {
  const hit = await one<HitRow>(tx, sql`${HIT_SELECT} WHERE h.id = ${id}`);
  if (!hit) throw notFound('核实任务');
  const roles = rolesOn(actor, { ownUnitPath: hit.unitPath, contextPaths: [hit.ownerPath] });
  if (roles.length === 0) throw notFound('核实任务');
  return { hit, roles };
}

/**
 * Whether the actor may verify this hit: out of scope reads as 404, in scope without the right
 * role as 403. Asked before an upload's bytes are read, and again inside the transaction.
 */
export async function assertMayVerifyHit(tx: Tx, actor: Actor, id: number) {
  const access = await hitAccess(tx, actor, id);
  if (!access.roles.some((r) => r === 'clerk' || r === 'office'))
    throw forbidden('只有责任单位联络员或巡察办可以核实');
  return access;
}

export type HitEvidenceInput = StoredFile & { fileName: string };

/** The unit's answer: 属实 / 不属实 / 已整改, with a note and evidence files (佐证材料). */
export function verifyHit(
  db: Db,
  actor: Actor,
  id: number,
  outcome: VerificationOutcome,
  note: string | null,
  evidence: HitEvidenceInput[] = [],
) {
  return inTransaction(db, async (tx) => {
    const { hit } = await assertMayVerifyHit(tx, actor, id);
    if (!VERIFICATION_OUTCOMES.includes(outcome) || outcome === 'pending')
      throw invalid('核实结果只能是属实、不属实或已整改');
    if (outcome === 'not_true' && !note?.trim()) throw invalid('认定“不属实”必须写明理由');
    await tx
      .update(schema.checkHits)
      .set({
        outcome,
        note: note?.trim() || null,
        verifiedBy: actor.userId || null,
        verifiedAt: new Date().toISOString(),
      })
      .where(eq(schema.checkHits.id, id));
    // A hit confirmed after its rule became a problem joins that problem; one found untrue leaves it.
    await tx.execute(
      outcome === 'not_true'
        ? sql`UPDATE check_hits SET problem_id = NULL WHERE id = ${id}`
        : sql`UPDATE check_hits SET problem_id = (SELECT max(problem_id) FROM check_hits
                WHERE run_id = ${hit.runId} AND rule_id = ${hit.ruleId}) WHERE id = ${id}`,
    );
    for (const file of evidence) {
      await tx
        .insert(schema.evidenceFiles)
        .values({ sha256: file.sha256, size: file.size, mime: file.mime })
        .onConflictDoNothing();
      await tx
        .insert(schema.checkHitEvidence)
        .values({ hitId: id, sha256: file.sha256, fileName: file.fileName });
    }
    await appendAudit(tx, actor, {
      action: 'check_hit.verify',
      entity: 'check_hit',
      entityId: id,
      unitId: hit.unitId,
      before: { outcome: hit.outcome, note: hit.note },
      after: {
        outcome,
        note: note?.trim() || null,
        ...(evidence.length > 0
          ? { evidence: evidence.map((f) => ({ sha256: f.sha256, fileName: f.fileName })) }
          : {}),
      },
    });
    const after = await one<HitRow>(tx, sql`${HIT_SELECT} WHERE h.id = ${id}`);
    return present(actor, after!);
  });
}

/** An evidence file of a hit, for download by whoever may see the hit (else 404). */
export async function hitEvidenceForDownload(db: Db, actor: Actor, evidenceId: number) {
  const found = await one<{ hitId: number; sha256: string; fileName: string; mime: string; size: number }>(
    db,
    sql`SELECT e.hit_id::int AS "hitId", e.sha256, e.file_name AS "fileName", f.mime, f.size::int AS size
        FROM check_hit_evidence e JOIN evidence_files f ON f.sha256 = e.sha256 WHERE e.id = ${evidenceId}`,
  );
  if (!found) throw notFound('佐证材料');
  await hitAccess(db, actor, found.hitId).catch((error: unknown) => {
    throw error instanceof DomainError && error.code === 'NOT_FOUND' ? notFound('佐证材料') : error;
  });
  return { sha256: found.sha256, fileName: found.fileName, mime: found.mime, size: found.size };
}

/**
 * One rule's confirmed hits become one problem (source 数据比对) with one measure for the office
 * to assign; hits confirmed later join the same problem. Counts are read live (problemHitCounts).
 */
export function promoteRule(
  db: Db,
  actor: Actor,
  input: {
    runId: number;
    ruleId: string;
    ruleTitle: string;
    inspectionId: number;
    unitId: number;
    deadline: string;
  },
) {
  return inTransaction(db, async (tx) => {
    await requireManageInspection(tx, actor, input.inspectionId);
    const counts = await one<{ confirmed: number; linked: number }>(
      tx,
      sql`SELECT count(*) FILTER (WHERE outcome IN ('confirmed', 'rectified'))::int AS confirmed,
                 count(*) FILTER (WHERE problem_id IS NOT NULL)::int AS linked
          FROM check_hits WHERE run_id = ${input.runId} AND rule_id = ${input.ruleId}`,
    );
    if (!counts || counts.confirmed === 0) throw invalid('该规则还没有核实属实的疑点');
    if (counts.linked > 0) throw invalid('该规则的疑点已转为台账问题');
    const problem = await insertProblem(tx, actor, input.inspectionId, {
      categoryId: null,
      number: String(await nextPosition(tx, 'problems', 'inspection_id', input.inspectionId)),
      title: `数据比对：${input.ruleTitle}`,
      finding: `比对规则 ${input.ruleId} 的疑点经核实属实 ${counts.confirmed} 条。`,
      source: 'cross_check',
      crossCheckAll: true,
    });
    await insertMeasure(tx, actor, problem.id, {
      text: `逐条更正核实属实的疑点（${input.ruleTitle}），并建立定期比对机制`,
      kind: 'deadline',
      unitId: input.unitId,
      deadline: input.deadline,
    });
    await tx.execute(
      sql`UPDATE check_hits SET problem_id = ${problem.id}
          WHERE run_id = ${input.runId} AND rule_id = ${input.ruleId} AND outcome IN ('confirmed', 'rectified')`,
    );
    return problem;
  });
}

/** "46人健康状况标识错误：已整改 46/46" — always counted from the hits. */
export async function problemHitCounts(tx: Tx, problemId: number) {
  return (await one<{ confirmed: number; rectified: number }>(
    tx,
    sql`SELECT count(*)::int AS confirmed, count(*) FILTER (WHERE outcome = 'rectified')::int AS rectified
        FROM check_hits WHERE problem_id = ${problemId}`,
  ))!;
}

/** Runs the actor can see (owned by his subtree, or with hits for his units), newest first. */
export async function listRuns(db: Db, actor: Actor) {
  const { own, context } = scopePatterns(actor);
  return rows<Record<string, unknown>>(
    db,
    sql`SELECT r.id::int AS "id", r.pack, r.as_of::text AS "asOf", r.owner_unit_id::int AS "ownerUnitId",
               ou.name AS "ownerUnitName", r.created_at AS "createdAt", r.summary->'rules' AS "rules",
               json_build_object(
                 'total', (SELECT count(*) FROM check_hits h WHERE h.run_id = r.id),
                 'pending', (SELECT count(*) FROM check_hits h WHERE h.run_id = r.id AND h.outcome = 'pending'),
                 'confirmed', (SELECT count(*) FROM check_hits h WHERE h.run_id = r.id AND h.outcome = 'confirmed'),
                 'not_true', (SELECT count(*) FROM check_hits h WHERE h.run_id = r.id AND h.outcome = 'not_true'),
                 'rectified', (SELECT count(*) FROM check_hits h WHERE h.run_id = r.id AND h.outcome = 'rectified')
               ) AS "counts"
        FROM check_runs r JOIN units ou ON ou.id = r.owner_unit_id
        WHERE ou.path LIKE ANY(${patternArray(context)})
           OR EXISTS (SELECT 1 FROM check_hits h JOIN units u ON u.id = h.unit_id
                      WHERE h.run_id = r.id AND u.path LIKE ANY(${patternArray(own)}))
        ORDER BY r.id DESC`,
  );
}
