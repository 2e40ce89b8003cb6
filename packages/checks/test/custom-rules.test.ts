// A user's own rule file on top of the pack: a conditional 缺项, a 漏项 against a new
// roster, a household-size threshold and a date rule — exact counts on both engines.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck, type CheckResult } from '../src/run.ts';
import { makeId, PG_URL, pgSchema, tempDir, writeCsv } from './helpers.ts';

const RULES = `
rosters:
  dibao:
    title: 低保名单
    columns:
      id_number: { type: id, aliases: [身份证号], required: true }
      amount: { type: number, aliases: [月保障金] }
      start: { type: date, aliases: [享受起始日期] }
rules:
  - id: head-without-village
    class: 缺项
    title: 户主缺所属村
    roster: households
    unit: row
    where: { all: [{ column: relation, eq: 户主 }, { column: village, empty: true }] }
    reason: 户主未填所属村
  - id: dibao-not-in-households
    class: 漏项
    title: 享受低保却不在家庭成员名单
    roster: dibao
    related: { roster: households, count: { eq: 0 } }
    reason: 月保障金 {amount} 元，却不在家庭成员名单中
  - id: big-household
    class: 逻辑问题
    title: 一户超过4人
    roster: households
    unit: household
    group: { by: household_id, count: { gt: 4 } }
    reason: 一户列有 {count} 人
  - id: dibao-started-recently
    class: 逻辑问题
    title: 近30天新增低保
    roster: dibao
    unit: row
    where: { column: start, ge: { asOf: -30 }, le: { asOf: 0 } }
    reason: 享受起始日期 {start}
`;

describe('custom rule file', () => {
  const t = tempDir();
  const ids = Array.from({ length: 12 }, (_, i) => makeId('110105', `1980010${1 + (i % 9)}`, i));
  const id = (i: number) => ids[i] as string;
  // Households: H1 has 5 members (big), H2 has 2 with the head missing a village, H3 one.
  const hh: (string | number)[][] = [
    ...[0, 1, 2, 3, 4].map((i) => ['H1', id(i), `成员${i}`, i === 0 ? '户主' : '子女', '青石村']),
    ['H2', id(5), '户主乙', '户主', ''],
    ['H2', id(6), '成员乙', '配偶', ''],
    ['H3', id(7), '户主丙', '户主', '柳溪村'],
  ];
  const dibao = [
    [id(0), 500, '2024-06-01'], // on households, started within 30 days
    [id(8), 600, '2024-05-31'], // not on households; started 30 days before as-of (inclusive)
    [id(9).toLowerCase(), 700, '2024-05-30'], // not on households; 31 days: outside
    [id(5), 800, '2023-01-01'],
  ];
  let results: CheckResult[] = [];
  beforeAll(async () => {
    const rules = join(t.dir, 'rules.yaml');
    writeFileSync(rules, RULES);
    const rosters = [
      {
        name: 'households',
        file: writeCsv(t.dir, 'hh.csv', ['户编号', '身份证号', '姓名', '与户主关系', '所属村'], hh),
      },
      { name: 'dibao', file: writeCsv(t.dir, 'dibao.csv', ['身份证号', '月保障金', '享受起始日期'], dibao) },
    ];
    const duck = await runCheck({
      pack: 'poverty',
      rulesFiles: [rules],
      rosters,
      asOf: '2024-06-30',
      dataDir: join(t.dir, 'd'),
    });
    const s = await pgSchema();
    try {
      const pg = await runCheck({
        pack: 'poverty',
        rulesFiles: [rules],
        rosters,
        asOf: '2024-06-30',
        dataDir: join(t.dir, 'p'),
        engine: 'postgres',
        databaseUrl: PG_URL,
        pgSchema: s.schema,
      });
      results = [duck, pg];
    } finally {
      await s.drop();
    }
  });
  afterAll(() => t.cleanup());

  it.each([0, 1])('gives exact counts (engine %i)', (i) => {
    const r = results[i] as CheckResult;
    const hits = (rule: string) => r.hits.filter((h) => h.ruleId === rule);
    expect(hits('head-without-village').map((h) => h.rowKey)).toEqual(['households:7']);
    expect(hits('dibao-not-in-households').map((h) => h.idNumber)).toEqual([id(8), id(9)]);
    expect(hits('dibao-not-in-households')[0]?.reason).toBe('月保障金 600 元，却不在家庭成员名单中');
    expect(hits('big-household').map((h) => [h.householdId, h.reason])).toEqual([['H1', '一户列有 5 人']]);
    expect(hits('dibao-started-recently').map((h) => h.rowKey)).toEqual(['dibao:2', 'dibao:3']);
    // The pack's rules still run beside the custom ones.
    expect(r.rules.find((x) => x.id === 'owns-vehicle')?.skipped).toBe('缺少名单：vehicles');
  });
});
