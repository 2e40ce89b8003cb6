import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile, parseText, type ParsedDocument } from '../src/index.ts';

const fixture = (name: string): string => join(import.meta.dirname, 'fixtures', name);
const outline = (doc: ParsedDocument): [string, string[]][] =>
  doc.categories.map((c) => [
    c.title,
    c.problems.map((p) => `${p.number} ${p.title} [${p.measures.length}]`),
  ]);

describe('fixtures in shapes the seeds do not have', () => {
  it('reads a ledger pasted as a tab-separated table', async () => {
    const doc = await parseFile(fixture('ledger-table.txt'));
    expect(doc).toEqual({
      title: '青石县水务局巡察反馈问题整改台账',
      kind: 'xuncha',
      inspector: '县委第二巡察组',
      inspectedUnit: '青石县水务局党组',
      inspectionPeriod: { start: '2024-04-08', end: '2024-05-30' },
      feedbackDate: '2024-07-02',
      categories: [
        {
          title: '落实主体责任方面',
          problems: [
            {
              number: '1',
              title: '党组会议研究水利工作次数偏少',
              text: '党组会议研究水利工作次数偏少。全年仅研究两次。',
              measures: [{ text: '每季度至少召开一次专题党组会' }, { text: '建立党组会议题清单' }],
            },
            {
              number: '2',
              title: '对下属单位监管松散',
              text: '对下属单位监管松散。',
              measures: [{ text: '制定下属单位年度考核办法' }],
            },
          ],
        },
        {
          title: '资金管理方面',
          problems: [
            {
              number: '3',
              title: '工程结算审核把关不严，存在超付现象',
              text: '工程结算审核把关不严，存在超付现象。',
              measures: [
                { text: '追回超付款项' },
                { text: '聘请第三方复核结算' },
                { text: '建立工程结算台账' },
              ],
            },
            {
              number: '4',
              title: '专项资金拨付进度偏慢',
              text: '专项资金拨付进度偏慢。',
              measures: [{ text: '倒排拨付计划' }, { text: '每月通报拨付进度' }],
            },
          ],
        },
      ],
      contact: { phone: '0771-5550123', email: null },
      statedTotals: {},
      warnings: [],
    });
  });

  it('reads （1） measures, Chinese-numeral dates and skips the closing plan list', async () => {
    const doc = await parseFile(fixture('measures-paren.txt'));
    expect(doc.title).toBe('中共云岭乡委员会关于巡察整改进展情况的通报');
    expect(doc.inspectionPeriod).toEqual({ start: '2023-09-04', end: '2023-10-20' });
    // "十二月五日" has no year: it follows the inspection, so 2023.
    expect(doc.feedbackDate).toBe('2023-12-05');
    expect(outline(doc)).toEqual([
      ['党的建设方面', ['1 “三会一课”制度执行不规范 [3]', '2 发展党员程序把关不严 [2]']],
      ['财务管理方面', ['3 村级报账凭证不完整 [2]', '4 公务接待超标准 [2]']],
      ['作风建设方面', ['5 为民服务窗口工作人员脱岗 [2]']],
    ]);
    expect(doc.categories[0]?.problems[0]?.measures).toEqual([
      { text: '对全乡12个村支部组织生活记录逐一检查，缺漏的限期补齐' },
      { text: '乡党委每季度抽查一次支部活动台账' },
      { text: '将组织生活开展情况纳入年度考核' },
    ]);
    expect(doc.categories[0]?.problems[0]?.text).toBe(
      '“三会一课”制度执行不规范。部分村支部组织生活记录缺失。',
    );
    expect(doc.statedTotals).toEqual({ categories: 3, problems: 5, measures: 11 });
    expect(doc.contact).toEqual({ phone: '13800001234', email: 'yunling_xc@example.com' });
    expect(doc.warnings).toEqual([]);
  });

  it('reads an audit report: ① measures after 整改情况, one unenumerated measure', async () => {
    const doc = await parseFile(fixture('audit.txt'));
    expect(doc).toMatchObject({
      kind: 'audit',
      inspector: '区审计局',
      inspectedUnit: '临川区水利局',
      inspectionPeriod: { start: '2024-03-04', end: '2024-04-12' },
      feedbackDate: '2024-05-20',
      contact: null,
    });
    expect(outline(doc)).toEqual([
      ['预算管理方面', ['1 部分项目支出超出预算批复范围 [2]', '2 年末结余资金未及时上缴 [1]']],
      ['政府采购方面', ['3 个别货物采购未按规定公开招标 [3]']],
      ['资产管理方面', ['4 固定资产账实不符 [2]']],
    ]);
    const second = doc.categories[0]?.problems[1];
    expect(second?.text).toBe('年末结余资金未及时上缴。');
    expect(second?.measures).toEqual([{ text: '已于6月15日将结余资金45.3万元全部上缴区财政' }]);
  });

  it('reads a 督查 report: 一是 in the middle of a paragraph, "1．" numbering', async () => {
    const doc = await parseFile(fixture('supervision.txt'));
    expect(doc).toMatchObject({
      title: '江北市人民政府关于省政府第二督查组反馈问题整改落实情况的报告',
      kind: 'supervision',
      inspector: '省政府第二督查组',
      inspectedUnit: '江北市人民政府',
      inspectionPeriod: { start: '2024-06-11', end: '2024-06-14' },
      feedbackDate: '2024-07-02',
      contact: { phone: '0576-86123456', email: null },
      statedTotals: { categories: 2, problems: 4 },
      warnings: [],
    });
    expect(outline(doc)).toEqual([
      ['政策落实方面', ['1 就业补贴发放不及时 [3]', '2 部分企业未享受稳岗返还政策 [1]']],
      ['服务保障方面', ['3 零工市场信息更新滞后 [2]', '4 重点群体帮扶台账不完整 [4]']],
    ]);
    expect(doc.categories[0]?.problems[0]?.measures[0]).toEqual({ text: '清理积压申请并于8月底前发放完毕' });
  });

  it('returns no categories and a warning when there is no problem list', async () => {
    const doc = await parseFile(fixture('no-problem-list.txt'));
    expect(doc.categories).toEqual([]);
    expect(doc.title).toBe('河湾镇扎实推进环境整治问题整改');
    expect(doc.inspector).toBe('市生态环境局');
    expect(doc.feedbackDate).toBe('2024-08');
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]).toContain('未识别出带编号的问题清单');
    expect(doc.warnings[0]).toContain('文中自述5个问题');
  });

  it('decodes a GB18030 file, rare name characters included', async () => {
    const bytes = await readFile(fixture('gb18030.txt'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const doc = await parseFile(fixture('gb18030.txt'));
    expect(doc.title).toBe('石岭村党支部关于乡党委巡察反馈问题整改情况的报告');
    expect(doc.inspector).toBe('乡党委第一巡察组');
    expect(doc.inspectedUnit).toBe('石岭村党支部');
    expect(outline(doc)).toEqual([
      ['集体资产管理方面', ['1 村集体鱼塘承包合同到期未重新发包 [2]', '2 村务公开栏内容更新不及时 [1]']],
    ]);
    expect(doc.categories[0]?.problems[1]?.measures[0]?.text).toContain('王䶮');
  });

  it('warns when the document miscounts itself and when numbers skip', () => {
    const doc = parseText(
      [
        '某局关于巡察整改情况的通报',
        '县委巡察组反馈了2个方面3个问题，制定整改措施5条。',
        '一、纪律作风方面',
        '1.会风会纪松散。',
        '一是严格会议签到；二是通报迟到人员。',
        '3.值班脱岗。',
        '建立值班抽查制度。',
      ].join('\n'),
    );
    expect(doc.categories.map((c) => c.problems.map((p) => p.number))).toEqual([['1', '3']]);
    expect(doc.warnings).toEqual([
      '文中自述2个方面（类别），实际解析出1个方面（类别），请核对。',
      '文中自述3个问题，实际解析出2个问题，请核对。',
      '文中自述5条整改措施，实际解析出3条整改措施，请核对。',
      '问题编号不连续：1 之后是 3。',
    ]);
  });
});

