// Files that cannot be opened throw a coded LedgerFileError with a Chinese message; bad cells in a
// readable file become exact CellIssues and never throw.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LedgerFileError, readLedger, type LedgerFileErrorCode } from '../src/index.ts';
import { buildWorkbook, csvUtf8Bom, inlineCell, minimalXlsx, storedZip, utcDate } from './builders.ts';

async function expectCode(
  promise: Promise<unknown>,
  code: LedgerFileErrorCode,
  message: RegExp,
): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LedgerFileError);
  expect((error as LedgerFileError).code).toBe(code);
  expect((error as LedgerFileError).message).toMatch(message);
}

const small = () =>
  buildWorkbook({
    rows: [
      ['问题', '整改措施', '责任单位'],
      ['道路保洁不到位', '增加保洁频次', '青山乡城建办'],
    ],
  });

describe('files that cannot be opened', () => {
  it('empty file and a CSV with nothing but a BOM and blanks', async () => {
    await expectCode(readLedger({ buffer: Buffer.alloc(0), fileName: 'a.xlsx' }), 'EMPTY_FILE', /空的/);
    await expectCode(
      readLedger({ buffer: Buffer.from('\ufeff\r\n , ,\r\n', 'utf8'), fileName: 'a.csv' }),
      'EMPTY_FILE',
      /没有任何内容/,
    );
  });

  it('truncated xlsx', async () => {
    const good = await small();
    await expectCode(
      readLedger({ buffer: good.subarray(0, Math.floor(good.length / 2)), fileName: 'a.xlsx' }),
      'TRUNCATED_XLSX',
      /不完整/,
    );
  });

  it('corrupt xlsx (damaged bytes inside the zip)', async () => {
    const bad = Buffer.from(await small());
    for (let i = 200; i < bad.length - 400; i += 7) bad[i] = (bad[i] ?? 0) ^ 0x5a;
    await expectCode(readLedger({ buffer: bad, fileName: 'a.xlsx' }), 'CORRUPT_XLSX', /已损坏/);
    const zeroed = Buffer.from(await small());
    zeroed.fill(0, 100, zeroed.length - 300);
    await expectCode(readLedger({ buffer: zeroed, fileName: 'a.xlsx' }), 'CORRUPT_XLSX', /已损坏/);
  });

  it('a zip whose sheet XML is broken is corrupt; a zip without sheets is not a workbook', async () => {
    const broken = minimalXlsx(
      `<row r="1">${inlineCell('A1', '问题')}</row><row r="2"><c r="A2" t="inlineStr"><is><t>断`,
    );
    await expectCode(readLedger({ buffer: broken, fileName: 'a.xlsx' }), 'CORRUPT_XLSX', /已损坏/);
    const docx = storedZip({ 'word/document.xml': '<w:document/>' });
    await expectCode(readLedger({ buffer: docx, fileName: '方案.xlsx' }), 'NOT_A_WORKBOOK', /没有工作表/);
  });

  it('a damaged deflate stream in the shared strings or the sheet is corrupt, not a hang', async () => {
    const rows: string[][] = [['问题', '整改措施', '责任单位']];
    for (let i = 0; i < 3000; i++) rows.push([`问题${i}：路面破损`, `措施${i}：限期修复`, `第${i % 50}村`]);
    const whole = await buildWorkbook({ rows });
    for (const part of ['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']) {
      const damaged = Buffer.from(whole);
      const at = damaged.indexOf(Buffer.from(part)) + part.length;
      for (let i = at + 60; i < at + 400; i++) damaged[i] = (damaged[i]! * 7 + 13) & 0xff;
      await expectCode(readLedger({ buffer: damaged, fileName: 'a.xlsx' }), 'CORRUPT_XLSX', /已损坏/);
    }
  });

  it('an empty zip is not a workbook', async () => {
    const emptyZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]);
    await expectCode(
      readLedger({ buffer: emptyZip, fileName: 'a.xlsx' }),
      'NOT_A_WORKBOOK',
      /不是Excel工作簿/,
    );
  });

  it('an old .xls and a password-protected workbook (both OLE, D0 CF 11 E0)', async () => {
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
    await expectCode(
      readLedger({ buffer: Buffer.concat([ole, Buffer.from('Workbook', 'utf16le')]), fileName: 'a.xls' }),
      'LEGACY_XLS',
      /另存为/,
    );
    await expectCode(
      readLedger({
        buffer: Buffer.concat([ole, Buffer.from('EncryptionInfo', 'utf16le')]),
        fileName: 'a.xlsx',
      }),
      'ENCRYPTED_FILE',
      /密码/,
    );
  });

  it('binary that is neither xlsx nor CSV', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    await expectCode(
      readLedger({ buffer: png, fileName: 'photo.xlsx' }),
      'UNSUPPORTED_FORMAT',
      /无法识别的文件格式/,
    );
  });

  it('no recognisable header row', async () => {
    const buffer = await buildWorkbook({
      rows: [
        ['姓名', '身份证号', '住址'],
        ['王某', '000000000000000000', '清河县'],
      ],
    });
    await expectCode(
      readLedger({ buffer, fileName: '花名册.xlsx' }),
      'NO_HEADER_ROW',
      /花名册\.xlsx.*找不到台账表头/,
    );
    await expectCode(
      readLedger({ buffer: Buffer.from('随便写的一段话\n没有表格', 'utf8'), fileName: 'note.csv' }),
      'NO_HEADER_ROW',
      /找不到台账表头/,
    );
  });

  it('missing sheet and missing file', async () => {
    await expectCode(
      readLedger({ buffer: await small(), fileName: 'a.xlsx' }, { sheet: '二季度' }),
      'SHEET_NOT_FOUND',
      /找不到工作表“二季度”，文件中的工作表有：Sheet1/,
    );
    const dir = await mkdtemp(join(tmpdir(), 'zg-xlsx-'));
    await expectCode(readLedger({ path: join(dir, 'nope.xlsx') }), 'FILE_NOT_FOUND', /找不到文件/);
  });

  it('reads the same bad file from a path with the same error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zg-xlsx-'));
    const good = await small();
    const path = join(dir, 'cut.xlsx');
    await writeFile(path, good.subarray(0, 3000));
    await expectCode(readLedger({ path }), 'TRUNCATED_XLSX', /不完整/);
  });
});

