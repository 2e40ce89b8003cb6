// Bad input, each reported clearly: encodings, missing ID column, empty files, broken
// rows, blank lines, xlsx with serial dates, and a file at Excel's row limit.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb, type DuckDbHandle } from '../src/engine/duckdb.ts';
import { loadPack } from '../src/packs/index.ts';
import { EXCEL_ROW_LIMIT, importRoster, RosterImportError } from '../src/roster/import.ts';
import { lineOfRow } from '../src/roster/provenance.ts';
import { suggestMapping } from '../src/roster/mapping.ts';
import { csvText, makeId, tempDir, writeCsv } from './helpers.ts';

const pack = loadPack('poverty');
const decl = (name: string) => pack.rosters.find((r) => r.name === name);
const ID1 = makeId('110105', '19800101', 1);
const ID2 = makeId('110105', '19810202', 2);

describe('roster import', () => {
  let h: DuckDbHandle;
  const t = tempDir();
  beforeAll(async () => {
    h = await openDuckDb(join(t.dir, 'data'));
  });
  afterAll(() => {
    h.conn.closeSync();
    h.instance.closeSync();
    t.cleanup();
  });
  const imp = (name: string, file: string, roster = name) => {
    const d = decl(roster);
    return importRoster(h.conn, {
      name,
      file,
      ...(d ? { roster: d } : {}),
      importedBy: '测试员',
      tmpDir: t.dir,
      today: '2024-06-30',
    });
  };
  const all = async (sql: string) => (await h.conn.runAndReadAll(sql)).getRowObjectsJS();

  it('suggests a mapping from Chinese headers', () => {
    const m = suggestMapping(
      [
        '户编号',
        '公民身份号码',
        '姓名',
        '所属村',
        '健康状况',
        '劳动技能',
        '务工收入（元）',
        '家庭人口数',
        '备注',
      ],
      decl('households'),
    );
    expect(m).toEqual({
      household_id: '户编号',
      id_number: '公民身份号码',
      name: '姓名',
      village: '所属村',
      health: '健康状况',
      labour: '劳动技能',
      work_income: '务工收入（元）',
      household_size: '家庭人口数',
    });
  });

  it('reads a GB18030 file with a rare name character, and records provenance', async () => {
    // 㛃 is outside GBK: decoding as gbk would garble it.
    const text = csvText(
      ['户编号', '证件号码', '姓名', '所属村'],
      [
        ['H1', ID1, '林㛃', '青石村'],
        ['H1', ID2, '林二', '青石村'],
      ],
    );
    const file = join(t.dir, 'gb.csv');
    writeFileSync(file, iconv.encode(text, 'gb18030'));
    const p = await imp('households', file);
    expect(p.encoding).toBe('gb18030');
    expect(p.rows).toBe(2);
    expect(p.rejected).toBe(0);
    expect(p.importedBy).toBe('测试员');
    expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await all('SELECT name, village FROM households ORDER BY rowid')).toEqual([
      { name: '林㛃', village: '青石村' },
      { name: '林二', village: '青石村' },
    ]);
  });

  it('handles a UTF-8 byte-order mark', async () => {
    const file = join(t.dir, 'bom.csv');
    writeFileSync(file, '\uFEFF' + csvText(['身份证号', '车牌号'], [[ID1, '晋A00001']]));
    const p = await imp('vehicles', file);
    expect(p.encoding).toBe('utf-8');
    expect(p.mapping).toEqual({ id_number: '身份证号', plate: '车牌号' });
    expect(await all('SELECT id_number, plate FROM vehicles')).toEqual([
      { id_number: ID1, plate: '晋A00001' },
    ]);
  });

  it('reads Windows line endings without keeping the carriage return', async () => {
    const file = join(t.dir, 'crlf.csv');
    writeFileSync(file, `身份证号,车牌号\r\n${ID1},晋A1\r\n${ID2},"晋A2"\r\n`);
    const p = await imp('vehicles', file);
    expect(p.rows).toBe(2);
    expect(await all('SELECT plate FROM vehicles ORDER BY rowid')).toEqual([
      { plate: '晋A1' },
      { plate: '晋A2' },
    ]);
  });

  it('refuses a file that mixes UTF-8 and GB18030 lines, naming the lines', async () => {
    const file = join(t.dir, 'mixed.csv');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(`身份证号,车牌号\n${ID1},晋A1\n`),
        iconv.encode(`${ID2},晋A2\n`, 'gb18030'),
      ]),
    );
    await expect(imp('vehicles', file)).rejects.toThrow(
      /混用了两种编码：第 1、2 行是 UTF-8，第 3 行是 GB18030/,
    );
  });

  it('finds GB18030 beyond the first megabyte, and refuses a late mix, keeping the previous table', async () => {
    const ascii = Array.from({ length: 30_000 }, (_, i) => `${ID1},AB${String(i).padStart(30, '0')}`).join(
      '\n',
    );
    const late = join(t.dir, 'late-gb.csv');
    writeFileSync(
      late,
      Buffer.concat([
        Buffer.from(`身份证号,车牌号\n${ascii}\n`.replace('身份证号,车牌号', 'id_number,plate')),
        iconv.encode(`${ID2},晋A㛃\n`, 'gb18030'),
      ]),
    );
    const p = await imp('vehicles', late);
    expect(p.encoding).toBe('gb18030');
    expect(p.rows).toBe(30_001);
    expect(await all(`SELECT plate FROM vehicles WHERE id_number = '${ID2}'`)).toEqual([{ plate: '晋A㛃' }]);
    const mixedLate = join(t.dir, 'late-mixed.csv');
    writeFileSync(
      mixedLate,
      Buffer.concat([
        Buffer.from(`身份证号,车牌号\n${ID1},晋A1\n${ascii}\n`),
        iconv.encode(`${ID2},晋A2\n`, 'gb18030'),
      ]),
    );
    await expect(imp('vehicles', mixedLate)).rejects.toThrow(/混用了两种编码/);
    expect((await all('SELECT count(*) AS n FROM vehicles'))[0]?.n).toBe(30_001n);
  });

  it('refuses a roster without an ID column, listing the headers it has', async () => {
    const file = writeCsv(t.dir, 'noid.csv', ['姓名', '车牌号'], [['张三', '晋A1']]);
    const err = await imp('vehicles', file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RosterImportError);
    expect((err as Error).message).toContain('缺少身份证号列');
    expect((err as Error).message).toContain('文件表头：姓名、车牌号');
  });

  it('refuses empty files and reports a header-only file', async () => {
    const empty = join(t.dir, 'empty.csv');
    writeFileSync(empty, '');
    await expect(imp('vehicles', empty)).rejects.toThrow(/文件为空/);
    const blank = join(t.dir, 'blank.csv');
    writeFileSync(blank, '\n\n');
    await expect(imp('vehicles', blank)).rejects.toThrow(/没有表头行/);
    const headerOnly = writeCsv(t.dir, 'header.csv', ['身份证号', '车牌号'], []);
    const p = await imp('vehicles', headerOnly);
    expect(p.rows).toBe(0);
    expect(p.warnings).toContain('只有表头，没有数据行');
  });

  it('rejects broken rows with their line and reason, skips blank lines aloud, and keeps row numbers true', async () => {
    const file = join(t.dir, 'broken.csv');
    writeFileSync(file, `身份证号,车牌号\n${ID1},晋A1\n\n${ID2}\n${ID1},晋A3,多余\n${ID2},晋A4\n`);
    const p = await imp('vehicles', file);
    expect(p.rows).toBe(2);
    expect(p.rejected).toBe(2);
    expect(p.rowsRead).toBe(4);
    expect(p.rejections).toEqual([
      { line: 4, reason: '列数不足：表头有 2 列，此行只有 1 列' },
      { line: 5, reason: '列数过多：表头有 2 列，此行有 3 列' },
    ]);
    expect(p.blankLines).toBe(1);
    expect(p.warnings.some((w) => w.includes('空行'))).toBe(true);
    const rows = await all('SELECT rowid AS o, plate FROM vehicles ORDER BY rowid');
    expect(rows.map((r) => [lineOfRow(p, Number(r.o)), r.plate])).toEqual([
      [2, '晋A1'],
      [6, '晋A4'],
    ]);
  });

  it('keeps invalid and duplicate IDs (they are findings), and counts them', async () => {
    const file = writeCsv(
      t.dir,
      'dup.csv',
      ['户编号', '身份证号', '姓名'],
      [
        ['H1', ID1, '甲'],
        ['H2', ID1, '甲'],
        ['H3', '123', '乙'],
        ['H4', makeId('110103', '19800101', 9), '丙'],
      ],
    );
    const p = await imp('households', file);
    expect(p.rows).toBe(4);
    expect(p.invalidIds).toBe(1);
    expect(p.duplicateIds).toBe(1);
    expect(p.unknownRegions).toBe(1);
  });

  it('marks numbers and dates it cannot read instead of dropping the row', async () => {
    const file = writeCsv(
      t.dir,
      'posts.csv',
      ['身份证号', '岗位', '合同截止日期'],
      [
        [ID1, '护林员', '2024/5/1'],
        [ID2, '保洁员', '2024年3月9日'],
        [ID2, '保洁员', '明年'],
      ],
    );
    const p = await imp('posts', file);
    expect(p.rows).toBe(3);
    expect(p.badValues).toBe(1);
    const rows = await all('SELECT CAST(contract_end AS VARCHAR) AS d, _notes FROM posts ORDER BY rowid');
    expect(rows).toEqual([
      { d: '2024-05-01', _notes: null },
      { d: '2024-03-09', _notes: null },
      { d: null, _notes: 'contract_end（合同截止日期）不是日期：明年' },
    ]);
  });

  it('streams an xlsx, converting serial dates and keeping long IDs as text', async () => {
    const file = join(t.dir, 'deaths.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['身份证号', '死亡日期']);
    ws.addRow([ID1, 45292]); // 45292 = 2024-01-01
    ws.addRow([]);
    ws.addRow([ID2, new Date(Date.UTC(2023, 11, 31))]);
    await wb.xlsx.writeFile(file);
    const p = await imp('deaths', file);
    expect(p.format).toBe('xlsx');
    expect(p.rows).toBe(2);
    const rows = await all(
      'SELECT rowid AS o, id_number, CAST(death_date AS VARCHAR) AS d FROM deaths ORDER BY rowid',
    );
    expect(rows.map((r) => [lineOfRow(p, Number(r.o)), r.id_number, r.d])).toEqual([
      [2, ID1, '2024-01-01'],
      [4, ID2, '2023-12-31'],
    ]);
  });

  it('keeps Chinese text whole across the stream chunks of a large xlsx, whatever the part order', async () => {
    // Thousands of distinct names: the shared strings and the sheet span many zip chunks, so a
    // character split between two chunks shows up as U+FFFD if decoding is done per chunk.
    const file = join(t.dir, 'households.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('家庭成员');
    ws.addRow(['户编号', '身份证号', '姓名', '与户主关系', '所属村', '健康状况']);
    const names: string[] = [];
    for (let i = 0; i < 6000; i++) {
      const name = `张${'建国秀英志强丽娟'.charAt(i % 8)}${i}号`;
      names.push(name);
      ws.addRow([
        `H${i}`,
        makeId('110105', '19800101', i % 900),
        name,
        '户主',
        `柳塘村第${i % 40}组`,
        '健康',
      ]);
    }
    await wb.xlsx.writeFile(file);
    const p = await imp('households', file);
    expect(p.rows).toBe(6000);
    const damaged = await all(
      `SELECT count(*)::INT AS n FROM households WHERE name LIKE '%\ufffd%' OR village LIKE '%\ufffd%'`,
    );
    expect(damaged).toEqual([{ n: 0 }]);
    const read = await all('SELECT name FROM households ORDER BY rowid');
    expect(read.map((r) => r.name)).toEqual(names);
  });

  it('imports a CSV at the Excel row limit completely and warns that it may be truncated', async () => {
    const file = join(t.dir, 'limit.csv');
    const lines = ['身份证号,随访日期'];
    for (let i = 1; i < EXCEL_ROW_LIMIT; i++) lines.push(`${ID1},2024-01-01`);
    writeFileSync(file, lines.join('\n') + '\n');
    const p = await imp('followups', file);
    expect(p.rows).toBe(EXCEL_ROW_LIMIT - 1);
    expect(p.rejected).toBe(0);
    expect(p.warnings.some((w) => w.includes('Excel 上限 1,048,576'))).toBe(true);
  });
});
