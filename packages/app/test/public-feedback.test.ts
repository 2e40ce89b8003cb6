import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerPublicMessage,
  backup,
  claimChallenge,
  restore,
  assignPublicMessage,
  closePublicMessage,
  getPublicMessage,
  linkPublicMessage,
  listPublicMessages,
  lookupByTrackingCode,
  newChallenge,
  publicMessageReminders,
  reportDataFor,
  runSchedulerDay,
  publish,
  rejectPublicMessage,
  submitPublicMessage,
  triagePublicMessage,
  verifyAudit,
  type Actor,
  type PortalOptions,
} from '@zhenggai/app';
import { addDays, solveChallenge } from '@zhenggai/core';
import { sql } from '@zhenggai/db';
import { BACKENDS, freshDatabase, type TestDatabase } from '../../../test/databases.ts';
import { buildInspection, buildProblemWithMeasure, buildUser, buildWorld } from '../../../test/builders.ts';

const OPTIONS: PortalOptions = { powBits: 4, challengeTtlMs: 60_000, messagesPerHour: 5 };

describe.each(BACKENDS)('messages from the public on %s', (backend) => {
  let database: TestDatabase;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let office: Actor;
  let officeB: Actor;
  let clerkA: Actor;
  let clerkB: Actor;
  let clerkVillageA: Actor;
  let leaderA: Actor;
  let viewer: Actor;
  let publicationId: number;
  let problemId: number;
  let problemB: number;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    const db = database.db;
    world = await buildWorld(db);
    office = await buildUser(db, world.admin, 'office', world.county);
    officeB = await buildUser(db, world.admin, 'office', world.townB.id);
    clerkA = await buildUser(db, world.admin, 'clerk', world.townA.id);
    clerkB = await buildUser(db, world.admin, 'clerk', world.townB.id);
    clerkVillageA = await buildUser(db, world.admin, 'clerk', world.villageA.id);
    leaderA = await buildUser(db, world.admin, 'leader', world.townA.id);
    viewer = await buildUser(db, world.admin, 'viewer', world.county);
    const inspection = await buildInspection(db, office, {
      ownerUnitId: world.county,
      inspectedUnitId: world.townA.id,
    });
    problemId = (await buildProblemWithMeasure(db, office, inspection.id, { unitId: world.townA.id })).problem
      .id;
    const inspectionB = await buildInspection(db, officeB, { ownerUnitId: world.townB.id });
    problemB = (await buildProblemWithMeasure(db, officeB, inspectionB.id, { unitId: world.townB.id }))
      .problem.id;
    publicationId = (await publish(db, office, inspection.id, { title: '通报', body: '正文第一段\n第二段' }))
      .id;
  });
  afterAll(() => database.drop());

  async function send(body: string, sender = 'sender-1', withPublication = true) {
    const c = await newChallenge(database.db, OPTIONS);
    return submitPublicMessage(
      database.db,
      {
        proof: await claimChallenge(database.db, c.token, solveChallenge(c.salt, c.bits), OPTIONS),
        publicationId: withPublication ? publicationId : null,
        category: 'complaint',
        body,
        contact: '13800000000',
        files: [],
        senderHash: sender,
      },
      OPTIONS,
    );
  }

  const idOf = async (code: string) =>
    (
      await database.query<{ id: number }>(
        `SELECT id::int AS id FROM public_messages WHERE code_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
        [code.replace(/-/g, '')],
      )
    )[0]!.id;

  const inbox = (actor: Actor) =>
    database.query<{ title: string; link: string }>(
      `SELECT title, link FROM notifications WHERE user_id = $1 AND kind = 'public_message' ORDER BY id`,
      [actor.userId],
    );

  it('accepts each challenge once and counts per sender', async () => {
    const c = await newChallenge(database.db, OPTIONS);
    const nonce = solveChallenge(c.salt, c.bits);
    await submitPublicMessage(
      database.db,
      {
        proof: await claimChallenge(database.db, c.token, nonce, OPTIONS),
        category: 'opinion',
        body: '村里道路修好了没有',
        files: [],
        senderHash: 'sender-reuse',
      },
      OPTIONS,
    );
    await expect(claimChallenge(database.db, c.token, nonce, OPTIONS)).rejects.toThrow(/已使用过/);
    for (let i = 0; i < 5; i++) await send(`第 ${i} 条反映的内容`, 'sender-quota');
    await expect(send('第六条反映的内容', 'sender-quota')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    // Another address is not affected.
    await expect(send('别的地址的反映内容', 'sender-other')).resolves.toHaveProperty('trackingCode');
  });

  it('goes from the sender to the office, the unit, and back to the sender; audited; scoped', async () => {
    const db = database.db;
    const before = (await inbox(office)).length;
    const { trackingCode } = await send('反映某村低保评定不公开，请核查。');
    expect(trackingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const id = await idOf(trackingCode);
    expect((await inbox(office)).length).toBe(before + 1);
    expect(await inbox(officeB)).toEqual([]);
    expect((await lookupByTrackingCode(db, trackingCode.toLowerCase())).statusLabel).toBe('待分办');
    await expect(lookupByTrackingCode(db, 'AAAA-BBBB-CCCC-DDDD')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    // Who sees it: the receiving office only, until assigned.
    expect((await listPublicMessages(db, office)).items.map((m) => m.id)).toContain(id);
    for (const outsider of [officeB, clerkA, clerkB, viewer]) {
      expect((await listPublicMessages(db, outsider)).items.map((m) => m.id)).not.toContain(id);
      await expect(getPublicMessage(db, outsider, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(triagePublicMessage(db, officeB, id, '不归我')).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await triagePublicMessage(db, office, id, '内部备注：与第1个问题有关');
    await linkPublicMessage(db, office, id, [problemId]);
    // A problem of an inspection the county office does not see cannot be linked.
    await expect(linkPublicMessage(db, officeB, id, [problemB])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(answerPublicMessage(db, clerkA, id, '还没交办')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // Only inside the receiving office's subtree.
    await expect(assignPublicMessage(db, officeB, id, { unitId: world.townB.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const assigned = await assignPublicMessage(db, office, id, {
      unitId: world.townA.id,
      assignedOn: '2026-03-10',
    });
    expect(assigned.dueDate).toBe('2026-04-10');
    expect(await inbox(clerkA)).toEqual([expect.objectContaining({ link: `/public-messages/${id}` })]);
    expect(await inbox(clerkB)).toEqual([]);
    expect(await inbox(clerkVillageA)).toEqual([]);

    // The unit sees it, without the office's note or the sender's contact; others still do not.
    const seen = await getPublicMessage(db, clerkA, id);
    expect(seen.triageNote).toBeNull();
    expect(seen.contact).toBeNull();
    expect(seen.problems.map((p) => p.problemId)).toEqual([problemId]);
    await expect(getPublicMessage(db, clerkB, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(answerPublicMessage(db, clerkB, id, '不是我们的事')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(closePublicMessage(db, office, id)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(closePublicMessage(db, leaderA, id)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const officeInbox = (await inbox(office)).length;
    await answerPublicMessage(db, clerkA, id, '经核查，已公开评定结果并张榜公示。');
    expect((await inbox(office)).length).toBe(officeInbox + 1);
    const read = await lookupByTrackingCode(db, trackingCode);
    expect(read).toMatchObject({ status: 'answered', answer: '经核查，已公开评定结果并张榜公示。' });
    expect(JSON.stringify(read)).not.toContain('内部备注');
    expect(JSON.stringify(read)).not.toContain('13800000000');
    await closePublicMessage(db, office, id);
    expect((await lookupByTrackingCode(db, trackingCode)).statusLabel).toBe('已办结');

    const actions = await database.query<{ action: string; actor_id: number | null }>(
      `SELECT action, actor_id::int AS actor_id FROM audit_events WHERE entity = 'public_message' AND entity_id = $1 ORDER BY id`,
      [String(id)],
    );
    expect(actions).toEqual([
      { action: 'public_message.submit', actor_id: null },
      { action: 'public_message.triage', actor_id: office.userId },
      { action: 'public_message.link', actor_id: office.userId },
      { action: 'public_message.assign', actor_id: office.userId },
      { action: 'public_message.answer', actor_id: clerkA.userId },
      { action: 'public_message.close', actor_id: office.userId },
    ]);
    expect((await verifyAudit(db)).ok).toBe(true);
    // The progress report counts the inspection's messages: every one so far but the very first, which named no 通报.
    const inspectionOfProblem = await database.query<{ id: number }>(
      'SELECT inspection_id::int AS id FROM problems WHERE id = $1',
      [problemId],
    );
    const report = await reportDataFor(db, office, inspectionOfProblem[0]!.id);
    const [all] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM public_messages');
    expect(report.publicFeedback).toEqual({ total: all!.n - 1, answered: 1, closed: 1 });
  });

  it('rejects with a reason the sender reads', async () => {
    const { trackingCode } = await send('与整改无关的内容测试', 'sender-r', false);
    const id = await idOf(trackingCode);
    await rejectPublicMessage(database.db, office, id, '不属于整改工作受理范围，请向有关部门反映。');
    expect(await lookupByTrackingCode(database.db, trackingCode)).toMatchObject({
      status: 'rejected',
      answer: '不属于整改工作受理范围，请向有关部门反映。',
    });
    await expect(
      assignPublicMessage(database.db, office, id, { unitId: world.townA.id }),
    ).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });

  it('reminds the assigned clerks every 7th day and the day after the due date, exactly once', async () => {
    const db = database.db;
    // Start from a clean inbox so the counts below are only the reminders.
    await db.execute(sql`DELETE FROM notifications`);
    await db.execute(
      sql`UPDATE public_messages SET status = 'closed' WHERE status IN ('new', 'assigned', 'answered')`,
    );
    const first = await idOf((await send('第一条需要提醒的反映', 'sender-rem')).trackingCode);
    const second = await idOf((await send('第二条会在第10天答复', 'sender-rem')).trackingCode);
    await db.execute(sql`DELETE FROM notifications`);
    await assignPublicMessage(db, office, first, { unitId: world.townA.id, assignedOn: '2026-01-05' });
    await assignPublicMessage(db, office, second, {
      unitId: world.villageA.id,
      assignedOn: '2026-01-05',
      dueDate: '2026-01-20',
    });
    await db.execute(sql`DELETE FROM notifications`);

    const created: Record<string, number> = {};
    for (let day = '2026-01-05'; day <= '2026-02-20'; day = addDays(day, 1)) {
      if (day === '2026-01-15')
        await answerPublicMessage(db, clerkVillageA, second, '已办理完毕，情况属实已整改。');
      // Through the daily scheduler, as the server runs it; a second pass over the day adds nothing.
      const n = (await runSchedulerDay(db, day)).summary.publicReminders ?? 0;
      expect(await publicMessageReminders(db, day), `second run on ${day}`).toBe(0);
      if (n) created[day] = n;
    }
    expect(created).toEqual({
      '2026-01-12': 2, // week 1 of both
      '2026-01-19': 1,
      '2026-01-26': 1,
      '2026-02-02': 1,
      '2026-02-06': 1, // overdue: due 2026-02-05
      '2026-02-09': 1,
      '2026-02-16': 1,
    });
    const titles = async (actor: Actor) => (await inbox(actor)).map((n) => `${n.link} ${n.title}`);
    const clerkATitles = await titles(clerkA);
    expect(clerkATitles).toHaveLength(7);
    expect(clerkATitles.every((t) => t.startsWith(`/public-messages/${first} `))).toBe(true);
    expect(clerkATitles.filter((t) => t.includes('超过办理时限'))).toHaveLength(1);
    // The village clerk: week 1 of his message, then it was answered.
    expect(await titles(clerkVillageA)).toEqual([
      `/public-messages/${second} 群众反映已交办 1 周尚未答复，请于 2026-01-20 前答复`,
    ]);
    for (const outsider of [clerkB, officeB, leaderA, viewer]) expect(await inbox(outsider)).toEqual([]);
    // Only the answer notice for the office.
    expect((await inbox(office)).map((n) => n.link)).toEqual([`/public-messages/${second}`]);
  });

  it('survives a backup and restore: messages, links, publications, spent challenges and the secret', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zg-public-backup-'));
    const target = await freshDatabase('pglite');
    try {
      const { trackingCode } = await send('备份前的一条反映', 'sender-backup');
      // Issued before the backup: it verifies after the restore only if the secret came along.
      const challenge = await newChallenge(database.db, OPTIONS);
      await backup(database, join(dir, 'evidence'), join(dir, 'backup.zgb'));
      const restored = await restore(target, join(dir, 'evidence2'), join(dir, 'backup.zgb'));
      for (const table of [
        'publications',
        'public_messages',
        'public_message_problems',
        'public_challenges_used',
      ]) {
        const [{ n }] = (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)) as [
          { n: number },
        ];
        expect(n, table).toBeGreaterThan(0);
        expect(restored.tables[table], table).toBe(n);
      }
      expect((await lookupByTrackingCode(target.db, trackingCode)).body).toBe('备份前的一条反映');
      const again = await submitPublicMessage(
        target.db,
        {
          proof: await claimChallenge(
            target.db,
            challenge.token,
            solveChallenge(challenge.salt, challenge.bits),
            OPTIONS,
          ),
          category: 'inquiry',
          body: '恢复后提交的一条反映',
          files: [],
          senderHash: 'sender-after',
        },
        OPTIONS,
      );
      expect((await lookupByTrackingCode(target.db, again.trackingCode)).status).toBe('new');
      // New rows get fresh ids: the identity sequences were moved past the restored rows.
      const inspectionId = (
        await target.query<{ id: number }>('SELECT id::int AS id FROM inspections LIMIT 1')
      )[0]!.id;
      expect(
        (await publish(target.db, office, inspectionId, { title: '恢复后', body: '正文' })).id,
      ).toBeGreaterThan(publicationId);
    } finally {
      await target.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
