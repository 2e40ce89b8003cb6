// Rule file (YAML or JSON) → typed RuleSet. Every problem is collected with its line;
// nothing is compiled until the whole file is clean.
import {
  CMP_OPS,
  COLUMN_TYPES,
  RULE_CLASSES,
  type CmpOp,
  type ColumnDecl,
  type ColumnType,
  type CountTest,
  type CountingUnit,
  type Operand,
  type Predicate,
  type RosterDecl,
  type Rule,
  type RuleBody,
  type RuleClass,
  type RuleSet,
} from './ast.ts';
import { RuleFileError } from './errors.ts';
import { RuleSource, type Path } from './source.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
const UNITS: CountingUnit[] = ['person', 'row', 'household'];

class Reader {
  constructor(
    readonly src: RuleSource,
    readonly rosters: Map<string, RosterDecl>,
  ) {}

  str(v: unknown, path: Path, what: string): string | undefined {
    if (typeof v === 'string' && v.trim() !== '') return v;
    this.src.fail(path, `${what}应为非空文本`);
    return undefined;
  }

  keys(o: Obj, allowed: string[], path: Path): void {
    for (const k of Object.keys(o)) {
      if (!allowed.includes(k)) this.src.fail([...path, k], `未知字段“${k}”（可用：${allowed.join('、')}）`);
    }
  }

  column(roster: RosterDecl | undefined, name: unknown, path: Path): ColumnDecl | undefined {
    if (typeof name !== 'string' || name === '') {
      this.src.fail(path, '列名应为非空文本');
      return undefined;
    }
    if (!roster) return undefined;
    const col = roster.columns.find((c) => c.name === name);
    if (!col) this.src.fail(path, `名单“${roster.name}”没有声明列“${name}”`);
    return col;
  }

  roster(name: unknown, path: Path): RosterDecl | undefined {
    if (typeof name !== 'string') {
      this.src.fail(path, '名单名应为文本');
      return undefined;
    }
    const r = this.rosters.get(name);
    if (!r)
      this.src.fail(path, `未声明的名单“${name}”（已声明：${[...this.rosters.keys()].join('、') || '无'}）`);
    return r;
  }
}

function parseRosters(rd: Reader, v: unknown, path: Path): void {
  if (v === undefined) return;
  if (!isObj(v)) return rd.src.fail(path, 'rosters 应为映射：名单名 → 定义');
  for (const [name, def] of Object.entries(v)) {
    const p = [...path, name];
    if (!ID_PATTERN.test(name)) rd.src.fail(p, `名单名“${name}”只能用小写字母、数字、_ 和 -`);
    if (!isObj(def)) {
      rd.src.fail(p, '名单定义应为映射（title, columns）');
      continue;
    }
    rd.keys(def, ['title', 'columns'], p);
    const existing = rd.rosters.get(name);
    const roster: RosterDecl = existing ?? { name, title: name, columns: [] };
    if (typeof def.title === 'string') roster.title = def.title;
    if (!isObj(def.columns)) {
      rd.src.fail([...p, 'columns'], 'columns 应为映射：列名 → 类型与表头别名');
      continue;
    }
    for (const [col, cdef] of Object.entries(def.columns)) {
      const cp = [...p, 'columns', col];
      const decl: ColumnDecl = { name: col, type: 'text', aliases: [], required: false };
      if (Array.isArray(cdef)) decl.aliases = cdef.map(String);
      else if (isObj(cdef)) {
        rd.keys(cdef, ['type', 'aliases', 'required'], cp);
        if (cdef.type !== undefined) {
          if (COLUMN_TYPES.includes(cdef.type as ColumnType)) decl.type = cdef.type as ColumnType;
          else rd.src.fail([...cp, 'type'], `列类型应为 ${COLUMN_TYPES.join(' / ')}`);
        }
        if (cdef.aliases !== undefined) {
          if (Array.isArray(cdef.aliases)) decl.aliases = cdef.aliases.map(String);
          else rd.src.fail([...cp, 'aliases'], 'aliases 应为表头文本的列表');
        }
        decl.required = cdef.required === true;
      } else if (cdef !== null) rd.src.fail(cp, '列定义应为映射或别名列表');
      if (col.startsWith('_')) rd.src.fail(cp, '以 _ 开头的列名留给系统使用');
      const i = roster.columns.findIndex((c) => c.name === col);
      if (i >= 0) roster.columns[i] = decl;
      else roster.columns.push(decl);
    }
    rd.rosters.set(name, roster);
  }
}

