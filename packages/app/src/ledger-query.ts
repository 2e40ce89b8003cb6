import { sql, type Db, type SQL } from '@zhenggai/db';
import { daysUntil, measureLight, type MeasureKind, type MeasureStatus } from '@zhenggai/core';
import { scopePatterns, type Actor } from './actor.ts';
import { one, patternArray, rows } from './tx.ts';

// The ledger as one filtered table of measures, always limited to the actor's scope.

export interface LedgerFilter {
  inspectionId?: number;
  status?: MeasureStatus[];
  kind?: MeasureKind[];
  unitId?: number;
  /** Include measures of the unit's subtree. */
  unitSubtree?: boolean;
  leaderName?: string;
  categoryTitle?: string;
  problemId?: number;
  overdue?: boolean;
  dueSoon?: boolean;
  q?: string;
  sort?: 'position' | 'urgency' | 'updated';
  limit?: number;
  offset?: number;
}

export interface LedgerRow {
  id: number;
  inspectionId: number;
  inspectionName: string;
  problemId: number;
  problemNumber: string;
  problemTitle: string;
  /** The problem came back after closure (回头看 反弹 / 整改不到位). */
  problemRecurring: boolean;
  categoryTitle: string | null;
  position: number;
  text: string;
  kind: MeasureKind;
  status: MeasureStatus;
  unitId: number;
  unitName: string;
  leaderName: string | null;
  personName: string | null;
  deadline: string | null;
  lastProgressAt: string | null;
  evidenceCadenceDays: number | null;
  createdAt: string;
  yellowDays: number;
  light: string;
  daysLeft: number | null;
}

/** Beyond this many matches the ledger reports "more than" instead of an exact total. */
export const COUNT_CAP = 20_000;

// Building a DateTimeFormat costs far more than using one, and today() runs on every ledger request.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day deadlines are judged against. ZHENGGAI_TIMEZONE (e.g. Asia/Shanghai) makes the
 * day turn at local midnight rather than UTC's; ZHENGGAI_TODAY pins it (demos, tests, replays).
 */
export function today(): string {
  if (process.env.ZHENGGAI_TODAY) return process.env.ZHENGGAI_TODAY;
  const zone = process.env.ZHENGGAI_TIMEZONE || 'UTC';
  let format = dayFormats.get(zone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD. An unknown zone throws; the server checks it at start.
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone });
    dayFormats.set(zone, format);
  }
  return format.format(new Date());
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The SQL condition for "late": past the deadline, or a 长期坚持 measure whose evidence lapsed. */
export function overdueCondition(day: string): SQL {
  return sql`((m.kind <> 'ongoing' AND m.status <> 'closed' AND m.deadline < ${day}::date)
    OR (m.kind = 'ongoing' AND (COALESCE(m.last_progress_at, m.created_at)::date + COALESCE(m.evidence_cadence_days, 30)) < ${day}::date))`;
}

export function dueSoonCondition(day: string): SQL {
  return sql`(m.kind <> 'ongoing' AND m.status <> 'closed' AND m.deadline >= ${day}::date
    AND m.deadline <= ${day}::date + i.yellow_days)`;
}

/**
 * The actor's scope as semi-joins on the measure's own columns: the unit and inspection id sets
 * are computed once per query and probed by hash, so scope costs the same for 100 or 1,000,000 rows.
 */
export function scopeCondition(actor: Actor): SQL {
  const { own, context } = scopePatterns(actor);
  return sql`(m.unit_id IN (SELECT id FROM units WHERE path LIKE ANY(${patternArray(own)}))
    OR m.inspection_id IN (SELECT si.id FROM inspections si
      JOIN units sou ON sou.id = si.owner_unit_id JOIN units siu ON siu.id = si.inspected_unit_id
      WHERE sou.path LIKE ANY(${patternArray(context)}) OR siu.path LIKE ANY(${patternArray(context)})))`;
}

export const LEDGER_FROM = sql`FROM measures m
  JOIN units mu ON mu.id = m.unit_id
  JOIN problems p ON p.id = m.problem_id
  LEFT JOIN categories c ON c.id = p.category_id
  JOIN inspections i ON i.id = m.inspection_id`;

/** Counting needs the problem and category only when a filter looks at them. */
function countFrom(f: LedgerFilter): SQL {
  return f.leaderName || f.categoryTitle
    ? sql`FROM measures m JOIN problems p ON p.id = m.problem_id LEFT JOIN categories c ON c.id = p.category_id
          JOIN inspections i ON i.id = m.inspection_id`
    : sql`FROM measures m JOIN inspections i ON i.id = m.inspection_id`;
}

