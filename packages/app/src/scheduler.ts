import { sql, type Db } from '@zhenggai/db';
import { addDays, daysUntil } from '@zhenggai/core';
import type { SchedulerDay } from '@zhenggai/core/contracts';
import { publicMessageReminders } from './public-messages-job.ts';
import { superviseMeasures } from './supervision-job.ts';
import { inTransaction, one, type Tx } from './tx.ts';

export type { SchedulerDay };

// The daily scheduler. Each calendar day is processed once, in one transaction that also records
// the day as done: a crash rolls the whole day back, a restart resumes at the first day not done,
// and after downtime the missing days are walked in order, each judged as of that day.

/** The jobs run for each day, in order; each returns how many things it created. */
const DAILY_JOBS: { name: string; run: (tx: Tx, day: string) => Promise<Record<string, number>> }[] = [
  { name: 'supervision', run: superviseMeasures },
  // 群众反映 assigned to a unit: a reminder every 7th day until answered, and once when overdue.
  { name: 'public', run: async (tx, day) => ({ publicReminders: await publicMessageReminders(tx, day) }) },
];

// Only one scheduler pass at a time, across processes sharing a PostgreSQL database.
const SCHEDULER_LOCK = 20_261_124;

export async function runSchedulerDay(db: Db, day: string): Promise<SchedulerDay> {
  return inTransaction(db, async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SCHEDULER_LOCK})`);
    const done = await one(tx, sql`SELECT 1 FROM scheduler_days WHERE day = ${day}`);
    if (done) return { day, skipped: true, summary: {} };
    const summary: Record<string, number> = {};
    for (const job of DAILY_JOBS) Object.assign(summary, await job.run(tx, day));
    await tx.execute(
      sql`INSERT INTO scheduler_days (day, summary) VALUES (${day}, ${JSON.stringify(summary)}::jsonb)`,
    );
    return { day, skipped: false, summary };
  });
}

/** The last day processed, or null before the first run. */
export async function lastSchedulerDay(db: Db): Promise<string | null> {
  const row = await one<{ day: string | null }>(db, sql`SELECT max(day)::text AS day FROM scheduler_days`);
  return row?.day ?? null;
}

/** A run that walks more days than this is refused: the clock is probably wrong. */
export const MAX_CATCH_UP_DAYS = 400;

/**
 * Processes every day from the one after the last processed day up to `today` (only `today` on
 * the very first run). Returns the days it processed.
 */
export async function catchUpScheduler(db: Db, today: string): Promise<SchedulerDay[]> {
  const last = await lastSchedulerDay(db);
  const first = last ? addDays(last, 1) : today;
  const count = daysUntil(today, first) + 1;
  if (count > MAX_CATCH_UP_DAYS) {
    throw new Error(
      `调度器需要补跑 ${count} 天（${first} 至 ${today}），超过 ${MAX_CATCH_UP_DAYS} 天，请检查系统时钟`,
    );
  }
  const processed: SchedulerDay[] = [];
  for (let i = 0; i < count; i++) processed.push(await runSchedulerDay(db, addDays(first, i)));
  return processed;
}
