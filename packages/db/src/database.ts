import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';
import { lockDataDir } from './data-lock.ts';
import { migrate } from './migrate.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Querier {
  /** Raw SQL with $1 placeholders; for the few queries Drizzle does not say better. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface Database extends Querier {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Raw statements on one connection, committed together or not at all. */
  transaction<T>(work: (q: Querier) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… — when set, the real PostgreSQL server is used. */
  url?: string | undefined;
  /** Folder for PGlite's files (and the lock file); omit for an in-memory database. */
  dataDir?: string | undefined;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
}

// Keep DATE columns as 'YYYY-MM-DD' text: turning them into JS Dates shifts them by the time zone.
pg.types.setTypeParser(1082, (value: string) => value);

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const database = options.url ? await openPostgres(options.url) : await openPglite(options.dataDir);
  if (options.migrate !== false) {
    try {
      await migrate(database);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_SIZE ?? 10) });
  // An idle connection that dies (PostgreSQL restarted, a backend terminated) is reported here;
  // without a listener the pool's 'error' event would take the whole server down. The pool
  // drops that connection and opens a fresh one for the next query.
  pool.on('error', (error) => console.error(`PostgreSQL 空闲连接中断，将重新连接：${error.message}`));
  await pool.query('SELECT 1'); // fail now, with the driver's message, if the server is not there
  return {
    db: drizzlePg(pool, { schema }) as unknown as Db,
    kind: 'postgres',
    query: async (text, params) => (await pool.query(text, params as unknown[])).rows,
    exec: async (text) => {
      await pool.query(text);
    },
    transaction: async (work) => {
      const client = await pool.connect();
      // While checked out the pool does not listen to this connection: a server that drops it
      // now would otherwise crash the process. The next query fails instead, and the dead
      // connection is destroyed rather than handed to the next caller.
      let broken: Error | undefined;
      const onError = (error: Error) => (broken = error);
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async (text, params) => (await client.query(text, params as unknown[])).rows,
          exec: async (text) => {
            await client.query(text);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  // Loaded only when used: a server or command on PostgreSQL need not carry the embedded engine.
  const [{ PGlite }, { drizzle: drizzlePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
  ]);
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  let client: PGlite;
  try {
    client = dataDir ? new PGlite(join(dataDir, 'pglite')) : new PGlite();
    await client.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: 'pglite',
    query: async (text, params) => (await client.query(text, params)).rows as never[],
    exec: async (text) => {
      await client.exec(text);
    },
    transaction: (work) =>
      client.transaction((tx) =>
        work({
          query: async (text, params) => (await tx.query(text, params)).rows as never[],
          exec: async (text) => {
            await tx.exec(text);
          },
        }),
      ),
    close: async () => {
      await client.close();
      unlock();
    },
  };
}
