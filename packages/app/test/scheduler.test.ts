import { afterAll, describe, expect, it } from 'vitest';
import {
  actorById,
  catchUpScheduler,
  createUser,
  runSchedulerDay,
  type Actor,
  type GrantInput,
} from '@zhenggai/app';
import { addDays } from '@zhenggai/core';
import { sql, type Database, type Db, type SQL } from '@zhenggai/db';
import { BACKENDS, reopenableDatabase } from '../../../test/databases.ts';
import {
  buildInspection,
  buildProblemWithMeasure,
  buildWorld,
  TEST_PASSWORD,
} from '../../../test/builders.ts';

// The scheduler is exact and idempotent: time moves day by day, and what exists afterwards is
// the same whether the server ran straight through, restarted half-way, or was down for weeks.

const FIRST_DAY = '2026-12-01';

const select = async <T = Record<string, unknown>>(db: Db, query: SQL) =>
  ((await db.execute(query)) as unknown as { rows: T[] }).rows;
const DAYS = 31;

async function person(db: Db, admin: Actor, username: string, grant: GrantInput) {
  const user = await createUser(db, admin, {
    username,
    displayName: username,
    password: TEST_PASSWORD,
    unitId: grant.unitId,
    grants: [grant],
  });
  return user.id;
}

/** A county with two townships; measures due in December; people at every level. */
async function buildCounty(db: Db) {
  const { admin, county, townA, townB, villageA } = await buildWorld(db);
  await person(db, admin, 'office', { role: 'office', unitId: county });
  await person(db, admin, 'clerk_a', { role: 'clerk', unitId: townA.id });
  await person(db, admin, 'clerk_village', { role: 'clerk', unitId: villageA.id });
  await person(db, admin, 'clerk_b', { role: 'clerk', unitId: townB.id });
  await person(db, admin, 'leader_a', { role: 'leader', unitId: townA.id });
  await person(db, admin, 'head_a', { role: 'leader', unitId: townA.id, principal: true });
  await person(db, admin, 'leader_b', { role: 'leader', unitId: townB.id });
  const office = (await actorById(db, 2))!;
  const inspection = await buildInspection(db, office, {
    ownerUnitId: county,
    escalationDays: 5,
    reminderDays: [7, 1],
    responseDays: 3,
  });
  const townMeasure = await buildProblemWithMeasure(db, office, inspection.id, {
    unitId: townA.id,
    deadline: '2026-12-10',
  });
  await buildProblemWithMeasure(db, office, inspection.id, { unitId: villageA.id, deadline: '2026-12-12' });
  // Due after the walk: a reminder at most. Closed: nothing at all.
  await buildProblemWithMeasure(db, office, inspection.id, { unitId: townB.id, deadline: '2027-01-05' });
  const closed = await buildProblemWithMeasure(db, office, inspection.id, {
    unitId: townB.id,
    deadline: '2026-12-05',
  });
  await db.execute(sql`UPDATE measures SET status = 'closed' WHERE id = ${closed.measure.id}`);
  // 长期坚持 in township B: evidence every 10 days, last reported on 1 December.
  const ongoing = await buildProblemWithMeasure(db, office, inspection.id, {
    unitId: townB.id,
    kind: 'ongoing',
    deadline: null,
    evidenceCadenceDays: 10,
  });
  await db.execute(
    sql`UPDATE measures SET last_progress_at = '2026-12-01T08:00:00Z' WHERE id = ${ongoing.measure.id}`,
  );
  return { townMeasureId: townMeasure.measure.id, townA, townB, villageA };
}

/** Everything the scheduler wrote, in a form that does not depend on ids or wall-clock time. */
async function outcome(db: Db) {
  const notices = await select(
    db,
    sql`SELECT m.text || '@' || u.name AS measure, n.level, n.issued_on::text AS "issuedOn", n.response_due::text AS "responseDue",
               (SELECT string_agg(us.username, ',' ORDER BY us.username) FROM users us WHERE us.id = ANY(n.recipient_ids)) AS recipients
        FROM supervision_notices n JOIN measures m ON m.id = n.measure_id JOIN units u ON u.id = m.unit_id
        ORDER BY n.issued_on, u.name, n.level`,
  );
  const notes = await select<{ username: string; kind: string; measure: string }>(
    db,
    sql`SELECT us.username, n.kind, n.title, m.text || '@' || u.name AS measure
        FROM notifications n JOIN users us ON us.id = n.user_id JOIN measures m ON m.id = n.measure_id JOIN units u ON u.id = m.unit_id
        ORDER BY us.username, n.kind, n.title, u.name`,
  );
  return { notices, notifications: notes };
}

