import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalSecret } from '@zhenggai/app';
import { issueChallenge, leadingZeroBits, powDigest, solveChallenge } from '@zhenggai/core';
import { BACKENDS } from '../../../test/databases.ts';
import { auth, multipart, PEOPLE, PNG_1PX, startHarness, type Harness } from './harness.ts';

// The public portal through HTTP: no session, proof of work, limits, tracking code; and the
// office and the unit handling the message, scoped and audited.

// A low difficulty through the same configuration production uses (ZHENGGAI_PUBLIC_POW_BITS).
process.env.ZHENGGAI_PUBLIC_POW_BITS = '6';

describe.each(BACKENDS)('public portal API on %s', (backend) => {
  let h: Harness;
  let publicationId: number;
  let ip = 0;
  /** Each test sends from its own address, so the per-address limits do not leak between them. */
  const nextAddress = () => `10.0.0.${++ip}`;

  beforeAll(async () => {
    h = await startHarness(backend);
    const draft = await h.app.inject({
      url: `/api/inspections/${h.ids.inspectionA}/publication-draft`,
      headers: auth(h.tokens.office),
    });
    expect(draft.statusCode).toBe(200);
    expect(draft.json().body).toContain('测试问题');
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/inspections/${h.ids.inspectionA}/publications`,
      headers: auth(h.tokens.office),
      payload: { title: draft.json().title, body: draft.json().body },
    });
    expect(res.statusCode).toBe(201);
    publicationId = res.json().id;
  }, 180_000);
  afterAll(() => h.close());

  async function challenge(remoteAddress: string) {
    const res = await h.app.inject({ url: '/api/public/challenge', remoteAddress });
    expect(res.statusCode).toBe(200);
    return res.json() as { token: string; salt: string; bits: number };
  }

  async function submit(
    remoteAddress: string,
    fields: Record<string, string> = {},
    files: { field: string; name: string; content: Buffer }[] = [],
  ) {
    const c = await challenge(remoteAddress);
    const body = multipart(
      {
        challenge: c.token,
        nonce: solveChallenge(c.salt, c.bits),
        category: 'clue',
        body: '反映甲镇某项目资金拨付不及时的问题。',
        contact: '联系电话 13900000000',
        publicationId: String(publicationId),
        ...fields,
      },
      files,
    );
    return h.app.inject({ method: 'POST', url: '/api/public/messages', remoteAddress, ...body });
  }

  it('shows published 通报 without a session, and nothing once withdrawn', async () => {
    const list = await h.app.inject({ url: '/api/public/publications' });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([
      expect.objectContaining({ id: publicationId, inspectionName: '甲镇巡察', inspectedUnit: '甲镇' }),
    ]);
    const one = await h.app.inject({ url: `/api/public/publications/${publicationId}` });
    expect(Object.keys(one.json()).sort()).toEqual(
      ['body', 'id', 'inspectedUnit', 'inspectionName', 'publishedAt', 'title', 'updatedAt'].sort(),
    );
    // Not the office of another township; not a clerk.
    for (const who of ['officeB', 'clerkA']) {
      const res = await h.app.inject({
        method: 'POST',
        url: `/api/publications/${publicationId}/withdraw`,
        headers: auth(h.tokens[who]),
        payload: {},
      });
      expect(res.statusCode, who).toBe(who === 'clerkA' ? 403 : 404);
    }
    const extra = await h.app.inject({
      method: 'POST',
      url: `/api/inspections/${h.ids.inspectionA}/publications`,
      headers: auth(h.tokens.office),
      payload: { title: '第二篇', body: '第二篇正文' },
    });
    const withdraw = await h.app.inject({
      method: 'POST',
      url: `/api/publications/${extra.json().id}/withdraw`,
      headers: auth(h.tokens.office),
      payload: {},
    });
    expect(withdraw.json().withdrawnAt).not.toBeNull();
    expect((await h.app.inject({ url: `/api/public/publications/${extra.json().id}` })).statusCode).toBe(404);
    expect((await h.app.inject({ url: '/api/public/publications' })).json()).toHaveLength(1);
    // The signed-in side still needs a session.
    expect((await h.app.inject({ url: '/api/public-messages' })).statusCode).toBe(401);
    expect((await h.app.inject({ url: '/api/publications' })).statusCode).toBe(401);
  });

  it('refuses a bad nonce, a tampered, expired or reused challenge', async () => {
    const from = nextAddress();
    const c = await challenge(from);
    let bad = 0;
    while (leadingZeroBits(powDigest(c.salt, String(bad))) >= c.bits) bad++;
    const post = (fields: Record<string, string>) =>
      h.app.inject({
        method: 'POST',
        url: '/api/public/messages',
        remoteAddress: from,
        ...multipart({ category: 'opinion', body: '一条测试用的反映内容', ...fields }, []),
      });
    const wrong = await post({ challenge: c.token, nonce: String(bad) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toMatch(/验证/);
    const parts = c.token.split('.');
    const tampered = await post({
      challenge: [parts[0], parts[1], '1', parts[3], parts[4]].join('.'),
      nonce: '0',
    });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json().error.message).toContain('篡改');
    const expired = issueChallenge(await portalSecret(h.database.db), 6, -1000);
    const late = await post({ challenge: expired.token, nonce: solveChallenge(expired.salt, 6) });
    expect(late.json().error.message).toContain('过期');
    const nonce = solveChallenge(c.salt, c.bits);
    expect((await post({ challenge: c.token, nonce })).statusCode).toBe(201);
    const again = await post({ challenge: c.token, nonce });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toContain('已使用过');
    // Replaying a solution with files is refused before any file is stored.
    const d = await challenge(from);
    const withFile = (n: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/public/messages',
        remoteAddress: from,
        ...multipart({ category: 'opinion', body: '带附件的测试反映内容', challenge: d.token, nonce: n }, [
          { field: 'files', name: '图.png', content: PNG_1PX },
        ]),
      });
    const dn = solveChallenge(d.salt, d.bits);
    expect((await withFile(dn)).statusCode).toBe(201);
    const replay = await withFile(dn);
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error.message).toContain('已使用过');
    const missing = await post({});
    expect(missing.json().error.message).toContain('计算验证');
  });

  it('limits messages and lookups per address', async () => {
    const from = nextAddress();
    for (let i = 0; i < 5; i++) expect((await submit(from)).statusCode).toBe(201);
    const sixth = await submit(from);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(sixth.json().error.message).toContain('每小时最多提交 5 条');
    expect((await submit(nextAddress())).statusCode).toBe(201);

    const looker = nextAddress();
    for (let i = 0; i < 60; i++) {
      const res = await h.app.inject({
        url: '/api/public/messages/AAAA-BBBB-CCCC-DDDD',
        remoteAddress: looker,
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toContain('查询码不存在');
    }
    const blocked = await h.app.inject({
      url: '/api/public/messages/AAAA-BBBB-CCCC-DDDD',
      remoteAddress: looker,
    });
    expect(blocked.statusCode).toBe(429);
  });

  it('takes at most 3 attachments of 5 MB, by content type, and stores none of a refused post', async () => {
    const png = { field: 'files', name: '现场.png', content: PNG_1PX };
    const count = async () =>
      (await h.database.query<{ n: number }>('SELECT count(*)::int AS n FROM public_message_files'))[0]!.n;
    const before = await count();
    const four = await submit(nextAddress(), {}, [png, png, png, png]);
    expect(four.statusCode).toBe(400);
    expect(four.json().error.message).toContain('最多上传 3 个附件');
    const big = Buffer.concat([PNG_1PX, Buffer.alloc(5 * 1024 * 1024)]);
    const large = await submit(nextAddress(), {}, [{ ...png, content: big }]);
    expect(large.statusCode).toBe(413);
    expect(large.json().error.code).toBe('TOO_LARGE');
    const text = await submit(nextAddress(), {}, [
      { field: 'files', name: '假图片.png', content: Buffer.from('hello') },
    ]);
    expect(text.statusCode).toBe(415);
    expect(text.json().error.message).toContain('不支持的文件类型');
    expect(await count()).toBe(before);
    const three = await submit(nextAddress(), {}, [png, png, png]);
    expect(three.statusCode).toBe(201);
    expect(await count()).toBe(before + 3);
    const short = await submit(nextAddress(), { body: '太短' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toContain('至少 5 个字');
  });

  it('goes office → unit → sender; scoped to the units concerned; audited', async () => {
    const sent = await submit(nextAddress(), { body: '甲镇某村道路硬化工程质量差，请核查。' }, [
      { field: 'files', name: '../照片.png', content: PNG_1PX },
    ]);
    expect(sent.statusCode).toBe(201);
    const code: string = sent.json().trackingCode;
    expect(Object.keys(sent.json())).toEqual(['trackingCode']);
    const list = await h.app.inject({
      url: '/api/public-messages?status=new&q=道路硬化',
      headers: auth(h.tokens.office),
    });
    expect(list.json().items).toHaveLength(1);
    const id: number = list.json().items[0].id;
    const call = (who: string, method: 'GET' | 'POST', path: string, payload?: object) =>
      h.app.inject({
        method,
        url: `/api/public-messages/${id}${path}`,
        headers: auth(h.tokens[who]),
        payload,
      });

    // Nobody outside the receiving office sees it before it is assigned.
    for (const who of ['officeB', 'clerkA', 'clerkB', 'leaderB', 'viewerB', 'disciplineB'])
      expect((await call(who, 'GET', '')).statusCode, who).toBe(404);
    expect(
      (await h.app.inject({ url: '/api/public-messages', headers: auth(h.tokens.officeB) })).json().items,
    ).toEqual([]);
    const detail = (await call('office', 'GET', '')).json();
    expect(detail.files).toEqual([expect.objectContaining({ fileName: '照片.png', mime: 'image/png' })]);
    const fileUrl = `/api/public-message-files/${detail.files[0].id}`;
    expect((await h.app.inject({ url: fileUrl, headers: auth(h.tokens.office) })).statusCode).toBe(200);
    expect((await h.app.inject({ url: fileUrl, headers: auth(h.tokens.clerkB) })).statusCode).toBe(404);
    expect((await h.app.inject({ url: fileUrl })).statusCode).toBe(401);

    expect((await call('office', 'POST', '/triage', { note: '内部：疑似与问题1相关' })).statusCode).toBe(200);
    expect((await call('office', 'POST', '/link', { problemIds: [h.ids.problemA] })).statusCode).toBe(200);
    expect((await call('officeB', 'POST', '/assign', { unitId: h.ids.townB })).statusCode).toBe(404);
    expect((await call('office', 'POST', '/assign', { unitId: 999999 })).statusCode).toBe(404);
    const assigned = await call('office', 'POST', '/assign', { unitId: h.ids.townA });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({ status: 'assigned', assignedUnitName: '甲镇' });

    expect((await call('clerkB', 'POST', '/answer', { answer: '乙镇答复' })).statusCode).toBe(404);
    expect((await call('clerkB', 'GET', '')).statusCode).toBe(404);
    const asClerk = (await call('clerkA', 'GET', '')).json();
    expect(asClerk.triageNote).toBeNull();
    expect(asClerk.contact).toBeNull();
    expect((await call('clerkA', 'POST', '/close', {})).statusCode).toBe(403);
    const answered = await call('clerkA', 'POST', '/answer', {
      answer: '已督促施工单位返工，道路已重新硬化。',
    });
    expect(answered.statusCode).toBe(200);

    const read = await h.app.inject({ url: `/api/public/messages/${code.toLowerCase()}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ status: 'answered', answer: '已督促施工单位返工，道路已重新硬化。' });
    expect(read.body).not.toContain('内部');
    expect(read.body).not.toContain('13900000000');
    expect(read.body).not.toContain('甲镇巡察');
    expect(read.json()).not.toHaveProperty('id');

    expect((await call('office', 'POST', '/close', {})).json().status).toBe('closed');
    const actions = await h.database.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity = 'public_message' AND entity_id = $1 ORDER BY id`,
      [String(id)],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'public_message.submit',
      'public_message.triage',
      'public_message.link',
      'public_message.assign',
      'public_message.answer',
      'public_message.close',
    ]);
    const publicationAudit = await h.database.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity = 'publication' ORDER BY id`,
    );
    expect(publicationAudit.map((a) => a.action)).toEqual([
      'publication.publish',
      'publication.publish',
      'publication.withdraw',
    ]);
  });

  it('shows an assigned message to the receiving office and the assigned unit only; notifies only them', async () => {
    await h.database.query('DELETE FROM notifications');
    const sent = await submit(nextAddress(), { body: '矩阵测试：甲镇某事项办理拖延。' });
    const id: number = (
      await h.app.inject({ url: '/api/public-messages?q=矩阵测试', headers: auth(h.tokens.office) })
    ).json().items[0].id;
    expect(sent.statusCode).toBe(201);
    await h.app.inject({
      method: 'POST',
      url: `/api/public-messages/${id}/assign`,
      headers: auth(h.tokens.office),
      payload: { unitId: h.ids.townA },
    });
    // Written out here, independently of the permission code.
    const SEES = new Set(['admin', 'office', 'leaderA', 'clerkA']);
    const ANSWERS = new Set(['admin', 'office', 'leaderA', 'clerkA']);
    for (const { name } of PEOPLE) {
      const res = await h.app.inject({ url: `/api/public-messages/${id}`, headers: auth(h.tokens[name]) });
      expect(res.statusCode, name).toBe(SEES.has(name) ? 200 : 404);
      if (!SEES.has(name)) {
        expect(res.json().error.message).toMatch(/不存在或无权查看/);
        expect(res.body).not.toContain('矩阵测试');
      }
      const listed = (
        await h.app.inject({ url: '/api/public-messages', headers: auth(h.tokens[name]) })
      ).json();
      expect(
        listed.items.some((m: { id: number }) => m.id === id),
        `${name} list`,
      ).toBe(SEES.has(name));
      if (!ANSWERS.has(name)) {
        const answer = await h.app.inject({
          method: 'POST',
          url: `/api/public-messages/${id}/answer`,
          headers: auth(h.tokens[name]),
          payload: { answer: '越权答复' },
        });
        expect(answer.statusCode, `${name} answer`).toBe(404);
      }
      if (name !== 'admin' && name !== 'office') {
        const assign = await h.app.inject({
          method: 'POST',
          url: `/api/public-messages/${id}/assign`,
          headers: auth(h.tokens[name]),
          payload: { unitId: h.ids.villageA },
        });
        expect(assign.statusCode, `${name} assign`).toBe(SEES.has(name) ? 403 : 404);
      }
    }
    const ids: Record<string, number> = {};
    for (const { name } of PEOPLE)
      ids[name] = (await h.app.inject({ url: '/api/session', headers: auth(h.tokens[name]) })).json().id;
    const recipients = await h.database.query<{ user_id: number }>(
      `SELECT DISTINCT user_id::int AS user_id FROM notifications WHERE kind = 'public_message' ORDER BY 1`,
    );
    expect(recipients.map((r) => r.user_id).sort()).toEqual([ids.office!, ids.clerkA!].sort());
  });

  it('lets the office register a message that came by phone; the caller reads the answer with the code', async () => {
    const register = (who: string, payload: object) =>
      h.app.inject({ method: 'POST', url: '/api/public-messages', headers: auth(h.tokens[who]), payload });
    const phone = { channel: 'phone', category: 'complaint', body: '来电反映：甲镇办事窗口中午无人值守。' };
    expect((await register('clerkA', phone)).statusCode).toBe(403);
    expect((await register('officeB', { ...phone, ownerUnitId: h.ids.county })).statusCode).toBe(403);
    expect((await register('officeB', { ...phone, inspectionId: h.ids.inspectionA })).statusCode).toBe(404);
    const res = await register('office', { ...phone, inspectionId: h.ids.inspectionA });
    expect(res.statusCode).toBe(201);
    const read = await h.app.inject({ url: `/api/public/messages/${res.json().trackingCode}` });
    expect(read.json()).toMatchObject({ status: 'new', category: 'complaint' });
    const detail = await h.app.inject({
      url: `/api/public-messages/${res.json().id}`,
      headers: auth(h.tokens.office),
    });
    expect(detail.json()).toMatchObject({
      channel: 'phone',
      channelLabel: '电话',
      inspectionName: '甲镇巡察',
    });
    const audit = await h.database.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity = 'public_message' AND entity_id = $1`,
      [String(res.json().id)],
    );
    expect(audit.map((a) => a.action)).toEqual(['public_message.register']);
  });
});
