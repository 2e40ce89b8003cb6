import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '@zhenggai/db';

// Every database test runs on embedded PGlite and, when TEST_DATABASE_URL is set (CI sets it),
// on a real PostgreSQL server too, each in a database of its own that is dropped afterwards.

export type Backend = 'pglite' | 'postgres';

export const BACKENDS: Backend[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase extends Database {
  url: string | undefined;
  drop(): Promise<void>;
}

export async function freshDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const database = await openDatabase({});
    return { ...database, url: undefined, drop: () => database.close() };
  }
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  const name = `zg_test_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const again = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

/**
 * A database that can be closed and opened again, as a server restart does: a PGlite data folder
 * or a PostgreSQL database of its own.
 */
export async function reopenableDatabase(backend: Backend) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  if (backend === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'zg-reopen-'));
    return {
      open: () => openDatabase({ dataDir }),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const first = await freshDatabase('postgres');
  await first.close();
  return {
    open: () => openDatabase({ url: first.url }),
    drop: async () => {
      const again = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${new URL(first.url!).pathname.slice(1)} WITH (FORCE)`);
      await again.end();
    },
  };
}
