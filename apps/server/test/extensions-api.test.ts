import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/databases.ts';
import { auth, PEOPLE, startHarness, type Harness } from './harness.ts';

// 延期申请 over HTTP: who may ask, who may decide, and what the measure looks like afterwards.

const READS_A = new Set(['admin', 'office', 'reviewer', 'discipline', 'leaderA', 'clerkA']);
const ASKS = new Set(['leaderA', 'clerkA']);
const DECIDES = new Set(['admin', 'office']);

describe.each(BACKENDS)('extension requests API on %s', (backend) => {
  let h: Harness;
  let requestId: number;
  beforeAll(async () => {
    h = await startHarness(backend);
  }, 120_000);
  afterAll(() => h.close());

  const get = (who: string, url: string) => h.app.inject({ url, headers: auth(h.tokens[who]) });
  const post = (who: string, url: string, payload?: object) =>
    h.app.inject({ method: 'POST', url, headers: auth(h.tokens[who]), ...(payload ? { payload } : {}) });
  const ask = (who: string, requestedDeadline: string, reason = '需要等待上级资金下达') =>
    post(who, `/api/measures/${h.ids.measureA}/extension-requests`, { requestedDeadline, reason });

  it('refuses bad requests and people outside the unit', async () => {
    // The harness measure is due 2030-01-01.
    const early = await ask('clerkA', '2029-12-31');
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toBe('新的整改时限必须晚于当前时限 2030-01-01');
    expect((await ask('clerkA', '2030-02-30')).statusCode).toBe(400);
    expect((await ask('clerkA', '2030-03-31', '')).statusCode).toBe(400);
    for (const p of PEOPLE.filter((x) => !ASKS.has(x.name))) {
      const res = await ask(p.name, '2030-03-31');
      expect(res.statusCode, p.name).toBe(READS_A.has(p.name) ? 403 : 404);
    }
  });

  it('asks once, refuses a second pending request, and lists the queue in scope', async () => {
    const res = await ask('clerkA', '2030-03-31');
    expect(res.statusCode).toBe(201);
    requestId = res.json().id;
    const second = await ask('leaderA', '2030-04-30');
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('CONFLICT');
    expect(second.json().error.message).toContain('待审批');
    const queue = (await get('office', '/api/extension-requests?status=pending')).json();
    expect(queue.items.map((r: { id: number }) => r.id)).toEqual([requestId]);
    expect(queue.items[0]).toMatchObject({
      unitName: '甲镇',
      inspectionName: '甲镇巡察',
      statusLabel: '待审批',
    });
    expect(queue.canDecide).toBe(true);
    expect((await get('officeB', '/api/extension-requests')).json().items).toEqual([]);
    expect(
      (await get('clerkB', `/api/extension-requests?inspectionId=${h.ids.inspectionA}`)).json().items,
    ).toEqual([]);
    expect((await get('clerkB', `/api/measures/${h.ids.measureA}/extension-requests`)).statusCode).toBe(404);
    const refusedQueue = (await get('office', '/api/extension-requests?status=refused')).json();
    expect(refusedQueue.items).toEqual([]);
  });

  it('lets only the office decide; refusing twice is a conflict; approval moves the deadline', async () => {
    for (const p of PEOPLE.filter((x) => !DECIDES.has(x.name))) {
      const res = await post(p.name, `/api/extension-requests/${requestId}/decide`, { approve: true });
      expect(res.statusCode, p.name).toBe(READS_A.has(p.name) ? 403 : 404);
    }
    expect((await post('leaderA', `/api/extension-requests/${requestId}/withdraw`)).statusCode).toBe(403);
    const refused = await post('office', `/api/extension-requests/${requestId}/decide`, {
      approve: false,
      note: '请先落实资金来源',
    });
    expect(refused.statusCode).toBe(200);
    expect(refused.json()).toMatchObject({ status: 'refused', decisionNote: '请先落实资金来源' });
    const twice = await post('office', `/api/extension-requests/${requestId}/decide`, {
      approve: false,
      note: '再次不同意',
    });
    expect(twice.statusCode).toBe(409);

    const again = await ask('clerkA', '2030-02-28', '资金已落实，施工需要两个月');
    const approved = await post('office', `/api/extension-requests/${again.json().id}/decide`, {
      approve: true,
    });
    expect(approved.json().status).toBe('approved');
    const measure = (await get('clerkA', `/api/measures/${h.ids.measureA}`)).json();
    expect(measure.deadline).toBe('2030-02-28');
    const history = (await get('clerkA', `/api/measures/${h.ids.measureA}/extension-requests`)).json();
    expect(history.items.map((r: { status: string }) => r.status)).toEqual(['approved', 'refused']);
    expect(history).toMatchObject({ deadline: '2030-02-28', canRequest: true, canDecide: false });

    const third = await ask('clerkA', '2030-05-31');
    const withdrawn = await post('clerkA', `/api/extension-requests/${third.json().id}/withdraw`);
    expect(withdrawn.json().status).toBe('withdrawn');
    const timeline = (await get('clerkA', `/api/measures/${h.ids.measureA}/timeline`)).json();
    expect(timeline.events[0]).toMatchObject({
      action: 'measure.extend_deadline',
      after: { deadline: '2030-02-28' },
    });
    const unknown = await post('office', '/api/extension-requests/999999/decide', { approve: true });
    expect(unknown.statusCode).toBe(404);
  });
});
