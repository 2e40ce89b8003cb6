// DuckDB in a file inside the data folder. all_varchar handling is done per read_csv in
// the importer; extensions are never fetched (offline machines).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { duckdbDialect } from '../rules/dialect.ts';
import { plain, type RuleEngine, type Row } from './engine.ts';

export interface DuckDbHandle {
  instance: DuckDBInstance;
  conn: DuckDBConnection;
  path: string;
}

export async function openDuckDb(
  dataDir: string,
  options: { memoryLimit?: string; threads?: number } = {},
): Promise<DuckDbHandle> {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'checks.duckdb');
  const config: Record<string, string> = {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    // Row order = file order: the importer relies on rowid being the row's position.
    preserve_insertion_order: 'true',
    temp_directory: join(dataDir, 'duckdb-tmp'),
  };
  if (options.memoryLimit) config.memory_limit = options.memoryLimit;
  if (options.threads) config.threads = String(options.threads);
  const instance = await DuckDBInstance.create(path, config);
  const conn = await instance.connect();
  return { instance, conn, path };
}

export function duckdbEngine(h: DuckDbHandle): RuleEngine {
  return {
    dialect: duckdbDialect,
    async query(sql, params) {
      const reader = await h.conn.runAndReadAll(sql, params);
      return reader
        .getRowObjectsJS()
        .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)])) as Row);
    },
    async close() {
      h.conn.closeSync();
      h.instance.closeSync();
    },
  };
}
