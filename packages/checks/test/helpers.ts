// Small builders shared by the tests: temp folders, CSV writing, a DuckDB in a temp
// folder, and a PostgreSQL schema of its own that is dropped afterwards.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function tempDir(prefix = 'zg-checks-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function field(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvText(headers: string[], rows: (string | number | null | undefined)[][]): string {
  return [headers, ...rows].map((r) => r.map(field).join(',')).join('\n') + '\n';
}

export function writeCsv(
  dir: string,
  name: string,
  headers: string[],
  rows: (string | number | null | undefined)[][],
): string {
  const file = join(dir, name);
  writeFileSync(file, csvText(headers, rows));
  return file;
}

/** ISO 7064 MOD 11-2 the long way (iterative), independent of the code under test. */
export function iso7064Check(body17: string): string {
  let p = 0;
  for (const ch of body17) p = ((p + Number(ch)) * 2) % 11;
  const c = (12 - p) % 11;
  return c === 10 ? 'X' : String(c);
}

export function makeId(region: string, ymd: string, seq: number): string {
  const body = `${region}${ymd}${String(seq).padStart(3, '0')}`;
  return body + iso7064Check(body);
}

export async function pgSchema(): Promise<{ schema: string; client: pg.Client; drop: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  const schema = `zg_test_${randomBytes(4).toString('hex')}`;
  await client.query(`CREATE SCHEMA "${schema}"`);
  return {
    schema,
    client,
    drop: async () => {
      await client.query(`DROP SCHEMA "${schema}" CASCADE`);
      await client.end();
    },
  };
}
