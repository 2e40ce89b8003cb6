import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, TABLES_IN_ORDER } from '../src/index.ts';
import { BACKENDS, freshDatabase, type TestDatabase } from '../../../test/databases.ts';

// The SQL migrations are the source of truth; Drizzle's description must match them exactly.

const tables = (Object.values(schema) as unknown[]).filter((t): t is PgTable => is(t, PgTable));

describe.each(BACKENDS)('schema on %s', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(backend);
  });
  afterAll(() => database.drop());

  it('has the same tables and columns in SQL and in Drizzle', async () => {
    const columns = await database.query<{ table_name: string; column_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY table_name, ordinal_position`,
    );
    const sqlTables = [...new Set(columns.map((c) => c.table_name))].sort();
    expect(tables.map((t) => getTableName(t)).sort()).toEqual(sqlTables);
    expect([...TABLES_IN_ORDER].sort()).toEqual(sqlTables);
    for (const table of tables) {
      const name = getTableName(table);
      const drizzle = Object.values(getTableColumns(table)).map((c) => [c.name, c.notNull ? 'NO' : 'YES']);
      const fromSql = columns.filter((c) => c.table_name === name).map((c) => [c.column_name, c.is_nullable]);
      expect(drizzle.sort(), name).toEqual(fromSql.sort());
    }
  });

  it('refuses a second process on the same PGlite folder', async () => {
    if (backend !== 'pglite') return;
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { openDatabase } = await import('../src/index.ts');
    const dir = mkdtempSync(join(tmpdir(), 'zg-lock-'));
    const first = await openDatabase({ dataDir: dir });
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/正被进程/);
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    await second.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