describe('bad cells become exact CellIssues', () => {
  const S = '问题清单';
  const header = ['序号', '问题', '整改措施', '整改时限', '责任单位', '责任人', '完成情况'];

  it('wrong types, impossible dates, orphan measures, unknown words', async () => {
    const buffer = await buildWorkbook({
      name: S,
      rows: [
        ['清河县东坪镇2024年整改台账'],
        header,
        [
          1,
          '会议纪要不规范。纪要缺少参会人员签字。',
          '补齐近一年会议纪要签字',
          true,
          '东坪镇党政办',
          '徐海燕',
          1,
        ],
        [null, null, '规范纪要模板', 42, { error: '#REF!' } as never, '徐海燕', '已完成'],
        [2, 12345, '核对数据', '2024-06-30', '东坪镇统计站', '孙志强', '已完成'],
        [null, null, '重新上报数据', '2024-06-30', '东坪镇统计站', '孙志强', '整改中'],
        [3, '项目验收资料缺失', '补齐验收资料', '2024-02-30', '东坪镇城建办', '朱德明', '差不多了'],
        [4, '档案管理混乱', null, '2024-06-30', '东坪镇党政办', null, null],
        [5, '宣传栏内容陈旧', '更新宣传栏', '尽快', '东坪镇宣传办', '陈玉兰', '未完成'],
        [6, '食堂采购无台账', '建立采购台账', '2023年2月29日', '东坪镇党政办', '陈玉兰', '已完成'],
        [7, '公章使用登记不全', '规范用印登记', utcDate('2024-06-30'), true, '陈玉兰', '已完成'],
      ],
      merges: ['A1:G1'],
    });
    const result = await readLedger({ buffer, fileName: 'bad.xlsx' });
    const issue = (row: number, column: string, header: string, value: string | null, reason: string) => ({
      sheet: S,
      row,
      column,
      header,
      value,
      reason,
    });
    expect(result.issues).toEqual([
      issue(3, 'D', '整改时限', 'TRUE', '整改时限是逻辑值（TRUE/FALSE），不是日期'),
      issue(3, 'G', '完成情况', '1', '完成情况应为文字（如“已完成”“整改中”“未启动”）'),
      issue(4, 'D', '整改时限', '42', '整改时限是一个数字，不是日期'),
      issue(4, 'E', '责任单位', '#REF!', '责任单位单元格是公式错误 #REF!'),
      issue(5, 'B', '问题', '12345', '问题应为文字描述，却是数字、日期或逻辑值'),
      issue(6, 'B', '问题', null, '这一行有整改措施，但找不到所属的问题（问题单元格为空，上方也没有问题）'),
      issue(7, 'D', '整改时限', '2024-02-30', '日期不存在：2024-02-30'),
      issue(
        7,
        'G',
        '完成情况',
        '差不多了',
        '无法识别的完成情况“差不多了”，应为：已完成、整改中、长期坚持、未启动、待审核等',
      ),
      issue(8, 'C', '整改措施', null, '这一行填写了责任单位、时限等，但整改措施为空'),
      issue(
        9,
        'D',
        '整改时限',
        '尽快',
        '无法识别的整改时限，请写日期（如2024年6月30日）、“长期坚持”或“立行立改”',
      ),
      issue(10, 'D', '整改时限', '2023年2月29日', '日期不存在：2023年2月29日'),
      issue(11, 'E', '责任单位', 'TRUE', '责任单位应为文字，却是逻辑值（TRUE/FALSE）'),
    ]);
    // The reader never drops the good parts: problems 1, 3–7 are there.
    const problems = result.ledger.categories.flatMap((c) => c.problems.map((p) => p.number));
    expect(problems).toEqual(['1', '3', '4', '5', '6', '7']);
  });

  it('keeps SQL-looking and markup strings verbatim as text', async () => {
    const sql = "'; DROP TABLE measures; --";
    // Unit cells are split on 、，,；; (that is how people list units), so these two avoid them.
    const del = "Robert') DELETE FROM units WHERE '1'='1";
    const or = "1' OR '1'='1";
    const markup = '<script>alert("x")</script> =1+1';
    const buffer = await buildWorkbook({
      rows: [header, [1, sql, markup, '2024-06-30', `${del}、${or}`, sql, '已完成']],
    });
    const result = await readLedger({ buffer, fileName: 'sql.xlsx' });
    expect(result.issues).toEqual([]);
    const p = result.ledger.categories[0]?.problems[0];
    expect(p?.title).toBe(sql);
    expect(p?.measures[0]).toMatchObject({
      text: markup,
      unitName: del,
      cooperatingUnitNames: [or],
      personName: sql,
    });
    const csv = await readLedger({
      buffer: csvUtf8Bom([
        ['问题', '整改措施', '责任单位'],
        [sql, markup, del],
      ]),
      fileName: 'sql.csv',
    });
    expect(csv.ledger.categories[0]?.problems[0]?.title).toBe(sql);
    expect(csv.ledger.categories[0]?.problems[0]?.measures[0]?.text).toBe(markup);
  });

  it('a 6月底 with no year anywhere is an issue, not a guess', async () => {
    const buffer = csvUtf8Bom([
      ['问题', '整改措施', '整改时限'],
      ['门前三包落实不到位', '签订责任书', '6月底'],
    ]);
    const result = await readLedger({ buffer, fileName: '无年份.csv' });
    expect(result.issues).toEqual([
      {
        sheet: '无年份.csv',
        row: 2,
        column: 'C',
        header: '整改时限',
        value: '6月底',
        reason: '“6月底”没有写年份，标题中也找不到年份，请写成完整日期',
      },
    ]);
  });
});

