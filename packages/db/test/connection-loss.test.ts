import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { freshDatabase, type TestDatabase } from '../../../test/databases.ts';

// A PostgreSQL restart kills the pool's idle connections. The server must log it and carry on
// with new connections, not crash on an unhandled 'error' event.

describe.runIf(process.env.TEST_DATABASE_URL)('losing idle PostgreSQL connections', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase('postgres');
  });
  afterAll(() => database.drop());

  it('survives its idle connections being terminated and answers the next query', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const [backend] = await database.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend($1)', [backend!.pid]);
    await admin.end();
    await vi.waitFor(() => expect(logged).toHaveBeenCalled());
    expect(String(logged.mock.calls[0]![0])).toContain('PostgreSQL');
    logged.mockRestore();
    expect(await database.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('fails the transaction whose connection is terminated, and serves the next one', async () => {
    const attempt = database.transaction(async (q) => {
      const [own] = await q.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend($1)', [own!.pid]);
      await admin.end();
      // Give the server's goodbye time to arrive while the connection is idle in the transaction.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await q.query('SELECT 1');
    });
    await expect(attempt).rejects.toThrow();
    const done = await database.transaction((q) => q.query<{ one: number }>('SELECT 1 AS one'));
    expect(done).toEqual([{ one: 1 }]);
  });
});
