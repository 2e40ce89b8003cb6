import { sql, type Db } from '@zhenggai/db';
import type { Role } from '@zhenggai/core';
import type { InboxItem } from '@zhenggai/core/contracts';
import type { Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { inTransaction, one, rows, type Tx } from './tx.ts';

export type { InboxItem };

// The in-app inbox. Features write notifications inside their own transaction (so a notice and
// its notifications exist together or not at all); e-mail delivery picks them up afterwards.

export interface NotifyInput {
  userIds: number[];
  kind: string;
  title: string;
  body?: string;
  /** Path in the web app that opens the subject, e.g. /measures/42. */
  link?: string | null;
  measureId?: number | null;
  noticeId?: number | null;
  /**
   * Makes the notification idempotent: the same key for the same user is written once, however
   * often the caller runs (the user id is appended, so one key serves every recipient).
   */
  dedupeKey?: string | null;
}

/** Writes one notification per distinct user; returns how many were new. */
export async function notify(tx: Tx, input: NotifyInput): Promise<number> {
  let created = 0;
  for (const userId of [...new Set(input.userIds)]) {
    // Mail is queued only for users who have an address; delivery is a separate step.
    const row = await one<{ id: number }>(
      tx,
      sql`INSERT INTO notifications (user_id, kind, title, body, link, measure_id, notice_id, dedupe_key, email_status)
          SELECT u.id, ${input.kind}, ${input.title}, ${input.body ?? ''}, ${input.link ?? null},
                 ${input.measureId ?? null}, ${input.noticeId ?? null},
                 ${input.dedupeKey ? `${input.dedupeKey}:u${userId}` : null},
                 CASE WHEN COALESCE(u.email, '') <> '' THEN 'pending' ELSE 'none' END
          FROM users u WHERE u.id = ${userId} AND NOT u.disabled
          ON CONFLICT (dedupe_key) DO NOTHING
          RETURNING id::int AS id`,
    );
    if (row) created++;
  }
  return created;
}

/**
 * The users holding `role` on the nearest unit that covers `unitId` (the unit itself, else its
 * parent, and so on up). `principal` narrows leader grants to 主要领导 (true) or 分管领导 (false).
 * Everyone returned holds a grant over the unit, so nobody hears about work outside his scope.
 */
export async function nearestHolders(
  tx: Tx,
  unitId: number,
  role: Role,
  principal?: boolean,
): Promise<number[]> {
  const found = await rows<{ userId: number }>(
    tx,
    sql`WITH target AS (SELECT path FROM units WHERE id = ${unitId}),
        holders AS (
          SELECT g.user_id::int AS "userId", length(gu.path) AS depth
          FROM role_grants g JOIN units gu ON gu.id = g.unit_id JOIN users u ON u.id = g.user_id, target
          WHERE g.role = ${role} AND NOT u.disabled AND target.path LIKE gu.path || '%'
            AND (${principal ?? null}::boolean IS NULL OR g.principal = ${principal ?? null}::boolean))
        SELECT DISTINCT "userId" FROM holders WHERE depth = (SELECT max(depth) FROM holders) ORDER BY "userId"`,
  );
  return found.map((r) => r.userId);
}

/** Users holding `role` on exactly the units given or above them (e.g. the office of an inspection's owner unit). */
export async function holdersCovering(tx: Tx, unitId: number, roles: Role[]): Promise<number[]> {
  const found = await rows<{ userId: number }>(
    tx,
    sql`SELECT DISTINCT g.user_id::int AS "userId"
        FROM role_grants g JOIN units gu ON gu.id = g.unit_id JOIN users u ON u.id = g.user_id
        JOIN units target ON target.id = ${unitId}
        WHERE g.role = ANY(string_to_array(${roles.join(',')}, ',')) AND NOT u.disabled AND target.path LIKE gu.path || '%'
        ORDER BY 1`,
  );
  return found.map((r) => r.userId);
}

/** The signed-in user's own notifications, newest first. Nobody reads another's inbox. */
export async function listInbox(
  tx: Tx,
  userId: number,
  options: { unreadOnly?: boolean; limit?: number; beforeId?: number } = {},
): Promise<{ items: InboxItem[]; unread: number }> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const items = await rows<InboxItem>(
    tx,
    sql`SELECT id::int AS id, kind, title, body, link, measure_id::int AS "measureId", notice_id::int AS "noticeId",
               created_at AS "createdAt", read_at AS "readAt"
        FROM notifications
        WHERE user_id = ${userId}
          ${options.unreadOnly ? sql`AND read_at IS NULL` : sql``}
          ${options.beforeId ? sql`AND id < ${options.beforeId}` : sql``}
        ORDER BY id DESC LIMIT ${limit}`,
  );
  return {
    items: items.map((i) => ({
      ...i,
      createdAt: new Date(i.createdAt).toISOString(),
      readAt: i.readAt ? new Date(i.readAt).toISOString() : null,
    })),
    unread: await unreadCount(tx, userId),
  };
}

export async function unreadCount(tx: Tx, userId: number): Promise<number> {
  const row = await one<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${userId} AND read_at IS NULL`,
  );
  return row!.n;
}

/**
 * Marks the actor's own notifications read (all of them when `ids` is omitted); returns how many
 * changed. Audited like every other change, once per call, naming the notifications it touched.
 */
export function markRead(db: Db, actor: Actor, ids?: number[]): Promise<number> {
  return inTransaction(db, async (tx) => {
    const changed = await rows<{ id: number }>(
      tx,
      sql`UPDATE notifications SET read_at = now()
          WHERE user_id = ${actor.userId} AND read_at IS NULL
            ${ids ? sql`AND id = ANY(string_to_array(${ids.join(',') || '0'}, ',')::bigint[])` : sql``}
          RETURNING id::int AS id`,
    );
    if (changed.length > 0)
      await appendAudit(tx, actor, {
        action: 'inbox.read',
        entity: 'user',
        entityId: actor.userId,
        unitId: actor.unitId,
        after: { notifications: changed.map((n) => n.id) },
      });
    return changed.length;
  });
}