describe('feedback documents and labelled blocks', () => {
  it('reads a 反馈意见: a two-line title, findings only, no measures', async () => {
    const doc = await parseFile(fixture('feedback.txt'));
    expect(doc.title).toBe('中共南溪县委第一巡察组关于巡察南溪县林业局党组的反馈意见');
    expect(doc).toMatchObject({
      kind: 'xuncha',
      inspector: '县委第一巡察组',
      inspectedUnit: '南溪县林业局党组',
      inspectionPeriod: { start: '2024-03-11', end: '2024-05-10' },
      feedbackDate: '2024-06-04',
    });
    expect(outline(doc)).toEqual([
      ['落实林业发展政策方面', ['1 护林员管理制度执行不严 [0]', '2 林木采伐审批把关不严 [0]']],
      ['党风廉政建设方面', ['3 公务用车管理不规范 [0]']],
    ]);
    // The 一是/二是 here enumerate sub-findings and stay in the finding's text.
    expect(doc.categories[0]?.problems[0]?.text).toBe(
      '护林员管理制度执行不严。一是部分护林员巡护记录缺失；二是考勤与补助发放脱节。',
    );
    expect(doc.warnings).toEqual(['这是反馈意见：只列出问题，整改措施需在整改方案中另行填写。']);
  });

  it('reads "问题：/整改措施：" blocks with 1. measures and ledger metadata lines', () => {
    const doc = parseText(
      [
        '某街道关于巡察整改情况的报告',
        '一、基层治理方面',
        '1.问题：网格员入户走访不到位。',
        '整改措施：',
        '1.制定网格员走访计划；',
        '2.每月抽查走访记录。',
        '责任单位：社区办',
        '整改时限：2024年12月',
        '2.问题：居民议事会召开次数少。',
        '整改措施：每季度至少召开一次居民议事会。',
        '责任单位：各社区',
      ].join('\n'),
    );
    expect(outline(doc)).toEqual([
      ['基层治理方面', ['1 网格员入户走访不到位 [2]', '2 居民议事会召开次数少 [1]']],
    ]);
    expect(doc.categories[0]?.problems[0]?.measures).toEqual([
      { text: '制定网格员走访计划' },
      { text: '每月抽查走访记录' },
    ]);
    expect(doc.categories[0]?.problems[1]?.measures).toEqual([{ text: '每季度至少召开一次居民议事会' }]);
  });
});

