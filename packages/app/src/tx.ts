import { type Db, sql, type SQL } from '@zhenggai/db';

// Repository helpers take the database or a transaction handle as first argument, so a
// transaction is just passing `tx` along.

export type Tx = Db;

export async function rows<T>(tx: Tx, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function one<T>(tx: Tx, query: SQL): Promise<T | undefined> {
  return (await rows<T>(tx, query))[0];
}

export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Tx));
}

/**
 * A text[] of LIKE patterns for `path LIKE ANY(…)`. Sent as one parameter (unit paths hold only
 * digits and '/', so a comma is a safe separator); Drizzle would otherwise expand an array.
 */
export function patternArray(patterns: string[]): SQL {
  return sql`string_to_array(${patterns.join(',')}, ',')`;
}

/** The next free position among siblings (categories or problems of an inspection, measures of a problem). */
export async function nextPosition(
  tx: Tx,
  table: 'categories' | 'problems' | 'measures',
  parent: 'inspection_id' | 'problem_id',
  parentId: number,
): Promise<number> {
  const row = await one<{ n: number }>(
    tx,
    sql`SELECT COALESCE(max(position), 0)::int + 1 AS n FROM ${sql.identifier(table)} WHERE ${sql.identifier(parent)} = ${parentId}`,
  );
  return row!.n;
}
