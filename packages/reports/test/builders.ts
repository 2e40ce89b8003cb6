import type { ReportCategory, ReportData, ReportMeasure, ReportProblem } from '../src/index.ts';

// Small builders for report data: each fills a realistic default and takes overrides, so a test
// states only what it is about.

export function buildMeasure(overrides: Partial<ReportMeasure> = {}): ReportMeasure {
  return {
    text: '制定专项工作方案，明确责任分工和完成时限',
    kind: 'deadline',
    unit: '镇党政办',
    deadline: '2024-06-30',
    status: 'closed',
    progress: '方案已印发，相关工作按计划推进',
    ...overrides,
  };
}

export function buildProblem(overrides: Partial<ReportProblem> = {}): ReportProblem {
  return {
    number: '1',
    title: '落实民生政策存在薄弱环节问题',
    text: '部分村低保对象动态调整不及时。',
    status: 'open',
    measures: [buildMeasure()],
    ...overrides,
  };
}

export function buildCategory(overrides: Partial<ReportCategory> = {}): ReportCategory {
  return { title: '关于贯彻落实上级决策部署方面', problems: [buildProblem()], ...overrides };
}

export function buildReportData(overrides: Partial<ReportData> = {}): ReportData {
  return {
    inspection: {
      kind: 'xuncha',
      name: '县委第三轮巡察',
      issuer: '县委',
      team: '县委第二巡察组',
      inspectedUnit: '青石镇党委',
      periodStart: '2024-03-04',
      periodEnd: '2024-04-26',
      feedbackDate: '2024-06-12',
    },
    reportingUnit: '中共青石镇委员会',
    reportDate: '2024-11-08',
    recipient: '县委巡察工作领导小组办公室',
    categories: [buildCategory()],
    accountability: {},
    contact: { phone: '0551-1234567', email: 'qsz_zg@example.cn', address: '青石镇党政办公室' },
    ...overrides,
  };
}

/**
 * A ledger shaped like a real one: three categories of uneven size, measures of every kind and
 * status, one problem without measures, several units. Its totals are counted by hand in
 * totals.test.ts.
 */
export function buildSampleLedger(overrides: Partial<ReportData> = {}): ReportData {
  const m = buildMeasure;
  return buildReportData({
    categories: [
      buildCategory({
        title: '关于贯彻落实上级决策部署方面',
        problems: [
          buildProblem({
            number: '1',
            title: '理论学习与实际工作结合不紧问题',
            measures: [
              m({
                text: '修订党委理论学习中心组学习制度，每季度至少开展一次专题研讨',
                kind: 'ongoing',
                deadline: null,
              }),
              m({ text: '围绕耕地保护、安全生产等重点工作开展调研，形成调研报告3篇', status: 'in_progress' }),
            ],
          }),
          buildProblem({
            number: '2',
            title: '低保动态管理不够精准问题',
            status: 'closed',
            measures: [
              m({
                text: '对全镇低保对象逐户开展入户核查',
                unit: '镇民政所',
                progress: '已核查612户，调整37户82人',
              }),
              m({ text: '建立低保对象定期复核机制', kind: 'ongoing', deadline: null, unit: '镇民政所' }),
              m({ text: '对经办人员开展政策业务培训', kind: 'immediate', deadline: null, progress: null }),
            ],
          }),
          buildProblem({
            number: '3',
            title: '村级光伏电站日常管护不到位问题',
            measures: [
              m({
                text: '对村级光伏电站逐站排查故障并组织维修',
                unit: '镇乡村振兴工作站',
                status: 'pending_review',
              }),
            ],
          }),
        ],
      }),
      buildCategory({
        title: '关于落实全面从严治党责任方面',
        problems: [
          buildProblem({
            number: '4',
            title: '公务接待管理不够规范问题',
            measures: [
              m({ text: '修订公务接待管理办法，严格执行接待审批和清单制度', unit: '镇财政所' }),
              m({
                text: '对近三年接待费用逐笔核查，违规费用全部清退',
                unit: '镇纪委',
                status: 'not_started',
                progress: null,
              }),
            ],
          }),
          buildProblem({ number: '5', title: '村级工程项目监管不严问题', measures: [] }),
        ],
      }),
      buildCategory({
        title: '关于基层组织建设方面',
        problems: [
          buildProblem({
            number: '6',
            title: '发展党员程序不够规范问题',
            status: 'closed',
            measures: [
              m({ text: '对近五年发展党员档案逐一复查并补齐材料', unit: '镇党建办' }),
              m({ text: '组织发展党员工作业务培训', unit: '镇党建办', kind: 'immediate', deadline: null }),
            ],
          }),
        ],
      }),
    ],
    accountability: { 诫勉谈话: 2, 提醒谈话: 3, 通报批评: 0 },
    ...overrides,
  });
}
