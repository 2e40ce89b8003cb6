import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addProgress,
  createLookbackRound,
  fireMeasureEvent,
  getLookbackRound,
  ledgerStats,
  recordLookbackCheck,
  sampleMeasureIds,
  verifyAudit,
  type Actor,
} from '@zhenggai/app';
import { sql } from '@zhenggai/db';
import { BACKENDS, freshDatabase, type TestDatabase } from '../../../test/databases.ts';
import { buildInspection, buildProblemWithMeasure, buildUser, buildWorld } from '../../../test/builders.ts';

// The look-back use-cases on the databases directly: sampling, the reopen inside the re-check's
// transaction (nothing half-written when it fails), counts per scope, and the audit chain.

describe('sampleMeasureIds', () => {
  const ids = Array.from({ length: 40 }, (_, i) => i + 1);
  it('is reproducible, depends on the seed, not on the order of its input, and caps at what exists', () => {
    const a = sampleMeasureIds(ids, 'seed-a', 10);
    expect(a).toHaveLength(10);
    expect(sampleMeasureIds([...ids].reverse(), 'seed-a', 10)).toEqual(a);
    expect(sampleMeasureIds(ids, 'seed-b', 10)).not.toEqual(a);
    expect(sampleMeasureIds(ids, 'seed-a', 100)).toEqual(ids);
    // A larger sample from the same seed contains the smaller one (it is a prefix of one order).
    expect(sampleMeasureIds(ids, 'seed-a', 20)).toEqual(expect.arrayContaining(a));
  });
});

describe.each(BACKENDS)('look-back use-cases on %s', (backend) => {
  let database: TestDatabase;
  let office: Actor;
  let reviewer: Actor;
  let clerkA: Actor;
  let clerkB: Actor;
  let inspectionId: number;
  const measures: { id: number; problemId: number; unit: 'A' | 'B' }[] = [];

  beforeAll(async () => {
    database = await freshDatabase(backend);
    const db = database.db;
    const world = await buildWorld(db);
    office = await buildUser(db, world.admin, 'office', world.county);
    reviewer = await buildUser(db, world.admin, 'reviewer', world.county);
    clerkA = await buildUser(db, world.admin, 'clerk', world.townA.id);
    clerkB = await buildUser(db, world.admin, 'clerk', world.townB.id);
    const inspection = await buildInspection(db, office, { ownerUnitId: world.county });
    inspectionId = inspection.id;
    for (const unit of ['A', 'A', 'B', 'B'] as const) {
      const built = await buildProblemWithMeasure(db, office, inspectionId, {
        unitId: unit === 'A' ? world.townA.id : world.townB.id,
      });
      await addProgress(db, office, built.measure.id, { text: '完成' });
      await fireMeasureEvent(db, office, built.measure.id, 'request_closure');
      await fireMeasureEvent(db, reviewer, built.measure.id, 'approve');
      measures.push({ id: built.measure.id, problemId: built.problem.id, unit });
    }
  }, 120_000);
  afterAll(() => database.drop());

  it('reopens, flags and counts in scope; the audit chain stays intact', async () => {
    const db = database.db;
    const round = await createLookbackRound(db, office, inspectionId, { name: '全部' });
    expect(round.total).toBe(4);
    const detail = await getLookbackRound(db, office, round.id);
    const checkOf = (measureId: number) => detail.checks.find((c) => c.measureId === measureId)!;
    const [a1, a2, b1] = measures;

    // A clerk may not record, and nothing is written when he tries.
    await expect(
      recordLookbackCheck(db, clerkA, checkOf(a1!.id).id, { outcome: 'rebounded', note: 'x' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      recordLookbackCheck(db, clerkB, checkOf(a1!.id).id, { outcome: 'consolidated' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    const res = await recordLookbackCheck(db, reviewer, checkOf(a1!.id).id, {
      outcome: 'not_done',
      note: '台账仍缺',
    });
    expect(res).toMatchObject({ reopened: true, measureStatus: 'in_progress', problemRecurring: true });
    await recordLookbackCheck(db, reviewer, checkOf(a2!.id).id, { outcome: 'consolidated' });
    await recordLookbackCheck(db, reviewer, checkOf(b1!.id).id, { outcome: 'rebounded', note: '又出现' });

    const all = await ledgerStats(db, office, inspectionId);
    expect(all.lookback).toEqual({
      sampled: 4,
      checked: 3,
      consolidated: 1,
      rebounded: 1,
      notDone: 1,
      recurringProblems: 2,
    });
    // Each clerk counts only his own unit's measures.
    expect((await ledgerStats(db, clerkA, undefined)).lookback).toMatchObject({
      sampled: 2,
      checked: 2,
      notDone: 1,
      rebounded: 0,
      recurringProblems: 1,
    });
    expect((await ledgerStats(db, clerkB, undefined)).lookback).toMatchObject({
      sampled: 2,
      checked: 1,
      rebounded: 1,
      recurringProblems: 1,
    });
    // The clerk's view of the round: his checks only.
    expect((await getLookbackRound(db, clerkA, round.id)).checks.map((c) => c.measureId).sort()).toEqual(
      [a1!.id, a2!.id].sort(),
    );

    // 巩固 on an already reopened measure leaves it reopened; the problem stays 反复.
    await recordLookbackCheck(db, office, checkOf(a1!.id).id, { outcome: 'consolidated' });
    const status = (await db.execute(
      sql`SELECT m.status, p.recurring FROM measures m JOIN problems p ON p.id = m.problem_id WHERE m.id = ${a1!.id}`,
    )) as unknown as { rows: { status: string; recurring: boolean }[] };
    expect(status.rows[0]).toEqual({ status: 'in_progress', recurring: true });

    const audit = await verifyAudit(db);
    expect(audit.ok).toBe(true);
  });
});
