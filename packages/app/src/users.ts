import { type Db, eq, schema, sql } from '@zhenggai/db';
import { hash } from '@node-rs/argon2';
import { DomainError, invalid, notFound, ROLES, type Role } from '@zhenggai/core';
import { assertMay, type Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { inTransaction, one, patternArray, rows, type Tx } from './tx.ts';
import { requireUnit } from './units.ts';

/** A role on a unit subtree; `principal` marks a leader grant as the unit's 主要领导 (level-3 notices). */
export interface GrantInput {
  role: Role;
  unitId: number;
  principal?: boolean;
}

const grantRow = (userId: number, g: GrantInput) => ({
  userId,
  role: g.role,
  unitId: g.unitId,
  principal: g.role === 'leader' && g.principal === true,
});

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  unitId: number;
  unitName: string;
  email: string | null;
  disabled: boolean;
  grants: { role: Role; unitId: number; unitName: string; principal: boolean }[];
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  unitId: number;
  email?: string | null;
  grants: GrantInput[];
}

export const MIN_PASSWORD_LENGTH = 8;

export function hashPassword(password: string): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH) throw invalid(`密码至少 ${MIN_PASSWORD_LENGTH} 位`);
  return hash(password);
}

async function assertManages(tx: Tx, actor: Actor, unitId: number) {
  const unit = await requireUnit(tx, unitId);
  assertMay(actor, 'manage_users', { ownUnitPath: unit.path, contextPaths: [] });
}

export async function insertUser(tx: Tx, actor: Actor, input: NewUser): Promise<number> {
  if (!/^[A-Za-z0-9_.-]{2,64}$/.test(input.username))
    throw invalid('用户名只能包含字母、数字、下划线、点和减号，2–64 位');
  await assertManages(tx, actor, input.unitId);
  for (const g of input.grants) {
    if (!ROLES.includes(g.role)) throw invalid(`未知角色：${g.role}`);
    await assertManages(tx, actor, g.unitId);
  }
  const taken = await one(tx, sql`SELECT 1 FROM users WHERE username = ${input.username}`);
  if (taken) throw new DomainError('CONFLICT', `用户名「${input.username}」已被使用`);
  const passwordHash = await hashPassword(input.password);
  const [row] = await tx
    .insert(schema.users)
    .values({
      username: input.username,
      displayName: input.displayName.trim() || input.username,
      passwordHash,
      unitId: input.unitId,
      email: input.email ?? null,
    })
    .returning({ id: schema.users.id });
  const id = row!.id;
  for (const g of input.grants) await tx.insert(schema.roleGrants).values(grantRow(id, g));
  await appendAudit(tx, actor, {
    action: 'user.create',
    entity: 'user',
    entityId: id,
    unitId: input.unitId,
    after: {
      username: input.username,
      displayName: input.displayName,
      unitId: input.unitId,
      grants: input.grants,
    },
  });
  return id;
}

export function createUser(db: Db, actor: Actor, input: NewUser): Promise<UserView> {
  return inTransaction(db, async (tx) => {
    const id = await insertUser(tx, actor, input);
    return (await loadUsers(tx, sql`u.id = ${id}`))[0]!;
  });
}

export async function setGrants(
  db: Db,
  actor: Actor,
  userId: number,
  grants: GrantInput[],
): Promise<UserView> {
  return inTransaction(db, async (tx) => {
    const [before] = await loadUsers(tx, sql`u.id = ${userId}`);
    if (!before) throw notFound('用户');
    await assertManages(tx, actor, before.unitId);
    for (const g of [...before.grants, ...grants]) await assertManages(tx, actor, g.unitId);
    for (const g of grants) if (!ROLES.includes(g.role)) throw invalid(`未知角色：${g.role}`);
    await tx.delete(schema.roleGrants).where(eq(schema.roleGrants.userId, userId));
    for (const g of grants) await tx.insert(schema.roleGrants).values(grantRow(userId, g));
    const [after] = await loadUsers(tx, sql`u.id = ${userId}`);
    await appendAudit(tx, actor, {
      action: 'user.grants',
      entity: 'user',
      entityId: userId,
      unitId: before.unitId,
      before: before.grants,
      after: after!.grants,
    });
    return after!;
  });
}

export async function updateUser(
  db: Db,
  actor: Actor,
  userId: number,
  patch: { displayName?: string; password?: string; disabled?: boolean; email?: string | null },
): Promise<UserView> {
  return inTransaction(db, async (tx) => {
    const [before] = await loadUsers(tx, sql`u.id = ${userId}`);
    if (!before) throw notFound('用户');
    await assertManages(tx, actor, before.unitId);
    const set: Partial<typeof schema.users.$inferInsert> = {};
    if (patch.displayName !== undefined) set.displayName = patch.displayName;
    if (patch.disabled !== undefined) set.disabled = patch.disabled;
    if (patch.email !== undefined) set.email = patch.email;
    if (patch.password !== undefined) set.passwordHash = await hashPassword(patch.password);
    if (Object.keys(set).length > 0)
      await tx.update(schema.users).set(set).where(eq(schema.users.id, userId));
    // A disabled user or a new password ends every open session.
    if (patch.disabled || patch.password !== undefined) {
      await tx.delete(schema.sessions).where(eq(schema.sessions.userId, userId));
    }
    const [after] = await loadUsers(tx, sql`u.id = ${userId}`);
    await appendAudit(tx, actor, {
      action: 'user.update',
      entity: 'user',
      entityId: userId,
      unitId: before.unitId,
      before: { displayName: before.displayName, disabled: before.disabled, email: before.email },
      after: {
        displayName: after!.displayName,
        disabled: after!.disabled,
        email: after!.email,
        passwordChanged: patch.password !== undefined,
      },
    });
    return after!;
  });
}

export async function listUsers(db: Db, actor: Actor): Promise<UserView[]> {
  const patterns = actor.grants.filter((g) => g.role === 'admin').map((g) => `${g.unitPath}%`);
  if (patterns.length === 0) return [];
  return loadUsers(db, sql`uu.path LIKE ANY(${patternArray(patterns)})`);
}

async function loadUsers(tx: Tx, where: ReturnType<typeof sql>): Promise<UserView[]> {
  type Row = Omit<UserView, 'grants'> & { grants: UserView['grants'] | null };
  const found = await rows<Row>(
    tx,
    sql`SELECT u.id::int AS "id", u.username, u.display_name AS "displayName", u.unit_id::int AS "unitId",
               uu.name AS "unitName", u.email, u.disabled,
               (SELECT json_agg(json_build_object('role', g.role, 'unitId', g.unit_id::int, 'unitName', gu.name, 'principal', g.principal) ORDER BY g.id)
                  FROM role_grants g JOIN units gu ON gu.id = g.unit_id WHERE g.user_id = u.id) AS "grants"
        FROM users u JOIN units uu ON uu.id = u.unit_id WHERE ${where} ORDER BY u.id`,
  );
  return found.map((r) => ({ ...r, grants: r.grants ?? [] }));
}
