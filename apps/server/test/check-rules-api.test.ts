import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharacter, loadPack } from '@zhenggai/checks';
import { BACKENDS } from '../../../test/databases.ts';
import { auth, multipart, startHarness, type Harness } from './harness.ts';

// The rules in the UI: the pack's rules read-only with the SQL they compile to, a user's rule
// file checked (errors with line and reason) and run on uploaded rosters.

const GOOD = `version: 1
rules:
  - id: name-missing
    class: 缺项
    title: 家庭成员缺少姓名
    roster: households
    unit: row
    where: { column: name, empty: true }
    reason: 户 {household_id} 的成员缺少姓名
`;
const BAD = `version: 1
rules:
  - id: bad-rule
    class: 缺项
    title: 列名写错的规则
    roster: households
    where: { column: incom, gt: 0 }
    reason: 不会运行
`;

const id = (body17: string) => body17 + checkCharacter(body17);
const HOUSEHOLDS =
  '户编号,身份证号,姓名,与户主关系,所属村,健康状况,劳动能力,务工收入,家庭人口数\n' +
  `H1,${id('11010119800101001')},赵一,户主,甲一村,健康,普通劳动力,0,2\n` +
  `H1,${id('11010119850202002')},,子女,甲一村,健康,普通劳动力,0,2\n`;

interface Described {
  id: string;
  class: string;
  title: string;
  rosters: { name: string; title: string }[];
  sql: string;
  params: (string | number)[];
}

describe.each(BACKENDS)('check rules API on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
  }, 120_000);
  afterAll(() => h.close());

  const upload = (
    who: string,
    url: string,
    fields: Record<string, string>,
    files: Parameters<typeof multipart>[1],
  ) => {
    const body = multipart(fields, files);
    return h.app.inject({
      method: 'POST',
      url,
      headers: { ...auth(h.tokens[who]), ...body.headers },
      payload: body.payload,
    });
  };

  it('lists the pack’s rules with class, rosters and the SQL for the chosen engine', async () => {
    const get = (who: string, query: string) =>
      h.app.inject({ url: `/api/check-rules${query}`, headers: auth(h.tokens[who]) });
    const duck = await get('clerkVillageA', '?pack=poverty&asOf=2024-06-30');
    expect(duck.statusCode, duck.body).toBe(200);
    const rules = duck.json().rules as Described[];
    expect(rules.map((r) => r.id)).toEqual(loadPack('poverty').rules.map((r) => r.id));
    expect(rules.length).toBe(12);
    expect(new Set(rules.map((r) => r.class))).toEqual(new Set(['错项', '漏项', '逻辑问题']));
    const vehicle = rules.find((r) => r.id === 'owns-vehicle')!;
    expect(vehicle.rosters.map((r) => r.name).sort()).toEqual(['households', 'vehicles']);
    expect(vehicle.rosters.find((r) => r.name === 'vehicles')!.title).toBe('车辆登记名单');
    expect(vehicle.sql).toMatch(/SELECT/);
    expect(vehicle.sql).not.toMatch(/\$1/);
    // The as-of date is a parameter, never spliced into the SQL.
    const expired = rules.find((r) => r.id === 'post-contract-expired')!;
    expect(expired.params).toContain('2024-06-30');
    expect(expired.sql).not.toContain('2024-06-30');

    const pg = (await get('office', '?pack=poverty&engine=postgres&asOf=2024-06-30')).json();
    expect(pg.engine).toBe('postgres');
    const pgExpired = (pg.rules as Described[]).find((r) => r.id === 'post-contract-expired')!;
    expect(pgExpired.sql).toMatch(/\$1/);
    expect(pgExpired.sql).toContain('"zhenggai_checks"."posts"');

    expect((await get('office', '?pack=nope')).statusCode).toBe(400);
    expect((await get('office', '?engine=oracle')).statusCode).toBe(400);
    expect((await h.app.inject({ url: '/api/check-rules' })).statusCode).toBe(401);
  });

  it('documents the new endpoints in OpenAPI', async () => {
    const docs = await h.app.inject({ url: '/api/docs/json' });
    expect(docs.statusCode).toBe(200);
    const paths = Object.keys(docs.json().paths);
    for (const path of [
      '/api/check-rules',
      '/api/check-rules/validate',
      '/api/check-hit-evidence/{id}',
      '/api/check-runs/{id}/hits',
    ])
      expect(paths).toContain(path);
  });

  it('checks a user’s rule file: its rules with SQL, or every error with line and reason', async () => {
    const ok = await upload('office', '/api/check-rules/validate', { pack: 'poverty', asOf: '2024-06-30' }, [
      { field: 'rules', name: '我的规则.yaml', content: Buffer.from(GOOD) },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().rules.length).toBe(13);
    expect(ok.json().rules.at(-1)).toMatchObject({ id: 'name-missing', class: '缺项' });
    const alone = await upload('office', '/api/check-rules/validate', { pack: '' }, [
      { field: 'rules', name: 'r.json', content: Buffer.from(GOOD) },
    ]);
    // Without the pack, the file must declare the rosters it uses.
    expect(alone.statusCode).toBe(400);
    expect(alone.json().error.message).toContain('households');

    const bad = await upload('office', '/api/check-rules/validate', {}, [
      { field: 'rules', name: '../坏规则.yaml', content: Buffer.from(BAD) },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^规则文件 坏规则\.yaml 有 1 处错误：第 7 行/);
    expect(bad.json().error.details.problems).toEqual([
      { file: '坏规则.yaml', line: 7, column: expect.any(Number), reason: expect.stringContaining('incom') },
    ]);
    const syntax = await upload('office', '/api/check-rules/validate', {}, [
      { field: 'rules', name: 'x.yaml', content: Buffer.from('rules:\n  - id: [unclosed\n') },
    ]);
    expect(syntax.statusCode).toBe(400);
    expect(syntax.json().error.details.problems[0].reason).toMatch(/语法错误/);
    const gbk = await upload('office', '/api/check-rules/validate', {}, [
      { field: 'rules', name: 'x.yaml', content: Buffer.from([0xb9, 0xe6, 0xd4, 0xf2]) },
    ]);
    expect(gbk.json().error.message).toMatch(/UTF-8/);
    const clerk = await upload('clerkA', '/api/check-rules/validate', {}, [
      { field: 'rules', name: 'r.yaml', content: Buffer.from(GOOD) },
    ]);
    expect(clerk.statusCode).toBe(403);
  });

  it('runs an uploaded rule file with the pack; a broken one stops the run with its line', async () => {
    const rosters = [{ field: 'households', name: '户籍.csv', content: Buffer.from(HOUSEHOLDS) }];
    const fields = { pack: 'poverty', asOf: '2024-06-30', ownerUnitId: String(h.ids.county) };
    const run = await upload('office', '/api/check-runs', fields, [
      ...rosters,
      { field: 'rules', name: '我的规则.yaml', content: Buffer.from(GOOD) },
    ]);
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().rules.find((r: { id: string }) => r.id === 'name-missing')).toMatchObject({
      class: '缺项',
      hits: 1,
    });
    const broken = await upload('office', '/api/check-runs', fields, [
      ...rosters,
      { field: 'rules', name: '坏规则.yaml', content: Buffer.from(BAD) },
    ]);
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.details.problems[0]).toMatchObject({ file: '坏规则.yaml', line: 7 });
    const runs = (await h.app.inject({ url: '/api/check-runs', headers: auth(h.tokens.office) })).json();
    expect(runs.length).toBe(1);
  });
});
