import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialize, listLedger, ledgerStats, login, verifyAudit, actorForToken } from '@zhenggai/app';
import { BACKENDS, freshDatabase, type TestDatabase } from '../../../test/databases.ts';

describe.each(BACKENDS)('demo workspace on %s', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(backend);
  });
  afterAll(() => database.drop());

  it('initialises once, logs in, lists and counts', async () => {
    const first = await initialize(database.db, { demo: true, password: 'demo-password-1' });
    expect(first.created).toBe(true);
    expect((await initialize(database.db, { demo: true })).created).toBe(false);
    const session = await login(database.db, 'office', 'demo-password-1');
    const actor = (await actorForToken(database.db, session.token))!;
    const ledger = await listLedger(database.db, actor, {});
    expect(ledger.total).toBe(9);
    const stats = await ledgerStats(database.db, actor, undefined);
    expect(stats.totals.measures).toBe(9);
    expect(stats.totals.closed).toBe(2);
    // The SQL filter for "overdue" and the light computed in TypeScript must agree row by row.
    const overdue = await listLedger(database.db, actor, { overdue: true });
    expect(overdue.items.map((m) => m.id).sort()).toEqual(
      ledger.items
        .filter((m) => m.light === 'red')
        .map((m) => m.id)
        .sort(),
    );
    expect(overdue.total).toBeGreaterThan(0);
    const audit = await verifyAudit(database.db);
    expect(audit.ok).toBe(true);
    expect(audit.events).toBeGreaterThan(20);
  });
});