function parseOperand(
  rd: Reader,
  roster: RosterDecl | undefined,
  v: unknown,
  path: Path,
): Operand | undefined {
  if (typeof v === 'string' || typeof v === 'number') return { kind: 'value', value: v };
  if (isObj(v) && 'asOf' in v) {
    rd.keys(v, ['asOf'], path);
    if (typeof v.asOf === 'number' && Number.isInteger(v.asOf)) return { kind: 'asOf', days: v.asOf };
    rd.src.fail([...path, 'asOf'], 'asOf 应为整数天数（0 为截止日，负数为之前）');
    return undefined;
  }
  if (isObj(v) && 'column' in v) {
    rd.keys(v, ['column'], path);
    rd.column(roster, v.column, [...path, 'column']);
    return typeof v.column === 'string' ? { kind: 'column', name: v.column } : undefined;
  }
  rd.src.fail(path, '比较值应为文本、数字、{ asOf: 天数 } 或 { column: 列名 }');
  return undefined;
}

function checkOperandType(rd: Reader, col: ColumnDecl, op: Operand, path: Path): void {
  if (op.kind === 'asOf' && col.type !== 'date')
    rd.src.fail(path, `列“${col.name}”不是日期列，不能与截止日比较`);
  if (op.kind === 'value' && col.type === 'number' && typeof op.value !== 'number') {
    rd.src.fail(path, `列“${col.name}”是数字列，比较值应为数字`);
  }
  if (op.kind === 'value' && col.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(String(op.value))) {
    rd.src.fail(path, `列“${col.name}”是日期列，比较值应为 YYYY-MM-DD 或 { asOf: 天数 }`);
  }
}

export function parsePredicate(
  rd: Reader,
  roster: RosterDecl | undefined,
  v: unknown,
  path: Path,
): Predicate | undefined {
  if (!isObj(v)) {
    rd.src.fail(
      path,
      '条件应为映射：{ column, eq/ne/lt/le/gt/ge/in/notIn/empty/invalidId } 或 all / any / not',
    );
    return undefined;
  }
  for (const group of ['all', 'any'] as const) {
    if (group in v) {
      rd.keys(v, [group], path);
      const list = v[group];
      if (!Array.isArray(list) || list.length === 0) {
        rd.src.fail([...path, group], `${group} 应为非空条件列表`);
        return undefined;
      }
      const items = list.map((item, i) => parsePredicate(rd, roster, item, [...path, group, i]));
      if (items.some((x) => x === undefined)) return undefined;
      return { kind: group === 'all' ? 'and' : 'or', items: items as Predicate[] };
    }
  }
  if ('not' in v) {
    rd.keys(v, ['not'], path);
    const item = parsePredicate(rd, roster, v.not, [...path, 'not']);
    return item && { kind: 'not', item };
  }
  const ops = ['column', ...CMP_OPS, 'in', 'notIn', 'empty', 'invalidId'];
  rd.keys(v, ops, path);
  const col = rd.column(roster, v.column, [...path, 'column']);
  const column = typeof v.column === 'string' ? v.column : '';
  const items: Predicate[] = [];
  for (const op of CMP_OPS) {
    if (!(op in v)) continue;
    const right = parseOperand(rd, roster, v[op], [...path, op]);
    if (!right) continue;
    if (col) checkOperandType(rd, col, right, [...path, op]);
    items.push({ kind: 'cmp', column, op, right });
  }
  for (const op of ['in', 'notIn'] as const) {
    if (!(op in v)) continue;
    const list = v[op];
    if (
      !Array.isArray(list) ||
      list.length === 0 ||
      !list.every((x) => typeof x === 'string' || typeof x === 'number')
    ) {
      rd.src.fail([...path, op], `${op} 应为非空的文本或数字列表`);
      continue;
    }
    items.push({ kind: 'in', column, values: list as (string | number)[], negate: op === 'notIn' });
  }
  if ('empty' in v) {
    if (typeof v.empty !== 'boolean') rd.src.fail([...path, 'empty'], 'empty 应为 true 或 false');
    else items.push({ kind: 'empty', column, negate: !v.empty });
  }
  if ('invalidId' in v) {
    if (v.invalidId !== true) rd.src.fail([...path, 'invalidId'], 'invalidId 只能写 true');
    else if (col && col.type !== 'id')
      rd.src.fail([...path, 'invalidId'], `列“${column}”不是身份证号（type: id）列`);
    else items.push({ kind: 'invalidId', column });
  }
  if (items.length === 0) {
    rd.src.fail(path, '条件缺少比较：eq/ne/lt/le/gt/ge/in/notIn/empty/invalidId 之一');
    return undefined;
  }
  return items.length === 1 ? items[0] : { kind: 'and', items };
}

