import { join, resolve } from 'node:path';
import { actorById, EvidenceStore, SYSTEM_ACTOR, type Actor } from '@zhenggai/app';
import { DomainError } from '@zhenggai/core';
import { openDatabase, sql, type Database } from '@zhenggai/db';

// Every command that touches data opens it the same way: DATABASE_URL when set, else the
// embedded PGlite folder given by --data (default ./data).

export const DATA_OPTIONS = {
  data: { type: 'string', default: './data' },
  as: { type: 'string' },
} as const;

export interface Opened {
  database: Database;
  evidence: EvidenceStore;
  dataDir: string;
}

export async function withDatabase<T>(dataDir: string, work: (opened: Opened) => Promise<T>): Promise<T> {
  const dir = resolve(dataDir);
  const database = await openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: dir });
  try {
    return await work({ database, evidence: new EvidenceStore(join(dir, 'evidence')), dataDir: dir });
  } finally {
    await database.close();
  }
}

/** The CLI runs as the system unless --as names a user, whose role and scope then apply. */
export async function cliActor(database: Database, username: string | undefined): Promise<Actor> {
  if (!username) return SYSTEM_ACTOR;
  const rows = (await database.db.execute(
    sql`SELECT id::int AS id FROM users WHERE username = ${username}`,
  )) as unknown as {
    rows: { id: number }[];
  };
  const actor = rows.rows[0] ? await actorById(database.db, rows.rows[0].id) : null;
  if (!actor) throw new DomainError('NOT_FOUND', `用户「${username}」不存在`);
  return actor;
}

export async function rootUnitId(database: Database): Promise<number> {
  const [row] = await database.query<{ id: number }>(
    'SELECT id::int AS id FROM units WHERE parent_id IS NULL ORDER BY id LIMIT 1',
  );
  if (!row) throw new DomainError('NOT_FOUND', '数据库尚未初始化：请先运行 zhenggai init');
  return row.id;
}
