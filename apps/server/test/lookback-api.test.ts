import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportDataFor, sampleMeasureIds, SYSTEM_ACTOR } from '@zhenggai/app';
import { sql } from '@zhenggai/db';
import { defaultTemplate, renderTemplate } from '@zhenggai/reports';
import { BACKENDS } from '../../../test/databases.ts';
import { auth, multipart, PNG_1PX, startHarness, type Harness } from './harness.ts';

// 回头看 through the API: a reproducible sample, 反弹 reopening the measure through the workflow,
// 巩固 leaving it alone, scope and permissions, audit, and the counts in statistics and reports.

interface Check {
  id: number;
  measureId: number;
  unitName: string;
  outcome: string | null;
  measureStatus: string;
  problemId: number;
  problemRecurring: boolean;
  evidence: { id: number; fileName: string }[];
}

describe.each(BACKENDS)('回头看 on %s', (backend) => {
  let h: Harness;
  const closed: number[] = [];
  let villageMeasures: number[] = [];
  let openMeasure = 0;

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    h.app.inject({ method, url, headers: auth(h.tokens[who]), ...(payload ? { payload } : {}) });
  const ok = async (who: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await call(who, method, url, payload);
    if (res.statusCode >= 300) throw new Error(`${method} ${url} as ${who}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const record = (who: string, checkId: number, fields: Record<string, string>, withFile = false) => {
    const body = multipart(
      fields,
      withFile ? [{ field: 'files', name: '复查照片.png', content: PNG_1PX, type: 'image/png' }] : [],
    );
    return h.app.inject({
      method: 'POST',
      url: `/api/lookback-checks/${checkId}`,
      headers: { ...auth(h.tokens[who]), ...body.headers },
      payload: body.payload,
    });
  };
  const close = async (measureId: number) => {
    await ok('office', 'POST', `/api/measures/${measureId}/progress`, { text: '已完成整改' });
    await ok('office', 'POST', `/api/measures/${measureId}/events/request_closure`);
    await ok('reviewer', 'POST', `/api/measures/${measureId}/events/approve`);
  };
  const newMeasure = async (unitId: number, title: string) => {
    const problem = await ok('office', 'POST', `/api/inspections/${h.ids.inspectionA}/problems`, {
      categoryId: null,
      number: String(closed.length + 2),
      title,
    });
    const measure = await ok('office', 'POST', `/api/problems/${problem.id}/measures`, {
      text: `${title}的措施`,
      kind: 'deadline',
      unitId,
      deadline: '2030-06-30',
    });
    return measure.id as number;
  };
  const roundChecks = async (roundId: number, who = 'office'): Promise<Check[]> =>
    (await ok(who, 'GET', `/api/lookback-rounds/${roundId}`)).checks;
  const lookbackNotifications = async () =>
    (
      (await h.database.db.execute(
        sql`SELECT n.user_id::int AS "userId", u.username, n.link, n.title FROM notifications n
            JOIN users u ON u.id = n.user_id WHERE n.kind = 'lookback' ORDER BY n.id`,
      )) as unknown as { rows: { userId: number; username: string; link: string; title: string }[] }
    ).rows;
  const auditActions = async (entity: string, entityId: number) =>
    (
      (await h.database.db.execute(
        sql`SELECT action FROM audit_events WHERE entity = ${entity} AND entity_id = ${String(entityId)} ORDER BY id`,
      )) as unknown as { rows: { action: string }[] }
    ).rows.map((r) => r.action);

  beforeAll(async () => {
    h = await startHarness(backend, 64 * 1024);
    await close(h.ids.measureA);
    closed.push(h.ids.measureA);
    for (const title of ['村务公开不及时', '集体资产台账不全', '低保复核走过场']) {
      const id = await newMeasure(h.ids.townA, title);
      await close(id);
      closed.push(id);
    }
    for (const title of ['村集体合同未公示', '惠农补贴发放不规范']) {
      const id = await newMeasure(h.ids.villageA, title);
      await close(id);
      closed.push(id);
    }
    villageMeasures = closed.slice(-2);
    openMeasure = await newMeasure(h.ids.townA, '尚未整改完的问题');
  }, 180_000);
  afterAll(() => h.close());

  it('draws a sample reproducible from its seed, as documented, and never an open measure', async () => {
    const draw = async (payload: object) => {
      const res = await call('office', 'POST', `/api/inspections/${h.ids.inspectionA}/lookback-rounds`, {
        name: '抽查',
        ...payload,
      });
      expect(res.statusCode, res.body).toBe(201);
      const checks = await roundChecks(res.json().id);
      return checks.map((c) => c.measureId).sort((a, b) => a - b);
    };
    const first = await draw({ sampleSize: 3, seed: '2024-回头看' });
    expect(first).toHaveLength(3);
    expect(await draw({ sampleSize: 3, seed: '2024-回头看' })).toEqual(first);
    // The documented rule, recomputed independently: order by sha256(seed:id), take the first n.
    const expected = [...closed]
      .sort((a, b) => {
        const ka = createHash('sha256').update(`2024-回头看:${a}`).digest('hex');
        const kb = createHash('sha256').update(`2024-回头看:${b}`).digest('hex');
        return ka < kb ? -1 : 1;
      })
      .slice(0, 3)
      .sort((a, b) => a - b);
    expect(first).toEqual(expected);
    // Another seed gives another set (for these seeds; checked against the pure function).
    const other = sampleMeasureIds(closed, 'another-seed', 3);
    expect(other).not.toEqual(first);
    expect(await draw({ sampleSize: 3, seed: 'another-seed' })).toEqual(other);
    // More than available: all of them.
    expect(await draw({ sampleSize: 50, seed: 'x' })).toEqual([...closed].sort((a, b) => a - b));
    // Without a sample size: every closed measure, and the open one is never drawn.
    const all = await draw({});
    expect(all).toEqual([...closed].sort((a, b) => a - b));
    expect(all).not.toContain(openMeasure);
    // Restricted to the village's subtree.
    expect(await draw({ unitId: h.ids.villageA })).toEqual(villageMeasures);
    // A seed is chosen and stored when none is given, so the draw can be repeated.
    const seeded = await ok('office', 'POST', `/api/inspections/${h.ids.inspectionA}/lookback-rounds`, {
      name: '随机',
      sampleSize: 2,
    });
    expect(seeded.seed).toMatch(/^[0-9a-f]{8}$/);
    expect((await roundChecks(seeded.id)).map((c) => c.measureId).sort((a, b) => a - b)).toEqual(
      sampleMeasureIds(closed, seeded.seed, 2),
    );
    expect(await auditActions('lookback_round', seeded.id)).toEqual(['lookback_round.create']);
  });

  it('refuses rounds without closed measures, bad sizes and people without the lookback permission', async () => {
    const url = `/api/inspections/${h.ids.inspectionA}/lookback-rounds`;
    const noneClosed = await call('office', 'POST', `/api/inspections/${h.ids.inspectionB}/lookback-rounds`, {
      name: '乙镇',
    });
    // The county office covers 乙镇 too; nothing there is closed yet.
    expect(noneClosed.statusCode).toBe(400);
    const officeB = await call('officeB', 'POST', `/api/inspections/${h.ids.inspectionB}/lookback-rounds`, {
      name: '乙镇',
    });
    expect(officeB.statusCode).toBe(400);
    expect(officeB.json().error.message).toContain('没有已销号的措施');
    expect((await call('office', 'POST', url, { name: '零', sampleSize: 0 })).statusCode).toBe(400);
    expect((await call('office', 'POST', url, { name: '' })).statusCode).toBe(400);
    expect((await call('clerkA', 'POST', url, { name: '联络员' })).statusCode).toBe(403);
    expect((await call('leaderA', 'POST', url, { name: '领导' })).statusCode).toBe(403);
    expect((await call('discipline', 'POST', url, { name: '纪委' })).statusCode).toBe(403);
    expect((await call('clerkB', 'POST', url, { name: '乙镇联络员' })).statusCode).toBe(404);
    expect((await call('clerkB', 'GET', url)).statusCode).toBe(404);
  });

  it('反弹 reopens the measure through the workflow, flags the problem, notifies the clerk, all audited', async () => {
    const round = await ok('office', 'POST', `/api/inspections/${h.ids.inspectionA}/lookback-rounds`, {
      name: '2025年回头看',
    });
    const checks = await roundChecks(round.id);
    const target = checks.find((c) => c.measureId === closed[1])!;
    const missingNote = await record('office', target.id, { outcome: 'rebounded' });
    expect(missingNote.statusCode).toBe(400);
    expect(missingNote.json().error.message).toContain('写明');
    const unknown = await record('office', target.id, { outcome: 'fine', note: '好' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('巩固');
    expect((await record('office', target.id, { note: '没有结果' })).statusCode).toBe(400);
    expect((await ok('office', 'GET', `/api/measures/${target.measureId}`)).status).toBe('closed');

    const res = await record(
      'office',
      target.id,
      { outcome: 'rebounded', note: '村务公开栏又停更三个月' },
      true,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      outcome: 'rebounded',
      reopened: true,
      measureStatus: 'in_progress',
      problemRecurring: true,
    });
    const measure = await ok('clerkA', 'GET', `/api/measures/${target.measureId}`);
    expect(measure.status).toBe('in_progress');
    expect(measure.returnReason).toContain('村务公开栏又停更三个月');
    expect(measure.returnReason).toContain('反弹');
    const notes = await lookbackNotifications();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.username).toMatch(/^clerk_.*_/);
    expect(notes[0]!.link).toBe(`/measures/${target.measureId}`);
    const clerkA = (
      (await h.database.db.execute(
        sql`SELECT u.username FROM users u JOIN role_grants g ON g.user_id = u.id
            WHERE g.role = 'clerk' AND g.unit_id = ${h.ids.townA}`,
      )) as unknown as { rows: { username: string }[] }
    ).rows.map((r) => r.username);
    expect(clerkA).toEqual([notes[0]!.username]);
    // In the clerk's inbox; another township's clerk hears nothing.
    const inbox = await ok('clerkA', 'GET', '/api/inbox');
    expect(inbox.items.filter((i: { kind: string }) => i.kind === 'lookback')).toMatchObject([
      { link: `/measures/${target.measureId}`, measureId: target.measureId },
    ]);
    const inboxB = await ok('clerkB', 'GET', '/api/inbox');
    expect(inboxB.items.filter((i: { kind: string }) => i.kind === 'lookback')).toEqual([]);
    expect(await auditActions('lookback_check', target.id)).toEqual(['lookback_check.record']);
    expect(await auditActions('measure', target.measureId)).toContain('measure.reopen');
    expect(await auditActions('problem', target.problemId)).toContain('problem.recurring');
    const outline = await ok('office', 'GET', `/api/inspections/${h.ids.inspectionA}/outline`);
    const problems = outline.categories.flatMap((c: { problems: object[] }) => c.problems) as {
      id: number;
      recurring: boolean;
    }[];
    expect(problems.find((p) => p.id === target.problemId)!.recurring).toBe(true);
    expect(problems.filter((p) => p.recurring)).toHaveLength(1);

    // The evidence: the unit's clerk may download it, another township's clerk may not.
    const after = (await roundChecks(round.id)).find((c) => c.id === target.id)!;
    expect(after.evidence.map((e) => e.fileName)).toEqual(['复查照片.png']);
    const download = await call('clerkA', 'GET', `/api/lookback-evidence/${after.evidence[0]!.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG_1PX)).toBe(true);
    expect((await call('clerkB', 'GET', `/api/lookback-evidence/${after.evidence[0]!.id}`)).statusCode).toBe(
      404,
    );

    // 巩固 changes nothing: the measure stays closed, the problem is not flagged, nobody is told.
    const calm = checks.find((c) => c.measureId === closed[2])!;
    const consolidated = await record('reviewer', calm.id, { outcome: 'consolidated' });
    expect(consolidated.statusCode, consolidated.body).toBe(200);
    expect(consolidated.json()).toMatchObject({
      outcome: 'consolidated',
      reopened: false,
      measureStatus: 'closed',
      problemRecurring: false,
    });
    expect(await auditActions('measure', calm.measureId)).not.toContain('measure.reopen');
    expect(await lookbackNotifications()).toHaveLength(1);

    // A correction to 巩固 does not silently undo the reopen.
    const corrected = await record('office', target.id, {
      outcome: 'consolidated',
      note: '复核后认定已巩固',
    });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({ measureStatus: 'in_progress', problemRecurring: true });
    expect(await auditActions('lookback_check', target.id)).toEqual([
      'lookback_check.record',
      'lookback_check.record',
    ]);
    await record('office', target.id, { outcome: 'rebounded', note: '村务公开栏又停更三个月' });

    // Statistics and the progress report count it.
    const stats = await ok('office', 'GET', `/api/stats?inspectionId=${h.ids.inspectionA}`);
    expect(stats.lookback).toMatchObject({
      checked: 2,
      consolidated: 1,
      rebounded: 1,
      notDone: 0,
      recurringProblems: 1,
    });
    const clerkBStats = await ok('clerkB', 'GET', '/api/stats');
    expect(clerkBStats.lookback).toMatchObject({ checked: 0, recurringProblems: 0 });
    const data = await reportDataFor(h.database.db, SYSTEM_ACTOR, h.ids.inspectionA, {
      reportDate: '2025-03-01',
    });
    expect(data.lookback).toMatchObject({ checked: 2, consolidated: 1, rebounded: 1, recurringProblems: 1 });
    const text = JSON.stringify(renderTemplate(await defaultTemplate('progress'), data));
    expect(text).toContain('复查已销号措施2项，其中巩固1项、反弹1项');
    expect(text).toContain('反复出现的问题1个');
  });

  it('keeps clerks to their own units: they read their checks, cannot record, others get 404', async () => {
    const round = await ok('office', 'POST', `/api/inspections/${h.ids.inspectionA}/lookback-rounds`, {
      name: '范围检查',
    });
    const checks = await roundChecks(round.id);
    const village = await roundChecks(round.id, 'clerkVillageA');
    expect(village.map((c) => c.measureId).sort((a, b) => a - b)).toEqual(villageMeasures);
    expect((await roundChecks(round.id, 'clerkA')).length).toBe(checks.length);
    const listed = await ok('clerkVillageA', 'GET', `/api/inspections/${h.ids.inspectionA}/lookback-rounds`);
    const mine = listed.rounds.find((r: { id: number }) => r.id === round.id);
    expect(mine).toMatchObject({ total: 2 });
    expect(listed.canCreate).toBe(false);
    expect((await call('clerkB', 'GET', `/api/lookback-rounds/${round.id}`)).statusCode).toBe(404);
    expect((await call('officeB', 'GET', `/api/lookback-rounds/${round.id}`)).statusCode).toBe(404);
    expect((await record('clerkB', checks[0]!.id, { outcome: 'consolidated' })).statusCode).toBe(404);
    const clerk = await record('clerkA', checks[0]!.id, { outcome: 'consolidated' });
    expect(clerk.statusCode).toBe(403);
    expect(clerk.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await record('leaderA', checks[0]!.id, { outcome: 'consolidated' })).statusCode).toBe(403);
    expect((await record('discipline', checks[0]!.id, { outcome: 'consolidated' })).statusCode).toBe(403);
    expect((await call('discipline', 'GET', `/api/lookback-rounds/${round.id}`)).statusCode).toBe(200);
    // A village clerk's round without any of his measures does not exist for him.
    const eligible = closed.filter((id) => id !== closed[1]); // closed[1] was reopened above
    let seed = 0;
    while (villageMeasures.includes(sampleMeasureIds(eligible, `s${seed}`, 1)[0]!)) seed++;
    const townOnly = await ok('office', 'POST', `/api/inspections/${h.ids.inspectionA}/lookback-rounds`, {
      name: '只查镇本级',
      sampleSize: 1,
      seed: `s${seed}`,
      unitId: h.ids.townA,
    });
    expect(villageMeasures).not.toContain((await roundChecks(townOnly.id))[0]!.measureId);
    expect((await call('clerkVillageA', 'GET', `/api/lookback-rounds/${townOnly.id}`)).statusCode).toBe(404);
    expect((await call('clerkA', 'GET', `/api/lookback-rounds/${townOnly.id}`)).statusCode).toBe(200);
  });

  it('finishes a round only when every check has a result; afterwards nothing changes', async () => {
    const round = await ok('office', 'POST', `/api/inspections/${h.ids.inspectionA}/lookback-rounds`, {
      name: '收尾',
      unitId: h.ids.villageA,
    });
    const checks = await roundChecks(round.id);
    const early = await call('office', 'POST', `/api/lookback-rounds/${round.id}/finish`);
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain('未复查');
    // Admin may run a look-back, so the transition table lets admin reopen too.
    const byAdmin = await record('admin', checks[0]!.id, { outcome: 'not_done', note: '合同仍未公示' });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect(byAdmin.json()).toMatchObject({ reopened: true, measureStatus: 'in_progress' });
    expect((await record('office', checks[1]!.id, { outcome: 'consolidated' })).statusCode).toBe(200);
    expect((await call('clerkVillageA', 'POST', `/api/lookback-rounds/${round.id}/finish`)).statusCode).toBe(
      403,
    );
    const finished = await call('office', 'POST', `/api/lookback-rounds/${round.id}/finish`);
    expect(finished.statusCode).toBe(200);
    expect(finished.json().status).toBe('finished');
    const late = await record('office', checks[1]!.id, { outcome: 'rebounded', note: '晚了' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('已结束');
    expect((await call('office', 'POST', `/api/lookback-rounds/${round.id}/finish`)).statusCode).toBe(409);
    expect(await auditActions('lookback_round', round.id)).toEqual([
      'lookback_round.create',
      'lookback_round.finish',
    ]);
    const listed = await ok('office', 'GET', `/api/inspections/${h.ids.inspectionA}/lookback-rounds`);
    expect(listed.rounds.find((r: { id: number }) => r.id === round.id)).toMatchObject({
      status: 'finished',
      total: 2,
      checked: 2,
      consolidated: 1,
      notDone: 1,
      rebounded: 0,
    });
    expect(listed.canCreate).toBe(true);
  });
});