describe('organisation sections that number their steps', () => {
  it('drops them even when they sit beside the categories', () => {
    const doc = parseText(
      [
        '某县住建局关于巡察整改进展情况的通报（摘要）',
        '县委第二巡察组进驻某县住建局开展了常规巡察，于2023年10月至12月完成，2024年1月8日反馈意见。',
        '一、加强组织领导',
        '1.成立整改工作领导小组。',
        '2.制定整改方案。',
        '二、工程建设管理方面',
        '1.招标文件设置不合理条件。',
        '整改情况：修订招标文件范本。',
        '三、安全生产方面',
        '2.在建工地安全巡查不到位。',
        '整改情况：一是每周巡查；二是建立隐患台账。',
        '联系电话：5551234',
      ].join('\n'),
    );
    expect(doc).toMatchObject({
      title: '某县住建局关于巡察整改进展情况的通报（摘要）',
      inspector: '县委第二巡察组',
      inspectedUnit: '某县住建局',
      inspectionPeriod: { start: '2023-10', end: '2023-12' },
      feedbackDate: '2024-01-08',
      contact: { phone: '5551234', email: null },
    });
    expect(outline(doc)).toEqual([
      ['工程建设管理方面', ['1 招标文件设置不合理条件 [1]']],
      ['安全生产方面', ['2 在建工地安全巡查不到位 [2]']],
    ]);
  });
});

describe('headings that merely contain an organisational phrase', () => {
  it('keeps "党组织领导班子" as a category: only headings that open like an organisation section go', () => {
    const doc = parseText(
      ['（一）聚焦基层党组织领导班子建设', '1.支部书记履职不到位。', '整改情况：开展履职约谈。'].join('\n'),
    );
    expect(outline(doc)).toEqual([['聚焦基层党组织领导班子建设', ['1 支部书记履职不到位 [1]']]]);
  });
});

describe('a round report with numbering restarting in each category', () => {
  it('reads the two-line title, several units, month-only feedback and per-category numbers', async () => {
    const doc = await parseFile(fixture('restart-numbering.txt'));
    expect(doc).toMatchObject({
      title: '中共西林区委员会关于区委第三轮巡察集中整改进展情况的通报',
      kind: 'xuncha',
      inspector: '区委第一巡察组',
      inspectedUnit: '区教育局等6家单位党组织',
      inspectionPeriod: { start: '2023-05-08', end: '2023-06-30' },
      feedbackDate: '2023-08',
      contact: { phone: '0771-1234567', email: null },
      statedTotals: { categories: 3, problems: 5, measures: 10 },
      warnings: [],
    });
    expect(outline(doc)).toEqual([
      ['党的领导方面', ['1 学习贯彻上级精神不深入 [2]', '2 意识形态工作责任制落实不到位 [2]']],
      ['全面从严治党方面', ['1 廉政风险防控不严 [1]', '2 违规发放津补贴 [2]']],
      ['基层党组织建设方面', ['1 组织生活不规范 [3]']],
    ]);
  });
});

describe('a rectification plan', () => {
  it('keeps its problem list and drops its own measures, safeguards and guiding sections', () => {
    const doc = parseText(
      [
        '某县农业农村局关于省委第五巡视组反馈意见的整改方案',
        '为认真落实省委第五巡视组反馈意见，制定本方案。',
        '一、指导思想',
        '坚持问题导向。',
        '二、存在问题',
        '1.高标准农田建设质量不高。',
        '2.涉农资金整合不到位。',
        '三、整改措施',
        '1.开展农田质量排查。',
        '2.建立资金统筹平台。',
        '四、组织保障',
        '1.成立领导小组。',
      ].join('\n'),
    );
    expect(doc.inspector).toBe('省委第五巡视组');
    expect(doc.kind).toBe('xunshi');
    expect(outline(doc)).toEqual([
      ['存在问题', ['1 高标准农田建设质量不高 [0]', '2 涉农资金整合不到位 [0]']],
    ]);
  });
});
