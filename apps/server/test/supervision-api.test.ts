import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { deliverPendingMail } from '@zhenggai/app';
import { sql } from '@zhenggai/db';
import { createMailer } from '../src/mailer.ts';
import { BACKENDS } from '../../../test/databases.ts';
import { auth, startHarness, type Harness } from './harness.ts';

// 督办 through the API: the scheduler issues a notice for late work, the unit sees it in its
// inbox and answers, the office closes it; manual notices; scope; and mail through a real SMTP
// conversation with a sink on loopback.

const TODAY = '2026-12-05';

interface ReceivedMail {
  to: string[];
  raw: string;
}

function startSmtpSink() {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  return new Promise<{ port: number; received: ReceivedMail[]; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.server.address() as AddressInfo).port,
        received,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}

describe.each(BACKENDS)('supervision API on %s', (backend) => {
  let h: Harness;
  const previousToday = process.env.ZHENGGAI_TODAY;
  beforeAll(async () => {
    process.env.ZHENGGAI_TODAY = TODAY;
    h = await startHarness(backend);
    await h.database.db.execute(
      sql`UPDATE measures SET deadline = '2026-12-01' WHERE id = ${h.ids.measureA}`,
    );
  });
  afterAll(async () => {
    await h.close();
    if (previousToday === undefined) delete process.env.ZHENGGAI_TODAY;
    else process.env.ZHENGGAI_TODAY = previousToday;
  });

  const get = (who: string, url: string) =>
    h.app.inject({ method: 'GET', url, headers: auth(h.tokens[who]) });
  const post = (who: string, url: string, payload: object = {}) =>
    h.app.inject({ method: 'POST', url, headers: auth(h.tokens[who]), payload });

  it('runs the scheduler on request of the office only', async () => {
    expect((await post('clerkA', '/api/scheduler/run')).statusCode).toBe(403);
    const run = await post('office', '/api/scheduler/run');
    expect(run.statusCode).toBe(200);
    expect(run.json().days).toEqual([
      { day: TODAY, skipped: false, summary: { reminders: 0, notices: 1, publicReminders: 0 } },
    ]);
    // Today is done: a second run has no day left to process.
    expect((await post('office', '/api/scheduler/run')).json().days).toEqual([]);
    expect((await get('office', '/api/scheduler')).json()).toMatchObject({
      lastDay: TODAY,
      today: TODAY,
      mail: null,
    });
  });

  it('puts the level-1 notice in the responsible clerk’s inbox and nobody else’s', async () => {
    const inbox = (await get('clerkA', '/api/inbox')).json();
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ kind: 'notice', measureId: h.ids.measureA, readAt: null });
    expect(inbox.items[0].title).toContain('一级督办');
    for (const other of ['clerkB', 'leaderB', 'officeB', 'clerkVillageA', 'leaderA'])
      expect((await get(other, '/api/inbox/unread-count')).json(), other).toEqual({ unread: 0 });
  });

  it('shows the notice to the unit and the office, hides it from another township', async () => {
    const list = (await get('clerkA', '/api/notices')).json().items;
    expect(list).toHaveLength(1);
    const notice = list[0];
    expect(notice).toMatchObject({
      level: 1,
      origin: 'auto',
      channel: 'network',
      status: 'open',
      dueDate: '2026-12-01',
      issuedOn: TODAY,
      responseDue: '2026-12-08',
      late: false,
      unitId: h.ids.townA,
    });
    expect(notice.reason).toContain('已逾期 4 天');
    expect((await get('office', `/api/notices/${notice.id}`)).json()).toMatchObject({
      canAnswer: false,
      canClose: true,
    });
    expect((await get('clerkA', `/api/notices/${notice.id}`)).json()).toMatchObject({
      canAnswer: true,
      canClose: false,
    });
    expect((await get('clerkB', `/api/notices/${notice.id}`)).statusCode).toBe(404);
    expect((await get('officeB', '/api/notices')).json().items).toEqual([]);
  });

  it('lets the unit answer, tells the office, and lets only the office close', async () => {
    const [notice] = (await get('clerkA', '/api/notices')).json().items;
    expect(
      (await post('clerkB', `/api/notices/${notice.id}/answer`, { response: '已完成' })).statusCode,
    ).toBe(404);
    expect((await post('office', `/api/notices/${notice.id}/answer`, { response: '代答' })).statusCode).toBe(
      403,
    );
    expect((await post('clerkA', `/api/notices/${notice.id}/answer`, { response: '  ' })).statusCode).toBe(
      400,
    );
    const answered = await post('clerkA', `/api/notices/${notice.id}/answer`, {
      response: '本周内完成整改并报送佐证',
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', response: '本周内完成整改并报送佐证' });
    const officeInbox = (await get('office', '/api/inbox')).json();
    expect(officeInbox.items.map((i: { kind: string }) => i.kind)).toContain('notice_answered');

    expect((await post('clerkA', `/api/notices/${notice.id}/close`, {})).statusCode).toBe(403);
    const closed = await post('office', `/api/notices/${notice.id}/close`, { note: '已核实' });
    expect(closed.json()).toMatchObject({ status: 'closed', closeNote: '已核实' });
    expect((await get('office', `/api/notices/${notice.id}`)).json()).toMatchObject({
      canAnswer: false,
      canClose: false,
    });
    expect((await post('office', `/api/notices/${notice.id}/close`, {})).statusCode).toBe(400);
    expect((await post('clerkA', `/api/notices/${notice.id}/answer`, { response: '再答' })).statusCode).toBe(
      400,
    );

    const audit = await h.database.db.execute(
      sql`SELECT action FROM audit_events WHERE entity = 'supervision_notice' AND entity_id = ${String(notice.id)} ORDER BY id`,
    );
    expect((audit as unknown as { rows: { action: string }[] }).rows.map((r) => r.action)).toEqual([
      'notice.issue',
      'notice.answer',
      'notice.close',
    ]);
  });

  it('issues a notice by hand to the level chosen, recording the channel', async () => {
    const body = { measureId: h.ids.measureA, level: 2, channel: 'phone', reason: '电话督促加快进度' };
    expect((await post('clerkA', '/api/notices', body)).statusCode).toBe(403);
    expect((await post('officeB', '/api/notices', body)).statusCode).toBe(404);
    expect((await post('office', '/api/notices', { ...body, channel: 'pigeon' })).statusCode).toBe(400);
    expect((await post('office', '/api/notices', { ...body, level: 4 })).statusCode).toBe(400);
    expect((await post('office', '/api/notices', { ...body, responseDue: '2026-12-01' })).statusCode).toBe(
      400,
    );
    const created = await post('office', '/api/notices', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      level: 2,
      channel: 'phone',
      origin: 'manual',
      responseDue: '2026-12-08',
    });
    expect(created.json().recipients.map((r: { displayName: string }) => r.displayName)).toEqual([
      'leader 测试',
    ]);
    const leaderInbox = (await get('leaderA', '/api/inbox')).json();
    expect(leaderInbox.unread).toBe(1);
    expect(
      (await post('leaderA', `/api/notices/${created.json().id}/answer`, { response: '已约谈' })).statusCode,
    ).toBe(200);
  });

  it('counts notices by level and unit within scope', async () => {
    const stats = (await get('office', `/api/notices/stats?inspectionId=${h.ids.inspectionA}`)).json();
    expect(stats).toMatchObject({ total: 2, open: 0, answered: 1, closed: 1, late: 0 });
    expect(stats.byLevel).toEqual([
      { level: 1, total: 1, open: 0 },
      { level: 2, total: 1, open: 0 },
    ]);
    expect((await get('officeB', '/api/notices/stats')).json()).toMatchObject({
      total: 0,
      byLevel: [],
      units: [],
    });
  });

  it('lets the office record the answer of a notice it issued by hand (on site), not of an automatic one', async () => {
    const body = {
      measureId: h.ids.measureA,
      level: 1,
      channel: 'onsite',
      reason: '现场督办：查看台账和现场',
    };
    const notice = (await post('office', '/api/notices', body)).json();
    expect((await get('office', `/api/notices/${notice.id}`)).json()).toMatchObject({
      canAnswer: true,
      canClose: true,
    });
    expect((await get('clerkA', `/api/notices/${notice.id}`)).json()).toMatchObject({
      canAnswer: true,
      canClose: false,
    });
    expect((await post('officeB', `/api/notices/${notice.id}/answer`, { response: '代答' })).statusCode).toBe(
      404,
    );
    const recorded = await post('office', `/api/notices/${notice.id}/answer`, {
      response: '现场答复：月底前完成',
    });
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json()).toMatchObject({ status: 'answered', respondedByName: 'office 测试' });
    const auto = (await get('office', '/api/notices?status=closed'))
      .json()
      .items.find((n: { origin: string }) => n.origin === 'auto');
    expect((await get('office', `/api/notices/${auto.id}`)).json()).toMatchObject({ canAnswer: false });
  });

  it('marks only the caller’s own notifications read', async () => {
    const officeItems = (await get('office', '/api/inbox')).json().items;
    expect(
      (await post('clerkA', '/api/inbox/read', { ids: officeItems.map((i: { id: number }) => i.id) })).json(),
    ).toEqual({
      changed: 0,
    });
    expect((await post('office', '/api/inbox/read', {})).json().changed).toBeGreaterThan(0);
    expect((await get('office', '/api/inbox/unread-count')).json()).toEqual({ unread: 0 });
    expect((await get('office', '/api/inbox?unread=true')).json().items).toEqual([]);
    // Reading is a change too: one audit line for the office's call, none for the call that changed nothing.
    const audit = await h.database.db.execute(
      sql`SELECT u.username, a.after FROM audit_events a JOIN users u ON u.id = a.actor_id WHERE a.action = 'inbox.read'`,
    );
    const lines = (audit as unknown as { rows: { username: string; after: { notifications: number[] } }[] })
      .rows;
    expect(lines).toHaveLength(1);
    expect(lines[0]!.after.notifications.sort()).toEqual(officeItems.map((i: { id: number }) => i.id).sort());
  });

  it('mails queued notifications through SMTP, and retries then gives up when the server is gone', async () => {
    const sink = await startSmtpSink();
    try {
      await h.database.db.execute(
        sql`UPDATE users SET email = 'clerk.a@example.test' WHERE username LIKE 'clerk_%'`,
      );
      await h.database.db.execute(sql`DELETE FROM scheduler_days`);
      await h.database.db.execute(
        sql`UPDATE measures SET deadline = '2026-12-12' WHERE id = ${h.ids.measureA}`,
      );
      // 7 days before the new deadline: a reminder, queued for mail because the clerk now has an address.
      expect((await post('office', '/api/scheduler/run')).json().days[0].summary).toEqual({
        reminders: 1,
        notices: 0,
        publicReminders: 0,
      });
      const mailer = createMailer(`smtp://127.0.0.1:${sink.port}`, 'Zhenggai <zg@example.test>');
      const result = await deliverPendingMail(h.database.db, mailer, { baseUrl: 'http://zg.example.test' });
      mailer.close();
      expect(result).toEqual({ sent: 1, failed: 0, attempted: 1 });
      expect(sink.received).toHaveLength(1);
      expect(sink.received[0]!.to).toEqual(['clerk.a@example.test']);
      const mail = await simpleParser(sink.received[0]!.raw);
      expect(mail.subject).toMatch(/^【整改】整改时限还有 7 天：/);
      expect(mail.text).toContain(`http://zg.example.test/measures/${h.ids.measureA}`);
      // Nothing left to send: a second pass sends nothing again.
      const again = createMailer(`smtp://127.0.0.1:${sink.port}`, 'zg@example.test');
      expect(await deliverPendingMail(h.database.db, again, { baseUrl: 'http://x' })).toEqual({
        sent: 0,
        failed: 0,
        attempted: 0,
      });
      again.close();
    } finally {
      await sink.close();
    }
    await h.database.db.execute(
      sql`UPDATE notifications SET email_status = 'pending' WHERE kind = 'reminder'`,
    );
    const dead = createMailer(`smtp://127.0.0.1:${sink.port}`, 'zg@example.test');
    expect(
      await deliverPendingMail(h.database.db, dead, { baseUrl: 'http://x', maxAttempts: 3 }),
    ).toMatchObject({
      sent: 0,
      failed: 0,
    });
    expect(
      await deliverPendingMail(h.database.db, dead, { baseUrl: 'http://x', maxAttempts: 3 }),
    ).toMatchObject({
      sent: 0,
      failed: 1,
    });
    dead.close();
    const state = await h.database.db.execute(
      sql`SELECT email_status AS status, email_attempts AS attempts, email_error IS NOT NULL AS "hasError"
          FROM notifications WHERE kind = 'reminder'`,
    );
    expect((state as unknown as { rows: unknown[] }).rows).toEqual([
      { status: 'failed', attempts: 3, hasError: true },
    ]);
  });
});
