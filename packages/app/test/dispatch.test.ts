import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addProgress,
  compareSnapshots,
  deleteMeasure,
  fireMeasureEvent,
  getSnapshot,
  listSnapshots,
  takeSnapshot,
  type Actor,
} from '@zhenggai/app';
import { sql } from '@zhenggai/db';
import { BACKENDS, freshDatabase, type TestDatabase } from '../../../test/databases.ts';
import { buildInspection, buildProblemWithMeasure, buildUser, buildWorld } from '../../../test/builders.ts';

// A small ledger of two townships, two dispatches around some work, and the exact comparison.

describe.each(BACKENDS)('dispatch snapshots on %s', (backend) => {
  let database: TestDatabase;
  let office: Actor;
  let clerkA: Actor;
  let clerkB: Actor;
  let officeB: Actor;
  let townA: number;
  let townB: number;
  let inspectionId: number;
  let otherInspectionId: number;
  const m: Record<string, number> = {};

  beforeAll(async () => {
    database = await freshDatabase(backend);
    const db = database.db;
    const world = await buildWorld(db);
    townA = world.townA.id;
    townB = world.townB.id;
    office = await buildUser(db, world.admin, 'office', world.county);
    clerkA = await buildUser(db, world.admin, 'clerk', townA);
    clerkB = await buildUser(db, world.admin, 'clerk', townB);
    officeB = await buildUser(db, world.admin, 'office', townB);
    const inspection = await buildInspection(db, office, { ownerUnitId: world.county, name: '县委巡察' });
    inspectionId = inspection.id;
    const add = async (key: string, unitId: number, deadline: string) => {
      const { measure } = await buildProblemWithMeasure(db, office, inspectionId, {
        unitId,
        deadline,
        text: `措施${key}`,
      });
      m[key] = measure.id;
    };
    await add('1', townA, '2026-11-15');
    await add('2', townA, '2026-12-31');
    await add('3', townB, '2026-12-31');
    await add('4', townB, '2026-12-31');
    await add('6', townB, '2026-12-31');
    await add('7', townA, '2026-12-31');
    await addProgress(db, clerkA, m['1']!, {
      text: '已核查100户',
      numbers: [{ label: '核查', value: 100, unit: '户' }],
    });
    await addProgress(db, office, m['4']!, { text: '已完成' });
    await fireMeasureEvent(db, office, m['4']!, 'request_closure');
    await addProgress(db, clerkA, m['7']!, { text: '开始整改' });
    const other = await buildInspection(db, officeB, { ownerUnitId: townB, name: '乙镇自查' });
    otherInspectionId = other.id;
    await buildProblemWithMeasure(db, officeB, other.id, { unitId: townB });
  });
  afterAll(() => database.drop());

  let first: number;
  let second: number;

  it('takes a snapshot with one row per measure, lights judged on the dispatch date', async () => {
    const snap = await takeSnapshot(database.db, office, inspectionId, {
      label: '10月调度',
      takenOn: '2026-10-31',
    });
    first = snap.id;
    expect(snap.rows).toHaveLength(6);
    const row1 = snap.rows.find((r) => r.measureId === m['1'])!;
    expect(row1).toMatchObject({
      status: 'in_progress',
      light: 'green',
      deadline: '2026-11-15',
      progressCount: 1,
      unitName: '甲镇',
      numbers: [{ label: '核查', value: 100, unit: '户' }],
    });
    expect(row1.lastProgressAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(snap.totals).toMatchObject({
      measures: 6,
      closed: 0,
      overdue: 0,
      byStatus: { not_started: 3, in_progress: 2, pending_review: 1, closed: 0 },
    });
    expect(snap.totals.byUnit.map((u) => [u.unitName, u.measures])).toEqual([
      ['甲镇', 3],
      ['乙镇', 3],
    ]);
    const audit = await database.db.execute(
      sql`SELECT action, entity_id, after FROM audit_events WHERE entity = 'dispatch_snapshot'`,
    );
    const events = (audit as unknown as { rows: { action: string; entity_id: string }[] }).rows;
    expect(events).toEqual([
      expect.objectContaining({ action: 'dispatch.snapshot', entity_id: String(first) }),
    ]);
  });

  it('compares two snapshots exactly: moved, stalled by unit, numbers, added, removed', async () => {
    const db = database.db;
    await addProgress(db, clerkA, m['1']!, {
      text: '又核查50户，调整8户',
      numbers: [
        { label: '核查', value: 150, unit: '户' },
        { label: '调整', value: 8, unit: '户' },
      ],
    });
    await addProgress(db, clerkA, m['2']!, { text: '已启动' });
    // A later update without numbers keeps the latest figures in the dispatch.
    await addProgress(db, clerkA, m['1']!, { text: '继续核查' });
    await fireMeasureEvent(db, office, m['4']!, 'approve');
    await deleteMeasure(db, office, m['6']!);
    const { measure: m5 } = await buildProblemWithMeasure(db, office, inspectionId, {
      unitId: townA,
      text: '措施5',
    });
    const snap = await takeSnapshot(db, office, inspectionId, { label: '11月调度', takenOn: '2026-11-30' });
    second = snap.id;
    expect(snap.totals).toMatchObject({ measures: 6, closed: 1, overdue: 1 });

    // Given in either order, the earlier dispatch is "then".
    const c = await compareSnapshots(db, office, second, first);
    expect(c.from).toEqual({ id: first, label: '10月调度', takenOn: '2026-10-31' });
    expect(c.to.id).toBe(second);
    expect(c.moved.map((x) => [x.text, x.from, x.to])).toEqual([
      ['措施2', 'not_started', 'in_progress'],
      ['措施4', 'pending_review', 'closed'],
    ]);
    expect(c.stalled.map((u) => [u.unitName, u.measures.map((x) => x.text)])).toEqual([
      ['甲镇', ['措施7']],
      ['乙镇', ['措施3']],
    ]);
    expect(c.numbers.map((n) => [n.text, n.label, n.from, n.to, n.delta, n.unit])).toEqual([
      ['措施1', '核查', 100, 150, 50, '户'],
      ['措施1', '调整', null, 8, 8, '户'],
    ]);
    expect(c.added.map((r) => r.measureId)).toEqual([m5.id]);
    expect(c.removed.map((r) => r.measureId)).toEqual([m['6']]);
    expect(c.totals.then).toMatchObject({ measures: 6, closed: 0, overdue: 0 });
    expect(c.totals.now).toMatchObject({ measures: 6, closed: 1, overdue: 1 });
    const byUnit = Object.fromEntries(c.units.map((u) => [u.unitName, [u.then?.measures, u.now?.measures]]));
    expect(byUnit).toEqual({ 甲镇: [3, 4], 乙镇: [3, 2] });
    const a = c.units.find((u) => u.unitName === '甲镇')!;
    expect(a.now).toMatchObject({ overdue: 1, byStatus: { in_progress: 3, not_started: 1 } });
  });

  it('shows a unit clerk only the rows of his own units, and nothing of other inspections', async () => {
    const mine = await getSnapshot(database.db, clerkA, second);
    expect(mine.partial).toBe(true);
    expect(new Set(mine.rows.map((r) => r.unitName))).toEqual(new Set(['甲镇']));
    expect(mine.totals.measures).toBe(4);
    const c = await compareSnapshots(database.db, clerkA, first, second);
    expect(c.stalled.map((u) => u.unitName)).toEqual(['甲镇']);
    expect(c.moved.map((x) => x.text)).toEqual(['措施2']);
    expect((await listSnapshots(database.db, clerkA, inspectionId)).map((s) => s.label)).toEqual([
      '11月调度',
      '10月调度',
    ]);
    const full = await getSnapshot(database.db, office, second);
    expect(full.partial).toBe(false);
    expect(full.rows).toHaveLength(6);
    // Township B's office runs only its own inspection: the county's dispatches do not exist for it.
    await expect(getSnapshot(database.db, officeB, first)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(listSnapshots(database.db, officeB, inspectionId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses bad input and people who may not take snapshots', async () => {
    const db = database.db;
    await expect(takeSnapshot(db, clerkA, inspectionId, { label: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(takeSnapshot(db, officeB, inspectionId, { label: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(takeSnapshot(db, office, inspectionId, { label: '  ' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(
      takeSnapshot(db, office, inspectionId, { label: 'x', takenOn: '2026-02-30' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(getSnapshot(db, office, 999_999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const other = await takeSnapshot(db, officeB, otherInspectionId, { label: '乙镇调度' });
    expect(other.takenOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(compareSnapshots(db, officeB, first, other.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(compareSnapshots(db, office, first, first)).rejects.toMatchObject({ code: 'VALIDATION' });
    // clerkB sees both inspections (his unit owns measures in each) but they cannot be compared.
    await expect(compareSnapshots(db, clerkB, first, other.id)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: '两次调度不属于同一巡察，无法比较',
    });
  });
});
