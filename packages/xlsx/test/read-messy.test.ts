// Real-looking ledgers as people make them, built here with exceljs, read back to exact drafts.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readLedger } from '../src/index.ts';
import { buildWorkbook, csvGb18030, csvUtf8Bom, inlineCell, minimalXlsx, utcDate } from './builders.ts';

const at = (sheet: string, row: number, column: string) => ({ sheet, row, column });

describe('a township xlsx: title rows, two-row header, merged cells, varied names and dates', () => {
  const S = '台账';
  const rows = [
    ['清河县柳林镇2024年巡察反馈问题整改台账'],
    ['填报单位：柳林镇党委', null, null, null, null, null, null, null, null, '填报时间：2024年5月10日'],
    [
      '序号',
      '存在问题',
      '具体措施',
      '责任主体',
      null,
      null,
      null,
      '完成时限',
      '整改状态',
      '进展情况',
      '佐证材料',
      '备注',
    ],
    [null, null, null, '分管领导', '牵头单位', '配合单位', '具体责任人'],
    ['一、基层党组织建设方面'],
    [
      1,
      '1.村级组织生活不规范。抽查发现两个村党支部的会议记录由一人代写，内容雷同。',
      '一是重新修订村级组织生活制度',
      '赵立新',
      '柳林镇党建办',
      null,
      '周海燕',
      utcDate('2024-06-30'),
      '已完成',
      '制度已印发',
      '制度文件',
    ],
    [
      null,
      null,
      '二是每季度抽查一次会议记录',
      '赵立新',
      '柳林镇党建办、柳林镇纪委',
      '各村党支部',
      '周海燕',
      '长期坚持',
      '长期坚持',
      '已抽查2次',
      null,
      '每季度报送',
    ],
    [
      2,
      '2.发展党员程序把关不严',
      '对近三年发展党员档案逐一复查',
      '赵立新',
      '柳林镇党建办',
      null,
      '周海燕',
      '2024.6.30',
      '整改中',
    ],
    ['二、惠民政策落实方面'],
    [
      3,
      '3.低保动态调整不及时。个别已务工增收家庭仍在保，举一反三排查全镇。',
      '入户核实在保对象家庭收入',
      '孙德明',
      '柳林镇民政所、柳林镇财政所',
      null,
      '马秀英',
      '6月底',
      '已整改',
      '已核实212户，退出9户',
    ],
    [null, null, '对退出对象停发补助并公示', null, '柳林镇民政所', null, null, '立行立改', '已销号'],
    [null, null, '建立每季度比对机制', null, '柳林镇民政所', null, null, utcDate('2024-12-31'), '未启动'],
    ['注：本表由镇整改办汇总，每月5日前更新。'],
    ['填表人：周海燕', null, null, null, '审核人：赵立新'],
  ];
  const merges = ['A1:L1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:G3', 'H3:H4', 'I3:I4', 'J3:J4', 'K3:K4', 'L3:L4'];
  merges.push('A5:L5', 'A6:A7', 'B6:B7', 'A9:L9', 'A10:A12', 'B10:B12', 'A13:L13');

  it('reads the exact draft', async () => {
    const buffer = await buildWorkbook({ name: S, rows, merges, numFmt: { H: 'yyyy"年"m"月"d"日"' } });
    const result = await readLedger({ buffer, fileName: '柳林镇台账.xlsx' });
    expect(result.issues).toEqual([]);
    expect(result.warnings).toEqual([
      '工作表“台账”有1处整改时限未写年份，已按2024年（取自标题）推断',
      '工作表“台账”第13、14行是表尾说明或签字栏，已忽略',
    ]);
    const base = {
      leaderName: '赵立新',
      unitName: '柳林镇党建办',
      cooperatingUnitNames: [],
      personName: '周海燕',
      progress: null,
      evidenceNote: null,
      remark: null,
    };
    expect(result.ledger).toEqual({
      title: '清河县柳林镇2024年巡察反馈问题整改台账',
      categories: [
        {
          title: '一、基层党组织建设方面',
          problems: [
            {
              number: '1',
              title: '村级组织生活不规范',
              text: '抽查发现两个村党支部的会议记录由一人代写，内容雷同。',
              crossCheckAll: false,
              at: at(S, 6, 'B'),
              measures: [
                {
                  ...base,
                  text: '一是重新修订村级组织生活制度',
                  kind: 'deadline',
                  deadline: '2024-06-30',
                  status: 'closed',
                  progress: '制度已印发',
                  evidenceNote: '制度文件',
                  at: at(S, 6, 'C'),
                },
                {
                  ...base,
                  text: '二是每季度抽查一次会议记录',
                  kind: 'ongoing',
                  deadline: null,
                  status: 'in_progress',
                  cooperatingUnitNames: ['柳林镇纪委', '各村党支部'],
                  progress: '已抽查2次',
                  remark: '每季度报送',
                  at: at(S, 7, 'C'),
                },
              ],
            },
            {
              number: '2',
              title: '发展党员程序把关不严',
              text: '',
              crossCheckAll: false,
              at: at(S, 8, 'B'),
              measures: [
                {
                  ...base,
                  text: '对近三年发展党员档案逐一复查',
                  kind: 'deadline',
                  deadline: '2024-06-30',
                  status: 'in_progress',
                  at: at(S, 8, 'C'),
                },
              ],
            },
          ],
        },
        {
          title: '二、惠民政策落实方面',
          problems: [
            {
              number: '3',
              title: '低保动态调整不及时',
              text: '个别已务工增收家庭仍在保，举一反三排查全镇。',
              crossCheckAll: true,
              at: at(S, 10, 'B'),
              measures: [
                {
                  ...base,
                  text: '入户核实在保对象家庭收入',
                  kind: 'deadline',
                  deadline: '2024-06-30',
                  status: 'closed',
                  leaderName: '孙德明',
                  unitName: '柳林镇民政所',
                  cooperatingUnitNames: ['柳林镇财政所'],
                  personName: '马秀英',
                  progress: '已核实212户，退出9户',
                  at: at(S, 10, 'C'),
                },
                {
                  ...base,
                  text: '对退出对象停发补助并公示',
                  kind: 'immediate',
                  deadline: null,
                  status: 'closed',
                  leaderName: null,
                  unitName: '柳林镇民政所',
                  personName: null,
                  at: at(S, 11, 'C'),
                },
                {
                  ...base,
                  text: '建立每季度比对机制',
                  kind: 'deadline',
                  deadline: '2024-12-31',
                  status: 'not_started',
                  leaderName: null,
                  unitName: '柳林镇民政所',
                  personName: null,
                  at: at(S, 12, 'C'),
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it('reads the same from a file path, and options.year wins over the title', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'zg-xlsx-'));
    const path = join(dir, '柳林镇台账.xlsx');
    await writeFile(path, await buildWorkbook({ name: S, rows, merges }));
    const result = await readLedger({ path }, { year: 2025 });
    const dibao = result.ledger.categories[1]?.problems[0]?.measures[0];
    expect(dibao?.deadline).toBe('2025-06-30');
    expect(result.warnings[0]).toBe('工作表“台账”有1处整改时限未写年份，已按2025年（导入时指定）推断');
  });
});

describe('CSV', () => {
  it('reads a GB18030 CSV (with a name character GBK cannot encode) with a 类别 column', async () => {
    const buffer = csvGb18030([
      ['类别', '问题描述', '整改举措', '时限要求', '责任领导', '责任单位', '责任人', '完成情况', '整改进展'],
      [
        '资金项目管理方面',
        '工程质量保证金未按5%预留',
        '逐个项目核对合同，补扣保证金',
        '6月30日前',
        '钱国庆',
        '石桥乡财政所',
        '刘䶮',
        '正在整改',
        '已核对7个项目',
      ],
      [null, null, '对经办人员开展业务培训', '2023年4月底', '钱国庆', '石桥乡财政所', '刘䶮', '完成', null],
      [
        '作风建设方面',
        '值班值守不严格',
        '实行领导带班制度',
        '长期坚持',
        '郑文斌',
        '石桥乡党政办',
        '吴玉兰',
        '长期坚持',
        '',
      ],
    ]);
    // GBK has no 䶮: proof that the bytes really are GB18030.
    expect(buffer.includes(Buffer.from('䶮', 'utf8'))).toBe(false);
    const F = '石桥乡台账.csv';
    const result = await readLedger({ buffer, fileName: F }, { year: 2023 });
    expect(result.issues).toEqual([]);
    expect(result.warnings).toEqual([
      'CSV文件按GB18030（国标）编码读取',
      '工作表“石桥乡台账.csv”有1处整改时限未写年份，已按2023年（导入时指定）推断',
    ]);
    const m = {
      leaderName: '钱国庆',
      unitName: '石桥乡财政所',
      cooperatingUnitNames: [],
      personName: '刘䶮',
      evidenceNote: null,
      remark: null,
    };
    expect(result.ledger).toEqual({
      title: null,
      categories: [
        {
          title: '资金项目管理方面',
          problems: [
            {
              number: '1',
              title: '工程质量保证金未按5%预留',
              text: '',
              crossCheckAll: false,
              at: at(F, 2, 'B'),
              measures: [
                {
                  ...m,
                  text: '逐个项目核对合同，补扣保证金',
                  kind: 'deadline',
                  deadline: '2023-06-30',
                  status: 'in_progress',
                  progress: '已核对7个项目',
                  at: at(F, 2, 'C'),
                },
                {
                  ...m,
                  text: '对经办人员开展业务培训',
                  kind: 'deadline',
                  deadline: '2023-04-30',
                  status: 'closed',
                  progress: null,
                  at: at(F, 3, 'C'),
                },
              ],
            },
          ],
        },
        {
          title: '作风建设方面',
          problems: [
            {
              number: '2',
              title: '值班值守不严格',
              text: '',
              crossCheckAll: false,
              at: at(F, 4, 'B'),
              measures: [
                {
                  ...m,
                  text: '实行领导带班制度',
                  kind: 'ongoing',
                  deadline: null,
                  status: 'in_progress',
                  leaderName: '郑文斌',
                  unitName: '石桥乡党政办',
                  personName: '吴玉兰',
                  progress: null,
                  at: at(F, 4, 'C'),
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it('reads a UTF-8 BOM CSV with a title line, (一) category rows and quoted multi-line cells', async () => {
    const F = '南湾乡.csv';
    const buffer = csvUtf8Bom([
      ['清河县南湾乡2024年整改清单', null, null, null, null, null, null, null],
      ['序号', '反馈问题', '整改措施', '整改时限', '责任单位', '责任人', '完成情况', '备注'],
      ['（一）安全生产方面', null, null, null, null, null, null, null],
      [
        '1',
        '河道巡查记录不实\n巡查表存在补签、代签。',
        '一是逐月核对巡查轨迹，"补签"一律作废',
        '2024/9/30',
        '南湾乡水利站、南湾乡应急办',
        '胡德明',
        '已完成',
        '含河长制台账, 共3册',
      ],
      [
        null,
        null,
        '二是开展专项检查，发现问题立行立改',
        '立行立改',
        '南湾乡应急办',
        '胡德明',
        '已完成',
        null,
      ],
    ]);
    const result = await readLedger({ buffer, fileName: F });
    expect(result.issues).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.ledger).toEqual({
      title: '清河县南湾乡2024年整改清单',
      categories: [
        {
          title: '（一）安全生产方面',
          problems: [
            {
              number: '1',
              title: '河道巡查记录不实',
              text: '巡查表存在补签、代签。',
              crossCheckAll: false,
              at: at(F, 4, 'B'),
              measures: [
                {
                  text: '一是逐月核对巡查轨迹，"补签"一律作废',
                  kind: 'deadline',
                  deadline: '2024-09-30',
                  status: 'closed',
                  leaderName: null,
                  unitName: '南湾乡水利站',
                  cooperatingUnitNames: ['南湾乡应急办'],
                  personName: '胡德明',
                  progress: null,
                  evidenceNote: null,
                  remark: '含河长制台账, 共3册',
                  at: at(F, 4, 'C'),
                },
                {
                  text: '二是开展专项检查，发现问题立行立改',
                  kind: 'immediate',
                  deadline: null,
                  status: 'closed',
                  leaderName: null,
                  unitName: '南湾乡应急办',
                  cooperatingUnitNames: [],
                  personName: '胡德明',
                  progress: null,
                  evidenceNote: null,
                  remark: null,
                  at: at(F, 5, 'C'),
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it('reads UTF-16 tab-separated text (Excel “Unicode 文本”)', async () => {
    const text =
      '问题\t整改措施\t整改时限\t责任单位\r\n路灯损坏未修\t一周内修复\t2024年7月15日\t青山乡城建办\r\n';
    const buffer = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const result = await readLedger({ buffer, fileName: 'unicode.txt' });
    expect(result.issues).toEqual([]);
    const p = result.ledger.categories[0]?.problems[0];
    expect([p?.title, p?.measures[0]?.text, p?.measures[0]?.deadline, p?.measures[0]?.unitName]).toEqual([
      '路灯损坏未修',
      '一周内修复',
      '2024-07-15',
      '青山乡城建办',
    ]);
  });

  it('reads UTF-8 without BOM the same', async () => {
    const withBom = csvUtf8Bom([
      ['问题', '整改措施', '整改时限', '责任单位'],
      ['公示栏信息陈旧', '每月更新公示内容', '2024-07-31', '东坪镇党政办'],
    ]);
    const a = await readLedger({ buffer: withBom, fileName: 'a.csv' });
    const b = await readLedger({ buffer: withBom.subarray(3), fileName: 'a.csv' });
    expect(b).toEqual(a);
    expect(a.ledger.categories[0]?.problems[0]?.measures[0]?.deadline).toBe('2024-07-31');
  });
});

describe('hand-filled variants', () => {
  it('repeated problem text, a merged 问题类别 column and a 是否举一反三 column', async () => {
    const S = 'Sheet1';
    const buffer = await buildWorkbook({
      name: S,
      rows: [
        [
          '问题类别',
          '序号',
          '问题',
          '整改措施',
          '整改时限',
          '责任单位',
          '责任人',
          '完成情况',
          '是否举一反三',
        ],
        [
          '基层治理方面',
          1,
          '村务公开不及时',
          '每月10日前更新公开栏',
          utcDate('2024-03-31'),
          '白杨镇党政办',
          '黄丽华',
          '已完成',
          '否',
        ],
        [
          null,
          1,
          '村务公开不及时',
          '建立公开事项清单',
          '2024年4月30日',
          '白杨镇党政办',
          '黄丽华',
          '已完成',
          null,
        ],
        [
          null,
          2,
          '集体资产底数不清',
          '开展清产核资',
          '2024-05-31',
          '白杨镇农业服务中心',
          '郭建国',
          '推进中',
          '是',
        ],
      ],
      merges: ['A2:A4'],
    });
    const result = await readLedger({ buffer, fileName: 'x.xlsx' });
    expect(result.issues).toEqual([]);
    expect(result.ledger.title).toBeNull();
    const [cat] = result.ledger.categories;
    expect(result.ledger.categories).toHaveLength(1);
    expect(cat?.title).toBe('基层治理方面');
    expect(
      cat?.problems.map((p) => ({
        number: p.number,
        title: p.title,
        crossCheckAll: p.crossCheckAll,
        measures: p.measures.map((m) => [m.text, m.deadline, m.status]),
      })),
    ).toEqual([
      {
        number: '1',
        title: '村务公开不及时',
        crossCheckAll: false,
        measures: [
          ['每月10日前更新公开栏', '2024-03-31', 'closed'],
          ['建立公开事项清单', '2024-04-30', 'closed'],
        ],
      },
      {
        number: '2',
        title: '集体资产底数不清',
        crossCheckAll: true,
        measures: [['开展清产核资', '2024-05-31', 'in_progress']],
      },
    ]);
  });

  it('a category row with 一 in the 序号 column and the heading merged across the rest', async () => {
    const buffer = await buildWorkbook({
      rows: [
        ['序号', '问题', '整改措施', '责任单位'],
        ['一', '环境整治方面'],
        [1, '河道垃圾清理不及时', '实行河长包段', '白杨镇水利站'],
        ['（二）', '安全生产方面'],
        [2, '消防通道堵塞', '立即清理', '白杨镇应急办'],
      ],
      merges: ['B2:D2', 'B4:D4'],
    });
    const result = await readLedger({ buffer, fileName: 'h.xlsx' });
    expect(result.issues).toEqual([]);
    expect(result.ledger.categories.map((c) => [c.title, c.problems.map((p) => p.title)])).toEqual([
      ['一、环境整治方面', ['河道垃圾清理不及时']],
      ['（二）安全生产方面', ['消防通道堵塞']],
    ]);
  });

  it('reads a workbook whose workbook.xml comes last, after shared strings and the sheet', async () => {
    // exceljs's own writer can store the parts in this order; its streaming reader then parses the
    // sheet before it knows the sheet's name, and used to fail with "文件已损坏".
    const strings = ['问题', '整改措施', '责任单位', '河道垃圾清理不及时', '每周巡河两次', '东坪镇水利站'];
    const cell = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
    const buffer = minimalXlsx(
      `<row r="1">${cell('A1', 0)}${cell('B1', 1)}${cell('C1', 2)}</row>` +
        `<row r="2">${cell('A2', 3)}${cell('B2', 4)}${cell('C2', 5)}</row>`,
      '二季度台账',
      strings,
      'workbook-last',
    );
    const result = await readLedger({ buffer, fileName: 'exceljs.xlsx' });
    expect(result.issues).toEqual([]);
    const measure = result.ledger.categories[0]?.problems[0]?.measures[0];
    expect([measure?.text, measure?.unitName, measure?.at]).toEqual([
      '每周巡河两次',
      '东坪镇水利站',
      at('二季度台账', 2, 'B'),
    ]);
  });

  it('reads a bare .xlsx as other tools write it (inline strings, no styles, no shared strings)', async () => {
    const row = (n: number, ...cells: string[]) =>
      `<row r="${n}">${cells.map((t, i) => inlineCell(`${String.fromCharCode(65 + i)}${n}`, t)).join('')}</row>`;
    const buffer = minimalXlsx(
      row(1, '问题', '整改措施', '整改时限', '责任单位') +
        row(2, '路灯损坏未修', '一周内修复', '2024年7月15日', '东坪镇城建办') +
        '<row r="3"><c r="B3" t="inlineStr"><is><t>建立巡查制度</t></is></c><c r="C3"><v>45504</v></c></row>',
    );
    const result = await readLedger({ buffer, fileName: 'wps.xlsx' });
    expect(result.issues).toEqual([]);
    const p = result.ledger.categories[0]?.problems[0];
    expect(p?.measures.map((m) => [m.text, m.deadline, m.at])).toEqual([
      ['一周内修复', '2024-07-15', at('台账', 2, 'B')],
      ['建立巡查制度', '2024-07-31', at('台账', 3, 'B')],
    ]);
  });

  it('says which columns it did not import', async () => {
    const buffer = await buildWorkbook({
      rows: [
        ['问题', '整改措施', '责任单位', '牵头单位', '联系电话'],
        ['垃圾清运不及时', '增加清运车次', '南湾乡城建办', '南湾乡党政办', '0000-0000000'],
      ],
    });
    const result = await readLedger({ buffer, fileName: 'cols.xlsx' });
    expect(result.warnings).toEqual([
      '工作表“Sheet1”中这些列不是台账的列，未导入：E列“联系电话”',
      '工作表“Sheet1”的D列“牵头单位”与前面的列含义相同，未导入',
    ]);
    expect(result.ledger.categories[0]?.problems[0]?.measures[0]?.unitName).toBe('南湾乡城建办');
  });

  it('takes the first sheet that has a ledger, or the one asked for', async () => {
    const buffer = await buildWorkbook(
      { name: '填表说明', rows: [['请按要求填写本表'], ['时限请填写具体日期']] },
      {
        name: '一季度',
        rows: [
          ['问题', '整改措施', '责任单位'],
          ['道路保洁不到位', '增加保洁频次', '青山乡城建办'],
        ],
      },
      {
        name: '二季度',
        rows: [
          ['问题', '整改措施', '责任单位'],
          ['路灯损坏未修', '一周内修复', '青山乡城建办'],
        ],
      },
    );
    const first = await readLedger({ buffer, fileName: 'q.xlsx' });
    expect(first.ledger.categories[0]?.problems[0]?.title).toBe('道路保洁不到位');
    expect(first.ledger.categories[0]?.title).toBe('未分类');
    expect(first.warnings).toEqual(['只导入了第一张台账工作表，其后的工作表未读取：二季度']);
    const second = await readLedger({ buffer, fileName: 'q.xlsx' }, { sheet: '二季度' });
    expect(second.ledger.categories[0]?.problems[0]?.title).toBe('路灯损坏未修');
    expect(second.ledger.categories[0]?.problems[0]?.measures[0]?.at).toEqual(at('二季度', 2, 'B'));
  });

  it('uses the result of formula cells and keeps rich text', async () => {
    const buffer = await buildWorkbook({
      rows: [
        ['问题', '整改措施', '责任单位', '整改时限'],
        [
          '公厕管护不到位',
          { richText: [{ text: '落实' }, { font: { bold: true }, text: '专人' }, { text: '管护' }] } as never,
          { formula: '"东坪镇"&"城建办"', result: '东坪镇城建办' },
          { formula: 'DATE(2024,8,31)', result: utcDate('2024-08-31') },
        ],
      ],
    });
    const result = await readLedger({ buffer, fileName: 'f.xlsx' });
    expect(result.issues).toEqual([]);
    const m = result.ledger.categories[0]?.problems[0]?.measures[0];
    expect([m?.text, m?.unitName, m?.deadline]).toEqual(['落实专人管护', '东坪镇城建办', '2024-08-31']);
  });
});

describe('date systems', () => {
  it('reads serial dates of a 1904-based workbook (old Mac Excel)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('台账');
    ws.addRow(['问题', '整改措施', '整改时限']);
    ws.addRow(['卫生死角清理不彻底', '每周集中清理一次', utcDate('2024-06-30')]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const result = await readLedger({ buffer, fileName: 'mac.xlsx' });
    expect(result.ledger.categories[0]?.problems[0]?.measures[0]?.deadline).toBe('2024-06-30');
  });
});

describe('streaming chunk boundaries', () => {
  it('never splits a Chinese character, in shared strings (as Excel writes) or inline', async () => {
    const rows: string[][] = [['问题', '整改措施', '责任单位']];
    for (let i = 0; i < 3000; i++) {
      rows.push([
        `第${i}号问题：村级财务公开栏更新不及时，群众意见较大`,
        `按月更新公开内容并拍照留存${i}`,
        '柳林镇财政所',
      ]);
    }
    // exceljs's ordinary writer uses the shared-strings table, like Excel does.
    const result = await readLedger({ buffer: await buildWorkbook({ rows }), fileName: 'big.xlsx' });
    const texts = result.ledger.categories.flatMap((c) =>
      c.problems.flatMap((p) => [p.title, ...p.measures.map((m) => m.text)]),
    );
    expect(texts).toHaveLength(6000);
    expect(texts.filter((t) => t.includes('\ufffd'))).toEqual([]);
    expect(texts[5999]).toBe('按月更新公开内容并拍照留存2999');
  });

  it('also when exceljs parses the sheet straight from the zip (shared strings stored first)', async () => {
    const strings = ['问题', '整改措施', '责任单位'];
    let sheet =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>';
    for (let i = 0; i < 3000; i++) {
      const r = i + 2;
      strings.push(`第${i}号：集体经济合同管理不规范，租金收缴不及时`);
      sheet += `<row r="${r}"><c r="A${r}" t="s"><v>${strings.length - 1}</v></c>`;
      sheet += `${inlineCell(`B${r}`, `逐份清理合同并追缴欠款${i}`)}${inlineCell(`C${r}`, '南湾乡农经站')}</row>`;
    }
    // From a path: the file stream's 64 KiB chunks cut the stored entries at arbitrary bytes.
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const path = join(await mkdtemp(join(tmpdir(), 'zg-xlsx-')), 'excel.xlsx');
    await writeFile(path, minimalXlsx(sheet, '台账', strings));
    const result = await readLedger({ path });
    const problems = result.ledger.categories.flatMap((c) => c.problems);
    expect(problems).toHaveLength(3000);
    const bad = problems.filter((p) => `${p.title}${p.measures[0]?.text}`.includes('\ufffd'));
    expect(bad).toEqual([]);
    expect(problems[2999]?.title).toBe('第2999号：集体经济合同管理不规范，租金收缴不及时');
    expect(problems[2999]?.measures[0]?.text).toBe('逐份清理合同并追缴欠款2999');
  });
});
