import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/databases.ts';
import { auth, multipart, PNG_1PX, startHarness, type Harness } from './harness.ts';

describe.each(BACKENDS)('a measure from start to closure on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend, 64 * 1024);
  }, 120_000);
  afterAll(() => h.close());

  const post = (who: string, url: string, payload?: object) =>
    h.app.inject({ method: 'POST', url, headers: auth(h.tokens[who]), ...(payload ? { payload } : {}) });

  it('walks progress → closure request → return → closure → approval, audited and counted', async () => {
    const m = h.ids.measureA;
    const early = await post('clerkA', `/api/measures/${m}/events/request_closure`);
    expect(early.statusCode).toBe(409);
    const body = multipart(
      {
        text: '已核查 120 户，调整 8 户',
        numbers: JSON.stringify([{ label: '核查', value: 120, unit: '户' }]),
      },
      [{ field: 'files', name: '../../etc/现场照片.png', content: PNG_1PX, type: 'image/png' }],
    );
    const progress = await h.app.inject({
      method: 'POST',
      url: `/api/measures/${m}/progress`,
      headers: { ...auth(h.tokens.clerkA), ...body.headers },
      payload: body.payload,
    });
    expect(progress.statusCode).toBe(201);
    const measure = (
      await h.app.inject({ url: `/api/measures/${m}`, headers: auth(h.tokens.clerkA) })
    ).json();
    expect(measure.status).toBe('in_progress');
    expect(measure.allowedEvents).toEqual(['report_progress', 'request_closure']);

    expect((await post('clerkA', `/api/measures/${m}/events/request_closure`)).statusCode).toBe(200);
    expect((await post('clerkA', `/api/measures/${m}/events/approve`)).statusCode).toBe(403);
    const noReason = await post('reviewer', `/api/measures/${m}/events/return`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain('原因');
    const returned = await post('reviewer', `/api/measures/${m}/events/return`, { reason: '佐证材料不全' });
    expect(returned.json()).toMatchObject({ status: 'in_progress', returnReason: '佐证材料不全' });
    expect((await post('clerkA', `/api/measures/${m}/events/request_closure`)).statusCode).toBe(200);
    const approved = await post('reviewer', `/api/measures/${m}/events/approve`);
    expect(approved.json().status).toBe('closed');

    const timeline = (
      await h.app.inject({ url: `/api/measures/${m}/timeline`, headers: auth(h.tokens.clerkA) })
    ).json();
    expect(timeline.progress[0].numbers).toEqual([{ label: '核查', value: 120, unit: '户' }]);
    const attachment = timeline.progress[0].evidence[0];
    expect(attachment.fileName).toBe('现场照片.png');
    expect(attachment.mime).toBe('image/png');
    expect(timeline.events.map((e: { action: string }) => e.action)).toEqual([
      'measure.approve',
      'measure.request_closure',
      'measure.return',
      'measure.request_closure',
      'measure.report_progress',
      'measure.create',
    ]);
    const download = await h.app.inject({
      url: `/api/evidence/${attachment.id}`,
      headers: auth(h.tokens.clerkA),
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG_1PX)).toBe(true);
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('现场照片.png'));

    const stats = (
      await h.app.inject({
        url: `/api/stats?inspectionId=${h.ids.inspectionA}`,
        headers: auth(h.tokens.office),
      })
    ).json();
    expect(stats.totals).toMatchObject({ measures: 1, closed: 1, problemsClosed: 1, rate: 100 });
    const reopened = await post('office', `/api/measures/${m}/events/reopen`, {
      reason: '回头看发现问题反弹',
    });
    expect(reopened.json().status).toBe('in_progress');
  });

  it('refuses bad uploads clearly and writes nothing', async () => {
    const m = h.ids.measureB;
    const before = (
      await h.app.inject({ url: `/api/measures/${m}/timeline`, headers: auth(h.tokens.clerkB) })
    ).json();
    const cases = [
      {
        name: 'big.png',
        content: Buffer.concat([PNG_1PX, Buffer.alloc(70 * 1024)]),
        status: 413,
        message: '上限',
      },
      {
        name: 'script.png',
        content: Buffer.from('#!/bin/sh\nrm -rf /\n'),
        status: 415,
        message: '不支持的文件类型',
      },
      { name: 'empty.pdf', content: Buffer.alloc(0), status: 400, message: '文件为空' },
    ];
    for (const c of cases) {
      const body = multipart({ text: '附件测试' }, [{ field: 'files', name: c.name, content: c.content }]);
      const res = await h.app.inject({
        method: 'POST',
        url: `/api/measures/${m}/progress`,
        headers: { ...auth(h.tokens.clerkB), ...body.headers },
        payload: body.payload,
      });
      expect(res.statusCode, c.name).toBe(c.status);
      expect(res.json().error.message).toContain(c.message);
    }
    const after = (
      await h.app.inject({ url: `/api/measures/${m}/timeline`, headers: auth(h.tokens.clerkB) })
    ).json();
    expect(after.progress).toEqual(before.progress);
    expect(after.events).toEqual(before.events);
  });

  it('validates input with Chinese messages: impossible dates, wrong types, SQL-looking text', async () => {
    const bad = [
      { periodStart: '2024-02-30' },
      { periodStart: '2024-13-01' },
      { kind: 'party' },
      { ownerUnitId: 'one' },
      { name: '' },
      { periodStart: '2024-05-01', periodEnd: '2024-04-01' },
    ];
    for (const patch of bad) {
      const res = await post('office', '/api/inspections', {
        name: '测试',
        kind: 'xuncha',
        ownerUnitId: h.ids.county,
        inspectedUnitId: h.ids.townA,
        ...patch,
      });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const sqlish = "'; DROP TABLE measures; --";
    const created = await post('office', '/api/inspections', {
      name: sqlish,
      kind: 'xuncha',
      ownerUnitId: h.ids.county,
      inspectedUnitId: h.ids.townA,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().name).toBe(sqlish);
    const search = await h.app.inject({
      url: `/api/ledger?q=${encodeURIComponent("%' OR 1=1 --")}`,
      headers: auth(h.tokens.office),
    });
    expect(search.json().total).toBe(0);
    const count = await h.app.inject({ url: '/api/ledger', headers: auth(h.tokens.office) });
    expect(count.json().total).toBeGreaterThan(0);
  });

  it('rate-limits repeated wrong passwords', async () => {
    let last = 0;
    for (let i = 0; i < 11; i++) {
      last = (
        await h.app.inject({
          method: 'POST',
          url: '/api/session',
          payload: { username: 'admin', password: `wrong-${i}` },
        })
      ).statusCode;
    }
    expect(last).toBe(429);
  });

  it('answers health and publishes the OpenAPI document', async () => {
    expect((await h.app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok', database: backend });
    const doc = (await h.app.inject({ url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).toContain('/api/ledger');
    expect(Object.keys(doc.paths)).toContain('/api/measures/{id}/events/{event}');
  });
});