function parseCount(
  rd: Reader,
  roster: RosterDecl | undefined,
  v: unknown,
  path: Path,
): CountTest | undefined {
  if (!isObj(v)) {
    rd.src.fail(path, 'count 应为 { 比较符: 数字 }，如 { lt: 6 }');
    return undefined;
  }
  rd.keys(v, [...CMP_OPS], path);
  const ops = CMP_OPS.filter((op) => op in v);
  if (ops.length !== 1) {
    rd.src.fail(path, 'count 中应恰好有一个比较符');
    return undefined;
  }
  const op = ops[0] as CmpOp;
  const right = v[op];
  if (typeof right === 'number' && Number.isInteger(right) && right >= 0)
    return { op, right: { kind: 'value', value: right } };
  if (isObj(right) && typeof right.column === 'string') {
    const col = rd.column(roster, right.column, [...path, op, 'column']);
    if (col && col.type !== 'number') rd.src.fail([...path, op, 'column'], `列“${col.name}”应为数字列`);
    if (op === 'eq')
      rd.src.fail([...path, op], '与列比较时不支持 eq（每户填报值可能不同）；请用 ne 找出不一致');
    return { op, right: { kind: 'column', name: right.column } };
  }
  rd.src.fail([...path, op], '比较值应为非负整数或 { column: 列名 }');
  return undefined;
}

function parseBody(rd: Reader, roster: RosterDecl | undefined, r: Obj, path: Path): RuleBody | undefined {
  const kinds = ['related', 'duplicate', 'group'].filter((k) => k in r);
  if (kinds.length > 1) {
    rd.src.fail(path, `related、duplicate、group 只能选一个（现有：${kinds.join('、')}）`);
    return undefined;
  }
  if (kinds.length === 0) {
    if (r.where === undefined) rd.src.fail(path, '规则需要 where，或 related / duplicate / group 之一');
    return { kind: 'condition' };
  }
  const kind = kinds[0] as 'related' | 'duplicate' | 'group';
  const v = r[kind];
  const p = [...path, kind];
  if (!isObj(v)) {
    rd.src.fail(p, `${kind} 应为映射`);
    return undefined;
  }
  if (kind === 'related') {
    rd.keys(v, ['roster', 'on', 'where', 'show', 'count'], p);
    const other = rd.roster(v.roster, [...p, 'roster']);
    let left = 'id_number';
    let right = 'id_number';
    if (typeof v.on === 'string') left = right = v.on;
    else if (isObj(v.on)) {
      rd.keys(v.on, ['left', 'right'], [...p, 'on']);
      left = String(v.on.left ?? '');
      right = String(v.on.right ?? '');
    } else if (v.on !== undefined) rd.src.fail([...p, 'on'], 'on 应为列名或 { left, right }');
    rd.column(roster, left, [...p, 'on']);
    rd.column(other, right, [...p, 'on']);
    const where = v.where === undefined ? undefined : parsePredicate(rd, other, v.where, [...p, 'where']);
    const show: string[] = [];
    if (v.show !== undefined) {
      if (!Array.isArray(v.show)) rd.src.fail([...p, 'show'], 'show 应为列名列表');
      else v.show.forEach((c, i) => rd.column(other, c, [...p, 'show', i]) && show.push(String(c)));
    }
    const count =
      v.count === undefined
        ? ({ op: 'ge', right: { kind: 'value', value: 1 } } as CountTest)
        : parseCount(rd, other, v.count, [...p, 'count']);
    if (count?.right.kind === 'column') rd.src.fail([...p, 'count'], 'related 的 count 只能与数字比较');
    if (!count || typeof v.roster !== 'string') return undefined;
    return { kind, roster: v.roster, left, right, where, show, count };
  }
  if (kind === 'duplicate') {
    rd.keys(v, ['key', 'across'], p);
    rd.column(roster, v.key, [...p, 'key']);
    rd.column(roster, v.across, [...p, 'across']);
    return { kind, key: String(v.key), across: String(v.across) };
  }
  rd.keys(v, ['by', 'count'], p);
  rd.column(roster, v.by, [...p, 'by']);
  const count = parseCount(rd, roster, v.count, [...p, 'count']);
  return count && { kind, by: String(v.by), count };
}

