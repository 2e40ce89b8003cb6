// The poverty pack end to end on both engines: exact counts against answers computed in
// TypeScript, hits carrying what verification needs, masked output files.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck, summaryJson, type CheckResult } from '../src/run.ts';
import { PG_URL, pgSchema, tempDir, writeCsv } from './helpers.ts';
import { AS_OF, buildCounty, expectedCounts, type County } from './poverty-data.ts';

const ROSTERS = [
  'households',
  'vehicles',
  'housing',
  'staff',
  'business',
  'deaths',
  'disability',
  'posts',
  'followups',
] as const;

function writeCounty(dir: string, c: County) {
  return ROSTERS.map((name) => ({ name, file: writeCsv(dir, `${name}.csv`, c[name].headers, c[name].rows) }));
}

describe('poverty pack', () => {
  const t = tempDir();
  const county = buildCounty(20240630);
  const expected = expectedCounts(county);
  let duck: CheckResult;
  let pgRes: CheckResult;
  beforeAll(async () => {
    const rosters = writeCounty(t.dir, county);
    duck = await runCheck({
      pack: 'poverty',
      rosters,
      asOf: AS_OF,
      dataDir: join(t.dir, 'd1'),
      outDir: join(t.dir, 'out'),
      splitByVillage: false,
    });
    const pgs = await pgSchema();
    try {
      pgRes = await runCheck({
        pack: 'poverty',
        rosters,
        asOf: AS_OF,
        engine: 'postgres',
        databaseUrl: PG_URL,
        pgSchema: pgs.schema,
        dataDir: join(t.dir, 'd2'),
        outDir: join(t.dir, 'out-pg'),
        splitByVillage: true,
      });
    } finally {
      await pgs.drop();
    }
  });
  afterAll(() => t.cleanup());

  it('the test county exercises every rule', () => {
    for (const [id, n] of Object.entries(expected)) expect(n, id).toBeGreaterThan(0);
  });

  it('gives the exact expected count for every rule on DuckDB', () => {
    expect(Object.fromEntries(duck.rules.map((r) => [r.id, r.hits]))).toEqual(expected);
  });

  it('gives the same counts on PostgreSQL', () => {
    expect(summaryJson(pgRes)).toEqual(summaryJson(duck));
  });

  it('gives the same hits (row keys and reasons) on both engines', () => {
    const key = (r: CheckResult) => r.hits.map((h) => `${h.ruleId}|${h.rowKey}|${h.idNumber}`).sort();
    expect(key(pgRes)).toEqual(key(duck));
  });

  it('fills in name, household and village for hits found on another roster', () => {
    const h = duck.hits.find((x) => x.ruleId === 'post-contract-expired' && x.name !== null);
    expect(h).toBeDefined();
    expect(h?.householdId).toMatch(/^H\d+$/);
    expect(h?.village).toMatch(/村$/);
    expect(h?.rowKey).toMatch(/^posts:\d+$/);
    expect(h?.reason).toMatch(/^公益性岗位“.+”合同已于 \d{4}-\d{2}-\d{2} 到期/);
  });

  it('writes masked CSV with a BOM and xlsx per rule, split per village on request', () => {
    const csv = readFileSync(join(t.dir, 'out', 'owns-vehicle.csv'), 'utf8');
    expect(
      csv.startsWith('\uFEFF规则编号,问题类别,规则名称,名单行,身份证号,姓名,户编号,所属村,问题描述'),
    ).toBe(true);
    expect(csv).toMatch(/\d{6}\*{8}[0-9X]{4}/);
    expect(csv).not.toMatch(/,\d{17}[0-9X],/);
    expect(existsSync(join(t.dir, 'out', 'owns-vehicle.xlsx'))).toBe(true);
    const village = duck.hits.find((h) => h.ruleId === 'owns-vehicle')?.village ?? '';
    expect(existsSync(join(t.dir, 'out-pg', village, 'owns-vehicle.csv'))).toBe(true);
    const lines = readFileSync(join(t.dir, 'out', 'hits.jsonl'), 'utf8')
      .trim()
      .split('\n');
    expect(lines.length).toBe(duck.hits.length);
  });

  it('writes an xlsx Excel can read back: header plus one row per hit, IDs masked', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(t.dir, 'out', 'deceased.xlsx'));
    const ws = wb.worksheets[0];
    const hits = duck.hits.filter((h) => h.ruleId === 'deceased');
    expect(ws?.rowCount).toBe(hits.length + 1);
    expect(ws?.getRow(1).getCell(4).value).toBe('名单行');
    expect(String(ws?.getRow(2).getCell(5).value)).toMatch(/^\d{6}\*{8}[0-9X]{4}$/);
    expect(ws?.getRow(2).getCell(9).value).toBe(hits[0]?.reason);
  });

  it('skips the rules whose rosters are missing, and says which', async () => {
    const d = tempDir();
    try {
      const file = writeCsv(d.dir, 'hh.csv', county.households.headers, county.households.rows);
      const r = await runCheck({
        pack: 'poverty',
        rosters: [{ name: 'households', file }],
        asOf: AS_OF,
        dataDir: d.dir,
      });
      const skipped = r.rules.filter((x) => x.skipped).map((x) => [x.id, x.skipped]);
      expect(skipped).toContainEqual(['owns-vehicle', '缺少名单：vehicles']);
      expect(skipped).toContainEqual(['post-contract-expired', '缺少名单：posts']);
      expect(r.rules.find((x) => x.id === 'invalid-id')?.hits).toBe(expected['invalid-id']);
    } finally {
      d.cleanup();
    }
  });
});
