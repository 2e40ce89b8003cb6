// RuleSet AST → { sql, params }. Values only ever become placeholders; identifiers only
// ever pass through quoteIdent. Every rule yields the same leading columns so hits from
// any rule can become verification tasks: _ord, id_number, name, household_id, village.
import { quoteIdent as q } from '../quote.ts';
import type { CmpOp, CountTest, Operand, Predicate, RosterDecl, Rule, RuleSet } from './ast.ts';
import { idErrorColumn, type Dialect } from './dialect.ts';

export interface CompiledRule {
  sql: string;
  params: (string | number)[];
}

export interface CompileOptions {
  dialect: Dialect;
  /** YYYY-MM-DD */
  asOf: string;
  /** Rosters that have data; the context join is dropped when its roster is absent. */
  loaded: ReadonlySet<string>;
}

const OPS: Record<CmpOp, string> = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' };
export const STANDARD_COLUMNS = ['id_number', 'name', 'household_id', 'village'] as const;
const LIST_SEPARATOR = '、';

export function addDays(isoDate: string, days: number): string {
  const t = Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

class Builder {
  readonly params: (string | number)[] = [];
  constructor(readonly opts: CompileOptions) {}

  param(value: string | number, cast?: 'DATE'): string {
    this.params.push(value);
    const p = this.opts.dialect.placeholder(this.params.length);
    return cast ? `CAST(${p} AS ${cast})` : p;
  }

  operand(roster: RosterDecl, column: string, op: Operand, alias: string): string {
    const type = roster.columns.find((c) => c.name === column)?.type ?? 'text';
    if (op.kind === 'column') return `${alias}.${q(op.name)}`;
    if (op.kind === 'asOf') return this.param(addDays(this.opts.asOf, op.days), 'DATE');
    if (type === 'date') return this.param(String(op.value), 'DATE');
    if (type === 'number') return this.param(Number(op.value));
    return this.param(String(op.value));
  }

  predicate(roster: RosterDecl, p: Predicate, alias: string): string {
    switch (p.kind) {
      case 'cmp':
        return `${alias}.${q(p.column)} ${OPS[p.op]} ${this.operand(roster, p.column, p.right, alias)}`;
      case 'in': {
        const type = roster.columns.find((c) => c.name === p.column)?.type ?? 'text';
        const list = p.values.map((v) => this.param(type === 'number' ? Number(v) : String(v))).join(', ');
        return `${alias}.${q(p.column)} ${p.negate ? 'NOT IN' : 'IN'} (${list})`;
      }
      case 'empty':
        // Import trims text and stores blanks as NULL, so "empty" is exactly IS NULL.
        return `${alias}.${q(p.column)} IS ${p.negate ? 'NOT NULL' : 'NULL'}`;
      case 'invalidId':
        return `${alias}.${q(idErrorColumn(p.column))} IS NOT NULL`;
      case 'and':
      case 'or':
        return `(${p.items.map((i) => this.predicate(roster, i, alias)).join(p.kind === 'and' ? ' AND ' : ' OR ')})`;
      case 'not':
        return `NOT (${this.predicate(roster, p.item, alias)})`;
    }
  }

  countTest(t: CountTest, count: string, col: (name: string) => [string, string]): string {
    if (t.right.kind === 'value') return `${count} ${OPS[t.op]} ${this.param(t.right.value)}`;
    // A stated value may differ between the members of a group: test against both ends.
    const [lo, hi] = col(t.right.name);
    return `(${count} ${OPS[t.op]} ${lo} OR ${count} ${OPS[t.op]} ${hi})`;
  }
}

function hasInvalidId(p: Predicate | undefined): string | undefined {
  if (!p) return undefined;
  if (p.kind === 'invalidId') return p.column;
  if (p.kind === 'and' || p.kind === 'or') return p.items.map(hasInvalidId).find((x) => x !== undefined);
  if (p.kind === 'not') return hasInvalidId(p.item);
  return undefined;
}

function rosterOf(set: RuleSet, name: string): RosterDecl {
  const r = set.rosters.find((x) => x.name === name);
  if (!r) throw new Error(`未声明的名单：${name}`);
  return r;
}

const has = (r: RosterDecl, col: string) => r.columns.some((c) => c.name === col);

/** Rosters a rule cannot run without. */
export function rostersNeeded(rule: Rule): string[] {
  return rule.body.kind === 'related' ? [rule.roster, rule.body.roster] : [rule.roster];
}

export function compileRule(rule: Rule, set: RuleSet, opts: CompileOptions): CompiledRule {
  const b = new Builder(opts);
  const d = opts.dialect;
  const subject = rosterOf(set, rule.roster);
  const body = rule.body;
  const select: string[] = [`${d.ordinal('s')} AS ${q('_ord')}`];
  const joins: string[] = [];
  const where: string[] = [];

  // The standard columns come from the subject roster, or from the context roster by ID.
  const ctxName = set.context;
  const ctx =
    ctxName && ctxName !== subject.name && opts.loaded.has(ctxName) ? rosterOf(set, ctxName) : undefined;
  const fromCtx = STANDARD_COLUMNS.filter(
    (c) => !has(subject, c) && ctx && has(ctx, c) && has(subject, 'id_number') && has(ctx, 'id_number'),
  );
  for (const c of STANDARD_COLUMNS) {
    if (has(subject, c)) select.push(`s.${q(c)} AS ${q(c)}`);
    else if (fromCtx.includes(c)) select.push(`c.${q(c)} AS ${q(c)}`);
    else select.push(`CAST(NULL AS VARCHAR) AS ${q(c)}`);
  }
  // Further subject columns named in the reason text.
  const named = [...rule.reason.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1] ?? '');
  for (const c of new Set(named)) {
    if (!(STANDARD_COLUMNS as readonly string[]).includes(c) && has(subject, c))
      select.push(`s.${q(c)} AS ${q(c)}`);
  }
  const idCol = hasInvalidId(rule.where);
  if (idCol) select.push(`s.${q(idErrorColumn(idCol))} AS ${q('id_error')}`);

  if (body.kind === 'related') {
    const other = rosterOf(set, body.roster);
    const inner = [`o.${q(body.right)} AS ${q('_k')}`, `count(*) AS ${q('_n')}`];
    for (const c of body.show) {
      const v = `CAST(o.${q(c)} AS VARCHAR)`;
      inner.push(`string_agg(${v}, ${b.param(LIST_SEPARATOR)} ORDER BY ${v}) AS ${q(c)}`);
    }
    const filter = body.where ? ` WHERE ${b.predicate(other, body.where, 'o')}` : '';
    joins.push(
      `LEFT JOIN (SELECT ${inner.join(', ')} FROM ${d.table(other.name)} o${filter} GROUP BY o.${q(body.right)}) m ON m.${q('_k')} = s.${q(body.left)}`,
    );
    select.push(`COALESCE(m.${q('_n')}, 0) AS ${q('count')}`);
    for (const c of body.show) select.push(`m.${q(c)} AS ${q(c)}`);
  } else if (body.kind === 'duplicate') {
    // First the keys whose `across` values differ (min <> max: no DISTINCT needed), then
    // the distinct list only for those few keys.
    const v = `CAST(x.${q(body.across)} AS VARCHAR)`;
    // Placeholders are numbered in creation order, which must be their order in the text.
    const sep = b.param(LIST_SEPARATOR);
    const filterY = rule.where ? ` AND ${b.predicate(subject, rule.where, 'y')}` : '';
    const keys =
      `SELECT y.${q(body.key)} FROM ${d.table(subject.name)} y WHERE y.${q(body.key)} IS NOT NULL${filterY} ` +
      `GROUP BY y.${q(body.key)} HAVING min(y.${q(body.across)}) <> max(y.${q(body.across)})`;
    const filterX = rule.where ? ` AND ${b.predicate(subject, rule.where, 'x')}` : '';
    joins.push(
      `JOIN (SELECT x.${q(body.key)} AS ${q('_k')}, count(DISTINCT x.${q(body.across)}) AS ${q('_n')}, ` +
        `string_agg(DISTINCT ${v}, ${sep} ORDER BY ${v}) AS ${q('across')} ` +
        `FROM ${d.table(subject.name)} x WHERE x.${q(body.key)} IN (${keys})${filterX} ` +
        `GROUP BY x.${q(body.key)}) m ON m.${q('_k')} = s.${q(body.key)}`,
    );
    select.push(`m.${q('_n')} AS ${q('count')}`, `m.${q('across')} AS ${q('across')}`);
  } else if (body.kind === 'group') {
    const right = body.count.right;
    const inner = [`g.${q(body.by)} AS ${q('_k')}`, `count(*) AS ${q('_n')}`];
    if (right.kind === 'column') inner.push(`max(g.${q(right.name)}) AS ${q('stated')}`);
    const filter = rule.where ? ` WHERE ${b.predicate(subject, rule.where, 'g')}` : '';
    const having = b.countTest(body.count, 'count(*)', (c) => [`min(g.${q(c)})`, `max(g.${q(c)})`]);
    joins.push(
      `JOIN (SELECT ${inner.join(', ')} FROM ${d.table(subject.name)} g${filter} GROUP BY g.${q(body.by)} HAVING ${having}) m ON m.${q('_k')} = s.${q(body.by)}`,
    );
    select.push(`m.${q('_n')} AS ${q('count')}`);
    if (right.kind === 'column') select.push(`m.${q('stated')} AS ${q('stated')}`);
  }

  if (fromCtx.length > 0 && ctx) {
    const cols = fromCtx.map((c) => `x.${q(c)}`).join(', ');
    joins.push(
      `LEFT JOIN (SELECT DISTINCT ON (x.${q('id_number')}) x.${q('id_number')} AS ${q('_k')}, ${cols} FROM ${d.table(ctx.name)} x ` +
        // Only the people the subject roster names: the sort behind DISTINCT ON stays small.
        `WHERE x.${q('id_number')} IN (SELECT z.${q('id_number')} FROM ${d.table(subject.name)} z) ` +
        `ORDER BY x.${q('id_number')}, ${d.ordinal('x')}) c ON c.${q('_k')} = s.${q('id_number')}`,
    );
  }
  // For duplicate and group rules `where` already filtered inside the grouping.
  if (rule.where && body.kind !== 'group' && body.kind !== 'duplicate')
    where.push(b.predicate(subject, rule.where, 's'));
  if (body.kind === 'related')
    where.push(b.countTest(body.count, `COALESCE(m.${q('_n')}, 0)`, () => ['', '']));

  const from = `FROM ${d.table(subject.name)} s${joins.map((j) => ` ${j}`).join('')}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  const unitKey =
    rule.unit === 'person' ? 'id_number' : rule.unit === 'household' ? 'household_id' : undefined;
  if (!unitKey) return { sql: `SELECT ${select.join(', ')} ${from} ORDER BY ${q('_ord')}`, params: b.params };
  // One hit per person / household: the first row in file order speaks for it. Rows
  // without a key stay separate (keyed by their position) instead of merging into one.
  const key = `COALESCE(s.${q(unitKey)}, CAST(${d.ordinal('s')} AS VARCHAR))`;
  const sql = `SELECT * FROM (SELECT DISTINCT ON (${key}) ${select.join(', ')} ${from} ORDER BY ${key}, ${d.ordinal('s')}) h ORDER BY h.${q('_ord')}`;
  return { sql, params: b.params };
}