describe('never throws on content', () => {
  it('a sheet of random junk under a valid header yields a draft and well-formed issues', async () => {
    let seed = 12345;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const junk: unknown[] = [
      null,
      '',
      '   ',
      0,
      -1,
      3.14159,
      1e300,
      true,
      false,
      utcDate('1900-01-01'),
      utcDate('2024-02-29'),
      '2024-02-30',
      '十三月底',
      '=SUM(A1:A9)',
      '一、',
      '（一）',
      '注：',
      '长期坚持',
      '立行立改',
      '已完成',
      '😀🚧',
      'x'.repeat(5000),
      '\u0007\u0001控制字符',
      '第1.5条',
      '镇财政所、、，,;',
      { error: '#N/A' },
      { formula: '1+1', result: 2 },
    ];
    const rows: unknown[][] = [['序号', '问题', '整改措施', '整改时限', '责任单位', '完成情况', '备注']];
    for (let r = 0; r < 300; r++)
      rows.push(Array.from({ length: 7 }, () => junk[Math.floor(rand() * junk.length)]));
    const buffer = await buildWorkbook({ name: '乱', rows: rows as never });
    const result = await readLedger({ buffer, fileName: 'junk.xlsx' });
    expect(result.issues.length).toBeGreaterThan(0);
    for (const i of result.issues) {
      expect(i.sheet).toBe('乱');
      expect(i.row).toBeGreaterThanOrEqual(2);
      expect(i.row).toBeLessThanOrEqual(301);
      expect(i.column).toMatch(/^[A-G]$/);
      expect(i.reason).toMatch(/[\u4e00-\u9fff]/);
    }
    const csv = csvUtf8Bom(
      rows.map((r) => r.map((v) => (typeof v === 'string' ? v : v === null ? null : JSON.stringify(v)))),
    );
    await expect(readLedger({ buffer: csv, fileName: 'junk.csv' })).resolves.toBeDefined();
  });
});
