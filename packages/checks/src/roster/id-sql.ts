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
  const i = `_i_${k}`;
  const c = `_c_${k}`;
  const v = `_v_${k}`;
  // The 17-digit body as a BIGINT: digits, birth date and checksum then come from integer
  // arithmetic, which DuckDB vectorises far better than 17 substrings per row.
  const digit = (pos: number) => `((${i} // ${10n ** BigInt(16 - pos)}) % 10)`;
  const sum = WEIGHTS.map((w, pos) => `${digit(pos)} * ${w}`).join(' + ');
  const y = `((${i} // 10000000) % 10000)`;
  const m = `((${i} // 100000) % 100)`;
  const d = `((${i} // 1000) % 100)`;
  const days =
    `CASE WHEN ${m} IN (1, 3, 5, 7, 8, 10, 12) THEN 31 WHEN ${m} IN (4, 6, 9, 11) THEN 30 ` +
    `WHEN (${y} % 4 = 0 AND ${y} % 100 <> 0) OR ${y} % 400 = 0 THEN 29 ELSE 28 END`;
  const todayNum = Number(today.replaceAll('-', ''));
  const r18 = `_r_${k}`;
  const norm = `upper(trim(translate(coalesce(${raw}, ''), ${param(FULL_WIDTH_FROM)}, ${param(FULL_WIDTH_TO)})))`;
  const fromNorm =
    `CASE WHEN regexp_full_match(${norm}, '[0-9]{17}[0-9X]') THEN CAST(substr(${norm}, 1, 17) AS BIGINT) ` +
    `WHEN regexp_full_match(${norm}, '[0-9]{15}') THEN CAST(substr(${norm}, 1, 6) || '19' || substr(${norm}, 7, 9) AS BIGINT) END`;
  const stages = [
    // One regular expression for the common case (already clean): such rows skip the
    // full-width translation and the second pattern; CASE runs the other branch only on the rest.
    `SELECT *, coalesce(regexp_full_match(${raw}, '[0-9]{17}[0-9X]'), false) AS ${r18} FROM {prev}`,
    `SELECT *, CASE WHEN ${r18} THEN ${raw} ELSE ${norm} END AS ${n}, ` +
      `CASE WHEN ${r18} THEN CAST(substr(${raw}, 1, 17) AS BIGINT) ELSE ${fromNorm} END AS ${i} FROM {prev}`,
    `SELECT *, substr('10X98765432', CAST((${sum}) % 11 AS INTEGER) + 1, 1) AS ${c}, ` +
      `CASE WHEN ${y} < 1900 OR ${m} < 1 OR ${m} > 12 OR ${d} < 1 OR ${d} > ${days} THEN 1 ` +
      `WHEN ${y} * 10000 + ${m} * 100 + ${d} > ${param(String(todayNum))}::INTEGER THEN 2 ELSE 0 END AS ${v} FROM {prev}`,
  ];
  const body = `lpad(CAST(${i} AS VARCHAR), 17, '0')`;
  const ymd = `substr(${body}, 7, 8)`;
  const [lenA, lenB] = around(ID_MESSAGES.length);
  const [dateA, dateB] = around(ID_MESSAGES.date);
  const [futA, futB] = around(ID_MESSAGES.future);
  const [chkA, chkB] = around(ID_MESSAGES.check);
  const error =
    `CASE WHEN ${n} = '' THEN ${param(ID_MESSAGES.empty)} ` +
    `WHEN length(${n}) NOT IN (15, 18) THEN ${param(lenA)} || CAST(length(${n}) AS VARCHAR) || ${param(lenB)} ` +
    `WHEN ${i} IS NULL THEN ${param(ID_MESSAGES.chars)} ` +
    `WHEN ${v} = 1 THEN ${param(dateA)} || ${ymd} || ${param(dateB)} ` +
    `WHEN ${v} = 2 THEN ${param(futA)} || ${ymd} || ${param(futB)} ` +
    `WHEN length(${n}) = 18 AND substr(${n}, 18, 1) <> ${c} THEN ${param(chkA)} || ${c} || ${param(chkB)} END`;
  const normalized = `CASE WHEN ${n} = '' THEN NULL WHEN length(${n}) = 15 AND ${i} IS NOT NULL THEN ${body} || ${c} ELSE ${n} END`;
  return { stages, normalized, error };
}
