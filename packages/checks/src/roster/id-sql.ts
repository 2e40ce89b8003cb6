// The ID validation of id-number.ts as DuckDB SQL, so a roster of ten million rows is
// validated inside the engine in one vectorised pass. Messages come from ID_MESSAGES;
// test/id-sql.test.ts holds the two implementations to the same answers.
import { FULL_WIDTH_FROM, FULL_WIDTH_TO, ID_MESSAGES } from '../id-number.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const HOLE = '\u0000';

/** Message text around its variable part, e.g. ["出生日期无效：", ""]. */
function around(fn: (x: string) => string): [string, string] {
  const [a = '', b = ''] = fn(HOLE).split(HOLE);
  return [a, b];
}

export interface IdStages {
  /** CTE bodies to chain after the source, each `SELECT *, … FROM {prev}`. */
  stages: string[];
  normalized: string;
  error: string;
}

/**
 * `raw` is a column of the previous stage; `k` makes the helper columns unique when a
 * roster has several id columns; `param` turns a value into a placeholder.
 */
export function idStages(raw: string, k: number, today: string, param: (v: string) => string): IdStages {
  const n = `_n_${k}`;
  const b = `_b_${k}`;
  const c = `_c_${k}`;
  const d = `_d_${k}`;
  const sum = WEIGHTS.map((w, i) => `(ascii(substr(${b}, ${i + 1}, 1)) - 48) * ${w}`).join(' + ');
  const stages = [
    `SELECT *, upper(trim(translate(coalesce(${raw}, ''), ${param(FULL_WIDTH_FROM)}, ${param(FULL_WIDTH_TO)}))) AS ${n} FROM {prev}`,
    `SELECT *, CASE WHEN regexp_full_match(${n}, '[0-9]{17}[0-9X]') THEN substr(${n}, 1, 17) ` +
      `WHEN regexp_full_match(${n}, '[0-9]{15}') THEN substr(${n}, 1, 6) || '19' || substr(${n}, 7, 9) END AS ${b} FROM {prev}`,
    `SELECT *, substr('10X98765432', CAST((${sum}) % 11 AS INTEGER) + 1, 1) AS ${c}, ` +
      `try_strptime(substr(${b}, 7, 8), '%Y%m%d') AS ${d} FROM {prev}`,
  ];
  const [lenA, lenB] = around(ID_MESSAGES.length);
  const [dateA, dateB] = around(ID_MESSAGES.date);
  const [futA, futB] = around(ID_MESSAGES.future);
  const [chkA, chkB] = around(ID_MESSAGES.check);
  const error =
    `CASE WHEN ${n} = '' THEN ${param(ID_MESSAGES.empty)} ` +
    `WHEN length(${n}) NOT IN (15, 18) THEN ${param(lenA)} || CAST(length(${n}) AS VARCHAR) || ${param(lenB)} ` +
    `WHEN ${b} IS NULL THEN ${param(ID_MESSAGES.chars)} ` +
    `WHEN ${d} IS NULL OR year(${d}) < 1900 THEN ${param(dateA)} || substr(${b}, 7, 8) || ${param(dateB)} ` +
    `WHEN CAST(${d} AS DATE) > CAST(${param(today)} AS DATE) THEN ${param(futA)} || substr(${b}, 7, 8) || ${param(futB)} ` +
    `WHEN length(${n}) = 18 AND substr(${n}, 18, 1) <> ${c} THEN ${param(chkA)} || ${c} || ${param(chkB)} END`;
  const normalized = `CASE WHEN ${n} = '' THEN NULL WHEN length(${n}) = 15 AND ${b} IS NOT NULL THEN ${b} || ${c} ELSE ${n} END`;
  return { stages, normalized, error };
}
