import { createHash, randomBytes } from 'node:crypto';
import { sql } from '@zhenggai/db';
import { hash, verify } from '@node-rs/argon2';
import { DomainError, type Role } from '@zhenggai/core';
import { schema, type Db } from '@zhenggai/db';
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
  await inTransaction(db, async (tx) => {
    await tx.insert(schema.sessions).values({ tokenHash: tokenHash(token), userId: user.id, expiresAt });
    await tx.execute(sql`DELETE FROM sessions WHERE expires_at < now()`);
  });
  const actor = await actorById(db, user.id);
  await inTransaction(db, (tx) =>
    appendAudit(tx, actor!, {
      action: 'session.login',
      entity: 'user',
      entityId: user.id,
      unitId: actor!.unitId,
    }),
  );
  return { token, expiresAt, actor: actor! };
}

export async function logout(db: Db, token: string): Promise<void> {
  await db.execute(sql`DELETE FROM sessions WHERE token_hash = ${tokenHash(token)}`);
}

/** The actor behind a session cookie, or null when it is unknown or expired. */
export async function actorForToken(db: Db, token: string): Promise<Actor | null> {
  const session = await one<{ user_id: number }>(
    db,
    sql`SELECT s.user_id::int AS user_id FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = ${tokenHash(token)} AND s.expires_at > now() AND NOT u.disabled`,
  );
  return session ? actorById(db, session.user_id) : null;
}

export async function actorById(db: Db, userId: number): Promise<Actor | null> {
  const user = await one<{ id: number; username: string; display_name: string; unit_id: number }>(
    db,
    sql`SELECT id::int AS id, username, display_name, unit_id::int AS unit_id FROM users WHERE id = ${userId}`,
  );
  if (!user) return null;
  const grants = await rows<{ role: Role; unit_id: number; path: string }>(
    db,
    sql`SELECT g.role, g.unit_id::int AS unit_id, u.path FROM role_grants g JOIN units u ON u.id = g.unit_id
        WHERE g.user_id = ${userId} ORDER BY g.id`,
  );
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    unitId: user.unit_id,
    grants: grants.map((g) => ({ role: g.role, unitId: g.unit_id, unitPath: g.path })),
  };
}
