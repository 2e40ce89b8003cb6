import { sql, type Db } from '@zhenggai/db';
import type { NoticeStats } from '@zhenggai/core/contracts';
import type { Actor } from './actor.ts';
import { today } from './ledger-query.ts';
import { noticeScope } from './notices.ts';
import { one, rows } from './tx.ts';

export type { NoticeStats };

// 督办 in numbers, for the dashboard and the reports: how many notices went out at each level,
// how many are answered or closed, how many are past their response date, and which units
// carry the most open ones.

const FROM = sql`FROM supervision_notices n JOIN inspections i ON i.id = n.inspection_id
  JOIN units u ON u.id = n.unit_id JOIN units ou ON ou.id = i.owner_unit_id JOIN units iu ON iu.id = i.inspected_unit_id`;

export async function noticeStats(
  db: Db,
  actor: Actor,
  inspectionId?: number,
  day = today(),
): Promise<NoticeStats> {
  const where = sql`${noticeScope(actor)} ${inspectionId ? sql`AND n.inspection_id = ${inspectionId}` : sql``}`;
  const totals = await one<Omit<NoticeStats, 'byLevel' | 'units'>>(
    db,
    sql`SELECT count(*)::int AS total,
               count(*) FILTER (WHERE n.status = 'open')::int AS open,
               count(*) FILTER (WHERE n.status = 'answered')::int AS answered,
               count(*) FILTER (WHERE n.status = 'closed')::int AS closed,
               count(*) FILTER (WHERE n.status = 'open' AND n.response_due < ${day}::date)::int AS late
        ${FROM} WHERE ${where}`,
  );
  const byLevel = await rows<NoticeStats['byLevel'][number]>(
    db,
    sql`SELECT n.level, count(*)::int AS total, count(*) FILTER (WHERE n.status = 'open')::int AS open
        ${FROM} WHERE ${where} GROUP BY n.level ORDER BY n.level`,
  );
  const units = await rows<NoticeStats['units'][number]>(
    db,
    sql`SELECT n.unit_id::int AS "unitId", u.name AS "unitName", count(*)::int AS open, max(n.level)::int AS "highestLevel"
        ${FROM} WHERE ${where} AND n.status = 'open'
        GROUP BY n.unit_id, u.name ORDER BY 3 DESC, 4 DESC, 1 LIMIT 10`,
  );
  return { ...totals!, byLevel, units };
}
