// A rule set as people read it: each rule with its class, counting unit, the rosters it needs and
// the exact SQL (with its parameters) that it compiles to for one engine.
import type { CountingUnit, RuleClass, RuleSet } from './ast.ts';
import { compileRule, rostersNeeded } from './compile.ts';
import { duckdbDialect, postgresDialect } from './dialect.ts';

export interface RuleDescription {
  id: string;
  class: RuleClass;
  title: string;
  /** The roster whose rows the rule reports. */
  roster: string;
  unit: CountingUnit;
  rosters: { name: string; title: string }[];
  /** The reason template each hit carries, `{column}` filled from the hit. */
  reason: string;
  sql: string;
  params: (string | number)[];
}

export interface DescribeOptions {
  engine: 'duckdb' | 'postgres';
  /** YYYY-MM-DD: date comparisons are computed from it and passed as parameters. */
  asOf: string;
  /** PostgreSQL schema of the roster tables (default as in runCheck). */
  pgSchema?: string;
}

export function describeRules(set: RuleSet, opts: DescribeOptions): RuleDescription[] {
  const dialect =
    opts.engine === 'postgres' ? postgresDialect(opts.pgSchema ?? 'zhenggai_checks') : duckdbDialect;
  const loaded = new Set(set.rosters.map((r) => r.name));
  const titles = new Map(set.rosters.map((r) => [r.name, r.title]));
  return set.rules.map((rule) => {
    const compiled = compileRule(rule, set, { dialect, asOf: opts.asOf, loaded });
    return {
      id: rule.id,
      class: rule.class,
      title: rule.title,
      roster: rule.roster,
      unit: rule.unit,
      rosters: rostersNeeded(rule).map((name) => ({ name, title: titles.get(name) ?? name })),
      reason: rule.reason,
      sql: compiled.sql,
      params: compiled.params,
    };
  });
}
