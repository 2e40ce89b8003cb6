import { type Db, sql, type SQL } from '@zhenggai/db';
import { forbidden, roleMay } from '@zhenggai/core';
import type { Actor } from './actor.ts';
import { patternArray, rows } from './tx.ts';

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  action?: string;
  actorId?: number;
  since?: string;
  until?: string;
  limit?: number;
  beforeId?: number;
}

/** Audit events of the units the actor may audit, newest first, keyset-paged by id. */
export async function queryAudit(db: Db, actor: Actor, filter: AuditFilter) {
  const patterns = actor.grants.filter((g) => roleMay(g.role, 'read_audit')).map((g) => `${g.unitPath}%`);
  if (patterns.length === 0) throw forbidden('没有查看审计日志的权限');
  const parts: SQL[] = [sql`u.path LIKE ANY(${patternArray(patterns)})`];
  if (filter.entity) parts.push(sql`a.entity = ${filter.entity}`);
  if (filter.entityId) parts.push(sql`a.entity_id = ${filter.entityId}`);
  if (filter.action) parts.push(sql`a.action = ${filter.action}`);
  if (filter.actorId) parts.push(sql`a.actor_id = ${filter.actorId}`);
  if (filter.since) parts.push(sql`a.at >= ${filter.since}::timestamptz`);
  if (filter.until) parts.push(sql`a.at < ${filter.until}::timestamptz`);
  if (filter.beforeId) parts.push(sql`a.id < ${filter.beforeId}`);
  const limit = Math.min(Math.max(filter.limit ?? 100, 1), 1000);
  return rows<Record<string, unknown>>(
    db,
    sql`SELECT a.id::int AS "id", a.at, a.actor_id::int AS "actorId", COALESCE(us.display_name, '系统') AS "actorName",
               a.action, a.entity, a.entity_id AS "entityId", a.unit_id::int AS "unitId", a.before, a.after, a.hash
        FROM audit_events a JOIN units u ON u.id = a.unit_id LEFT JOIN users us ON us.id = a.actor_id
        WHERE ${sql.join(parts, sql` AND `)} ORDER BY a.id DESC LIMIT ${limit}`,
  );
}
