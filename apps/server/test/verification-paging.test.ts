import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorById, recordCheckRun } from '@zhenggai/app';
import { checkCharacter, type Hit } from '@zhenggai/checks';
import { BACKENDS } from '../../../test/databases.ts';
import { auth, startHarness, type Harness } from './harness.ts';

// Server-side paging and search of cross-check hits: 130 hits in 甲一村 and 20 in 乙镇, written
// here, so every expected count is known without the engine.

const idOf = (i: number) => {
  const body = `1101011980${String(1000000 + i).slice(1)}1`;
  return body + checkCharacter(body);
};
const name = (i: number) => `姓名${String(i).padStart(3, '0')}`;
const HITS: Hit[] = Array.from({ length: 150 }, (_, i) => ({
  ruleId: i % 3 === 0 ? 'deceased' : 'owns-vehicle',
  ruleClass: '错项',
  roster: 'households',
  line: i + 2,
  rowKey: `households:${i + 2}`,
  idNumber: idOf(i),
  name: name(i),
  householdId: `HH${String(Math.floor(i / 2)).padStart(4, '0')}`,
  village: i < 130 ? '甲一村' : '乙镇',
  reason: '测试',
}));

interface Page {
  items: { id: number; name: string; idNumber: string; unitId: number; outcome: string }[];
  total: number;
  counts: Record<string, number>;
  problemId: number | null;
}

describe.each(BACKENDS)('paging and search of hits on %s', (backend) => {
  let h: Harness;
  let runId: number;
  beforeAll(async () => {
    h = await startHarness(backend);
    const office = (await actorById(
      h.database.db,
      (await h.app.inject({ url: '/api/session', headers: auth(h.tokens.office) })).json().id,
    ))!;
    runId = (
      await recordCheckRun(h.database.db, office, {
        ownerUnitId: h.ids.county,
        pack: 'poverty',
        result: { asOf: '2024-06-30', rules: [], hits: HITS },
      })
    ).runId;
  }, 120_000);
  afterAll(() => h.close());

  const page = async (who: string, query: Record<string, string | number>, path = '/api/check-hits') => {
    const res = await h.app.inject({
      url: `${path}?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`,
      headers: auth(h.tokens[who]),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };

  it('pages exactly: every hit once, in a stable order, with the total on every page', async () => {
    const seen: string[] = [];
    for (const offset of [0, 40, 80, 120, 160]) {
      const p = await page('office', { runId, limit: 40, offset });
      expect(p.total).toBe(150);
      expect(p.items.length).toBe(Math.max(0, Math.min(40, 150 - offset)));
      seen.push(...p.items.map((x) => x.name));
    }
    expect(seen).toEqual(HITS.map((x) => x.name!));
    const perRun = await page('office', { limit: 40, offset: 40 }, `/api/check-runs/${runId}/hits`);
    expect(perRun.items.map((x) => x.name)).toEqual(seen.slice(40, 80));
    expect(perRun.counts).toEqual({ pending: 150, confirmed: 0, not_true: 0, rectified: 0 });
    const tooMany = await h.app.inject({ url: '/api/check-hits?limit=501', headers: auth(h.tokens.office) });
    expect(tooMany.statusCode).toBe(400);
  });

  it('filters by rule, unit and outcome, within the caller’s scope', async () => {
    expect((await page('office', { runId, ruleId: 'deceased' })).total).toBe(50);
    expect((await page('office', { runId, unitId: h.ids.townB })).total).toBe(20);
    expect((await page('office', { runId, unitId: h.ids.townA })).total).toBe(130);
    expect((await page('clerkVillageA', { runId })).total).toBe(130);
    expect((await page('clerkB', { runId })).total).toBe(20);
    // A unit filter never widens the scope.
    expect((await page('clerkB', { runId, unitId: h.ids.villageA })).total).toBe(0);
    expect((await page('viewerB', { runId, limit: 500 })).items.every((x) => x.unitId === h.ids.townB)).toBe(
      true,
    );

    const [first] = (await page('clerkVillageA', { runId, limit: 1 })).items;
    const verdict = await h.app.inject({
      method: 'POST',
      url: `/api/check-hits/${first!.id}/verify`,
      headers: auth(h.tokens.clerkVillageA),
      payload: { outcome: 'confirmed' },
    });
    expect(verdict.statusCode).toBe(200);
    const confirmed = await page('office', { runId, outcome: 'confirmed' });
    expect(confirmed.total).toBe(1);
    expect(confirmed.items.map((x) => x.id)).toEqual([first!.id]);
    expect(confirmed.counts).toEqual({ pending: 149, confirmed: 1, not_true: 0, rectified: 0 });
  });

  it('searches names, villages and households; ID numbers only whole, masked for clerks', async () => {
    expect((await page('office', { runId, q: '姓名01' })).total).toBe(10);
    expect((await page('office', { runId, q: '乙镇' })).total).toBe(20);
    expect((await page('office', { runId, q: 'HH0003' })).items.map((x) => x.name)).toEqual([
      name(6),
      name(7),
    ]);
    // LIKE wildcards are searched for literally.
    expect((await page('office', { runId, q: '%' })).total).toBe(0);
    expect((await page('office', { runId, q: '姓名_1' })).total).toBe(0);

    const id = idOf(42);
    const forClerk = await page('clerkVillageA', { runId, q: id });
    expect(forClerk.total).toBe(1);
    expect(forClerk.items[0]!.name).toBe(name(42));
    expect(forClerk.items[0]!.idNumber).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
    expect(JSON.stringify(forClerk)).not.toContain(id);
    const forOffice = await page('office', { runId, q: id });
    expect(forOffice.items[0]!.idNumber).toBe(id);
    // Full-width digits are normalised before the comparison.
    const fullWidth = id.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect((await page('clerkVillageA', { runId, q: fullWidth })).total).toBe(1);
    // So is an old 15-digit number (the hit holds it converted to 18 digits).
    expect((await page('clerkVillageA', { runId, q: id.slice(0, 6) + id.slice(8, 17) })).total).toBe(1);
    // Part of a number finds nothing (it would reveal masked digits), whoever asks.
    expect((await page('clerkVillageA', { runId, q: id.slice(0, 12) })).total).toBe(0);
    expect((await page('clerkVillageA', { runId, q: id.slice(6, 14) })).total).toBe(0);
    // A whole number outside the caller's scope finds nothing.
    expect((await page('clerkVillageA', { runId, q: idOf(140) })).total).toBe(0);
    expect((await page('clerkB', { runId, q: idOf(140) })).total).toBe(1);
  });
});
