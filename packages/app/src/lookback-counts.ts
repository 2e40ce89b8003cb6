import { sql, type SQL } from '@zhenggai/db';
import { one, type Tx } from './tx.ts';

// 回头看 and 反复 in numbers, for the dashboard and the reports. The caller says which measures
// count (the actor's scope in the statistics, one whole inspection in a report), as a condition
// on the measure alias m and the problem alias p.

export interface LookbackCounts {
  /** Re-checks selected in all rounds (a measure re-checked in two rounds counts twice). */
  sampled: number;
  /** Re-checks with a recorded outcome. */
  checked: number;
  consolidated: number;
  rebounded: number;
  notDone: number;
  /** Problems marked 反复 (problems.recurring), counted once each. */
  recurringProblems: number;
}

export async function lookbackCounts(tx: Tx, measures: SQL): Promise<LookbackCounts> {
  const checks = await one<Omit<LookbackCounts, 'recurringProblems'>>(
    tx,
    sql`SELECT count(*)::int AS sampled, count(lc.outcome)::int AS checked,
               count(*) FILTER (WHERE lc.outcome = 'consolidated')::int AS consolidated,
               count(*) FILTER (WHERE lc.outcome = 'rebounded')::int AS rebounded,
               count(*) FILTER (WHERE lc.outcome = 'not_done')::int AS "notDone"
        FROM lookback_checks lc JOIN measures m ON m.id = lc.measure_id JOIN problems p ON p.id = m.problem_id
        WHERE ${measures}`,
  );
  const recurring = await one<{ n: number }>(
    tx,
    sql`SELECT count(DISTINCT p.id)::int AS n FROM measures m JOIN problems p ON p.id = m.problem_id
        WHERE p.recurring AND ${measures}`,
  );
  return { ...checks!, recurringProblems: recurring!.n };
}
