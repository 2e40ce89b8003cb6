import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/databases.ts';
import { auth, multipart, PEOPLE, PNG_1PX, startHarness, type Harness } from './harness.ts';

// Each role × each resource of township A. Expected access is written out here, independently
// of the permission code: who may read A, who may manage it, who may work on its measure.
const READS_A = new Set(['admin', 'office', 'reviewer', 'discipline', 'leaderA', 'clerkA']);
const MANAGES_A = new Set(['admin', 'office']);
const WORKS_ON_A = new Set(['office', 'clerkA']);

describe.each(BACKENDS)('scope matrix on %s', (backend) => {
  let h: Harness;
  let attachmentId: number;
  beforeAll(async () => {
    h = await startHarness(backend);
    const body = multipart({ text: '已完成入户核查' }, [
      { field: 'files', name: '照片.png', content: PNG_1PX, type: 'image/png' },
    ]);
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/measures/${h.ids.measureA}/progress`,
      headers: { ...auth(h.tokens.clerkA), ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(201);
    const timeline = await h.app.inject({
      url: `/api/measures/${h.ids.measureA}/timeline`,
      headers: auth(h.tokens.clerkA),
    });
    attachmentId = timeline.json().progress[0].evidence[0].id;
  }, 120_000);
  afterAll(() => h.close());

  const names = PEOPLE.map((p) => p.name);

  it.each(names)('%s reads township A only when in scope', async (name) => {
    const headers = auth(h.tokens[name]);
    const expected = READS_A.has(name) ? 200 : 404;
    for (const url of [
      `/api/inspections/${h.ids.inspectionA}`,
      `/api/inspections/${h.ids.inspectionA}/outline`,
      `/api/inspections/${h.ids.inspectionA}/ledger.xlsx`,
      `/api/measures/${h.ids.measureA}`,
      `/api/measures/${h.ids.measureA}/timeline`,
      `/api/evidence/${attachmentId}`,
    ]) {
      const res = await h.app.inject({ url, headers });
      expect(res.statusCode, `${name} GET ${url}`).toBe(expected);
      if (expected === 404) {
        expect(res.body).not.toContain('甲镇');
        expect(res.json().error.message).toMatch(/不存在或无权查看/);
      }
    }
    const ledger = (
      await h.app.inject({ url: `/api/ledger?inspectionId=${h.ids.inspectionA}`, headers })
    ).json();
    expect(ledger.total).toBe(READS_A.has(name) ? 1 : 0);
    const stats = (
      await h.app.inject({ url: `/api/stats?inspectionId=${h.ids.inspectionA}`, headers })
    ).json();
    expect(stats.totals.measures).toBe(READS_A.has(name) ? 1 : 0);
    const list = (await h.app.inject({ url: '/api/inspections', headers })).json() as { id: number }[];
    expect(list.some((i) => i.id === h.ids.inspectionA)).toBe(READS_A.has(name));
    const all = (await h.app.inject({ url: '/api/ledger?limit=1000', headers })).json() as {
      items: { unitId: number }[];
    };
    if (!READS_A.has(name)) expect(all.items.every((m) => m.unitId !== h.ids.townA)).toBe(true);
  });

  it.each(names)('%s changes township A only with the right role', async (name) => {
    const headers = auth(h.tokens[name]);
    const denied = READS_A.has(name) ? 403 : 404;
    const edit = await h.app.inject({
      method: 'PUT',
      url: `/api/measures/${h.ids.measureA}`,
      headers,
      payload: { text: '改写的措施', kind: 'deadline', unitId: h.ids.townA, deadline: '2031-01-01' },
    });
    expect(edit.statusCode, `${name} edit`).toBe(MANAGES_A.has(name) ? 200 : denied);
    const problem = await h.app.inject({
      method: 'PUT',
      url: `/api/problems/${h.ids.problemA}`,
      headers,
      payload: { categoryId: null, number: '1', title: '改写的问题' },
    });
    expect(problem.statusCode, `${name} problem`).toBe(MANAGES_A.has(name) ? 200 : denied);
    const progress = await h.app.inject({
      method: 'POST',
      url: `/api/measures/${h.ids.measureA}/progress`,
      headers,
      payload: { text: `${name} 报送` },
    });
    expect(progress.statusCode, `${name} progress`).toBe(WORKS_ON_A.has(name) ? 201 : denied);
    const approve = await h.app.inject({
      method: 'POST',
      url: `/api/measures/${h.ids.measureA}/events/approve`,
      headers,
    });
    // Nobody can approve a measure that is not waiting for review; outsiders still see 404.
    expect(approve.statusCode, `${name} approve`).toBe(READS_A.has(name) ? 409 : 404);
    if (!MANAGES_A.has(name)) {
      // (Managers are not asked: a successful delete would take the fixture away from the others.)
      const remove = await h.app.inject({
        method: 'DELETE',
        url: `/api/inspections/${h.ids.inspectionA}`,
        headers,
      });
      expect(remove.statusCode, `${name} delete`).toBe(denied);
    }
  });

  it('keeps units, users and the audit log inside the subtree', async () => {
    const units = (await h.app.inject({ url: '/api/units', headers: auth(h.tokens.clerkB) })).json() as {
      id: number;
    }[];
    expect(units.map((u) => u.id)).toEqual([h.ids.townB]);
    expect((await h.app.inject({ url: '/api/users', headers: auth(h.tokens.officeB) })).json()).toEqual([]);
    const audit = (
      await h.app.inject({ url: '/api/audit?limit=1000', headers: auth(h.tokens.disciplineB) })
    ).json() as {
      entityId: string;
      entity: string;
    }[];
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.some((e) => e.entity === 'measure' && e.entityId === String(h.ids.measureA))).toBe(false);
    const clerkAudit = await h.app.inject({ url: '/api/audit', headers: auth(h.tokens.clerkA) });
    expect(clerkAudit.statusCode).toBe(403);
    const noSession = await h.app.inject({ url: `/api/measures/${h.ids.measureA}` });
    expect(noSession.statusCode).toBe(401);
    const forged = await h.app.inject({
      url: `/api/measures/${h.ids.measureA}`,
      headers: auth('forged-token'),
    });
    expect(forged.statusCode).toBe(401);
  });
});
