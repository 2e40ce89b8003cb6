// The narrow surface the rule runner needs from a database.
import type { Dialect } from '../rules/dialect.ts';

export type Row = Record<string, string | number | null>;

export interface RuleEngine {
  dialect: Dialect;
  query(sql: string, params: (string | number)[]): Promise<Row[]>;
  close(): Promise<void>;
}

/** Plain values only: bigint → number, dates → YYYY-MM-DD, everything else as text. */
export function plain(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}