function parseRule(rd: Reader, v: unknown, path: Path, seen: Set<string>): Rule | undefined {
  if (!isObj(v)) {
    rd.src.fail(path, '规则应为映射');
    return undefined;
  }
  rd.keys(
    v,
    ['id', 'class', 'title', 'roster', 'unit', 'where', 'related', 'duplicate', 'group', 'reason'],
    path,
  );
  const id = rd.str(v.id, [...path, 'id'], '规则 id ');
  if (id !== undefined && !ID_PATTERN.test(id))
    rd.src.fail([...path, 'id'], `规则 id“${id}”只能用小写字母、数字、_ 和 -`);
  if (id !== undefined && seen.has(id)) rd.src.fail([...path, 'id'], `规则 id“${id}”重复`);
  if (id !== undefined) seen.add(id);
  if (!RULE_CLASSES.includes(v.class as RuleClass))
    rd.src.fail([...path, 'class'], `class 应为 ${RULE_CLASSES.join(' / ')}`);
  const roster = rd.roster(v.roster, [...path, 'roster']);
  const unit = (v.unit ?? 'person') as CountingUnit;
  if (!UNITS.includes(unit)) rd.src.fail([...path, 'unit'], `unit 应为 ${UNITS.join(' / ')}`);
  const needed = unit === 'household' ? 'household_id' : unit === 'person' ? 'id_number' : undefined;
  if (roster && needed && !roster.columns.some((c) => c.name === needed)) {
    rd.src.fail(
      [...path, 'unit'],
      `按${unit === 'household' ? '户' : '人'}计数需要名单“${roster.name}”有列 ${needed}`,
    );
  }
  const where = v.where === undefined ? undefined : parsePredicate(rd, roster, v.where, [...path, 'where']);
  const body = parseBody(rd, roster, v, path);
  const reason = rd.str(v.reason, [...path, 'reason'], 'reason（问题描述）');
  if (reason !== undefined) {
    for (const m of reason.matchAll(/\{([^{}]+)\}/g)) {
      const name = m[1] ?? '';
      const known = ['id_number', 'name', 'household_id', 'village', 'count', 'stated', 'across', 'id_error'];
      const shown = body?.kind === 'related' ? body.show : [];
      if (!known.includes(name) && !shown.includes(name) && !roster?.columns.some((c) => c.name === name)) {
        rd.src.fail([...path, 'reason'], `问题描述中的 {${name}} 不是可用的列`);
      }
    }
  }
  if (!id || !roster || !body || reason === undefined || typeof v.class !== 'string') return undefined;
  const title = typeof v.title === 'string' ? v.title : id;
  return { id, class: v.class as RuleClass, title, roster: roster.name, unit, where, body, reason };
}

/** Parses one rule file on top of `base` (e.g. a built-in pack). Throws RuleFileError. */
export function parseRuleFile(file: string, text: string, base?: RuleSet): RuleSet {
  const src = new RuleSource(file, text);
  if (src.problems.length > 0) throw new RuleFileError(src.problems);
  const rosters = new Map<string, RosterDecl>((base?.rosters ?? []).map((r) => [r.name, structuredClone(r)]));
  const rd = new Reader(src, rosters);
  const top = src.value;
  if (!isObj(top)) {
    src.fail([], '规则文件应为映射（version, context, rosters, rules）');
    throw new RuleFileError(src.problems);
  }
  rd.keys(top, ['version', 'context', 'rosters', 'rules'], []);
  if (top.version !== undefined && top.version !== 1) src.fail(['version'], '只支持 version: 1');
  parseRosters(rd, top.rosters, ['rosters']);
  let context = base?.context;
  if (top.context !== undefined) {
    if (rd.roster(top.context, ['context'])) context = String(top.context);
  }
  const rules: Rule[] = [...(base?.rules ?? [])];
  const seen = new Set(rules.map((r) => r.id));
  if (top.rules !== undefined && !Array.isArray(top.rules)) src.fail(['rules'], 'rules 应为规则列表');
  const list = Array.isArray(top.rules) ? top.rules : [];
  list.forEach((r, i) => {
    const rule = parseRule(rd, r, ['rules', i], seen);
    if (rule) rules.push(rule);
  });
  if (src.problems.length > 0) throw new RuleFileError(src.problems);
  return { context, rosters: [...rosters.values()], rules };
}