async function walk(db: Db, from: number, to: number) {
  for (let i = from; i < to; i++) await catchUpScheduler(db, addDays(FIRST_DAY, i));
}

describe.each(BACKENDS)('scheduler on %s', (backend) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  async function county() {
    const handle = await reopenableDatabase(backend);
    let database: Database = await handle.open();
    cleanups.push(async () => {
      await database.close();
      await handle.drop();
    });
    const world = await buildCounty(database.db);
    return {
      world,
      db: () => database.db,
      restart: async () => {
        await database.close();
        database = await handle.open();
      },
      /** A second server process on the same database. */
      another: async () => {
        const other = await handle.open();
        cleanups.unshift(() => other.close());
        return other.db;
      },
    };
  }

  // PGlite is one process by construction (its data folder is locked); PostgreSQL may be shared.
  if (backend === 'postgres')
    it('lets two server processes share one database: each day is processed once, the result unchanged', async () => {
      const straight = await county();
      await walk(straight.db(), 0, DAYS);
      const shared = await county();
      const second = await shared.another();
      const lastDay = addDays(FIRST_DAY, DAYS - 1);
      // Each process starts on the first day and then catches up to the last, as a server does at start.
      const run = async (db: Db) => [
        ...(await catchUpScheduler(db, FIRST_DAY)),
        ...(await catchUpScheduler(db, lastDay)),
      ];
      const both = (await Promise.all([run(shared.db()), run(second)])).flat();
      const processed = both.filter((d) => !d.skipped).map((d) => d.day);
      expect(processed.sort()).toEqual(Array.from({ length: DAYS }, (_, i) => addDays(FIRST_DAY, i)));
      const days = await select(shared.db(), sql`SELECT count(*)::int AS n FROM scheduler_days`);
      expect(days).toEqual([{ n: DAYS }]);
      expect(await outcome(shared.db())).toEqual(await outcome(straight.db()));
    });

  it('issues exactly the reminders, notices and escalations due, day by day, to people in scope', async () => {
    const { db } = await county();
    await walk(db(), 0, DAYS);
    const { notices, notifications } = await outcome(db());
    expect(notices).toEqual(
      [
        {
          measure: '测试措施@甲镇',
          level: 1,
          issuedOn: '2026-12-11',
          responseDue: '2026-12-14',
          recipients: 'clerk_a',
        },
        {
          measure: '测试措施@甲一村',
          level: 1,
          issuedOn: '2026-12-13',
          responseDue: '2026-12-16',
          recipients: 'clerk_village',
        },
        {
          measure: '测试措施@乙镇',
          level: 1,
          issuedOn: '2026-12-12',
          responseDue: '2026-12-15',
          recipients: 'clerk_b',
        },
        {
          measure: '测试措施@甲镇',
          level: 2,
          issuedOn: '2026-12-16',
          responseDue: '2026-12-19',
          recipients: 'leader_a',
        },
        {
          measure: '测试措施@乙镇',
          level: 2,
          issuedOn: '2026-12-17',
          responseDue: '2026-12-20',
          recipients: 'leader_b',
        },
        {
          measure: '测试措施@甲一村',
          level: 2,
          issuedOn: '2026-12-18',
          responseDue: '2026-12-21',
          recipients: 'leader_a',
        },
        {
          measure: '测试措施@甲镇',
          level: 3,
          issuedOn: '2026-12-21',
          responseDue: '2026-12-24',
          recipients: 'head_a',
        },
        // Township B has no 主要领导 marked: level 3 goes to its leader rather than to nobody.
        {
          measure: '测试措施@乙镇',
          level: 3,
          issuedOn: '2026-12-22',
          responseDue: '2026-12-25',
          recipients: 'leader_b',
        },
        {
          measure: '测试措施@甲一村',
          level: 3,
          issuedOn: '2026-12-23',
          responseDue: '2026-12-26',
          recipients: 'head_a',
        },
      ].sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.measure.localeCompare(b.measure)),
    );
    const byUser = (name: string) =>
      notifications
        .filter((n) => n.username === name)
        .map((n) => `${n.kind} ${n.measure}`)
        .sort();
    expect(byUser('clerk_a')).toEqual([
      'notice 测试措施@甲镇',
      'reminder 测试措施@甲镇',
      'reminder 测试措施@甲镇',
    ]);
    expect(byUser('clerk_village')).toEqual([
      'notice 测试措施@甲一村',
      'reminder 测试措施@甲一村',
      'reminder 测试措施@甲一村',
    ]);
    // Township B: the 长期坚持 measure (two reminders, one notice) and the January deadline (7 days before, on 29 Dec).
    expect(byUser('clerk_b')).toEqual([
      'notice 测试措施@乙镇',
      'reminder 测试措施@乙镇',
      'reminder 测试措施@乙镇',
      'reminder 测试措施@乙镇',
    ]);
    expect(byUser('leader_a')).toEqual(['notice 测试措施@甲一村', 'notice 测试措施@甲镇']);
    expect(byUser('head_a')).toEqual(['notice 测试措施@甲一村', 'notice 测试措施@甲镇']);
    // The office hears of every escalation from level 2 on: three measures × two levels.
    expect(byUser('office')).toHaveLength(6);
    expect(byUser('office').every((n) => n.startsWith('notice_escalated'))).toBe(true);
    // Nobody hears about another township's work.
    expect(byUser('clerk_b').some((n) => n.includes('甲'))).toBe(false);
    expect(byUser('leader_b').some((n) => n.includes('甲'))).toBe(false);
    expect(byUser('clerk_a').some((n) => n.includes('甲一村'))).toBe(false);
    expect(byUser('leader_b')).toEqual(['notice 测试措施@乙镇', 'notice 测试措施@乙镇']);
    expect(notifications).toHaveLength(3 + 3 + 4 + 2 + 2 + 2 + 6);
  });

  it('gives the same result after a restart half-way and after weeks of downtime', async () => {
    const straight = await county();
    await walk(straight.db(), 0, DAYS);
    const expected = await outcome(straight.db());

    const restarted = await county();
    await walk(restarted.db(), 0, 15);
    await restarted.restart();
    await walk(restarted.db(), 15, DAYS);
    expect(await outcome(restarted.db())).toEqual(expected);

    // Down from the 2nd to the 31st: one call walks every missing day in order.
    const down = await county();
    await walk(down.db(), 0, 1);
    await down.restart();
    const days = await catchUpScheduler(down.db(), addDays(FIRST_DAY, DAYS - 1));
    expect(days.map((d) => d.day)).toEqual(
      Array.from({ length: DAYS - 1 }, (_, i) => addDays(FIRST_DAY, i + 1)),
    );
    expect(await outcome(down.db())).toEqual(expected);
  });

  it('never issues anything twice, even when a day is processed again', async () => {
    const { db } = await county();
    await walk(db(), 0, DAYS);
    const before = await outcome(db());
    const again = await runSchedulerDay(db(), '2026-12-16');
    expect(again.skipped).toBe(true);
    // Forget that the days were done (as a crash between writing and recording would): the keys still hold.
    await db().execute(sql`DELETE FROM scheduler_days`);
    await walk(db(), 0, DAYS);
    expect(await outcome(db())).toEqual(before);
  });

  it('starts a new cycle when the deadline is extended, and stops once the work is closed', async () => {
    const { db, world } = await county();
    await walk(db(), 0, 16); // level 2 on the 16th for the township A measure
    await db().execute(sql`UPDATE measures SET deadline = '2026-12-20' WHERE id = ${world.townMeasureId}`);
    await walk(db(), 16, 22);
    const levels = await select(
      db(),
      sql`SELECT level, due_date::text AS "dueDate", issued_on::text AS "issuedOn" FROM supervision_notices
          WHERE measure_id = ${world.townMeasureId} ORDER BY id`,
    );
    expect(levels).toEqual([
      { level: 1, dueDate: '2026-12-10', issuedOn: '2026-12-11' },
      { level: 2, dueDate: '2026-12-10', issuedOn: '2026-12-16' },
      { level: 1, dueDate: '2026-12-20', issuedOn: '2026-12-21' },
    ]);
    await db().execute(sql`UPDATE measures SET status = 'closed' WHERE id = ${world.townMeasureId}`);
    await walk(db(), 22, DAYS);
    const after = await select(
      db(),
      sql`SELECT count(*)::int AS n FROM supervision_notices WHERE measure_id = ${world.townMeasureId}`,
    );
    expect(after[0]).toEqual({ n: 3 });
  });

  it('writes each automatic notice to the audit log', async () => {
    const { db } = await county();
    await walk(db(), 0, DAYS);
    const audit = await select(
      db(),
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'notice.issue' AND actor_id IS NULL`,
    );
    expect(audit[0]).toEqual({ n: 9 });
  });
});