export function ledgerWhere(actor: Actor, f: LedgerFilter, day: string): SQL {
  const parts: SQL[] = [scopeCondition(actor)];
  if (f.inspectionId) parts.push(sql`m.inspection_id = ${f.inspectionId}`);
  if (f.problemId) parts.push(sql`m.problem_id = ${f.problemId}`);
  if (f.status?.length) parts.push(sql`m.status = ANY(string_to_array(${f.status.join(',')}, ','))`);
  if (f.kind?.length) parts.push(sql`m.kind = ANY(string_to_array(${f.kind.join(',')}, ','))`);
  if (f.unitId) {
    parts.push(
      // ANY(array) rather than IN (subquery): the planner then sees a short id list and keeps
      // walking the ledger-order index instead of fetching every measure of the subtree.
      f.unitSubtree
        ? sql`m.unit_id = ANY(ARRAY(SELECT id FROM units WHERE path LIKE (SELECT path FROM units WHERE id = ${f.unitId}) || '%'))`
        : sql`m.unit_id = ${f.unitId}`,
    );
  }
  if (f.leaderName) parts.push(sql`COALESCE(m.leader_name, p.leader_name) = ${f.leaderName}`);
  if (f.categoryTitle) parts.push(sql`c.title = ${f.categoryTitle}`);
  if (f.overdue) parts.push(overdueCondition(day));
  if (f.dueSoon) parts.push(dueSoonCondition(day));
  if (f.q?.trim()) {
    // Semi-joins instead of joined columns: problems and units are searched once per query,
    // not once per measure. Case folding only matters for Latin letters and costs several
    // times more per row, so Chinese-only searches use plain LIKE.
    const like = `%${escapeLike(f.q.trim())}%`;
    const op = /[a-z]/i.test(f.q) ? sql`ILIKE` : sql`LIKE`;
    const sameInspection = f.inspectionId ? sql`inspection_id = ${f.inspectionId} AND` : sql``;
    parts.push(
      sql`(m.text ${op} ${like} OR COALESCE(m.person_name, '') ${op} ${like} OR COALESCE(m.leader_name, '') ${op} ${like}
        OR m.problem_id IN (SELECT id FROM problems WHERE ${sameInspection} (title ${op} ${like}
                              OR finding ${op} ${like} OR COALESCE(leader_name, '') ${op} ${like}))
        OR m.unit_id IN (SELECT id FROM units WHERE name ${op} ${like}))`,
    );
  }
  return sql.join(parts, sql` AND `);
}

const ORDER: Record<NonNullable<LedgerFilter['sort']>, SQL> = {
  // Problem ids follow the order problems were registered or imported in.
  position: sql`m.inspection_id DESC, m.problem_id, m.position, m.id`,
  urgency: sql`(m.status = 'closed'), m.deadline ASC NULLS LAST, m.id`,
  updated: sql`m.updated_at DESC, m.id DESC`,
};

export async function listLedger(db: Db, actor: Actor, filter: LedgerFilter, day = today()) {
  const where = ledgerWhere(actor, filter, day);
  const limit = Math.min(Math.max(filter.limit ?? 100, 1), 20_000);
  const offset = Math.max(filter.offset ?? 0, 0);
  const items = await rows<Omit<LedgerRow, 'light' | 'daysLeft'>>(
    db,
    sql`SELECT m.id::int AS "id", m.inspection_id::int AS "inspectionId", i.name AS "inspectionName",
               m.problem_id::int AS "problemId", p.number AS "problemNumber", p.title AS "problemTitle",
               p.recurring AS "problemRecurring", c.title AS "categoryTitle", m.position, m.text, m.kind, m.status, m.unit_id::int AS "unitId",
               mu.name AS "unitName", COALESCE(m.leader_name, p.leader_name) AS "leaderName",
               m.person_name AS "personName", m.deadline::text AS "deadline",
               m.last_progress_at AS "lastProgressAt", m.evidence_cadence_days AS "evidenceCadenceDays",
               m.created_at AS "createdAt", i.yellow_days AS "yellowDays"
        ${LEDGER_FROM} WHERE ${where} ORDER BY ${ORDER[filter.sort ?? 'position']} LIMIT ${limit} OFFSET ${offset}`,
  );
  // Counting a million matches costs more than the page itself: count up to a cap and say so.
  const counted = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM (SELECT 1 ${countFrom(filter)} WHERE ${where} LIMIT ${COUNT_CAP + 1}) capped`,
  );
  const n = counted?.n ?? 0;
  return {
    total: Math.min(n, COUNT_CAP),
    totalExact: n <= COUNT_CAP,
    items: items.map((m) => withLight(m, day)),
  };
}

export function withLight(m: Omit<LedgerRow, 'light' | 'daysLeft'>, day: string): LedgerRow {
  const lastProgressAt = m.lastProgressAt ? new Date(m.lastProgressAt).toISOString() : null;
  const createdAt = new Date(m.createdAt).toISOString();
  const light = measureLight({ ...m, lastProgressAt, createdAt }, day, m.yellowDays);
  const daysLeft = m.deadline ? daysUntil(m.deadline, day) : null;
  return { ...m, lastProgressAt, createdAt, light, daysLeft };
}
