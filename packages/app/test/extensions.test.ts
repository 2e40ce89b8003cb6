import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addProgress,
  decideExtension,
  fireMeasureEvent,
  isPendingViolation,
  listExtensionQueue,
  listInbox,
  listMeasureExtensions,
  measureTimeline,
  requestExtension,
  verifyAudit,
  withdrawExtension,
  type Actor,
} from '@zhenggai/app';
import { sql } from '@zhenggai/db';
import { BACKENDS, freshDatabase, type TestDatabase } from '../../../test/databases.ts';
import { buildInspection, buildProblemWithMeasure, buildUser, buildWorld } from '../../../test/builders.ts';

// 延期申请: the unit asks, the office decides, the deadline moves with the approval.

describe.each(BACKENDS)('extension requests on %s', (backend) => {
  let database: TestDatabase;
  let office: Actor;
  let clerkA: Actor;
  let leaderA: Actor;
  let clerkB: Actor;
  let reviewer: Actor;
  let officeA: Actor;
  let measureId: number;
  let closedId: number;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    const db = database.db;
    const world = await buildWorld(db);
    office = await buildUser(db, world.admin, 'office', world.county);
    reviewer = await buildUser(db, world.admin, 'reviewer', world.county);
    clerkA = await buildUser(db, world.admin, 'clerk', world.townA.id);
    leaderA = await buildUser(db, world.admin, 'leader', world.townA.id);
    clerkB = await buildUser(db, world.admin, 'clerk', world.townB.id);
    officeA = await buildUser(db, world.admin, 'office', world.townA.id);
    const inspection = await buildInspection(db, office, {
      ownerUnitId: world.county,
      inspectedUnitId: world.townA.id,
    });
    measureId = (
      await buildProblemWithMeasure(db, office, inspection.id, {
        unitId: world.townA.id,
        deadline: '2026-12-31',
      })
    ).measure.id;
    closedId = (await buildProblemWithMeasure(db, office, inspection.id, { unitId: world.townA.id })).measure
      .id;
    await addProgress(db, clerkA, closedId, { text: '完成' });
    await fireMeasureEvent(db, clerkA, closedId, 'request_closure');
    await fireMeasureEvent(db, reviewer, closedId, 'approve');
  });
  afterAll(() => database.drop());

  it('refuses bad requests with clear reasons', async () => {
    const db = database.db;
    const ask = (who: Actor, id: number, requestedDeadline: string, reason = '拆迁未完成') =>
      requestExtension(db, who, id, { requestedDeadline, reason });
    await expect(ask(clerkA, measureId, '2026-12-31')).rejects.toMatchObject({
      code: 'VALIDATION',
      message: '新的整改时限必须晚于当前时限 2026-12-31',
    });
    await expect(ask(clerkA, measureId, '2026-06-30')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(ask(clerkA, measureId, '2027-13-01')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(ask(clerkA, measureId, '2027-03-31', '   ')).rejects.toMatchObject({
      code: 'VALIDATION',
      message: '请填写延期理由',
    });
    await expect(ask(clerkA, measureId, '2027-03-31', '理'.repeat(2001))).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(ask(clerkA, closedId, '2027-03-31')).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(ask(clerkB, measureId, '2027-03-31')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(ask(office, measureId, '2027-03-31')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await listMeasureExtensions(db, clerkA, measureId)).items).toEqual([]);
  });

  it('asks, refuses a second pending request, is refused, then asks again and is approved', async () => {
    const db = database.db;
    const first = await requestExtension(db, clerkA, measureId, {
      requestedDeadline: '2027-03-31',
      reason: '涉及征地，需等待审批',
    });
    expect(first).toMatchObject({ status: 'pending', currentDeadline: '2026-12-31', statusLabel: '待审批' });
    await expect(
      requestExtension(db, leaderA, measureId, { requestedDeadline: '2027-04-30', reason: '再延' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const inbox = await listInbox(db, office.userId);
    expect(inbox.items[0]).toMatchObject({ kind: 'extension', link: `/measures/${measureId}`, measureId });
    expect((await listExtensionQueue(db, office)).items.map((r) => r.id)).toEqual([first.id]);
    expect((await listExtensionQueue(db, clerkB)).items).toEqual([]);

    await expect(decideExtension(db, clerkA, first.id, { approve: true })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(decideExtension(db, clerkB, first.id, { approve: true })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // The inspected township's own office sees the request but may not extend its own deadlines.
    await expect(decideExtension(db, officeA, first.id, { approve: true })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await listMeasureExtensions(db, officeA, measureId)).canDecide).toBe(false);
    expect((await listExtensionQueue(db, officeA)).items.map((r) => r.canDecide)).toEqual([false]);
    expect((await listExtensionQueue(db, office)).items.map((r) => r.canDecide)).toEqual([true]);
    await expect(decideExtension(db, office, first.id, { approve: false })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    const refused = await decideExtension(db, office, first.id, { approve: false, note: '理由不充分' });
    expect(refused).toMatchObject({ status: 'refused', decisionNote: '理由不充分' });
    await expect(
      decideExtension(db, office, first.id, { approve: false, note: '再次' }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect((await listInbox(db, clerkA.userId)).items[0]!.title).toContain('未同意');
    let view = await listMeasureExtensions(db, clerkA, measureId);
    expect(view).toMatchObject({ deadline: '2026-12-31', canRequest: true, canDecide: false });

    const second = await requestExtension(db, leaderA, measureId, {
      requestedDeadline: '2027-02-28',
      reason: '补充了征地批复材料',
    });
    await expect(withdrawExtension(db, clerkA, second.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const approved = await decideExtension(db, office, second.id, { approve: true });
    expect(approved).toMatchObject({ status: 'approved', decidedByName: office.displayName });
    view = await listMeasureExtensions(db, office, measureId);
    expect(view.deadline).toBe('2027-02-28');
    expect(view.canDecide).toBe(true);
    expect(view.items.map((r) => r.status)).toEqual(['approved', 'refused']);
    const timeline = await measureTimeline(db, clerkA, measureId);
    expect(timeline.events[0]).toMatchObject({
      action: 'measure.extend_deadline',
      before: { deadline: '2026-12-31' },
      after: { deadline: '2027-02-28', extensionRequestId: second.id },
    });
  });

  it('lets the requester withdraw, and audits every step in the chain', async () => {
    const db = database.db;
    const third = await requestExtension(db, clerkA, measureId, {
      requestedDeadline: '2027-06-30',
      reason: '雨季无法施工',
    });
    const withdrawn = await withdrawExtension(db, clerkA, third.id);
    expect(withdrawn.status).toBe('withdrawn');
    await expect(withdrawExtension(db, clerkA, third.id)).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    const audit = (await db.execute(
      sql`SELECT action FROM audit_events WHERE entity = 'extension_request' ORDER BY id`,
    )) as unknown as { rows: { action: string }[] };
    expect(audit.rows.map((r) => r.action)).toEqual([
      'extension.request',
      'extension.refuse',
      'extension.request',
      'extension.approve',
      'extension.request',
      'extension.withdraw',
    ]);
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('recognises the one-pending-request index violation from the database driver', async () => {
    const db = database.db;
    const insert = () =>
      db.execute(
        sql`INSERT INTO extension_requests (measure_id, requested_deadline, reason) VALUES (${closedId}, '2031-01-01', 'x')`,
      );
    await insert();
    const error = await insert().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    expect(isPendingViolation(error)).toBe(true);
    expect(isPendingViolation(new Error('other'))).toBe(false);
    await db.execute(sql`DELETE FROM extension_requests WHERE measure_id = ${closedId}`);
  });

  it('lets only one of two simultaneous requests in', async () => {
    const db = database.db;
    const results = await Promise.allSettled(
      ['2027-07-31', '2027-08-31'].map((d) =>
        requestExtension(db, clerkA, measureId, { requestedDeadline: d, reason: '并发' }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ code: 'CONFLICT' });
  });
});
