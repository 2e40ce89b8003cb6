export * as schema from './schema.ts';
export { TABLES_IN_ORDER } from './schema.ts';
export { openDatabase, type Database, type Db, type Querier, type OpenOptions } from './database.ts';
export { migrate, MIGRATIONS_DIR } from './migrate.ts';
export { lockDataDir } from './data-lock.ts';
// The query-building vocabulary, re-exported so every package uses this one copy of Drizzle.
export { and, eq, sql, type SQL } from 'drizzle-orm';
