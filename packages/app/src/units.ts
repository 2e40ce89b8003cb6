import { type Db, eq, schema, sql } from '@zhenggai/db';
import { DomainError, invalid, notFound, UNIT_KINDS, type UnitKind } from '@zhenggai/core';
import { assertMay, isSystem, scopePatterns, type Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { inTransaction, one, patternArray, rows, type Tx } from './tx.ts';

export interface Unit {
  id: number;
  parentId: number | null;
  name: string;
  kind: UnitKind;
  path: string;
}

const unitColumns = sql`id::int AS "id", parent_id::int AS "parentId", name, kind, path`;

export async function unitById(tx: Tx, id: number): Promise<Unit | undefined> {
  return one<Unit>(tx, sql`SELECT ${unitColumns} FROM units WHERE id = ${id}`);
}

export async function requireUnit(tx: Tx, id: number): Promise<Unit> {
  const unit = await unitById(tx, id);
  if (!unit) throw notFound(`单位 ${id} `);
  return unit;
}

export interface NewUnit {
  name: string;
  kind: UnitKind;
  parentId: number | null;
}

/** Inside an open transaction (used by imports and the demo as well as the API). */
export async function insertUnit(tx: Tx, actor: Actor, input: NewUnit): Promise<Unit> {
  const name = input.name.trim();
  if (!name) throw invalid('单位名称不能为空');
  if (!UNIT_KINDS.includes(input.kind)) throw invalid(`未知的单位类型：${input.kind}`);
  let parentPath = '/';
  if (input.parentId !== null) {
    const parent = await requireUnit(tx, input.parentId);
    assertMay(actor, 'manage_units', { ownUnitPath: parent.path, contextPaths: [] });
    parentPath = parent.path;
  } else if (!isSystem(actor)) {
    throw new DomainError('FORBIDDEN', '只有系统初始化可以创建顶级单位');
  }
  const clash = await one(
    tx,
    sql`SELECT 1 FROM units WHERE COALESCE(parent_id, 0) = ${input.parentId ?? 0} AND name = ${name}`,
  );
  if (clash) throw new DomainError('CONFLICT', `同一上级下已有名为「${name}」的单位`);
  const [row] = await tx
    .insert(schema.units)
    .values({ name, kind: input.kind, parentId: input.parentId, path: '' })
    .returning({ id: schema.units.id });
  const id = row!.id;
  const path = `${parentPath}${id}/`;
  await tx.update(schema.units).set({ path }).where(eq(schema.units.id, id));
  const unit: Unit = { id, parentId: input.parentId, name, kind: input.kind, path };
  await appendAudit(tx, actor, {
    action: 'unit.create',
    entity: 'unit',
    entityId: id,
    unitId: id,
    after: unit,
  });
  return unit;
}

export function createUnit(db: Db, actor: Actor, input: NewUnit): Promise<Unit> {
  return inTransaction(db, (tx) => insertUnit(tx, actor, input));
}

export async function renameUnit(db: Db, actor: Actor, id: number, name: string): Promise<Unit> {
  return inTransaction(db, async (tx) => {
    const before = await requireUnit(tx, id);
    assertMay(actor, 'manage_units', { ownUnitPath: before.path, contextPaths: [] });
    if (!name.trim()) throw invalid('单位名称不能为空');
    await tx.update(schema.units).set({ name: name.trim() }).where(eq(schema.units.id, id));
    const after = { ...before, name: name.trim() };
    await appendAudit(tx, actor, {
      action: 'unit.rename',
      entity: 'unit',
      entityId: id,
      unitId: id,
      before,
      after,
    });
    return after;
  });
}

/** Units the actor can see: every subtree he holds a grant on, in tree order. */
export async function listUnits(db: Db, actor: Actor): Promise<Unit[]> {
  const { own } = scopePatterns(actor);
  if (own.length === 0) return [];
  return rows<Unit>(
    db,
    sql`SELECT ${unitColumns} FROM units WHERE path LIKE ANY(${patternArray(own)}) ORDER BY path`,
  );
}

/** Finds a unit by exact name inside a subtree (ledger imports name units, not ids). */
export async function findUnitByName(tx: Tx, name: string, withinPath: string): Promise<Unit | undefined> {
  return one<Unit>(
    tx,
    sql`SELECT ${unitColumns} FROM units WHERE name = ${name} AND path LIKE ${withinPath + '%'} ORDER BY length(path) LIMIT 1`,
  );
}
