// Hostile rule values and hostile column names: values must stay parameters, names must
// stay quoted identifiers, on both engines, and the tables must survive.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckdbEngine, openDuckDb, type DuckDbHandle } from '../src/engine/duckdb.ts';
import { connectPostgres, copyRosterToPostgres, postgresEngine } from '../src/engine/postgres.ts';
import { quoteIdent } from '../src/quote.ts';
import { compileRule } from '../src/rules/compile.ts';
import { duckdbDialect, postgresDialect } from '../src/rules/dialect.ts';
import { RuleFileError } from '../src/rules/errors.ts';
import { parseRuleFile } from '../src/rules/parse.ts';
import { importRoster } from '../src/roster/import.ts';
import { makeId, PG_URL, pgSchema, tempDir, writeCsv } from './helpers.ts';

const EVIL_COL = 'x"; DROP TABLE households; --';
const EVIL_VALUE = "a'); DROP TABLE households; --";

const RULES = `
rosters:
  households:
    columns:
      id_number: { type: id, aliases: [身份证号], required: true }
      name: { aliases: [姓名] }
      'x"; DROP TABLE households; --': { aliases: ['x"; DROP TABLE households; --'] }
rules:
  - id: evil-value
    class: 错项
    roster: households
    unit: row
    where: { column: name, eq: "a'); DROP TABLE households; --" }
    reason: 姓名异常
  - id: evil-column
    class: 逻辑问题
    roster: households
    unit: row
    where: { column: 'x"; DROP TABLE households; --', in: ['1', "'; DELETE FROM households; --"] }
    reason: 特殊列
`;

describe('quoteIdent', () => {
  it('doubles embedded quotes and refuses NUL', () => {
    expect(quoteIdent(EVIL_COL)).toBe('"x""; DROP TABLE households; --"');
    expect(() => quoteIdent('a\u0000b')).toThrow();
  });
});

describe('injection', () => {
  const set = parseRuleFile('evil.yaml', RULES);
  const t = tempDir();
  let h: DuckDbHandle;
  const loaded = new Set(['households']);
  beforeAll(async () => {
    h = await openDuckDb(join(t.dir, 'data'));
    const file = writeCsv(
      t.dir,
      'hh.csv',
      ['身份证号', '姓名', EVIL_COL],
      [
        [makeId('110105', '19800101', 1), EVIL_VALUE, '1'],
        [makeId('110105', '19800101', 2), '正常', "'; DELETE FROM households; --"],
        [makeId('110105', '19800101', 3), '正常', '2'],
      ],
    );
    await importRoster(h.conn, {
      name: 'households',
      file,
      roster: set.rosters[0],
      importedBy: 't',
      tmpDir: t.dir,
    });
  });
  afterAll(() => {
    h.conn.closeSync();
    h.instance.closeSync();
    t.cleanup();
  });

  it('keeps values out of the SQL text', () => {
    const c = compileRule(set.rules[0]!, set, { dialect: duckdbDialect, asOf: '2024-06-30', loaded });
    expect(c.sql).not.toContain('DROP');
    expect(c.params).toEqual([EVIL_VALUE]);
  });

  it('quotes hostile column names as one identifier', () => {
    const c = compileRule(set.rules[1]!, set, { dialect: postgresDialect('s'), asOf: '2024-06-30', loaded });
    expect(c.sql).toContain('WHERE s."x""; DROP TABLE households; --" IN ($1, $2)');
    expect(c.params).toEqual(['1', "'; DELETE FROM households; --"]);
  });

  it('runs both on DuckDB: exact hits, table intact', async () => {
    const eng = duckdbEngine(h);
    for (const [i, expected] of [
      [0, 1],
      [1, 2],
    ] as const) {
      const c = compileRule(set.rules[i]!, set, { dialect: duckdbDialect, asOf: '2024-06-30', loaded });
      expect((await eng.query(c.sql, c.params)).length).toBe(expected);
    }
    expect((await eng.query('SELECT count(*) AS n FROM households', []))[0]?.n).toBe(3);
  });

  it('runs both on PostgreSQL: exact hits, table intact', async () => {
    const pgs = await pgSchema();
    try {
      const client = await connectPostgres(PG_URL);
      const eng = postgresEngine(client, pgs.schema);
      await copyRosterToPostgres(h, client, pgs.schema, 'households', t.dir);
      for (const [i, expected] of [
        [0, 1],
        [1, 2],
      ] as const) {
        const c = compileRule(set.rules[i]!, set, { dialect: eng.dialect, asOf: '2024-06-30', loaded });
        expect((await eng.query(c.sql, c.params)).length).toBe(expected);
      }
      expect((await eng.query(`SELECT count(*) AS n FROM "${pgs.schema}".households`, []))[0]?.n).toBe(3);
      await eng.close();
    } finally {
      await pgs.drop();
    }
  });

  it('refuses hostile roster and rule names in the rule file itself', () => {
    const bad = `rosters:\n  'a"; DROP TABLE b; --':\n    columns: { id_number: { type: id } }\nrules: []\n`;
    expect(() => parseRuleFile('bad.yaml', bad)).toThrow(RuleFileError);
    expect(() => parseRuleFile('bad.yaml', bad)).toThrow(/只能用小写字母/);
  });
});
