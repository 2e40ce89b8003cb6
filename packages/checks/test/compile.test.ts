// Golden SQL: the exact text the compiler emits, then the same text run on real data.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckdbEngine, openDuckDb, type DuckDbHandle } from '../src/engine/duckdb.ts';
import { copyRosterToPostgres, connectPostgres, postgresEngine } from '../src/engine/postgres.ts';
import { loadPack } from '../src/packs/index.ts';
import { compileRule } from '../src/rules/compile.ts';
import { duckdbDialect, postgresDialect } from '../src/rules/dialect.ts';
import { importRoster } from '../src/roster/import.ts';
import { makeId, PG_URL, pgSchema, tempDir, writeCsv } from './helpers.ts';

const set = loadPack('poverty');
const loaded = new Set(['households', 'followups']);
const rule = (id: string) => {
  const r = set.rules.find((x) => x.id === id);
  if (!r) throw new Error(id);
  return r;
};

const NO_LABOUR_DUCKDB =
  'SELECT * FROM (SELECT DISTINCT ON (COALESCE(s."id_number", CAST(s.rowid AS VARCHAR))) s.rowid AS "_ord", s."id_number" AS "id_number", ' +
  's."name" AS "name", s."household_id" AS "household_id", s."village" AS "village", s."labour" AS "labour", s."work_income" AS "work_income" ' +
  'FROM "households" s WHERE (s."labour" IN (?, ?) AND s."work_income" > ?) ' +
  'ORDER BY COALESCE(s."id_number", CAST(s.rowid AS VARCHAR)), s.rowid) h ORDER BY h."_ord"';

const FOLLOWUPS_POSTGRES =
  'SELECT * FROM (SELECT DISTINCT ON (COALESCE(s."id_number", CAST(s."_ord" AS VARCHAR))) s."_ord" AS "_ord", s."id_number" AS "id_number", ' +
  's."name" AS "name", s."household_id" AS "household_id", s."village" AS "village", s."health" AS "health", COALESCE(m."_n", 0) AS "count" ' +
  'FROM "sch"."households" s LEFT JOIN (SELECT o."id_number" AS "_k", count(*) AS "_n" FROM "sch"."followups" o ' +
  'WHERE (o."date" <= CAST($1 AS DATE) AND o."date" > CAST($2 AS DATE)) GROUP BY o."id_number") m ON m."_k" = s."id_number" ' +
  'WHERE s."health" IN ($3, $4) AND COALESCE(m."_n", 0) < $5 ' +
  'ORDER BY COALESCE(s."id_number", CAST(s."_ord" AS VARCHAR)), s."_ord") h ORDER BY h."_ord"';

describe('golden SQL', () => {
  it('no-labour-with-wages on DuckDB', () => {
    const c = compileRule(rule('no-labour-with-wages'), set, {
      dialect: duckdbDialect,
      asOf: '2024-06-30',
      loaded,
    });
    expect(c.sql).toBe(NO_LABOUR_DUCKDB);
    expect(c.params).toEqual(['丧失劳动力', '无劳动力', 0]);
  });

  it('followups-below-6 on PostgreSQL, with the 365-day window computed from the as-of date', () => {
    const c = compileRule(rule('followups-below-6'), set, {
      dialect: postgresDialect('sch'),
      asOf: '2024-06-30',
      loaded,
    });
    expect(c.sql).toBe(FOLLOWUPS_POSTGRES);
    expect(c.params).toEqual(['2024-06-30', '2023-07-01', '长期慢性病', '大病', 6]);
  });

  describe('run', () => {
    const t = tempDir();
    let h: DuckDbHandle;
    const A = makeId('110105', '19500101', 1);
    const B = makeId('110105', '19600101', 2);
    const C = makeId('110105', '19700101', 3);
    beforeAll(async () => {
      h = await openDuckDb(join(t.dir, 'data'));
      const hh = writeCsv(
        t.dir,
        'hh.csv',
        ['户编号', '身份证号', '姓名', '所属村', '健康状况', '劳动技能', '务工收入'],
        [
          ['H1', A, '甲', '青石村', '大病', '无劳动力', '1200'],
          ['H1', A, '甲', '青石村', '大病', '无劳动力', '1200'],
          ['H2', B, '乙', '柳溪村', '长期慢性病', '普通劳动力', '0'],
          ['H3', C, '丙', '柳溪村', '健康', '丧失劳动力', '0'],
        ],
      );
      // A: 6 follow-ups, but one falls on 2023-07-01, outside (as-of − 365, as-of]. B: none.
      const fu = writeCsv(
        t.dir,
        'fu.csv',
        ['身份证号', '随访日期'],
        [
          [A, '2023-07-01'],
          [A, '2023-07-02'],
          [A, '2023-10-01'],
          [A, '2024-01-01'],
          [A, '2024-03-01'],
          [A, '2024-06-30'],
          [A, '2024-07-01'],
        ],
      );
      const base = { importedBy: 't', tmpDir: t.dir, today: '2024-06-30' };
      await importRoster(h.conn, {
        name: 'households',
        file: hh,
        roster: set.rosters.find((r) => r.name === 'households'),
        ...base,
      });
      await importRoster(h.conn, {
        name: 'followups',
        file: fu,
        roster: set.rosters.find((r) => r.name === 'followups'),
        ...base,
      });
    });
    afterAll(() => {
      h.conn.closeSync();
      h.instance.closeSync();
      t.cleanup();
    });

    it('runs the golden DuckDB SQL: one hit per person', async () => {
      const rows = await duckdbEngine(h).query(NO_LABOUR_DUCKDB, ['丧失劳动力', '无劳动力', 0]);
      expect(rows.map((r) => [r._ord, r.id_number, r.work_income])).toEqual([[0, A, 1200]]);
    });

    it('runs the golden PostgreSQL SQL', async () => {
      const pgs = await pgSchema();
      try {
        const client = await connectPostgres(PG_URL);
        const eng = postgresEngine(client, pgs.schema);
        await copyRosterToPostgres(h, client, pgs.schema, 'households', t.dir);
        await copyRosterToPostgres(h, client, pgs.schema, 'followups', t.dir);
        const sql = FOLLOWUPS_POSTGRES.replaceAll('"sch"', `"${pgs.schema}"`);
        const rows = await eng.query(sql, ['2024-06-30', '2023-07-01', '长期慢性病', '大病', 6]);
        expect(rows.map((r) => [r.id_number, r.count])).toEqual([
          [A, 5],
          [B, 0],
        ]);
        await eng.close();
      } finally {
        await pgs.drop();
      }
    });
  });
});
