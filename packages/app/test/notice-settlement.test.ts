import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addProgress,
  decideExtension,
  fireMeasureEvent,
  issueNotice,
  listNotices,
  requestExtension,
  runSchedulerDay,
  type Actor,
} from '@zhenggai/app';
import { BACKENDS, freshDatabase, type TestDatabase } from '../../../test/databases.ts';
import { buildInspection, buildProblemWithMeasure, buildUser, buildWorld } from '../../../test/builders.ts';

// An automatic 督办单 exists because work is late. Once the measure is closed, or its deadline
// extended, the reason is gone: the notice closes itself, audited; a notice issued by hand waits
// for the office that issued it.

describe.each(BACKENDS)('settling automatic notices on %s', (backend) => {
  let database: TestDatabase;
  let office: Actor;
  let reviewer: Actor;
  let clerk: Actor;
  let lateId: number;
  let extendedId: number;
  let ongoingId: number;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    const db = database.db;
    const world = await buildWorld(db);
    office = await buildUser(db, world.admin, 'office', world.county);
    reviewer = await buildUser(db, world.admin, 'reviewer', world.county);
    clerk = await buildUser(db, world.admin, 'clerk', world.townA.id);
    const inspection = await buildInspection(db, office, {
      ownerUnitId: world.county,
      inspectedUnitId: world.townA.id,
    });
    const late = await buildProblemWithMeasure(db, office, inspection.id, {
      unitId: world.townA.id,
      deadline: '2026-12-01',
    });
    const extended = await buildProblemWithMeasure(db, office, inspection.id, {
      unitId: world.townA.id,
      deadline: '2026-12-01',
    });
    const ongoing = await buildProblemWithMeasure(db, office, inspection.id, {
      unitId: world.townA.id,
      kind: 'ongoing',
      deadline: null,
      evidenceCadenceDays: 10,
    });
    lateId = late.measure.id;
    extendedId = extended.measure.id;
    ongoingId = ongoing.measure.id;
    await database.query(`UPDATE measures SET last_progress_at = '2026-11-01T08:00:00Z' WHERE id = $1`, [
      ongoingId,
    ]);
    await runSchedulerDay(db, '2026-12-03');
  });
  afterAll(() => database.drop());

  const noticesOf = async (measureId: number) =>
    (await listNotices(database.db, office, { measureId })).map((n) => ({
      origin: n.origin,
      status: n.status,
      closeNote: n.closeNote,
    }));

  it('closes the automatic notice when the measure is approved, and leaves the manual one open', async () => {
    const db = database.db;
    await issueNotice(db, office, { measureId: lateId, level: 2, channel: 'phone', reason: '电话催办' });
    expect(await noticesOf(lateId)).toEqual([
      { origin: 'auto', status: 'open', closeNote: null },
      { origin: 'manual', status: 'open', closeNote: null },
    ]);
    await addProgress(db, clerk, lateId, { text: '已完成整改' });
    await fireMeasureEvent(db, clerk, lateId, 'request_closure');
    // Asking for closure settles nothing: the reviewer may still return the work.
    expect((await noticesOf(lateId)).map((n) => n.status)).toEqual(['open', 'open']);
    await fireMeasureEvent(db, reviewer, lateId, 'approve');
    const after = await noticesOf(lateId);
    expect(after).toHaveLength(2);
    expect(after).toContainEqual({ origin: 'manual', status: 'open', closeNote: null });
    expect(after).toContainEqual({
      origin: 'auto',
      status: 'closed',
      closeNote: expect.stringContaining('销号') as string,
    });
    const audit = await database.query<{ actor: number; before: { status: string } }>(
      `SELECT a.actor_id::int AS actor, a.before FROM audit_events a
         JOIN supervision_notices n ON a.entity = 'supervision_notice' AND a.entity_id = n.id::text
        WHERE a.action = 'notice.close' AND n.measure_id = $1`,
      [lateId],
    );
    expect(audit).toEqual([{ actor: reviewer.userId, before: { status: 'open' } }]);
  });

  it('closes the evidence notice of a 长期坚持 measure when fresh evidence is reported', async () => {
    expect((await noticesOf(ongoingId)).map((n) => n.status)).toEqual(['open']);
    await addProgress(database.db, clerk, ongoingId, { text: '本月入户走访记录已上传' });
    expect(await noticesOf(ongoingId)).toEqual([
      { origin: 'auto', status: 'closed', closeNote: expect.stringContaining('佐证') as string },
    ]);
  });

  it('closes the automatic notice when an extension is approved, not when it is only asked for', async () => {
    const db = database.db;
    const request = await requestExtension(db, clerk, extendedId, {
      requestedDeadline: '2027-01-15',
      reason: '需等待县级资金拨付',
    });
    expect((await noticesOf(extendedId)).map((n) => n.status)).toEqual(['open']);
    await decideExtension(db, office, request.id, { approve: true });
    expect(await noticesOf(extendedId)).toEqual([
      { origin: 'auto', status: 'closed', closeNote: expect.stringContaining('2027-01-15') as string },
    ]);
    // The scheduler starts a new cycle once the new date has passed.
    await runSchedulerDay(db, '2027-01-16');
    const open = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM supervision_notices WHERE measure_id = $1 AND status = 'open'`,
      [extendedId],
    );
    expect(open).toEqual([{ n: 1 }]);
  });
});
