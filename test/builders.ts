import {
  actorById,
  createInspection,
  createMeasure,
  createProblem,
  createUnit,
  createUser,
  initialize,
  type Actor,
  type InspectionInput,
  type MeasureInput,
} from '@zhenggai/app';
import type { Role } from '@zhenggai/core';
import type { Db } from '@zhenggai/db';

// Small builders for real rows. Each returns what the test needs next.

export const TEST_PASSWORD = 'correct-horse-42';

export async function buildWorld(db: Db) {
  await initialize(db, { demo: false, password: TEST_PASSWORD, countyName: '测试县' });
  const admin = (await actorById(db, 1))!;
  const county = admin.unitId;
  const townA = await createUnit(db, admin, { name: '甲镇', kind: 'township', parentId: county });
  const townB = await createUnit(db, admin, { name: '乙镇', kind: 'township', parentId: county });
  const villageA = await createUnit(db, admin, { name: '甲一村', kind: 'village', parentId: townA.id });
  return { admin, county, townA, townB, villageA };
}

let userCounter = 0;

export async function buildUser(db: Db, admin: Actor, role: Role, unitId: number): Promise<Actor> {
  const user = await createUser(db, admin, {
    username: `${role}_${++userCounter}_${unitId}`,
    displayName: `${role} 测试`,
    password: TEST_PASSWORD,
    unitId,
    grants: [{ role, unitId }],
  });
  return (await actorById(db, user.id))!;
}

export async function buildInspection(
  db: Db,
  actor: Actor,
  overrides: Partial<InspectionInput> & { ownerUnitId: number },
) {
  return createInspection(db, actor, {
    name: '测试巡察',
    kind: 'xuncha',
    inspectedUnitId: overrides.ownerUnitId,
    ...overrides,
  });
}

export async function buildProblemWithMeasure(
  db: Db,
  actor: Actor,
  inspectionId: number,
  measure: Partial<MeasureInput> & { unitId: number },
) {
  const problem = await createProblem(db, actor, inspectionId, {
    categoryId: null,
    number: '1',
    title: '测试问题',
  });
  const created = await createMeasure(db, actor, problem.id, {
    text: '测试措施',
    kind: 'deadline',
    deadline: '2030-01-01',
    ...measure,
  });
  return { problem, measure: created };
}
