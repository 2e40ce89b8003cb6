import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorById, recordCheckRun } from '@zhenggai/app';
import { checkCharacter, runCheck } from '@zhenggai/checks';
import { BACKENDS } from '../../../test/databases.ts';
import { sql } from '@zhenggai/db';
import { auth, multipart, PNG_1PX, startHarness, type Harness } from './harness.ts';

// A hit followed from the cross-check run to the village clerk's verification to a closed
// ledger problem, with the real engine on rosters written here.

const id = (body17: string) => body17 + checkCharacter(body17);
const PEOPLE = [
  { id: id('11010119800101001'), name: '赵一', household: 'H1' },
  { id: id('11010119850202002'), name: '钱二', household: 'H1' },
  { id: id('11010119900303003'), name: '孙三', household: 'H2' },
];

describe.each(BACKENDS)('verification loop on %s', (backend) => {
  let h: Harness;
  let dir: string;
  let runId: number;
  beforeAll(async () => {
    h = await startHarness(backend);
    dir = mkdtempSync(join(tmpdir(), 'zg-verify-'));
    writeFileSync(
      join(dir, 'households.csv'),
      '户编号,身份证号,姓名,与户主关系,所属村,健康状况,劳动能力,务工收入,家庭人口数\n' +
        PEOPLE.map(
          (p, i) =>
            `${p.household},${p.id},${p.name},${i === 0 ? '户主' : '子女'},甲一村,健康,普通劳动力,0,${p.household === 'H1' ? 2 : 1}`,
        ).join('\n') +
        '\n',
    );
    writeFileSync(
      join(dir, 'disability.csv'),
      `身份证号,残疾等级\n${PEOPLE[0]!.id},二级\n${PEOPLE[2]!.id},三级\n`,
    );
    const result = await runCheck({
      pack: 'poverty',
      rosters: [
        { name: 'households', file: join(dir, 'households.csv') },
        { name: 'disability', file: join(dir, 'disability.csv') },
      ],
      asOf: '2024-06-30',
      dataDir: join(dir, 'data'),
    });
    const office = (await actorById(
      h.database.db,
      (await h.app.inject({ url: '/api/session', headers: auth(h.tokens.office) })).json().id,
    ))!;
    runId = (
      await recordCheckRun(h.database.db, office, { ownerUnitId: h.ids.county, pack: 'poverty', result })
    ).runId;
  }, 180_000);
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const hitsFor = async (who: string, query = '') =>
    (
      await h.app.inject({
        url: `/api/check-hits?runId=${runId}&ruleId=disability-marked-healthy${query}`,
        headers: auth(h.tokens[who]),
      })
    ).json().items as {
      id: number;
      name: string;
      idNumber: string;
      unitId: number;
      outcome: string;
      evidence: { id: number; fileName: string; mime: string; size: number }[];
    }[];

  it('assigns hits to the village, masks ID numbers for the clerk, hides them from other townships', async () => {
    const forClerk = await hitsFor('clerkVillageA');
    expect(forClerk.map((x) => x.name).sort()).toEqual(['孙三', '赵一']);
    expect(forClerk.every((x) => x.unitId === h.ids.villageA)).toBe(true);
    expect(forClerk[0]!.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    const forOffice = await hitsFor('office');
    expect(forOffice.map((x) => x.idNumber).sort()).toEqual([PEOPLE[0]!.id, PEOPLE[2]!.id].sort());
    expect(await hitsFor('clerkB')).toEqual([]);
    const probe = await h.app.inject({
      method: 'POST',
      url: `/api/check-hits/${forClerk[0]!.id}/verify`,
      headers: auth(h.tokens.clerkB),
      payload: { outcome: 'confirmed' },
    });
    expect(probe.statusCode).toBe(404);
  });

  it('runs a pack on uploaded rosters through the API, for the office only', async () => {
    const { readFileSync } = await import('node:fs');
    const body = multipart({ pack: 'poverty', asOf: '2024-06-30', ownerUnitId: String(h.ids.county) }, [
      { field: 'households', name: '户籍.csv', content: readFileSync(join(dir, 'households.csv')) },
      { field: 'disability', name: '残疾人.csv', content: readFileSync(join(dir, 'disability.csv')) },
    ]);
    const denied = await h.app.inject({
      method: 'POST',
      url: '/api/check-runs',
      headers: { ...auth(h.tokens.clerkA), ...body.headers },
      payload: body.payload,
    });
    expect(denied.statusCode).toBe(403);
    const run = await h.app.inject({
      method: 'POST',
      url: '/api/check-runs',
      headers: { ...auth(h.tokens.office), ...body.headers },
      payload: body.payload,
    });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ hits: 2, unassignedVillages: [] });
    expect(run.json().rules.find((r: { id: string }) => r.id === 'disability-marked-healthy').hits).toBe(2);
    const empty = multipart({ ownerUnitId: String(h.ids.county) }, [
      { field: 'households', name: 'x.csv', content: Buffer.alloc(0) },
    ]);
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/check-runs',
      headers: { ...auth(h.tokens.office), ...empty.headers },
      payload: empty.payload,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    const runs = (await h.app.inject({ url: '/api/check-runs', headers: auth(h.tokens.office) })).json();
    expect(runs.length).toBe(2);
    expect(runs[0].counts.total).toBe(2);
    expect((await h.app.inject({ url: '/api/check-runs', headers: auth(h.tokens.clerkB) })).json()).toEqual(
      [],
    );
  });

  it('goes from verification to a ledger problem with live counts, closed like any other', async () => {
    const [first, second] = await hitsFor('clerkVillageA');
    const verify = (hitId: number, outcome: string, note?: string) =>
      h.app.inject({
        method: 'POST',
        url: `/api/check-hits/${hitId}/verify`,
        headers: auth(h.tokens.clerkVillageA),
        payload: { outcome, ...(note ? { note } : {}) },
      });
    expect((await verify(first!.id, 'not_true')).statusCode).toBe(400);
    expect((await verify(first!.id, 'confirmed')).statusCode).toBe(200);
    const promote = await h.app.inject({
      method: 'POST',
      url: `/api/check-runs/${runId}/promote`,
      headers: auth(h.tokens.office),
      payload: {
        ruleId: 'disability-marked-healthy',
        ruleTitle: '残疾人标识为健康',
        inspectionId: h.ids.inspectionA,
        unitId: h.ids.villageA,
        deadline: '2030-06-30',
      },
    });
    expect(promote.statusCode, promote.body).toBe(201);
    const problem = promote.json();
    expect(problem.source).toBe('cross_check');
    const counts = () =>
      h.app
        .inject({ url: `/api/problems/${problem.id}/check-hits`, headers: auth(h.tokens.office) })
        .then((r) => r.json());
    expect(await counts()).toEqual({ confirmed: 1, rectified: 0 });
    // Confirmed later, it joins the same problem; rectified, it counts as done.
    expect((await verify(second!.id, 'confirmed')).statusCode).toBe(200);
    expect((await verify(first!.id, 'rectified')).statusCode).toBe(200);
    expect((await verify(second!.id, 'rectified')).statusCode).toBe(200);
    expect(await counts()).toEqual({ confirmed: 2, rectified: 2 });

    const outline = (
      await h.app.inject({
        url: `/api/inspections/${h.ids.inspectionA}/outline`,
        headers: auth(h.tokens.office),
      })
    ).json();
    const measureId = (
      await h.app.inject({ url: `/api/ledger?problemId=${problem.id}`, headers: auth(h.tokens.office) })
    ).json().items[0].id;
    expect(
      outline.categories
        .flatMap((c: { problems: { id: number }[] }) => c.problems)
        .some((p: { id: number }) => p.id === problem.id),
    ).toBe(true);
    const post = (who: string, url: string, payload?: object) =>
      h.app.inject({ method: 'POST', url, headers: auth(h.tokens[who]), ...(payload ? { payload } : {}) });
    expect(
      (await post('clerkVillageA', `/api/measures/${measureId}/progress`, { text: '两人健康状况已更正' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await post('clerkVillageA', `/api/measures/${measureId}/events/request_closure`)).statusCode,
    ).toBe(200);
    expect((await post('reviewer', `/api/measures/${measureId}/events/approve`)).statusCode).toBe(200);
    const after = (
      await h.app.inject({
        url: `/api/inspections/${h.ids.inspectionA}/outline`,
        headers: auth(h.tokens.office),
      })
    ).json();
    const closed = after.categories
      .flatMap((c: { problems: { id: number; status: string }[] }) => c.problems)
      .find((p: { id: number }) => p.id === problem.id);
    expect(closed.status).toBe('closed');
  });

  it('takes evidence with the verdict (multipart), lists it with the hit, and serves it only in scope', async () => {
    const [hit] = await hitsFor('clerkVillageA');
    const send = (who: string, fields: Record<string, string>, files: Parameters<typeof multipart>[1]) => {
      const body = multipart(fields, files);
      return h.app.inject({
        method: 'POST',
        url: `/api/check-hits/${hit!.id}/verify`,
        headers: { ...auth(h.tokens[who]), ...body.headers },
        payload: body.payload,
      });
    };
    const audits = async () =>
      (
        (await h.database.db.execute(
          sql`SELECT after FROM audit_events WHERE entity = 'check_hit' AND entity_id = ${String(hit!.id)} ORDER BY id`,
        )) as unknown as { rows: { after: { evidence?: { fileName: string }[] } }[] }
      ).rows;
    const auditsBefore = (await audits()).length;

    // Wrong type (a text file named .png) and too big (over the 1 MB the harness allows): refused,
    // nothing changes, nothing is audited.
    const wrong = await send('clerkVillageA', { outcome: 'rectified', note: '已更正' }, [
      { field: 'files', name: '照片.png', content: Buffer.from('not an image at all') },
    ]);
    expect(wrong.statusCode).toBe(415);
    expect(wrong.json().error.message).toMatch(/不支持的文件类型/);
    const big = await send('clerkVillageA', { outcome: 'rectified', note: '已更正' }, [
      { field: 'files', name: '大.png', content: Buffer.concat([PNG_1PX, Buffer.alloc(1024 * 1024 + 10)]) },
    ]);
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toMatch(/超过/);
    expect((await audits()).length).toBe(auditsBefore);
    expect((await hitsFor('clerkVillageA')).find((x) => x.id === hit!.id)!.evidence).toEqual([]);

    // Another township's clerk cannot even hand in the bytes.
    expect(
      (await send('clerkB', { outcome: 'rectified' }, [{ field: 'files', name: 'a.png', content: PNG_1PX }]))
        .statusCode,
    ).toBe(404);

    const ok = await send('clerkVillageA', { outcome: 'rectified', note: '已更正健康状况' }, [
      { field: 'files', name: '../../更正记录.png', content: PNG_1PX, type: 'image/png' },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ outcome: 'rectified', note: '已更正健康状况' });
    expect(ok.json().evidence).toEqual([
      { id: expect.any(Number), fileName: '更正记录.png', mime: 'image/png', size: PNG_1PX.length },
    ]);
    const after = await audits();
    expect(after.length).toBe(auditsBefore + 1);
    expect(after.at(-1)!.after.evidence).toEqual([expect.objectContaining({ fileName: '更正记录.png' })]);
    const listed = (await hitsFor('office')).find((x) => x.id === hit!.id)!;
    expect(listed.evidence.map((e) => e.fileName)).toEqual(['更正记录.png']);

    const evidenceId = listed.evidence[0]!.id;
    const download = (who: string) =>
      h.app.inject({ url: `/api/check-hit-evidence/${evidenceId}`, headers: auth(h.tokens[who]) });
    for (const who of ['clerkVillageA', 'clerkA', 'office', 'discipline']) {
      const res = await download(who);
      expect(res.statusCode, who).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.rawPayload.equals(PNG_1PX)).toBe(true);
    }
    for (const who of ['clerkB', 'officeB', 'viewerB']) {
      const res = await download(who);
      expect(res.statusCode, who).toBe(404);
      expect(res.json().error.message).toMatch(/不存在或无权查看/);
    }
    expect(
      (await h.app.inject({ url: '/api/check-hit-evidence/999999', headers: auth(h.tokens.office) }))
        .statusCode,
    ).toBe(404);

    // JSON still works, and a bad verdict is refused in Chinese.
    const json = await h.app.inject({
      method: 'POST',
      url: `/api/check-hits/${hit!.id}/verify`,
      headers: auth(h.tokens.clerkVillageA),
      payload: { outcome: 'maybe' },
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.message).toMatch(/核实结果只能是/);
  });
});
