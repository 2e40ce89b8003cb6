import { type Db, sql, type SQL } from '@zhenggai/db';
import { completionRate } from '@zhenggai/core';
import type { Actor } from './actor.ts';
import {
  dueSoonCondition,
  LEDGER_FROM,
  ledgerWhere,
  listLedger,
  overdueCondition,
  today,
} from './ledger-query.ts';
import { lookbackCounts } from './lookback-counts.ts';
import { one, rows } from './tx.ts';

// Counts and completion rates, always derived from the measures in the actor's scope.

export interface Totals {
  inspections: number;
  problems: number;
  measures: number;
  closed: number;
  pendingReview: number;
  inProgress: number;
  notStarted: number;
  ongoing: number;
  overdue: number;
  dueSoon: number;
}

interface Group {
  key: string;
  total: number;
  closed: number;
  overdue: number;
  rate: number;
}

export async function ledgerStats(db: Db, actor: Actor, inspectionId: number | undefined, day = today()) {
  const where = ledgerWhere(actor, { inspectionId }, day);
  const totals = await one<Totals>(
    db,
    sql`SELECT count(DISTINCT m.inspection_id)::int AS inspections,
               count(DISTINCT m.problem_id)::int AS problems,
               count(*)::int AS measures,
               count(*) FILTER (WHERE m.status = 'closed')::int AS closed,
               count(*) FILTER (WHERE m.status = 'pending_review')::int AS "pendingReview",
               count(*) FILTER (WHERE m.status = 'in_progress')::int AS "inProgress",
               count(*) FILTER (WHERE m.status = 'not_started')::int AS "notStarted",
               count(*) FILTER (WHERE m.kind = 'ongoing')::int AS ongoing,
               count(*) FILTER (WHERE ${overdueCondition(day)})::int AS overdue,
               count(*) FILTER (WHERE ${dueSoonCondition(day)})::int AS "dueSoon"
        ${LEDGER_FROM} WHERE ${where}`,
  );
  const group = async (key: SQL): Promise<Group[]> => {
    const found = await rows<Omit<Group, 'rate'>>(
      db,
      sql`SELECT ${key} AS key, count(*)::int AS total,
                 count(*) FILTER (WHERE m.status = 'closed')::int AS closed,
                 count(*) FILTER (WHERE ${overdueCondition(day)})::int AS overdue
          ${LEDGER_FROM} WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50`,
    );
    return found.map((g) => ({ ...g, rate: completionRate(g.closed, g.total) }));
  };
  const problemsClosed = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM (SELECT m.problem_id ${LEDGER_FROM} WHERE ${where}
        GROUP BY m.problem_id HAVING bool_and(m.status = 'closed')) t`,
  );
  const weekly = await rows<{ week: string; closed: number }>(
    db,
    sql`SELECT to_char(date_trunc('week', m.closed_at), 'YYYY-MM-DD') AS week, count(*)::int AS closed
        ${LEDGER_FROM} WHERE ${where} AND m.status = 'closed' AND m.closed_at IS NOT NULL
        GROUP BY 1 ORDER BY 1 DESC LIMIT 12`,
  );
  const overdueList = await listLedger(
    db,
    actor,
    { inspectionId, overdue: true, sort: 'urgency', limit: 50 },
    day,
  );
  const dueSoonList = await listLedger(
    db,
    actor,
    { inspectionId, dueSoon: true, sort: 'urgency', limit: 50 },
    day,
  );
  return {
    today: day,
    totals: {
      ...totals!,
      problemsClosed: problemsClosed?.n ?? 0,
      rate: completionRate(totals!.closed, totals!.measures),
    },
    byUnit: await group(sql`mu.name`),
    byCategory: await group(sql`COALESCE(c.title, '未分类')`),
    byLeader: await group(sql`COALESCE(m.leader_name, p.leader_name, '未指定')`),
    weeklyClosures: weekly.reverse(),
    overdue: overdueList.items,
    dueSoon: dueSoonList.items,
    // 回头看 outcomes and 反复 problems among the measures in scope.
    lookback: await lookbackCounts(db, where),
  };
}
