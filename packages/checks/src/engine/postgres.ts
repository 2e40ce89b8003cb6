// The same compiled rules on PostgreSQL: rosters are first imported (and validated) in
// DuckDB, then copied into one schema with COPY FROM STDIN, then the rules run there.
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import pg from 'pg';
import { quoteIdent as q } from '../quote.ts';
import { postgresDialect } from '../rules/dialect.ts';
import type { DuckDbHandle } from './duckdb.ts';
import { plain, type RuleEngine, type Row } from './engine.ts';
import { copyFromFile } from './pg-copy.ts';

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

export async function connectPostgres(url: string): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: url,
    types: {
      getTypeParser: ((oid: number, format?: string) => {
        // Dates stay YYYY-MM-DD text: no time zone can shift them a day.
        if (oid === DATE_OID) return (v: string) => v;
        if (oid === INT8_OID || oid === NUMERIC_OID) return (v: string) => Number(v);
        return pg.types.getTypeParser(oid, format as 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  await client.connect();
  // Rule queries sort and hash whole rosters; the 4 MB default sends them to disk.
  await client.query("SET work_mem = '256MB'");
  return client;
}

function pgType(duckType: string): string {
  if (duckType === 'DOUBLE') return 'double precision';
  if (duckType === 'DATE') return 'date';
  if (duckType === 'BIGINT') return 'bigint';
  if (duckType === 'INTEGER') return 'integer';
  return 'text';
}

/** DuckDB string literal for a path we made ourselves (COPY TO takes no parameters). */
function literal(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

export async function copyRosterToPostgres(
  duck: DuckDbHandle,
  client: pg.Client,
  schema: string,
  roster: string,
  tmpDir: string,
): Promise<number> {
  const cols = (await duck.conn.runAndReadAll(`DESCRIBE ${q(roster)}`)).getRowObjectsJS();
  const file = join(tmpDir, `pg-${roster.replace(/[^a-z0-9_-]/g, '_')}-${process.pid}.csv`);
  try {
    await duck.conn.run(
      `COPY (SELECT rowid AS ${q('_ord')}, * FROM ${q(roster)}) TO ${literal(file)} (FORMAT csv, HEADER false)`,
    );
    const defs = [
      `${q('_ord')} bigint`,
      ...cols.map((c) => `${q(String(c.column_name))} ${pgType(String(c.column_type))}`),
    ];
    const table = `${q(schema)}.${q(roster)}`;
    await client.query(`DROP TABLE IF EXISTS ${table}`);
    await client.query(`CREATE UNLOGGED TABLE ${table} (${defs.join(', ')})`);
    const rows = await copyFromFile(client, `COPY ${table} FROM STDIN WITH (FORMAT csv)`, file);
    await client.query(`ANALYZE ${table}`);
    return rows;
  } finally {
    await rm(file, { force: true });
  }
}

export function postgresEngine(client: pg.Client, schema: string): RuleEngine {
  return {
    dialect: postgresDialect(schema),
    async query(sql, params) {
      const res = await client.query(sql, params);
      return res.rows.map(
        (r: Record<string, unknown>) =>
          Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)])) as Row,
      );
    },
    async close() {
      await client.end();
    },
  };
}
