import { createHash, randomBytes } from 'node:crypto';
import { type Db, schema, sql } from '@zhenggai/db';
import { hash, verify } from '@node-rs/argon2';
import { DomainError, ROLE_LABELS } from '@zhenggai/core';
import type { Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { inTransaction, one, rows } from './tx.ts';

export const SESSION_HOURS = Number(process.env.ZHENGGAI_SESSION_HOURS ?? 12);

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

// Verifying against a real hash even for unknown users keeps the response time the same,
// so timing does not reveal which user names exist.
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hash(randomBytes(16).toString('hex')));

export interface LoginResult {
  token: string;
  expiresAt: string;
  actor: Actor;
}

export async function login(db: Db, username: string, password: string): Promise<LoginResult> {
  const user = await one<{ id: number; password_hash: string; disabled: boolean }>(
    db,
    sql`SELECT id::int AS id, password_hash, disabled FROM users WHERE username = ${username}`,
  );
  const ok = await verify(user?.password_hash ?? (await dummy()), password).catch(() => false);
  if (!user || !ok || user.disabled)
    throw new DomainError('UNAUTHENTICATED', '用户名或密码错误，或账号已停用');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000).toISOString();
  // The session and its audit line are one change: both land or neither does.
  const actor = await inTransaction(db, async (tx) => {
    await tx.insert(schema.sessions).values({ tokenHash: tokenHash(token), userId: user.id, expiresAt });
    await tx.execute(sql`DELETE FROM sessions WHERE expires_at < now()`);
    const signedIn = (await actorById(tx, user.id))!;
    await appendAudit(tx, signedIn, {
      action: 'session.login',
      entity: 'user',
      entityId: user.id,
      unitId: signedIn.unitId,
    });
    return signedIn;
  });
  return { token, expiresAt, actor };
}

export async function logout(db: Db, token: string): Promise<void> {
  await db.execute(sql`DELETE FROM sessions WHERE token_hash = ${tokenHash(token)}`);
}

/** Every request resolves its actor: one round trip for the session, the user and the grants. */
const ACTOR_SELECT = sql`SELECT u.id::int AS "userId", u.username, u.display_name AS "displayName", u.unit_id::int AS "unitId",
    COALESCE((SELECT json_agg(json_build_object('role', g.role, 'unitId', g.unit_id::int, 'unitPath', gu.path) ORDER BY g.id)
      FROM role_grants g JOIN units gu ON gu.id = g.unit_id WHERE g.user_id = u.id), '[]') AS grants
  FROM users u`;

/** The actor behind a session cookie, or null when it is unknown or expired. */
export async function actorForToken(db: Db, token: string): Promise<Actor | null> {
  const actor = await one<Actor>(
    db,
    sql`${ACTOR_SELECT} JOIN sessions s ON s.user_id = u.id
        WHERE s.token_hash = ${tokenHash(token)} AND s.expires_at > now() AND NOT u.disabled`,
  );
  return actor ?? null;
}

export async function actorById(db: Db, userId: number): Promise<Actor | null> {
  return (await one<Actor>(db, sql`${ACTOR_SELECT} WHERE u.id = ${userId}`)) ?? null;
}

/** Who is signed in, with unit names and role labels, for the header of every page. */
export async function actorProfile(db: Db, actor: Actor) {
  const names = new Map(
    (
      await rows<{ id: number; name: string }>(
        db,
        sql`SELECT id::int AS id, name FROM units
            WHERE id = ANY(string_to_array(${[actor.unitId, ...actor.grants.map((g) => g.unitId)].join(',')}, ',')::bigint[])`,
      )
    ).map((u) => [u.id, u.name]),
  );
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    unitId: actor.unitId,
    unitName: names.get(actor.unitId) ?? '',
    grants: actor.grants.map((g) => ({
      role: g.role,
      roleLabel: ROLE_LABELS[g.role],
      unitId: g.unitId,
      unitName: names.get(g.unitId) ?? '',
    })),
  };
}
